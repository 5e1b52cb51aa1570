"""The frame of the dashboard: navigation over the pages in pages/ and the shared sidebar."""

import streamlit as st

from hrdash import web

st.set_page_config(page_title="HR-nyckeltal", page_icon=":material/dashboard:", layout="wide")

FIGURE_PAGES = [
    st.Page("pages/oversikt.py", title="Översikt", icon=":material/dashboard:", default=True),
    st.Page("pages/sjukfranvaro.py", title="Sjukfrånvaro", icon=":material/monitor_heart:"),
    st.Page("pages/personalomsattning.py", title="Personalomsättning", icon=":material/sync_alt:"),
    st.Page("pages/vakanser.py", title="Vakanser", icon=":material/event_seat:"),
    st.Page("pages/rekrytering.py", title="Rekryteringsbehov", icon=":material/person_search:"),
]
PAGES = {
    "Nyckeltal": FIGURE_PAGES,
    "Rapporter": [
        st.Page("pages/rapport.py", title="Månadsrapport", icon=":material/description:"),
        st.Page("pages/presentation.py", title="Presentationsläge", icon=":material/slideshow:"),
    ],
    "Underlag": [
        st.Page("pages/ladda_upp.py", title="Ladda upp", icon=":material/upload:"),
        st.Page("pages/data.py", title="Data", icon=":material/database:"),
        st.Page("pages/om_siffrorna.py", title="Om siffrorna", icon=":material/info:"),
    ],
}

page = st.navigation(PAGES)
if page.title == "Presentationsläge":
    # Full screen for the projector: the sidebar starts folded away.
    st.set_page_config(initial_sidebar_state="collapsed")
with st.sidebar:
    st.caption(web.status_line())
if page in FIGURE_PAGES or page.title in ("Månadsrapport", "Presentationsläge"):
    web.sidebar_selection()
page.run()
