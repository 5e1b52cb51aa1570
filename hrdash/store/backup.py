"""Back up and restore the whole database as a folder of Parquet files (DuckDB's EXPORT
DATABASE): readable by any DuckDB, kept apart from the live file.

Restoring reads the tables' Parquet files into a new database made by hrdash itself, rather
than running the export's own schema.sql: that file lists the views alphabetically, not in
the order they depend on each other, and the views belong to this version of queries/.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb

from hrdash.errors import UserError
from hrdash.store import database


def _literal(path: Path) -> str:
    """A path as an SQL string: EXPORT DATABASE and read_parquet's file name take no parameters."""
    return "'" + str(path.resolve()).replace("'", "''") + "'"


def export(con: duckdb.DuckDBPyConnection, folder: Path) -> None:
    if folder.exists() and any(folder.iterdir()):
        raise UserError(f"Mappen {folder} är inte tom. Välj en ny mapp för säkerhetskopian.")
    folder.mkdir(parents=True, exist_ok=True)
    con.execute(f"EXPORT DATABASE {_literal(folder)} (FORMAT parquet)")


def restore(folder: Path, path: Path) -> None:
    """Fill a database file that does not exist yet with the tables of a backup."""
    if not (folder / "load.sql").exists():
        raise UserError(f"{folder} är ingen säkerhetskopia från hrdash backup (load.sql saknas).")
    if path.exists():
        raise UserError(f"{path} finns redan. Återställ till en ny fil (--db) och byt sedan ut den gamla.")
    con = database.connect(path)
    try:
        tables = {row[0] for row in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        with database.transaction(con) as cur:
            for table, file in re.findall(r"COPY\s+\"?(\w+)\"?\s+FROM\s+'([^']+)'", (folder / "load.sql").read_text()):
                if table in tables:
                    parquet = folder / Path(file).name  # the folder may have moved since the export
                    cur.execute(f'INSERT INTO "{table}" BY NAME SELECT * FROM read_parquet({_literal(parquet)})')
    finally:
        con.close()
