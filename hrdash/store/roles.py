"""Roles. `läsare` reads suppressed figures; `hr` also uploads, undoes, sets targets, writes
comments and may see unsuppressed figures; `admin` also assigns roles. (Which pages each role
may open is in the page registry, hrdash/ui/registry.py.)

Roles come from the role_assignments table (managed by admins on the Behörigheter page),
matched on the signed-in user's e-mail address or group claims. The first admins of a new
installation are named in the environment variable HRDASH_ADMINS.
"""

from __future__ import annotations

import datetime as dt
import os

import duckdb
import pandas as pd

from hrdash.errors import UserError
from hrdash.store import audit
from hrdash.store.queries import read

ROLES = ("läsare", "hr", "admin")
ROLE_NAMES = {"läsare": "Läsare (nämnd, ledning)", "hr": "HR", "admin": "Administratör"}
SUBJECT_KINDS = ("e-post", "grupp")


def rank(role: str | None) -> int:
    return ROLES.index(role) if role in ROLES else -1


def role_for(con: duckdb.DuckDBPyConnection, email: str | None, groups: list[str]) -> str | None:
    """The highest role any of the user's e-mail address or groups holds; None: no access."""
    email = (email or "").strip().lower()
    bootstrap = {a.strip().lower() for a in os.environ.get("HRDASH_ADMINS", "").split(",") if a.strip()}
    found = ["admin"] if email and email in bootstrap else []
    found += [row[0] for row in read(con, "current_roles", "role", subject_kind="e-post", subject=email).fetchall()]
    if groups:
        found += [row[0] for row in read(con, "current_roles", "role", subject_kind="grupp",
                                         subject=tuple(str(g) for g in groups)).fetchall()]
    return max(found, key=rank, default=None)


def assignments(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return read(con, "current_roles", "subject_kind, subject, role, set_by, set_at",
                order_by="subject_kind, subject").df()


def assign(con: duckdb.DuckDBPyConnection, subject_kind: str, subject: str, role: str | None, by: str) -> None:
    """Give an e-mail address or group a role (None removes it), and log the change."""
    if subject_kind not in SUBJECT_KINDS:
        raise UserError(f"Okänd sorts mottagare '{subject_kind}'.")
    if role is not None and role not in ROLES:
        raise UserError(f"Okänd roll '{role}'. Välj en av {', '.join(ROLES)}.")
    subject = subject.strip().lower() if subject_kind == "e-post" else subject.strip()
    if not subject:
        raise UserError("Skriv en e-postadress eller ett gruppnamn.")
    con.execute("INSERT INTO role_assignments VALUES (?, ?, ?, ?, ?)",
                [subject_kind, subject, role, by, dt.datetime.now()])
    audit.record(con, by, "Behörighet", f"{subject_kind} {subject}: {role or 'borttagen'}")
