"""The DuckDB file: where it is, its tables, and the views in queries/."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import duckdb

PROJECT_ROOT = Path(__file__).resolve().parent.parent
QUERIES = PROJECT_ROOT / "queries"
SCHEMA = Path(__file__).with_name("schema.sql")
DEFAULT_PATH = Path("data") / "hr.duckdb"
SNAPSHOT, SNAPSHOT_OF = "group_month_snapshot", "group_month_values"  # see create_schema


def default_path() -> Path:
    """`HRDASH_DB` if set, else data/hr.duckdb under the working directory."""
    return Path(os.environ.get("HRDASH_DB") or DEFAULT_PATH)


def _without_comments(sql: str) -> str:
    """The SQL that runs: what the comments mention is not read."""
    return re.sub(r"--[^\n]*", "", sql)


def view_files() -> list[Path]:
    """The .sql files of queries/ in an order where every view comes after those it reads."""
    files = {path.stem: path for path in sorted(QUERIES.glob("*.sql"))}
    needs = {}
    for name, path in files.items():
        sql = _without_comments(path.read_text())
        needs[name] = {other for other in files if other != name and re.search(rf"\b{other}\b", sql)}
        if re.search(rf"\b{SNAPSHOT}\b", sql):
            needs[name].add(SNAPSHOT_OF)  # the snapshot table is made from that view
    ordered: list[Path] = []
    done: set[str] = set()

    def visit(name: str, trail: tuple[str, ...] = ()) -> None:
        if name in done:
            return
        if name in trail:
            raise RuntimeError(f"queries/ has a cycle: {' -> '.join((*trail, name))}")
        for other in sorted(needs[name]):
            visit(other, (*trail, name))
        done.add(name)
        ordered.append(files[name])

    for name in files:
        visit(name)
    return ordered


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Tables first, then the views, each from its own file. Safe to run on every start.

    The views after group_month_values read its stored copy, the table group_month_snapshot;
    it is made (empty) from the view the first time, and filled by indicators.refresh."""
    con.execute(SCHEMA.read_text())
    version = queries_version()
    if con.execute("SELECT queries FROM schema_state").fetchone() == (version,):
        return  # the views are those of queries/ already
    for path in view_files():
        sql = path.read_text()
        if SNAPSHOT in _without_comments(sql):
            con.execute(f"CREATE TABLE IF NOT EXISTS {SNAPSHOT} AS SELECT * FROM {SNAPSHOT_OF} WITH NO DATA")
        con.execute(sql)
    con.execute("DELETE FROM schema_state")
    con.execute("INSERT INTO schema_state VALUES (?)", [version])


@lru_cache(maxsize=1)
def queries_version() -> str:
    """Changes when any file in queries/ does: the snapshot must then be made again."""
    digest = hashlib.sha256()
    for path in sorted(QUERIES.glob("*.sql")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def connect(path: str | Path | None = None, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    path = Path(path) if path else default_path()
    if str(path) != ":memory:":
        path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path), read_only=read_only)
    if not read_only:
        create_schema(con)
    return con


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
