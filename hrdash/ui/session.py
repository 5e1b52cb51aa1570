"""The session: the one database connection of the server process, a cursor per run, and who
is signed in with which role.

Sign-in is OpenID Connect through st.login; without it configured, the app runs in demo mode,
where everyone is HR, unless HRDASH_ENV=production, where it refuses to start.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import duckdb
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from hrdash import logs
from hrdash.markdown import plain
from hrdash.store import audit, database, roles
from hrdash.store.queries import read


def cursor() -> duckdb.DuckDBPyConnection:
    """A cursor on the process's one connection (made, with the schema and views, the first time);
    DuckDB cursors are safe to use one per thread."""
    return database.shared().cursor()


def versions() -> dict[str, str]:
    """The versions of the figures ('data'), the targets, the comments, the baselines and the
    settings, by name (queries/state/versions.sql): read once per run of the script, since the
    frame and the page ask several times. Every page that writes reruns the script, so a run
    never needs a version it changed itself."""
    ctx = get_script_run_ctx()
    run = getattr(ctx, "cursors", None)  # a new dict on every run of a session's script
    memo = getattr(ctx, "_hrdash_versions", None)
    if run is not None and memo is not None and memo[0] is run:
        return memo[1]
    result = read(cursor(), "versions")
    found = {column[0]: str(value) for column, value in zip(result.description, result.fetchone())}
    if run is not None:
        ctx._hrdash_versions = (run, found)
    return found


def version() -> str:
    """The data version: the key of every cache of figures."""
    return versions()["data"]


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
        role = roles.role_for(cursor(), email, groups)
        if role is None:
            _record_once(email, "Nekad inloggning", "ingen roll", log=("nekad inloggning", {"roll": "ingen"}))
            st.title("HR-nyckeltal")
            st.warning(f"Du är inloggad som {plain(email)} men har ingen behörighet i hrdash ännu. "
                       "Be en administratör att ge dig en roll.", icon=":material/lock:")
            st.button("Logga ut", on_click=st.logout, key="logga_ut")
            st.stop()
        user = User(email, role)
        _record_once(email, "Inloggning", roles.ROLE_NAMES[role], log=("inloggning", {"roll": role}))
    st.session_state["_användare"] = user
    return user


def _record_once(who: str, action: str, detail: str, log: tuple[str, dict]) -> None:
    """Record a sign-in once per browser session, not on every rerun: in the audit log with the
    name, in the server's log (for IT) with a pseudonym."""
    if st.session_state.get("_loggad") != (who, action):
        audit.record(cursor(), who, action, detail)
        logs.event(log[0], **log[1], av=logs.pseudonym(who))
        st.session_state["_loggad"] = (who, action)


def signed_in() -> bool:
    """Whether the frame let a user in on this run."""
    return "_användare" in st.session_state


def user() -> User:
    """The user the frame let in on this run."""
    return st.session_state["_användare"]


def unsuppressed() -> bool:
    """Whether this view shows hidden figures: only HR, only when asked."""
    return user().may_see_unsuppressed and bool(st.session_state.get("visa_dolda", False))
