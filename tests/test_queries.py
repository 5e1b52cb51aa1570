"""queries/: one view per file, in layers, each file naming what it reads; built in the order
those names give, and the names agree with what DuckDB itself finds in each file."""

import json
import re

import duckdb
import pytest

from hrdash.store import database, queries
from hrdash.store.queries import QUERIES, QueryGraphError


def tables_read(con, sql: str) -> set[str]:
    """The tables and views a CREATE VIEW statement reads, as DuckDB's parser sees them (DuckDB
    records no dependencies for views, so its parse of the query is the list to check against)."""
    body = re.sub(r"(?is)^.*?CREATE OR REPLACE VIEW \w+ AS", "", re.sub(r"--[^\n]*", "", sql)).strip().rstrip(";")
    tree = json.loads(con.execute("SELECT json_serialize_sql(?)", [body]).fetchone()[0])
    assert not tree["error"], tree.get("error_message")
    tables, ctes = set(), set()

    def walk(node):
        if isinstance(node, dict):
            if node.get("type") == "BASE_TABLE":
                tables.add(node["table_name"])
            for entry in node.get("cte_map", {}).get("map", []):
                ctes.add(entry["key"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(tree)
    return tables - ctes


def test_each_file_sits_in_a_layer_and_creates_the_view_it_is_named_after():
    files = sorted(QUERIES.rglob("*.sql"))
    assert {path.parent.name for path in files} == set(queries.LAYERS)
    for path in files:
        assert re.findall(r"CREATE OR REPLACE VIEW (\w+)", path.read_text()) == [path.stem], path.name


def test_each_header_names_exactly_what_duckdb_finds_in_the_file():
    con = duckdb.connect()
    for query in queries.graph():
        assert set(query.reads) == tables_read(con, query.sql), query.path.name


def test_every_query_comes_after_what_it_reads(tmp_path):
    con = database.connect(tmp_path / "hr.duckdb")
    order = [q.name for q in queries.graph()]
    stored = {q.stored_as: q.name for q in queries.graph() if q.stored_as}
    for position, query in enumerate(queries.graph()):
        for name in query.reads:
            made_by = stored.get(name, name)
            if made_by in order:
                assert order.index(made_by) < position, f"{query.name} reads {name}, which is built after it"
    views = {row[0] for row in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
    assert views == set(order)


def write(folder, layer, name, reads, body="SELECT 1 AS one"):
    (folder / layer).mkdir(parents=True, exist_ok=True)
    (folder / layer / f"{name}.sql").write_text(f"-- reads: {reads}\nCREATE OR REPLACE VIEW {name} AS {body};\n")


def test_a_missing_or_circular_reference_is_a_named_error(tmp_path, monkeypatch):
    monkeypatch.setattr(queries, "QUERIES", tmp_path)
    write(tmp_path, "staging", "a", "batches", "SELECT * FROM batches")
    write(tmp_path, "marts", "b", "nothing_makes_this", "SELECT * FROM nothing_makes_this")
    with pytest.raises(QueryGraphError, match="b.sql reads 'nothing_makes_this', which no file in queries/"):
        queries.load({"batches"})
    write(tmp_path, "marts", "b", "c", "SELECT * FROM c")
    write(tmp_path, "marts", "c", "b", "SELECT * FROM b")
    with pytest.raises(QueryGraphError, match="reads in a circle: b -> c -> b"):
        queries.load({"batches"})


def test_the_snapshot_is_the_view_it_stores(demo_database):
    from hrdash.store import snapshot

    con = database.connect(demo_database.path)
    snapshot.refresh(con)
    columns = con.execute("DESCRIBE group_month_values").fetchall()
    # Sums of doubles may differ in their last bits between two runs: compare numbers with a tolerance.
    differs = " OR ".join(
        f"abs(coalesce(v.{name}, -1) - coalesce(s.{name}, -1)) > 1e-9" if kind in ("DOUBLE", "BIGINT", "INTEGER")
        else f"v.{name} IS DISTINCT FROM s.{name}"
        for name, kind, *_ in columns if name not in ("level", "group_id", "month"))
    differing = con.execute(
        f"SELECT count(*) FROM group_month_values v FULL JOIN group_month_snapshot s USING (level, group_id, month) "
        f"WHERE v.month_index IS NULL OR s.month_index IS NULL OR {differs}"
    ).fetchone()[0]
    assert differing == 0
    assert con.execute("SELECT count(*) FROM group_month_snapshot").fetchone()[0] > 500
    con.close()
