"""The session: the one database connection of the server process, a cursor per run, and who
is signed in with which role.

Sign-in is OpenID Connect through st.login; without it configured, the app runs in demo mode,
where everyone is HR, unless HRDASH_ENV=production, where it refuses to start. Which role the
sign-in's claims give is decided in hrdash/store/roles.py; a sign-in lasts HRDASH_SIGN_IN_HOURS
(12 unless set), however long Streamlit's cookie would keep it (30 days).
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass

import duckdb
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from hrdash import logs
from hrdash.errors import UserError
from hrdash.markdown import plain
from hrdash.store import audit, database, roles, scopes
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
    # The database file is part of every version: caches are the process's, and a process (the tests,
    # or a server restarted on a restored file) may read more than one database.
    where = str(database.default_path())
    found = {column[0]: f"{where}|{value}" for column, value in zip(result.description, result.fetchone())}
    if run is not None:
        ctx._hrdash_versions = (run, found)
    return found


def version() -> str:
    """The data version: the key of every cache of figures."""
    return versions()["data"]


@dataclass(frozen=True)
class User:
    name: str  # the e-mail address the sign-in gave, or 'demo'
    role: str  # the highest of läsare, hr and admin: which pages she may open
    demo: bool = False  # no sign-in configured: everyone is HR
    grants: tuple[roles.Grant, ...] = ()  # every role she holds, with its part of the organisation

    def __post_init__(self):
        if not self.grants:  # one role for the whole organisation
            object.__setattr__(self, "grants", (roles.Grant(self.role),))

    @property
    def may_see_unsuppressed(self) -> bool:
        """HR of the whole organisation only: HR of a part reads the rest as läsare does, and a
        hidden figure of its own part is not yet told apart on the pages."""
        return self.role in ("hr", "admin") and self.writes_everywhere

    @property
    def write_scopes(self) -> tuple[str, ...]:
        """The parts of the organisation she imports, undoes, sets targets, comments and measures in."""
        return tuple(scopes.WHOLE if g.role == "admin" else g.scope for g in self.grants if g.role in ("hr", "admin"))

    @property
    def manages(self) -> tuple[str, ...]:
        """The parts she is chef for: their units' sick leave in full and their caseload to report (page Min del)."""
        return tuple(dict.fromkeys(g.scope for g in self.grants if g.role == "chef"))

    @property
    def writes_everywhere(self) -> bool:
        return scopes.anywhere(self.write_scopes)

    def may_write(self, group) -> bool:
        """Whether she may set targets, comments and measures for a group (hrdash/figures/groups.py)."""
        return any(scopes.parse(key).contains(group) for key in self.write_scopes)

    @property
    def home(self) -> str | None:
        """The key of the group the sidebar opens on: her own part, when she has one."""
        return next((g.scope for g in self.grants if g.role != "läsare" and g.scope != scopes.WHOLE), None)


def production() -> bool:
    return os.environ.get("HRDASH_ENV", "").lower() == "production"


def sign_in_configured() -> bool:
    """Whether .streamlit/secrets.toml has an [auth] section for st.login."""
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all
        return False


SIGN_IN_HOURS = 12.0  # a long working day, an evening meeting of the committee included


def sign_in_hours() -> float:
    """How many hours a sign-in lasts (HRDASH_SIGN_IN_HOURS, decimals allowed); then hrdash asks
    for it again. A wrong setting stops `hrdash serve` at start (hrdash/serving.py)."""
    text = os.environ.get("HRDASH_SIGN_IN_HOURS", "").strip()
    if not text:
        return SIGN_IN_HOURS
    try:
        hours = float(text.replace(",", "."))
    except ValueError:
        hours = 0.0
    if not hours > 0:
        raise UserError(f"HRDASH_SIGN_IN_HOURS='{text}' är inte ett antal timmar: skriv t.ex. 12 eller 8,5.")
    return hours


def expired(claims) -> bool:
    """Whether the sign-in is older than its lifetime, counted from when the provider issued it
    (`iat`, which the sign-in cookie always keeps; a sign-in without one has no age to check)."""
    issued = claims.get("iat")
    return issued is not None and time.time() - float(issued) > sign_in_hours() * 3600


WITHHELD = ("Inloggningen tog inte med dina grupper: du är med i fler grupper än Entra ID skickar i en "
            "inloggning (200). Be IT ställa in appregistreringen för hrdash så att bara grupperna som är "
            "tilldelade appen skickas (*Token configuration → groups claim → Groups assigned to the "
            "application*), eller ge hrdash approller tilldelade grupperna – se README, avsnittet för IT.")


def _sign_in_page(message: str) -> None:
    """The page of a user not let in: the explanation, and the button that signs in."""
    st.session_state.pop("_användare", None)
    st.title("HR-nyckeltal")
    st.markdown(message)
    if st.button("Logga in", type="primary", icon=":material/login:", key="logga_in"):
        st.login()
    st.stop()


def sign_in() -> User:
    """Who is using the app, called by the frame before any page. Stops the run with a Swedish
    explanation when nobody may be let in: sign-in missing in production, not signed in, a sign-in
    that has expired, or signed in without a role."""
    if not sign_in_configured():
        if production():
            st.error("hrdash körs som produktion (HRDASH_ENV=production) men inloggning är inte konfigurerad. "
                     "Lägg till avsnittet [auth] i .streamlit/secrets.toml – se README, avsnittet för IT.",
                     icon=":material/lock:")
            st.stop()
        user = User("demo", "hr", demo=True)
    elif not st.user.is_logged_in:
        _sign_in_page("Logga in med ditt konto i kommunen för att se nyckeltalen.")
    else:
        claims = st.user.to_dict()
        who = roles.identity(claims)
        if expired(claims):
            _log_once(who.email, "inloggning utgången")
            _sign_in_page("Din inloggning har gått ut. Logga in igen för att se nyckeltalen.")
        if who.groups_withheld:
            _log_once(who.email, "grupper saknas", orsak="för_många_grupper")
        grants = roles.grants_for(cursor(), who.email, list(who.groups))
        role = grants[0].role if grants else None
        if role is None:
            _record_once(who.email, "Nekad inloggning", "ingen roll", log=("nekad inloggning", {"roll": "ingen"}))
            st.title("HR-nyckeltal")
            st.warning(f"Du är inloggad som {plain(who.email)} men har ingen behörighet i hrdash ännu. "
                       "Be en administratör att ge dig en roll.", icon=":material/lock:")
            if who.groups_withheld:
                st.info(WITHHELD + " Till dess gäller bara en roll som ges till din e-postadress.",
                        icon=":material/group_off:")
            st.button("Logga ut", on_click=st.logout, key="logga_ut")
            st.stop()
        user = User(who.email, role, grants=grants)
        if who.groups_withheld and st.session_state.get("_grupper_saknas") != who.email:
            st.toast(f"{WITHHELD} Du är inloggad med rollen din e-postadress har.", icon=":material/group_off:",
                     duration="long")
            st.session_state["_grupper_saknas"] = who.email
        _record_once(who.email, "Inloggning", roles.ROLE_NAMES[role], log=("inloggning", {"roll": role}))
    st.session_state["_användare"] = user
    return user


def _log_once(who: str, what: str, **fields: object) -> None:
    """A line in the server's log (for IT) once per browser session and event, with a pseudonym."""
    if st.session_state.get(f"_loggad_{what}") != who:
        logs.event(what, **fields, av=logs.pseudonym(who))
        st.session_state[f"_loggad_{what}"] = who


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
