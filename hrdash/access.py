"""Roles and what they may do. `läsare` reads suppressed figures; `hr` also uploads, undoes,
sets targets, writes comments and may see unsuppressed figures; `admin` also assigns roles.

Roles come from the role_assignments table (managed by admins on the Behörigheter page),
matched on the signed-in user's e-mail address or group claims. The first admins of a new
installation are named in the environment variable HRDASH_ADMINS.
"""

from __future__ import annotations

import datetime as dt
import os

import duckdb
import pandas as pd

from hrdash import audit

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
    rows = con.execute(
        "SELECT role FROM current_roles WHERE (subject_kind = 'e-post' AND subject = ?) "
        "OR (subject_kind = 'grupp' AND list_contains(?, subject))",
        [email, [str(g) for g in groups]],
    ).fetchall()
    found += [row[0] for row in rows]
    return max(found, key=rank, default=None)


def assignments(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return con.execute(
        "SELECT subject_kind, subject, role, set_by, set_at FROM current_roles ORDER BY subject_kind, subject"
    ).df()


def assign(con: duckdb.DuckDBPyConnection, subject_kind: str, subject: str, role: str | None, by: str) -> None:
    """Give an e-mail address or group a role (None removes it), and log the change."""
    if subject_kind not in SUBJECT_KINDS:
        raise ValueError(f"Okänd sorts mottagare '{subject_kind}'.")
    if role is not None and role not in ROLES:
        raise ValueError(f"Okänd roll '{role}'. Välj en av {', '.join(ROLES)}.")
    subject = subject.strip().lower() if subject_kind == "e-post" else subject.strip()
    if not subject:
        raise ValueError("Skriv en e-postadress eller ett gruppnamn.")
    con.execute("INSERT INTO role_assignments VALUES (?, ?, ?, ?, ?)",
                [subject_kind, subject, role, by, dt.datetime.now()])
    audit.record(con, by, "Behörighet", f"{subject_kind} {subject}: {role or 'borttagen'}")


# The pages each role may open, by page file. Läsare see what the committee may see.
PAGE_ROLES = {
    "pages/oversikt.py": ROLES,
    "pages/sjukfranvaro.py": ROLES,
    "pages/personalomsattning.py": ROLES,
    "pages/vakanser.py": ROLES,
    "pages/rekrytering.py": ROLES,
    "pages/rapport.py": ROLES,
    "pages/presentation.py": ROLES,
    "pages/om_siffrorna.py": ROLES,
    "pages/ladda_upp.py": ("hr", "admin"),
    "pages/data.py": ("hr", "admin"),
    "pages/behorigheter.py": ("admin",),
}


def may_open(role: str, page_file: str) -> bool:
    return role in PAGE_ROLES.get(page_file, ())
