"""HR's comments: a short analysis per topic, group and month, shown on the topic's page (see
widgets.comment), in the report and in presentation mode. Stored append-only and audited."""

from __future__ import annotations

import datetime as dt

import duckdb

from hrdash.catalogue import TOPICS
from hrdash.errors import UserError
from hrdash.store import audit
from hrdash.store.queries import read

MAX_LENGTH = 2000


def current(con: duckdb.DuckDBPyConnection, topic: str, level: str, group_id: str, month: dt.date):
    """(body, written_by, written_at) or None."""
    return read(con, "current_comments", "body, written_by, written_at", topic=topic, level=level,
                group_id=group_id, month=month).fetchone()


def write(con: duckdb.DuckDBPyConnection, topic: str, level: str, group_id: str, month: dt.date, body: str,
          user: str) -> None:
    body = body.strip()
    if len(body) > MAX_LENGTH:
        raise UserError(f"Kommentaren är {len(body)} tecken lång; högst {MAX_LENGTH} tecken får plats.")
    con.execute("INSERT INTO comments VALUES (?, ?, ?, ?, ?, ?, ?)",
                [topic, level, group_id, month, body, user, dt.datetime.now()])
    audit.record(con, user, "Kommentar" if body else "Kommentar borttagen",
                 f"{TOPICS[topic].title}, {group_id}, {month:%Y-%m}")
