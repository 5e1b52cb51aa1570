"""Översikt: every indicator for the chosen group and month, and the units that need attention."""

import streamlit as st

from hrdash import dashboard, swedish, web, widgets
from hrdash.markdown import plain

web.page_guard(__file__)

selection = web.selection()
st.title("Översikt")
if selection is None:
    web.empty_state("någon månad")
    st.stop()

group, month = selection.group, selection.month
st.subheader(f"{group.name} · {swedish.month_name(month)}")
data_version, hidden = web.version(), web.unsuppressed()
widgets.coverage_warnings(dashboard.topic_coverage(web.cursor(), group, month), month)

cards = web.cards(data_version, group, month, hidden, web.targets_version())
for row_start in range(0, len(cards), 3):
    for column, item in zip(st.columns(3), cards[row_start:row_start + 3]):
        with column:
            widgets.card(item, month)

st.header("Behöver uppmärksamhet")
attention = web.attention(data_version, group, month, hidden, web.targets_version())
if not attention:
    st.success("Ingen enhet ligger över sitt mål eller har ökat tre månader i rad.", icon=":material/check_circle:")
pages = {"sick_leave": "pages/sjukfranvaro.py", "turnover": "pages/personalomsattning.py",
         "vacancies": "pages/vakanser.py"}
SHOWN = 20  # a whole municipality can have hundreds; the units' own pages hold the rest
for unit, items in attention[:SHOWN]:
    topic = dashboard.BY_ID[items[0].indicator_id].topic
    name, reasons = st.columns([1, 3], vertical_alignment="center")
    with name:
        st.page_link(pages[topic], label=unit.name, icon=":material/warning:",
                     query_params=web.link_params(unit, month))
    reasons.markdown("  \n".join(plain(i.reason) for i in items))

if len(attention) > SHOWN:
    st.caption(f"… och {len(attention) - SHOWN} enheter till. Välj en avdelning i sidomenyn för att se dess enheter.")

st.header("Per avdelning och enhet, senaste 12 månaderna")
widgets.sparkline_grid(web.sparklines(data_version, group, month, hidden))
