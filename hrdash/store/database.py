"""The DuckDB file: where it is, how it is opened (migrated and its views built), and transactions."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

PROJECT_ROOT = Path(__file__).resolve().parent.parent.parent
DEFAULT_PATH = Path("data") / "hr.duckdb"


def default_path() -> Path:
    """`HRDASH_DB` if set, else data/hr.duckdb under the working directory."""
    return Path(os.environ.get("HRDASH_DB") or DEFAULT_PATH)


def connect(path: str | Path | None = None, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the database. Unless read-only, bring its tables up to this version's schema and its
    views and stored tables up to this version's queries/: an older database keeps every figure."""
    from hrdash.store import queries, schema

    path = Path(path) if path else default_path()
    if str(path) != ":memory:":
        path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path), read_only=read_only)
    if not read_only:
        schema.migrate(con)
        queries.build(con)
    return con


_shared: dict[str, duckdb.DuckDBPyConnection] = {}
_shared_lock = threading.Lock()


def shared(path: str | Path | None = None) -> duckdb.DuckDBPyConnection:
    """The one connection of this process to a database file, opened (migrated, views built) the
    first time any thread asks: the server's sessions take cursors on it, and its nightly backup
    uses it too (DuckDB lets one process hold the file; another cannot even read it)."""
    key = str(Path(path) if path else default_path())
    with _shared_lock:
        if key not in _shared:
            _shared[key] = connect(key)
        return _shared[key]


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """A cursor of its own inside one transaction: committed if the block ends normally,
    rolled back if anything (including a kill of the process) stops it half-way."""
    cur = con.cursor()
    cur.execute("BEGIN TRANSACTION")
    try:
        yield cur
        cur.execute("COMMIT")
    except BaseException:
        cur.execute("ROLLBACK")
        raise
    finally:
        cur.close()
