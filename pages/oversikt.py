"""Översikt: every indicator for the chosen group and month, the units that need attention (most
serious first), what it costs, and each avdelning and unit over the last 12 months."""

import streamlit as st

from hrdash import swedish
from hrdash.catalogue import BY_ID, TOPICS
from hrdash.figures.attention import EXPLAINED, NOTHING
from hrdash.markdown import plain
from hrdash.ui import cache, registry, session, sidebar, widgets

registry.guard(__file__)

selection = sidebar.selection()
st.title("Översikt")
if selection is None:
    widgets.empty_state("någon månad")
    st.stop()

group, month = selection.group, selection.month
st.subheader(f"{group.name} · {swedish.month_name(month)}")
data_version, hidden = session.version(), session.unsuppressed()
widgets.coverage_warnings(cache.coverage(data_version, group, month), month)

cards = cache.cards(group, month, hidden)
for row_start in range(0, len(cards), 3):
    for column, item in zip(st.columns(3), cards[row_start:row_start + 3]):
        with column:
            widgets.card(item, month)

st.header("Behöver uppmärksamhet")
findings = cache.attention(group, month, hidden)
for note in findings.incomplete:
    st.warning(note, icon=":material/pending:")
if findings:
    st.caption(EXPLAINED)
elif not findings.incomplete:
    st.success(NOTHING, icon=":material/check_circle:")
SHOWN = 20  # a whole municipality can have hundreds; the units' own pages hold the rest
for unit, items in findings.units[:SHOWN]:
    topic = TOPICS[BY_ID[items[0].indicator_id].topic]
    name, reasons = st.columns([1, 3], vertical_alignment="center")
    with name:
        st.page_link(topic.page, label=unit.name, icon=":material/warning:",
                     query_params=sidebar.link_params(unit, month))
    reasons.markdown("  \n".join(plain(i.reason) for i in items))

if len(findings) > SHOWN:
    st.caption(f"… och {len(findings) - SHOWN} enheter till. Välj en avdelning i sidomenyn för att se dess enheter.")

st.header("Vad det kostar")
for column, cost in zip(st.columns(3), cache.costs(group, month, hidden)):
    with column, st.container(border=True):
        st.metric(cost.label, swedish.kronor_rounded(cost.amount) if cost.amount is not None else "–",
                  help=swedish.kronor(cost.amount) if cost.amount is not None else None)
        st.caption(plain(cost.arithmetic) if cost.amount is not None else f"Visas inte: {cost.note[0].lower()}"
                   f"{cost.note[1:]}")
st.caption("Beloppen räknas med inställningarna under Data → Inställningar.")

st.header("Per avdelning och enhet, senaste 12 månaderna")
widgets.sparkline_grid(cache.sparklines(data_version, group, month, hidden))
