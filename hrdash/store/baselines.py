"""Baselines HR marks for a group: where its control charts' baseline starts again after a known
change (a reorganisation), and which survey period its pulse questions are compared with (the
nollmätning). Stored append-only and audited."""

from __future__ import annotations

import datetime as dt

import duckdb

from hrdash import swedish
from hrdash.errors import UserError
from hrdash.store import audit
from hrdash.store.queries import read
from hrdash.store.targets import inherited

SIGNALS, PULSE = "signals", "pulse"
WHAT = {SIGNALS: "Styrdiagrammens baslinje", PULSE: "Nollmätning för pulsfrågorna"}


def current(con: duckdb.DuckDBPyConnection, kind: str, level: str, group_id: str) -> dt.date | None:
    """The month of the group's own mark, if it has one."""
    row = read(con, "current_baselines", "month", kind=kind, level=level, group_id=group_id).fetchone()
    return row[0] if row else None


def for_group(con: duckdb.DuckDBPyConnection, kind: str, group) -> tuple[dt.date, str] | None:
    """(month, level) of the mark that holds for a group: its own, else the nearest above it."""
    marks = {(level, group_id): month for level, group_id, month in
             read(con, "current_baselines", "level, group_id, month", kind=kind).fetchall()}
    return next(((marks[key], key[0]) for key in inherited(group) if key in marks), None)


def mark(con: duckdb.DuckDBPyConnection, kind: str, level: str, group_id: str, month: dt.date | None,
         user: str, group_name: str) -> None:
    """Mark (or, with None, remove) a baseline of a group, and log it."""
    if kind not in WHAT:
        raise UserError(f"Okänd sorts baslinje '{kind}'.")
    con.execute("INSERT INTO baselines VALUES (?, ?, ?, ?, ?, ?)",
                [kind, level, group_id, month, user, dt.datetime.now()])
    when = "borttagen" if month is None else f"från {swedish.month_name(month)}"
    audit.record(con, user, WHAT[kind], f"{group_name}: {when}")
