"""Om siffrorna: every definition in plain Swedish, where the figures come from, the privacy rule."""

import streamlit as st

from hrdash.ui import cache, guide, registry

registry.guard(__file__)

st.title("Om siffrorna")
for heading, body in guide.sections(cache.health_limit()):
    st.header(heading)
    st.markdown(body)
st.header("Alla nyckeltal")
st.table(guide.definitions_table(), hide_index=True, border="horizontal")  # whole texts, every row
st.header("Kolumner i filerna")
st.caption("Rubrikerna får stå med stora eller små bokstäver, med eller utan enhet inom parentes, t.ex. 'Ordinarie "
           "tid (tim)'. Några av de andra namnen är på engelska, så som vissa lönesystem skriver dem.")
st.table(guide.columns_table(), hide_index=True, border="horizontal")
