"""Every page of the app, declared once: its file in pages/, title, icon, navigation section,
the roles that may open it, and whether it uses the sidebar's organisation and period.

app.py registers the pages and draws the navigation from this list; each page's first line,
`guard(__file__)`, checks it; the tests walk it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from hrdash.store.roles import ROLES
from hrdash.ui import session

HR = ("hr", "admin")


@dataclass(frozen=True)
class PageInfo:
    file: str  # relative to the project root, as st.Page takes it
    title: str
    icon: str
    section: str
    roles: tuple[str, ...] = ROLES
    uses_selection: bool = False  # the sidebar's organisation, month and period apply

    @property
    def url_path(self) -> str:
        """The page's address, as Streamlit makes it: '' for the first page, else the file's name."""
        return "" if self is PAGES[0] else os.path.splitext(os.path.basename(self.file))[0]


PAGES: tuple[PageInfo, ...] = (
    PageInfo("pages/oversikt.py", "Översikt", ":material/dashboard:", "Nyckeltal", uses_selection=True),
    PageInfo("pages/sjukfranvaro.py", "Sjukfrånvaro", ":material/monitor_heart:", "Nyckeltal", uses_selection=True),
    PageInfo("pages/personalomsattning.py", "Personalomsättning", ":material/sync_alt:", "Nyckeltal",
             uses_selection=True),
    PageInfo("pages/vakanser.py", "Vakanser", ":material/event_seat:", "Nyckeltal", uses_selection=True),
    PageInfo("pages/rekrytering.py", "Rekryteringsbehov", ":material/person_search:", "Nyckeltal", uses_selection=True),
    PageInfo("pages/arbetsbelastning.py", "Arbetsbelastning", ":material/work_history:", "Nyckeltal",
             uses_selection=True),
    PageInfo("pages/medarbetarnas_rost.py", "Medarbetarnas röst", ":material/record_voice_over:", "Nyckeltal",
             uses_selection=True),
    PageInfo("pages/rapport.py", "Månadsrapport", ":material/description:", "Rapporter", uses_selection=True),
    PageInfo("pages/presentation.py", "Presentationsläge", ":material/slideshow:", "Rapporter", uses_selection=True),
    PageInfo("pages/arsredovisning.py", "Årsredovisning", ":material/menu_book:", "Rapporter"),
    PageInfo("pages/min_del.py", "Min del", ":material/badge:", "Underlag", roles=("chef",)),
    PageInfo("pages/ladda_upp.py", "Ladda upp", ":material/upload:", "Underlag", roles=HR),
    PageInfo("pages/data.py", "Data", ":material/database:", "Underlag", roles=HR),
    PageInfo("pages/om_siffrorna.py", "Om siffrorna", ":material/info:", "Underlag"),
    PageInfo("pages/behorigheter.py", "Behörigheter", ":material/admin_panel_settings:", "Underlag",
             roles=("admin",)),
)
BY_FILE = {page.file: page for page in PAGES}


def may_open(role: str, page_file: str) -> bool:
    page = BY_FILE.get(page_file)
    return page is not None and role in page.roles


def guard(page_file: str) -> None:
    """The first call of every page in pages/: `registry.guard(__file__)`.

    `hrdash serve` starts Streamlit with its old pages/-folder mode switched off, so every run
    goes through the frame (app.py). Started some other way (`streamlit run app.py`), Streamlit
    runs a page on its own when the first session of the server opens that page's URL; then
    switch the process to st.navigation and rerun, which runs the frame with that page.

    Then the page refuses a user whose role may not open it, whatever the navigation showed."""
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
    if not session.signed_in():
        st.error("Sidan kan bara visas inifrån appen.", icon=":material/lock:")
        st.stop()
    if not may_open(session.user().role, f"pages/{os.path.basename(page_file)}"):
        st.error("Du har inte behörighet till den här sidan.", icon=":material/lock:")
        st.stop()
