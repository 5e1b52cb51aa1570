"""The sidebar: the navigation drawn from the page registry, who is signed in, how fresh the
figures are, and the organisation, month and period selectors, bound to the URL so that a
copied link opens the same view."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import streamlit as st

from hrdash import swedish
from hrdash.catalogue import few_people
from hrdash.figures.groups import Group, find_group, top_group
from hrdash.markdown import plain
from hrdash.months import shift
from hrdash.store import roles
from hrdash.ui import cache, registry
from hrdash.ui.session import User, user, version


def navigation(current: User) -> None:
    """The pages this user's role may open, by section. (Streamlit's own navigation is switched
    off in .streamlit/config.toml: it would list the files of pages/ before the frame runs.)"""
    with st.sidebar:
        sections: dict[str, list[registry.PageInfo]] = {}
        for page in registry.PAGES:
            if current.role in page.roles:
                sections.setdefault(page.section, []).append(page)
        for section, pages in sections.items():
            st.markdown(f"**{section}**")
            for page in pages:
                st.page_link(page.file, label=page.title, icon=page.icon)


def account(current: User) -> None:
    with st.sidebar:
        if current.demo:
            st.caption("Demoläge – ingen inloggning")
        else:
            st.caption(f"Inloggad: {plain(current.name)} · {roles.ROLE_NAMES[current.role]}")
            st.button("Logga ut", on_click=st.logout, key="logga_ut", icon=":material/logout:")
        st.caption(status_line())


def status_line() -> str:
    """The sidebar's footnote: how fresh the figures are."""
    latest, imports = cache.import_status(version())
    if not imports:
        return "Inga filer inlästa ännu."
    return f"Senaste inläsning {swedish.date(latest.date())} · {imports} importer gäller"


PERIODS = {"12": "12 månader", "24": "24 månader", "36": "36 månader", "alla": "Alla månader"}


@dataclass(frozen=True)
class Selection:
    group: Group
    month: dt.date
    first: dt.date | None  # first month of the trend window


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


LONGEST_SHOWN = 30  # characters of a group's name the sidebar's selector shows whole


def selectors() -> None:
    """The organisation and period selectors, drawn by the frame (app.py) so that they are the
    same widgets on every figure page. The choice is left for the page in `selection()`; None
    when there are no figures yet."""
    st.session_state["_urval"] = _selectors()


def _selectors() -> Selection | None:
    data_version = version()
    all_groups = cache.groups(data_version)
    all_months = cache.months(data_version)
    if not all_groups or not all_months:
        return None
    # The selectors are bound to the URL by their labels, which are unique.
    by_label = {g.label: g for g in all_groups}
    # The whole organisation first; HR of a part opens on its own part.
    start = find_group(all_groups, user().home) or top_group(all_groups)
    default = cache.default_month(data_version) or all_months[0]
    with st.sidebar:
        st.markdown("#### Visa")
        group_label = st.selectbox(
            "Organisation", list(by_label), index=list(by_label).index(start.label), key="grupp",
            bind="query-params", help="Skriv för att söka bland förvaltning, avdelningar och enheter.",
        )
        if len(group_label) > LONGEST_SHOWN:  # the selector's field cannot wrap: the whole name below it
            st.caption(group_label)
        month = st.selectbox(
            "Månad", all_months, index=all_months.index(default), format_func=swedish.month_name,
            key="manad", bind="query-params", help="Förvald är den senaste månaden som alla enheter har rapporterat.",
        )
        period = st.segmented_control("Period i diagrammen", list(PERIODS), format_func=PERIODS.get,
                                      default="24", key="period", bind="query-params") or "24"
        if user().may_see_unsuppressed:
            st.toggle("Visa dolda uppgifter (bara HR)", key="visa_dolda",
                      help=f"Visar sjukfrånvaro även för grupper med {few_people(cache.health_limit())}. Använd inte vid "
                           "visning för nämnden.")
    first = None if period == "alla" else shift(month, -int(period) + 1)
    return Selection(by_label[group_label], month, first)
