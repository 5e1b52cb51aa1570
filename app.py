"""The frame of the dashboard: navigation over the pages in pages/ and the shared sidebar."""

import streamlit as st

st.set_page_config(page_title="HR-nyckeltal – Socialförvaltningen", page_icon="📊", layout="wide")

navigation = st.navigation([st.Page("pages/oversikt.py", title="Översikt", icon="📊", default=True)])
navigation.run()
