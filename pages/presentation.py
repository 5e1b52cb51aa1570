"""Presentationsläge: one message per slide, large type, for the projector in leadership meetings."""

import streamlit as st

from hrdash.markdown import plain
from hrdash.ui import cache, registry, sidebar, widgets

registry.guard(__file__)
# Room for one message on a 1280×720 projector: less space above it, larger figures.
st.html("<style>.stMainBlockContainer {padding-top: 2.8rem !important; padding-bottom: 0.5rem;}"
        " [data-testid='stMetricValue'] {font-size: 2.3rem;} [data-testid='stMetricLabel'] p {font-size: 1rem;}"
        " [data-testid='stVerticalBlockBorderWrapper'] {padding: 0.55rem 0.9rem;}"
        " .stMainBlockContainer h2 {padding-top: 0.1rem;}"
        " .st-key-tangenter {display: none;}"
        # Streamlit's bar at the top would hide the upper edge of the slide's buttons: it lets them show
        # and be clicked through it, but for its own buttons (the sidebar's).
        " [data-testid='stHeader'] {background: transparent; pointer-events: none;}"
        " [data-testid='stHeader'] button {pointer-events: auto;}</style>")
selection = sidebar.selection()
if selection is None:
    st.title("Presentationsläge")
    widgets.empty_state("någon månad")
    st.stop()

slides = cache.slides(selection.group, selection.month)
number = min(max(int(st.query_params.get("bild", "1") or 1), 1), len(slides))


def go(to: int) -> None:
    st.query_params["bild"] = str(to)


# The buttons stay at the top, in one place whatever the slide holds. A presenter's clicker sends
# Page Down/Page Up (or the arrow keys): each key is the shortcut of a button hidden from view and from
# the keyboard's tab order, so that the visible buttons' labels stay Swedish words (Streamlit writes a
# shortcut's English key name into its button); their tooltips name the keys.
back, where, forward = st.columns([1, 2, 1], vertical_alignment="center")
back.button("Föregående", icon=":material/arrow_back:", disabled=number == 1, width="stretch", key="bakåt",
            on_click=go, args=(number - 1,), help="Tangent: Page Up eller vänsterpil")
where.markdown(f"Bild {number} av {len(slides)} · {plain(selection.group.name)}", text_alignment="center")
forward.button("Nästa", icon=":material/arrow_forward:", disabled=number == len(slides), width="stretch",
               key="framåt", on_click=go, args=(number + 1,), help="Tangent: Page Down eller högerpil")
with st.container(key="tangenter"):
    st.button("Föregående bild", disabled=number == 1, key="bakåt_sida", on_click=go, args=(number - 1,),
              shortcut="PageUp")
    st.button("Nästa bild", disabled=number == len(slides), key="framåt_sida", on_click=go, args=(number + 1,),
              shortcut="PageDown")
    st.button("Föregående bild", disabled=number == 1, key="bakåt_pil", on_click=go, args=(number - 1,),
              shortcut="Left")
    st.button("Nästa bild", disabled=number == len(slides), key="framåt_pil", on_click=go, args=(number + 1,),
              shortcut="Right")
widgets.slide(slides[number - 1])
