"""What every page shares: the database connection, cached figures, the signed-in user and
the organisation and period selectors in the sidebar.

Figures are cached per data version (it changes when a batch is imported or undone), so a
new import shows at once and nothing is recomputed on a plain rerun.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

import duckdb
import pandas as pd
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from hrdash import access, audit, dashboard, database, exports, indicators, swedish, upload
from hrdash import report as report_module
from hrdash import slides as slides_module
from hrdash.columns import kind_by_name
from hrdash.dashboard import Group
from hrdash.ingest import parse_file
from hrdash.markdown import plain


@st.cache_resource
def _connection(path: str) -> duckdb.DuckDBPyConnection:
    # The schema and views are created here, once, before any page runs concurrently.
    return database.connect(path)


def cursor() -> duckdb.DuckDBPyConnection:
    """A cursor on the shared connection; DuckDB cursors are safe to use one per thread."""
    return _connection(str(database.default_path())).cursor()


def version() -> str:
    return indicators.data_version(cursor())


@dataclass(frozen=True)
class User:
    name: str  # the e-mail address the sign-in gave, or 'demo'
    role: str  # läsare, hr or admin
    demo: bool = False  # no sign-in configured: everyone is HR

    @property
    def may_see_unsuppressed(self) -> bool:
        return self.role in ("hr", "admin")


def production() -> bool:
    return os.environ.get("HRDASH_ENV", "").lower() == "production"


def sign_in_configured() -> bool:
    """Whether .streamlit/secrets.toml has an [auth] section for st.login."""
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all
        return False


def sign_in() -> User:
    """Who is using the app, called by the frame before any page. Stops the run with a Swedish
    explanation when nobody may be let in: sign-in missing in production, not signed in, or
    signed in without a role."""
    if not sign_in_configured():
        if production():
            st.error("hrdash körs som produktion (HRDASH_ENV=production) men inloggning är inte konfigurerad. "
                     "Lägg till avsnittet [auth] i .streamlit/secrets.toml – se README, avsnittet för IT.",
                     icon=":material/lock:")
            st.stop()
        user = User("demo", "hr", demo=True)
    elif not st.user.is_logged_in:
        st.title("HR-nyckeltal")
        st.markdown("Logga in med ditt konto i kommunen för att se nyckeltalen.")
        if st.button("Logga in", type="primary", icon=":material/login:", key="logga_in"):
            st.login()
        st.stop()
    else:
        email = str(st.user.get("email") or st.user.get("sub") or "")
        groups = st.user.get("groups") or []
        groups = [groups] if isinstance(groups, str) else list(groups)
        role = access.role_for(cursor(), email, groups)
        if role is None:
            _record_once(email, "Nekad inloggning", "ingen roll")
            st.title("HR-nyckeltal")
            st.warning(f"Du är inloggad som {plain(email)} men har ingen behörighet i hrdash ännu. "
                       "Be en administratör att ge dig en roll.", icon=":material/lock:")
            st.button("Logga ut", on_click=st.logout, key="logga_ut")
            st.stop()
        user = User(email, role)
        _record_once(email, "Inloggning", access.ROLE_NAMES[role])
    st.session_state["_användare"] = user
    return user


def _record_once(who: str, action: str, detail: str) -> None:
    """Log a sign-in once per browser session, not on every rerun."""
    if st.session_state.get("_loggad") != (who, action):
        audit.record(cursor(), who, action, detail)
        st.session_state["_loggad"] = (who, action)


def user() -> User:
    """The user the frame let in on this run."""
    return st.session_state["_användare"]


def unsuppressed() -> bool:
    """Whether this view shows figures for groups under 10 people: only HR, only when asked."""
    return user().may_see_unsuppressed and bool(st.session_state.get("visa_dolda", False))


@st.cache_data(show_spinner=False, max_entries=8)
def groups(data_version: str) -> list[Group]:
    return dashboard.groups(cursor())


@st.cache_data(show_spinner=False, max_entries=8)
def months(data_version: str) -> list[dt.date]:
    return dashboard.months(cursor())


@st.cache_data(show_spinner=False, max_entries=8)
def default_month(data_version: str) -> dt.date | None:
    return dashboard.default_month(cursor())


@st.cache_data(show_spinner="Hämtar siffrorna …", max_entries=256)
def series(data_version: str, group: Group, indicator_ids: tuple[str, ...], hidden_shown: bool,
           first: dt.date | None = None, last: dt.date | None = None) -> pd.DataFrame:
    return dashboard.series(cursor(), group, list(indicator_ids), hidden_shown, first, last)


@st.cache_data(show_spinner=False, max_entries=256)
def ranking(data_version: str, members: tuple[Group, ...], indicator_id: str, month: dt.date,
            hidden_shown: bool) -> pd.DataFrame:
    return dashboard.ranking(cursor(), list(members), indicator_id, month, hidden_shown)


@st.cache_data(show_spinner=False, max_entries=64)
def cards(data_version: str, group: Group, month: dt.date, hidden_shown: bool, targets_version: str):
    return dashboard.cards(cursor(), group, month, hidden_shown)


@st.cache_data(show_spinner=False, max_entries=64)
def attention(data_version: str, group: Group, month: dt.date, hidden_shown: bool, targets_version: str):
    return dashboard.attention(cursor(), groups(data_version), group, month, hidden_shown)


@st.cache_data(show_spinner=False, max_entries=64)
def sparklines(data_version: str, group: Group, month: dt.date, hidden_shown: bool) -> pd.DataFrame:
    members = dashboard.descendants(groups(data_version), group)
    return dashboard.sparklines(cursor(), members, month, hidden_shown)


def targets_version() -> str:
    """Changes whenever a target is set, so cards and attention lists follow."""
    return str(cursor().execute("SELECT count(*) FROM targets").fetchone()[0])


def report_version() -> str:
    """Everything a report shows: figures, targets and comments."""
    comments_count = cursor().execute("SELECT count(*) FROM comments").fetchone()[0]
    return f"{version()}|{targets_version()}|{comments_count}"


@st.cache_data(show_spinner="Sammanställer rapporten …", max_entries=16)
def _report(content_version: str, group: Group, month: dt.date):
    return report_module.build(cursor(), group, month)


def report(group: Group, month: dt.date):
    return _report(report_version(), group, month)


@st.cache_data(show_spinner=False, max_entries=16)
def _report_file(content_version: str, group: Group, month: dt.date, suffix: str) -> bytes:
    return exports.render(_report(content_version, group, month), suffix)


def report_file(group: Group, month: dt.date, suffix: str) -> bytes:
    return _report_file(report_version(), group, month, suffix)


@st.cache_data(show_spinner="Förbereder bilderna …", max_entries=16)
def _slides(content_version: str, group: Group, month: dt.date):
    return slides_module.build(_report(content_version, group, month))


def slides(group: Group, month: dt.date):
    return _slides(report_version(), group, month)


@st.cache_resource(show_spinner="Läser filen …", max_entries=8)
def parsed_upload(content: bytes, file_name: str, kind_name: str | None, mapping: tuple[tuple[str, str], ...]):
    """A file read once per content, kind and mapping, not on every rerun of the upload page
    (a large export takes a second or two). Kept as the object itself: nothing changes it."""
    return parse_file(content, file_name, kind_by_name(kind_name) if kind_name else None, dict(mapping) or None)


@st.cache_resource(show_spinner="Räknar ut vad som ändras …", max_entries=8)
def upload_preview(sha256: str, kind_name: str | None, mapping: tuple[tuple[str, str], ...], data_version: str,
                   _parsed):
    return upload.preview(cursor(), _parsed)



PERIODS = {"12": "12 månader", "24": "24 månader", "36": "36 månader", "alla": "Alla månader"}


@dataclass(frozen=True)
class Selection:
    group: Group
    month: dt.date
    first: dt.date | None  # first month of the trend window

    @property
    def query_params(self) -> dict[str, str]:
        """For links that open the same view."""
        return link_params(self.group, self.month)


def link_params(group: Group | None, month: dt.date | None) -> dict[str, str]:
    """Query parameters that open a page on a group and month: the selectors are bound to the
    URL by their labels, so a link reads like '?grupp=Vuxen – avdelning&manad=oktober 2026'."""
    params = {}
    if group is not None:
        params["grupp"] = group.label
    if month is not None:
        params["manad"] = swedish.month_name(month)
    return params


def selection() -> Selection | None:
    """The group, month and period chosen in the sidebar, for the page being shown."""
    return st.session_state.get("_urval")


def sidebar_selection() -> None:
    """The organisation and period selectors, drawn by the frame (app.py) so that they are the
    same widgets on every figure page, and bound to the URL so a copied link opens the same view.
    The choice is left for the page in `selection()`; None when there are no figures yet."""
    st.session_state["_urval"] = _sidebar_selection()


def _sidebar_selection() -> Selection | None:
    data_version = version()
    all_groups = groups(data_version)
    all_months = months(data_version)
    if not all_groups or not all_months:
        return None
    # The selectors are bound to the URL by their labels, which are unique.
    by_label = {g.label: g for g in all_groups}
    top = dashboard.top_group(all_groups)
    default = default_month(data_version) or all_months[0]
    with st.sidebar:
        st.markdown("#### Visa")
        group_label = st.selectbox(
            "Organisation", list(by_label), index=list(by_label).index(top.label), key="grupp",
            bind="query-params", help="Skriv för att söka bland förvaltning, avdelningar och enheter.",
        )
        month = st.selectbox(
            "Månad", all_months, index=all_months.index(default), format_func=swedish.month_name,
            key="manad", bind="query-params", help="Förvald är den senaste månaden som alla enheter har rapporterat.",
        )
        period = st.segmented_control("Period i diagrammen", list(PERIODS), format_func=PERIODS.get,
                                      default="24", key="period", bind="query-params") or "24"
        if user().may_see_unsuppressed:
            st.toggle("Visa dolda uppgifter (bara HR)", key="visa_dolda",
                      help="Visar sjukfrånvaro även för grupper under 10 personer. Använd inte vid visning för nämnden.")
    first = None if period == "alla" else dashboard.month_shift(month, -int(period) + 1)
    return Selection(by_label[group_label], month, first)


def page_guard(page_file: str) -> None:
    """The first call of every page in pages/: `web.page_guard(__file__)`.

    Streamlit runs a page of a pages/ folder on its own (without app.py, the frame) when a
    session opens on a page's URL before any session of the server process has run
    st.navigation. That page would then skip the frame and its checks; instead, switch the
    process to st.navigation and rerun, which runs the frame with the page the URL named.

    Then the page refuses a user whose role may not open it, whatever the navigation showed."""
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
    if "_användare" not in st.session_state:
        st.error("Sidan kan bara visas inifrån appen.", icon=":material/lock:")
        st.stop()
    page = f"pages/{os.path.basename(page_file)}"
    if not access.may_open(user().role, page):
        st.error("Du har inte behörighet till den här sidan.", icon=":material/lock:")
        st.stop()


def status_line() -> str:
    """The sidebar's footnote: how fresh the figures are."""
    row = cursor().execute(
        "SELECT max(imported_at), count(*) FROM batches WHERE undone_at IS NULL").fetchone()
    if not row[1]:
        return "Inga filer inlästa ännu."
    return f"Senaste inläsning {swedish.date(row[0].date())} · {row[1]} importer gäller"


def empty_state(what: str) -> None:
    st.info(f"Inga uppgifter för {what} ännu – ladda upp filer under **Ladda upp**.", icon=":material/folder_open:")
    st.page_link("pages/ladda_upp.py", label="Gå till Ladda upp", icon=":material/upload:")
