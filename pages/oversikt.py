"""Översikt: the förvaltning's indicators for the latest month."""

import streamlit as st

from hrdash import indicators, swedish
from hrdash.web import cursor

st.title("Översikt")
frame = indicators.fetch(cursor(), levels=("förvaltning",))
if frame.empty:
    st.info("Inga uppgifter ännu – läs in filer med `hrdash import` eller demodata med `hrdash demo`.")
    st.stop()
latest = frame["month"].max()
st.subheader(f"{frame['group_name'].iloc[0]}, {swedish.month_name(latest)}")
current = frame[frame["month"] == latest].set_index("indicator")
columns = st.columns(4)
for position, indicator in enumerate(i for i in indicators.INDICATORS if i.id in current.index):
    value = current.loc[indicator.id, "value"]
    text = swedish.percent(value) if indicator.unit == "%" else swedish.number(value, 1)
    columns[position % 4].metric(indicator.label, text)
