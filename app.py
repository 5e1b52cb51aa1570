"""The frame of the dashboard: sign-in, the pages of the registry (hrdash/ui/registry.py) that
the user's role may open, the shared sidebar, and the one place a user-facing error of a page
is shown."""

from pathlib import Path

import streamlit as st

from hrdash.catalogue import few_people
from hrdash.errors import UserError
from hrdash.markdown import plain
from hrdash.ui import cache, interface, registry, session, sidebar

# The tab's icon is sent with the page: a Material icon here would be fetched from Google.
st.set_page_config(page_title="HR-nyckeltal", page_icon=interface.FAVICON, layout="wide")
interface.install()

st.html(f"<style>{(Path(__file__).parent / 'hrdash' / 'ui' / 'style.css').read_text()}</style>")
user = session.sign_in()

# Every page is registered, so a direct address to a page the role may not open reaches its
# guard and is refused in plain Swedish; the sidebar lists only those the role may open.
page = st.navigation([st.Page(info.file, title=info.title, icon=info.icon, default=info is registry.PAGES[0])
                      for info in registry.PAGES], position="hidden")
info = next(i for i in registry.PAGES if i.title == page.title)
st.set_page_config(page_title=f"{info.title} · HR-nyckeltal")  # the browser tab names the page

if info.file == "pages/presentation.py":
    # Full screen for the projector: the sidebar starts folded away.
    st.set_page_config(initial_sidebar_state="collapsed")
elif user.demo:
    st.warning("**Demoläge – ingen inloggning.** Alla som når sidan ser den som HR. Konfigurera inloggning "
               "innan riktiga uppgifter läses in.", icon=":material/science:")
sidebar.navigation(user)
sidebar.account(user)
if info.uses_selection:
    sidebar.selectors()
    if session.unsuppressed() and info.file not in ("pages/presentation.py", "pages/rapport.py"):
        # Presentation mode and the report always hide them; the other pages say so while they do not.
        st.warning("**Dolda uppgifter visas.** Den här sidan visar siffror som integritetsskyddet annars döljer "
                   f"(grupper med {few_people(cache.health_limit())}). Visa den inte för nämnden. Presentationsläget "
                   "och rapporterna "
                   "visar dem aldrig.", icon=":material/visibility:")
try:
    page.run()
except UserError as error:
    st.error("  \n".join(plain(line) for line in error.lines()), icon=":material/block:")
