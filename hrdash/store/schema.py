"""The stored tables' schema, as numbered migrations in schema/: 0001_tables.sql is the schema
of the first release, and each later file changes it one step. A database records the steps it
has taken in `schema_version`, so an upgrade runs only the ones it lacks, each in a transaction.

Tables of figures are only ever added to (new tables, new columns): every row an older release
stored keeps its meaning. Views and stored copies of views are not here; hrdash/store/queries.py
rebuilds them whenever queries/ changes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb

from hrdash.store.database import transaction

MIGRATIONS = Path(__file__).with_name("schema")


def migrations() -> list[tuple[int, Path]]:
    return sorted((int(path.name[:4]), path) for path in MIGRATIONS.glob("[0-9][0-9][0-9][0-9]_*.sql"))


def version(con: duckdb.DuckDBPyConnection) -> int:
    """The latest step this database has taken; 1 for a database of the first release, which
    did not record it; 0 for a new database."""
    tables = {row[0] for row in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    if "schema_version" in tables:
        return con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]
    return 1 if "batches" in tables else 0


def migrate(con: duckdb.DuckDBPyConnection) -> None:
    current = version(con)
    con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP)")
    if current == 1 and not con.execute("SELECT count(*) FROM schema_version").fetchone()[0]:
        con.execute("INSERT INTO schema_version VALUES (1, NULL)")  # the first release did not record it
    for number, path in migrations():
        if number > current:
            with transaction(con) as cur:
                cur.execute(path.read_text())
                cur.execute("INSERT INTO schema_version VALUES (?, ?)", [number, dt.datetime.now()])
