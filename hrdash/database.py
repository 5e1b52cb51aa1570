"""The DuckDB file: where it is, its tables, and the views in queries/."""

from __future__ import annotations

import os
import re
from pathlib import Path

import duckdb

PROJECT_ROOT = Path(__file__).resolve().parent.parent
QUERIES = PROJECT_ROOT / "queries"
SCHEMA = Path(__file__).with_name("schema.sql")
DEFAULT_PATH = Path("data") / "hr.duckdb"


def default_path() -> Path:
    """`HRDASH_DB` if set, else data/hr.duckdb under the working directory."""
    return Path(os.environ.get("HRDASH_DB") or DEFAULT_PATH)


def view_files() -> list[Path]:
    """The .sql files of queries/ in an order where every view comes after those it reads."""
    files = {path.stem: path for path in sorted(QUERIES.glob("*.sql"))}
    needs = {
        name: {other for other in files if other != name and re.search(rf"\b{other}\b", path.read_text())}
        for name, path in files.items()
    }
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
    """Tables first, then the views, each from its own file. Safe to run on every start."""
    con.execute(SCHEMA.read_text())
    for path in view_files():
        con.execute(path.read_text())


def connect(path: str | Path | None = None, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    path = Path(path) if path else default_path()
    if str(path) != ":memory:":
        path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path), read_only=read_only)
    if not read_only:
        create_schema(con)
    return con
