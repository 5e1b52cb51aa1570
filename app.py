"""The frame of the dashboard: sign-in, navigation over the pages in pages/ that the user's
role may open, and the shared sidebar."""

import streamlit as st

from hrdash import access, web
from hrdash.markdown import plain

st.set_page_config(page_title="HR-nyckeltal", page_icon=":material/monitoring:", layout="wide")

user = web.sign_in()

# section, file, title, icon, uses the sidebar's organisation and period
PAGES = [
    ("Nyckeltal", "pages/oversikt.py", "Översikt", ":material/dashboard:", True),
    ("Nyckeltal", "pages/sjukfranvaro.py", "Sjukfrånvaro", ":material/monitor_heart:", True),
    ("Nyckeltal", "pages/personalomsattning.py", "Personalomsättning", ":material/sync_alt:", True),
    ("Nyckeltal", "pages/vakanser.py", "Vakanser", ":material/event_seat:", True),
    ("Nyckeltal", "pages/rekrytering.py", "Rekryteringsbehov", ":material/person_search:", True),
    ("Rapporter", "pages/rapport.py", "Månadsrapport", ":material/description:", True),
    ("Rapporter", "pages/presentation.py", "Presentationsläge", ":material/slideshow:", True),
    ("Underlag", "pages/ladda_upp.py", "Ladda upp", ":material/upload:", False),
    ("Underlag", "pages/data.py", "Data", ":material/database:", False),
    ("Underlag", "pages/om_siffrorna.py", "Om siffrorna", ":material/info:", False),
    ("Underlag", "pages/behorigheter.py", "Behörigheter", ":material/admin_panel_settings:", False),
]

# The navigation lists only the pages this user's role may open. The others stay registered but
# hidden, so a direct address to one reaches its page_guard and is refused in plain Swedish.
sections: dict[str, list] = {}
for section, file, title, icon, _ in PAGES:
    visibility = "visible" if access.may_open(user.role, file) else "hidden"
    sections.setdefault(section, []).append(
        st.Page(file, title=title, icon=icon, default=title == "Översikt", visibility=visibility))
page = st.navigation(sections)

presenting = page.title == "Presentationsläge"
if presenting:
    # Full screen for the projector: the sidebar starts folded away.
    st.set_page_config(initial_sidebar_state="collapsed")
elif user.demo:
    st.warning("**Demoläge – ingen inloggning.** Alla som når sidan ser den som HR. Konfigurera inloggning "
               "innan riktiga uppgifter läses in.", icon=":material/science:")
with st.sidebar:
    if user.demo:
        st.caption("Demoläge – ingen inloggning")
    else:
        st.caption(f"Inloggad: {plain(user.name)} · {access.ROLE_NAMES[user.role]}")
        st.button("Logga ut", on_click=st.logout, key="logga_ut", icon=":material/logout:")
    st.caption(web.status_line())
if any(uses_selection for _, _, title, _, uses_selection in PAGES if title == page.title):
    web.sidebar_selection()
page.run()
