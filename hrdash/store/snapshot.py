"""The stored copies of views (`-- stored as:` in queries/): the indicators of every group and
month are computed once per change of the batches and kept as a table, so that no page view,
export or CLI run computes them again."""

from __future__ import annotations

import threading

import duckdb

from hrdash.store import queries
from hrdash.store.database import transaction

_lock = threading.Lock()


def data_version(con: duckdb.DuckDBPyConnection) -> str:
    """Changes whenever a batch is imported or undone: the key for every cache of figures."""
    return con.execute("SELECT data FROM versions").fetchone()[0]


def refresh(con: duckdb.DuckDBPyConnection) -> str:
    """Store each stored view as its table again if the batches or queries/ changed since."""
    version = f"{data_version(con)}:{queries.version()}"
    if con.execute("SELECT version FROM snapshot_state").fetchone() == (version,):
        return version
    with _lock:
        if con.execute("SELECT version FROM snapshot_state").fetchone() == (version,):
            return version  # another thread stored it while this one waited
        with transaction(con) as cur:
            for query in queries.graph():
                if query.stored_as:
                    cur.execute(f"CREATE OR REPLACE TABLE {query.stored_as} AS SELECT * FROM {query.name}")
            cur.execute("DELETE FROM snapshot_state")
            cur.execute("INSERT INTO snapshot_state VALUES (?)", [version])
    return version
