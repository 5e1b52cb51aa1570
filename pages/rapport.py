"""Månadsrapport: the committee report for the chosen group and month, as PDF, Excel or PowerPoint."""

import streamlit as st

from hrdash import swedish
from hrdash.catalogue import few_people
from hrdash.markdown import plain
from hrdash.reports import exports
from hrdash.ui import cache, registry, sidebar, widgets

registry.guard(__file__)
st.title("Månadsrapport")
selection = sidebar.selection()
if selection is None:
    widgets.empty_state("någon månad")
    st.stop()

group, month = selection.group, selection.month
st.subheader(f"{group.name} · {swedish.month_name(month)}")
st.markdown("Rapporten följer urvalet i sidomenyn. Den visar aldrig sjukfrånvaro för grupper med "
            f"{few_people(cache.health_limit())}, oavsett vem som tar fram den.")
report = cache.report(group, month)
st.markdown("#### Sammanfattning")
for sentence in report.summary:
    st.markdown(f"- {plain(sentence)}")

st.markdown("#### Ladda ner")
# The formats by the names users know them by: PDF, Excel and PowerPoint (never XLSX or PPTX).
FORMATS = {"pdf": ("PDF", "PDF till nämndens handlingar", "application/pdf", ":material/picture_as_pdf:"),
           "xlsx": ("Excel", "Excel för vidare arbete",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ":material/table:"),
           "pptx": ("PowerPoint", "PowerPoint för ledningsgruppen",
                    "application/vnd.openxmlformats-officedocument.presentationml.presentation", ":material/slideshow:")}
for column, (suffix, (name, label, mime, icon)) in zip(st.columns(3), FORMATS.items()):
    with column:
        key = f"fil_{suffix}"
        if st.button(f"Skapa {name}", key=f"skapa_{suffix}", icon=icon, help=label, width="stretch"):
            with st.spinner(f"Skapar {name} …"):
                st.session_state[key] = (group.key, month, cache.report_file(group, month, suffix))
        made = st.session_state.get(key)
        if made and made[:2] == (group.key, month):
            st.download_button(f"Ladda ner {name}", made[2], exports.file_name(group, month, suffix),
                               mime=mime, type="primary", key=f"ladda_{suffix}", width="stretch")
