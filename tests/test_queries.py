"""queries/: one view per file, named like the file, created in an order that works."""

import re

from hrdash.database import QUERIES, view_files


def test_each_file_creates_the_view_it_is_named_after():
    for path in QUERIES.glob("*.sql"):
        created = re.findall(r"CREATE OR REPLACE VIEW (\w+)", path.read_text())
        assert created == [path.stem], path.name


def test_every_view_comes_after_the_views_it_reads():
    order = [p.stem for p in view_files()]
    assert sorted(order) == sorted(p.stem for p in QUERIES.glob("*.sql"))
    for position, name in enumerate(order):
        text = re.sub(r"--[^\n]*", "", (QUERIES / f"{name}.sql").read_text())
        for later in order[position + 1:]:
            assert not re.search(rf"\b{later}\b", text), f"{name} reads {later}, which is created after it"


def test_the_snapshot_is_the_view_it_stores(demo_database):
    from hrdash import database, indicators

    con = database.connect(demo_database.path)
    indicators.refresh(con)
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
