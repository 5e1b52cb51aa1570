"""The views of queries/, one per file, in layers as dbt projects keep them:

- staging/: the current rows of each kind, the organisation's placements, the units' names;
- intermediate/: the additive parts per unit and per group, and their 12-month windows;
- marts/: the indicators and what pages, exports and committees read;
- state/: what people set (roles, targets, comments) and how fresh the figures are.

Each file starts with `-- reads: a, b` naming the tables and views it reads; the views are
built in the order those headers give (tests/test_queries.py checks them against DuckDB's own
parse of each file). A view whose file says `-- stored as: t` is also kept as the table `t`,
refreshed by hrdash/store/snapshot.py, and other views read `t`.

The views are built again, and stored tables dropped and made again, whenever the text of
queries/ or the schema changes: an upgraded database never keeps a view or stored table of an
earlier release. Code reads a view by name through `read`, never by writing SQL of its own.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from hrdash import catalogue
from hrdash.store import schema
from hrdash.store.database import PROJECT_ROOT, transaction

if TYPE_CHECKING:
    import pyarrow

QUERIES = PROJECT_ROOT / "queries"
LAYERS = ("staging", "intermediate", "marts", "state")


class QueryGraphError(RuntimeError):
    """queries/ cannot be built: a file reads something nothing makes, or the reads go in a circle."""


@dataclass(frozen=True)
class Query:
    name: str  # the view it creates, named like its file
    path: Path
    reads: tuple[str, ...]  # tables and views, from its `-- reads:` header
    stored_as: str | None  # the table it is kept as, from its `-- stored as:` header
    sql: str  # the statement, with the catalogue's entries filled in


def indicator_columns() -> str:
    """The UNPIVOT entries of queries/marts/indicator_values.sql, one per indicator of the
    catalogue: (value, people, suppressed, suppression_reason, units_reported, units)."""
    entries = []
    for indicator in catalogue.INDICATORS:
        if indicator.privacy == catalogue.NONE:
            privacy = "nobody, never_hidden, no_reason"
        else:
            people = indicator.people
            privacy = f"{people}, {people}_hidden, {people}_why"
        kind = indicator.kind
        coverage = f"{kind}_units_reported, {kind}_units" if indicator.has_coverage else "no_coverage, no_coverage"
        entries.append(f"({indicator.id}, {privacy}, {coverage}) AS '{indicator.id}'")
    return ",\n        ".join(entries)


def indicator_points() -> str:
    """The SELECTs of queries/marts/signal_values.sql, one per indicator of the catalogue, joined by
    UNION ALL: its value in each group and month where it exists and counts as reported (every unit
    of its kind reported, or it has no coverage) and, for a tertial's indicator, in a tertial's last
    month; with whether the privacy rule hides it. One SELECT per indicator, rather than an UNPIVOT,
    so that DuckDB drops the SELECT of every indicator a query does not ask for unread."""
    selects = []
    for indicator in catalogue.INDICATORS:
        hidden = "false" if indicator.privacy == catalogue.NONE else f"{indicator.people}_hidden"
        where = [f"{indicator.id} IS NOT NULL"]
        if indicator.has_coverage:
            kind = indicator.kind
            where.append(f"({kind}_units IS NULL OR {kind}_units_reported = {kind}_units)")
        if indicator.window == catalogue.TERTIAL:
            where.append(f"month(month) IN ({', '.join(str(m) for m in catalogue.TERTIAL_END_MONTHS)})")
        selects.append(f"SELECT level, group_id, group_name, month, '{indicator.id}' AS indicator, "
                       f"{indicator.id} AS value, {hidden} AS suppressed\n"
                       f"    FROM group_month_snapshot WHERE {' AND '.join(where)}")
    return "\n    UNION ALL\n    ".join(selects)


def tertial_indicators() -> str:
    return ", ".join(f"'{i.id}'" for i in catalogue.INDICATORS if i.window == catalogue.TERTIAL)


MACROS = {"indicator_columns": indicator_columns, "indicator_points": indicator_points,
          "tertial_indicators": tertial_indicators,
          "tertial_end_months": lambda: ", ".join(str(m) for m in catalogue.TERTIAL_END_MONTHS),
          "health_limit": lambda: str(catalogue.HEALTH_LIMIT), "min_answers": lambda: str(catalogue.MIN_ANSWERS)}


def _shown(path: Path) -> str:
    """A file of queries/ as a message names it: 'queries/marts/group_list.sql'."""
    return f"queries/{path.relative_to(QUERIES).as_posix()}"


def _header(text: str, field: str) -> list[str]:
    found = re.search(rf"^-- {field}:(.*)$", text, re.MULTILINE)
    return [name.strip() for name in found.group(1).split(",") if name.strip()] if found else []


def _parse(path: Path) -> Query:
    text = path.read_text()
    created = re.findall(r"CREATE OR REPLACE VIEW (\w+)", text)
    if created != [path.stem]:
        raise QueryGraphError(f"{_shown(path)} must create exactly the view {path.stem}.")
    reads = _header(text, "reads")
    if not reads:
        raise QueryGraphError(f"{_shown(path)} has no '-- reads:' line naming what it reads.")
    stored = _header(text, "stored as")
    sql = re.sub(r"\{\{\s*(\w+)\s*\}\}", lambda m: MACROS[m.group(1)](), text)
    return Query(path.stem, path, tuple(reads), stored[0] if stored else None, sql)


def load(tables: set[str] | None = None) -> list[Query]:
    """Every query of queries/, in an order where each comes after what it reads. `tables` are
    the tables of the database, which any query may read; a name that is neither one of them nor
    made by a query is an error (unless `tables` is None: then it is taken for a table)."""
    queries = {}
    for layer in LAYERS:
        for path in sorted((QUERIES / layer).glob("*.sql")):
            query = _parse(path)
            if query.name in queries:
                raise QueryGraphError(f"Two files in queries/ create the view {query.name}.")
            queries[query.name] = query
    made_by = {q.stored_as: q.name for q in queries.values() if q.stored_as}
    needs = {}
    for query in queries.values():
        needs[query.name] = []
        for name in query.reads:
            if name in queries:
                needs[query.name].append(name)
            elif name in made_by:
                needs[query.name].append(made_by[name])
            elif tables is not None and name not in tables:
                raise QueryGraphError(f"{_shown(query.path)} reads '{name}', which no file in "
                                      "queries/ creates or stores and no table of the schema holds.")
    ordered: list[Query] = []
    done: set[str] = set()

    def visit(name: str, trail: tuple[str, ...]) -> None:
        if name in done:
            return
        if name in trail:
            raise QueryGraphError(f"queries/ reads in a circle: {' -> '.join((*trail[trail.index(name):], name))}")
        for other in needs[name]:
            visit(other, (*trail, name))
        done.add(name)
        ordered.append(queries[name])

    for name in queries:
        visit(name, ())
    return ordered


def _tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {row[0] for row in con.execute("SELECT table_name FROM duckdb_tables() WHERE NOT internal").fetchall()}


@lru_cache(maxsize=1)
def graph() -> tuple[Query, ...]:
    """The queries of this version, in build order (read once per process)."""
    return tuple(load())


@lru_cache(maxsize=1)
def version() -> str:
    """Changes when queries/, the catalogue or the schema does: the views are then built again."""
    digest = hashlib.sha256()
    for query in graph():
        digest.update(query.sql.encode())
    for _, path in schema.migrations():
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def build(con: duckdb.DuckDBPyConnection) -> None:
    """Build every view (and empty stored table) of queries/ if this database's were built from
    other queries: drop every view and stored table first, so none of an earlier release is left.
    Safe to call on every start; a no-op when nothing changed."""
    current = version()
    if con.execute("SELECT queries FROM schema_state").fetchone() == (current,):
        return
    queries = load(_tables(con))
    with transaction(con) as cur:
        for (view,) in cur.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall():
            cur.execute(f'DROP VIEW "{view}"')
        for query in queries:
            if query.stored_as:
                cur.execute(f"DROP TABLE IF EXISTS {query.stored_as}")
        for query in queries:
            cur.execute(query.sql)
            if query.stored_as:
                cur.execute(f"CREATE TABLE {query.stored_as} AS SELECT * FROM {query.name} WITH NO DATA")
        cur.execute("DELETE FROM snapshot_state")
        cur.execute("DELETE FROM schema_state")
        cur.execute("INSERT INTO schema_state VALUES (?)", [current])


@lru_cache(maxsize=None)
def reads_stored(name: str) -> bool:
    """Whether a view reads, directly or through others, a stored table."""
    by_name = {q.name: q for q in graph()}
    stored = {q.stored_as for q in graph() if q.stored_as}
    query = by_name.get(name)
    return query is not None and any(r in stored or reads_stored(r) for r in query.reads)


_NAME = re.compile(r"^[a-zåäö_][a-zåäö0-9_]*$")


def select(name: str, columns: str = "*", order_by: str | None = None, since: dt.date | None = None,
           until: dt.date | None = None, **equal: object) -> tuple[str, list[object]]:
    """`SELECT columns FROM name WHERE …` with its parameters: `since`/`until` bound the month,
    and each other keyword is a column equal to a value, or in a tuple or list of values."""
    for identifier in (name, *equal):
        if not _NAME.match(identifier):
            raise ValueError(f"Not a view or column name: {identifier!r}")
    where, params = [], []
    if since is not None:
        where.append("month >= ?")
        params.append(since)
    if until is not None:
        where.append("month <= ?")
        params.append(until)
    for column, value in equal.items():
        if isinstance(value, (tuple, list, set, frozenset)):
            values = list(value)
            where.append(f"{column} IN ({', '.join('?' for _ in values) or 'NULL'})")
            params.extend(values)
        else:
            where.append(f"{column} = ?")
            params.append(value)
    sql = f"SELECT {columns} FROM {name}" + (f" WHERE {' AND '.join(where)}" if where else "")
    return sql + (f" ORDER BY {order_by}" if order_by else ""), params


def read(con: duckdb.DuckDBPyConnection, name: str, columns: str = "*", order_by: str | None = None,
         since: dt.date | None = None, until: dt.date | None = None, **equal: object) -> duckdb.DuckDBPyConnection:
    """Read a view of queries/ by name: `.fetchall()`, `.fetchone()` or `.df()` the result. The
    stored figures a view reads are brought up to date first (see hrdash/store/snapshot.py)."""
    _refresh(con, name)
    sql, params = select(name, columns, order_by, since, until, **equal)
    return con.execute(sql, params)


def read_arrow(con: duckdb.DuckDBPyConnection, name: str, columns: str = "*", order_by: str | None = None,
               since: dt.date | None = None, until: dt.date | None = None, **equal: object) -> pyarrow.Table:
    """`read`, the rows as an Arrow table: for millions of rows. DuckDB hands the strings over in
    Arrow's buffers rather than as one Python object each, and pandas keeps them there
    (`.to_pandas()`): a city's 1.9 million points of `hrdash signals` in a fifth of `.df()`'s time."""
    _refresh(con, name)
    sql, params = select(name, columns, order_by, since, until, **equal)
    con.complete()  # con.sql refuses to run beside an execute() whose result is not read to its end
    return con.sql(sql, params=params).to_arrow_table()


def _refresh(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """Bring the stored figures up to date if the view reads them."""
    if reads_stored(name):
        from hrdash.store import snapshot

        snapshot.refresh(con)
