"""The DuckDB file: where it is, how it is opened (migrated and its views built), and transactions."""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from hrdash.errors import UserError

PROJECT_ROOT = Path(__file__).resolve().parent.parent.parent
DEFAULT_PATH = Path("data") / "hr.duckdb"
# DuckDB 2.0 opens a path like these as that file, read into memory: nothing written would be kept.
DATA_FILE_SUFFIXES = {".csv", ".tsv", ".txt", ".json", ".parquet", ".xlsx", ".xls", ".xlsb", ".ods"}


def default_path() -> Path:
    """`HRDASH_DB` if set, else data/hr.duckdb under the working directory."""
    return Path(os.environ.get("HRDASH_DB") or DEFAULT_PATH)


def connect(path: str | Path | None = None, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the database. Unless read-only, bring its tables up to this version's schema and its
    views and stored tables up to this version's queries/: an older database keeps every figure."""
    from hrdash.store import queries, schema

    path = Path(path) if path else default_path()
    if path.suffix.lower() in DATA_FILE_SUFFIXES:
        raise UserError(f"filen {path} är en datafil, inte en hrdash-databas. Importera den med hrdash import "
                        f"{path}, och ange databasen (en .duckdb-fil) med --db eller HRDASH_DB.")
    if str(path) != ":memory:":
        path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path), read_only=read_only)
    if not read_only:
        schema.migrate(con)
        queries.build(con)
    return con


def open_problem(path: str | Path | None, error: duckdb.Error) -> str:
    """Why a command could not open the database, in Swedish, with what to do. DuckDB's own words
    (English) stay at the end for IT, never as the message itself."""
    path = Path(path) if path else default_path()
    text = str(error)
    if "Could not set lock" in text or "Conflicting lock" in text:
        pid = re.search(r"\(PID (\d+)\)", text)
        holder = f" (process {pid.group(1)})" if pid else ""
        return (f"databasen {path} används redan av ett annat program{holder}, troligen den körande instrumentpanelen "
                "(hrdash serve). Bara ett program i taget kan öppna filen. Gör det i instrumentpanelen i stället "
                "(Månadsrapport för rapporten, Ladda upp för importer, Data för säkerhetskopior), eller stoppa den och "
                "kör kommandot igen.")
    if "not a valid DuckDB database file" in text:
        return (f"filen {path} är inte en hrdash-databas (ingen DuckDB-fil). Kontrollera sökvägen i --db eller "
                "HRDASH_DB, eller återställ en säkerhetskopia med hrdash restore.")
    return (f"databasen {path} kunde inte öppnas. Kontrollera att filen finns, att den går att läsa och skriva, och "
            f"att disken inte är full. (DuckDB: {text})")


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
