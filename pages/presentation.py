"""Presentationsläge: one message per slide, large type, for the projector in leadership meetings."""

import streamlit as st

from hrdash.markdown import plain
from hrdash.ui import cache, registry, sidebar, widgets

registry.guard(__file__)
# Room for one message on a 1280×720 projector: less space above it, larger figures.
st.html("<style>.stMainBlockContainer {padding-top: 3.2rem; padding-bottom: 0.5rem;}"
        " [data-testid='stMetricValue'] {font-size: 3.2rem;}</style>")
selection = sidebar.selection()
if selection is None:
    st.title("Presentationsläge")
    widgets.empty_state("någon månad")
    st.stop()

slides = cache.slides(selection.group, selection.month)
number = min(max(int(st.query_params.get("bild", "1") or 1), 1), len(slides))
slide = slides[number - 1]
widgets.slide(slide)

back, where, forward = st.columns([1, 2, 1], vertical_alignment="center")
if back.button("Föregående", icon=":material/arrow_back:", disabled=number == 1, width="stretch", key="bakåt"):
    st.query_params["bild"] = str(number - 1)
    st.rerun()
where.markdown(f"Bild {number} av {len(slides)} · {plain(selection.group.name)}", text_alignment="center")
if forward.button("Nästa", icon=":material/arrow_forward:", disabled=number == len(slides), width="stretch",
                  key="framåt"):
    st.query_params["bild"] = str(number + 1)
    st.rerun()
