"""The audit log: who imported, undid, set a target, wrote a comment, changed a role or signed in."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import duckdb

if TYPE_CHECKING:  # DuckDB loads pandas when a frame is asked for; recording an event needs none
    import pandas as pd


def record(con: duckdb.DuckDBPyConnection, who: str, action: str, detail: str = "") -> None:
    """Append one event; the log is never updated or deleted from."""
    con.execute("INSERT INTO audit_log VALUES (?, ?, ?, ?)", [dt.datetime.now(), who, action, detail])


def entries(con: duckdb.DuckDBPyConnection, limit: int = 500) -> pd.DataFrame:
    return con.execute(
        "SELECT happened_at, who, action, detail FROM audit_log ORDER BY happened_at DESC LIMIT ?",
        [limit],
    ).df()
