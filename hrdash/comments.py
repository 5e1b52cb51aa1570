"""HR's comments: a short analysis per topic, group and month, shown on the topic's page (see
widgets.comment), in the report and in presentation mode. Stored append-only and audited."""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from hrdash import audit
from hrdash.indicators import TOPICS

MAX_LENGTH = 2000


def current(con: duckdb.DuckDBPyConnection, topic: str, level: str, group_id: str, month: dt.date):
    """(body, written_by, written_at) or None."""
    return con.execute(
        "SELECT body, written_by, written_at FROM current_comments WHERE topic = ? AND level = ? AND group_id = ? "
        "AND month = ?",
        [topic, level, group_id, month],
    ).fetchone()


def for_month(con: duckdb.DuckDBPyConnection, level: str, group_id: str, month: dt.date) -> pd.DataFrame:
    return con.execute(
        "SELECT topic, body, written_by, written_at FROM current_comments WHERE level = ? AND group_id = ? "
        "AND month = ? ORDER BY topic",
        [level, group_id, month],
    ).df()


def write(con: duckdb.DuckDBPyConnection, topic: str, level: str, group_id: str, month: dt.date, body: str,
          user: str) -> None:
    body = body.strip()
    if len(body) > MAX_LENGTH:
        raise ValueError(f"Kommentaren är {len(body)} tecken lång; högst {MAX_LENGTH} tecken får plats.")
    con.execute("INSERT INTO comments VALUES (?, ?, ?, ?, ?, ?, ?)",
                [topic, level, group_id, month, body, user, dt.datetime.now()])
    audit.record(con, user, "Kommentar" if body else "Kommentar borttagen",
                 f"{TOPICS[topic]}, {group_id}, {month:%Y-%m}")
