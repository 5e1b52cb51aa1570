"""Roles. `läsare` reads suppressed figures; `chef` (a unit's or an avdelning's manager) reads as
läsare does, and on the page Min del sees its units' sick leave in full and reports their caseload
(hrdash/figures/own_part.py); it is the one reminded when its part has not reported; `hr` also uploads, undoes,
sets targets, writes comments and may see unsuppressed figures; `admin` also assigns roles. (Which pages each role
may open is in the page registry, hrdash/ui/registry.py.)

HR's and chef's roles hold for a part of the organisation, their scope (hrdash/store/scopes.py):
HR of a förvaltning, an avdelning or a unit imports, undoes, sets targets, comments and measures
only there and reads the rest as läsare does (hidden figures stay hidden for it); a chef's part is
the units it manages. Läsare and admin hold for the whole organisation. A user holds every grant her e-mail address and groups have.

Roles come from the role_assignments table (managed by admins on the Behörigheter page),
matched on the signed-in user's e-mail address or group claims. The first admins of a new
installation are named in the environment variable HRDASH_ADMINS.

This is the one place the sign-in's claims are read: `identity` says which of them name the user
and her groups, `role_for` which role they hold, and `claims_kept` which of them the sign-in
cookie keeps (hrdash/serving.py), so that what is kept is always what is read.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass

import duckdb
import pandas as pd

from hrdash.errors import UserError
from hrdash.store import audit
from hrdash.store.queries import read
from hrdash.store.scopes import WHOLE
from hrdash.store.scopes import name as scope_name

ROLES = ("läsare", "chef", "hr", "admin")
ROLE_NAMES = {"läsare": "Läsare (nämnd, ledning)", "chef": "Chef (enhets- eller avdelningschef)", "hr": "HR",
              "admin": "Administratör"}
# What each role may do, in words, for the table on Behörigheter.
ROLE_RIGHTS = {
    "läsare": "Ser nyckeltalen som nämnden ser dem (dolda uppgifter visas inte).",
    "chef": "Som läsare. För sina enheter, på sidan Min del: ser sjukfrånvaron även för grupper med 10 personer "
            "eller färre och rapporterar månadens ärenden. Ser aldrig svar från färre än 5. Får påminnelsen när en "
            "enhet inte har rapporterat.",
    "hr": "Som läsare. I sin del av organisationen: läser in och ångrar filer, sätter mål, skriver kommentarer "
          "och åtgärder. HR för hela organisationen kan också visa dolda uppgifter.",
    "admin": "Allt HR får, i hela organisationen, och ger roller.",
}
SUBJECT_KINDS = ("e-post", "grupp")


# The claims whose values are group names: Entra ID's security groups (ids, or names where the app
# registration emits sAMAccountName) and its app roles, whose values count as groups here.
GROUP_CLAIMS = ("groups", "roles")
# The other claims hrdash reads: who she is, and when the provider issued the sign-in (iat).
IDENTITY_CLAIMS = ("sub", "email", "name", "iat")


@dataclass(frozen=True)
class Identity:
    """Who the sign-in says the user is, as far as her role goes."""

    email: str  # the e-mail address, or the provider's subject id without one
    groups: tuple[str, ...]
    groups_withheld: bool = False  # Entra ID's "groups overage": too many groups to fit in the token


def _values(claim: object) -> list[str]:
    if claim is None:
        return []
    return [str(claim)] if isinstance(claim, str) else [str(value) for value in claim]


def groups_withheld(claims: Mapping) -> bool:
    """Whether the provider left the groups out because the user is in too many: Entra ID then
    sends, instead of `groups`, a pointer to Microsoft Graph in `_claim_names` (more than 200
    groups in an ID token) or `hasgroups` (implicit flow)."""
    if "groups" in claims:
        return False
    return bool(claims.get("hasgroups")) or "groups" in (claims.get("_claim_names") or {})


def identity(claims: Mapping) -> Identity:
    """The e-mail address and groups of a sign-in's claims (st.user, or the ID token's claims)."""
    email = str(claims.get("email") or claims.get("sub") or "")
    groups = tuple(group for name in GROUP_CLAIMS for group in _values(claims.get(name)))
    return Identity(email, groups, groups_withheld(claims))


def claims_kept(con: duckdb.DuckDBPyConnection, claims: Mapping) -> dict:
    """The claims hrdash reads, of a sign-in's: its identity, and of its groups only those that hold a
    role. Entra ID sends every group a user is in (hundreds of ids, for some), and Streamlit keeps
    every claim in its sign-in cookie; the groups without a role only make the cookie too large for
    a proxy or a browser. (A group given a role later counts from the user's next sign-in.)"""
    kept = {name: claims[name] for name in IDENTITY_CLAIMS if name in claims}
    granted = {row[0] for row in read(con, "current_roles", "subject", subject_kind="grupp").fetchall()}
    for name in GROUP_CLAIMS:
        if name in claims:
            kept[name] = [group for group in _values(claims[name]) if group in granted]
    if groups_withheld(claims):
        kept["hasgroups"] = True  # the pointer itself (a Graph address) is not needed
    return kept


def rank(role: str | None) -> int:
    return ROLES.index(role) if role in ROLES else -1


@dataclass(frozen=True)
class Grant:
    """A role for a part of the organisation (scope: a group's key, scopes.WHOLE for all of it)."""

    role: str
    scope: str = WHOLE


def grants_for(con: duckdb.DuckDBPyConnection, email: str | None, groups: list[str]) -> tuple[Grant, ...]:
    """Every role, with its scope, that the user's e-mail address and groups hold; () is no access.
    The admins named in HRDASH_ADMINS hold admin for the whole organisation."""
    email = (email or "").strip().lower()
    bootstrap = {a.strip().lower() for a in os.environ.get("HRDASH_ADMINS", "").split(",") if a.strip()}
    found = [Grant("admin")] if email and email in bootstrap else []
    found += [Grant(role, scope or WHOLE) for role, scope in
              read(con, "current_roles", "role, scope", subject_kind="e-post", subject=email).fetchall()]
    if groups:
        found += [Grant(role, scope or WHOLE) for role, scope in
                  read(con, "current_roles", "role, scope", subject_kind="grupp",
                       subject=tuple(str(g) for g in groups)).fetchall()]
    return tuple(dict.fromkeys(sorted(found, key=lambda g: (-rank(g.role), g.scope))))


def role_for(con: duckdb.DuckDBPyConnection, email: str | None, groups: list[str]) -> str | None:
    """The highest role any of the user's e-mail address or groups holds; None: no access."""
    found = grants_for(con, email, groups)
    return found[0].role if found else None


def assignments(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return read(con, "current_roles", "subject_kind, subject, role, scope, set_by, set_at",
                order_by="subject_kind, subject").df()


def assign(con: duckdb.DuckDBPyConnection, subject_kind: str, subject: str, role: str | None, by: str,
           scope: str | None = None) -> None:
    """Give an e-mail address or group a role for a part of the organisation (scope None: all of
    it; role None removes it), and log the change. Läsare read the whole organisation and admin
    holds for all of it: only HR's and chef's roles are stored with a part, and a chef needs one."""
    if subject_kind not in SUBJECT_KINDS:
        raise UserError(f"Okänd sorts mottagare '{subject_kind}'.")
    if role is not None and role not in ROLES:
        raise UserError(f"Okänd roll '{role}'. Välj en av {', '.join(ROLES)}.")
    subject = subject.strip().lower() if subject_kind == "e-post" else subject.strip()
    if not subject:
        raise UserError("Skriv en e-postadress eller ett gruppnamn.")
    scope = None if scope in (None, "", WHOLE) or role in (None, "läsare", "admin") else scope
    if role == "chef" and scope is None:
        raise UserError("En chef ansvarar för en del av organisationen: välj enheten, avdelningen eller "
                        "förvaltningen under 'Del av organisationen'.")
    con.execute("INSERT INTO role_assignments (subject_kind, subject, role, set_by, set_at, scope) "
                "VALUES (?, ?, ?, ?, ?, ?)", [subject_kind, subject, role, by, dt.datetime.now(), scope])
    where = f" för {scope_name(con, scope)}" if scope else ""
    audit.record(con, by, "Behörighet", f"{subject_kind} {subject}: {role or 'borttagen'}{where}")
