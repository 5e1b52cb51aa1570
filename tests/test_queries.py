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
        text = (QUERIES / f"{name}.sql").read_text()
        for later in order[position + 1:]:
            assert not re.search(rf"\b{later}\b", text), f"{name} reads {later}, which is created after it"


def test_committee_outputs_read_the_suppressed_view():
    text = (QUERIES / "indicators_public.sql").read_text()
    assert "CASE WHEN suppressed THEN NULL ELSE value END AS value" in text
