"""The catalogue (hrdash/catalogue.py) and the SQL agree: every indicator it declares has a
formula in queries/marts/group_month_indicators.sql that reads exactly its declared parts, and
the privacy rule of its class in queries/marts/group_month_values.sql; every formula in the SQL
is declared; the topics and places it names exist."""

import datetime as dt
import json
import re

import duckdb
import pytest

from hrdash import catalogue
from hrdash.catalogue import BY_ID, INDICATORS, NONE, PLACES, TOPICS, TWELVE_MONTHS
from hrdash.ingest.columns import DATA_KINDS
from hrdash.store import database, queries
from hrdash.ui.registry import BY_FILE


@pytest.fixture(scope="module")
def columns(tmp_path_factory):
    """The columns of the views that hold the parts, the formulas and the privacy rule."""
    con = database.connect(tmp_path_factory.mktemp("katalog") / "hr.duckdb")
    found = {view: [row[0] for row in con.execute(f"DESCRIBE {view}").fetchall()]
             for view in ("group_month_parts", "group_month_windows", "group_month_indicators", "group_month_values")}
    con.close()
    return found


def formulas() -> dict[str, set[str]]:
    """Each column group_month_indicators computes, with the columns its expression reads (as
    DuckDB parses the file)."""
    query = next(q for q in queries.graph() if q.name == "group_month_indicators")
    body = re.sub(r"(?is)^.*?CREATE OR REPLACE VIEW \w+ AS", "", re.sub(r"--[^\n]*", "", query.sql)).strip(" ;\n")
    tree = json.loads(duckdb.connect().execute("SELECT json_serialize_sql(?)", [body]).fetchone()[0])

    def references(node) -> set[str]:
        if isinstance(node, dict):
            found = {node["column_names"][-1]} if node.get("class") == "COLUMN_REF" else set()
            return found.union(*(references(value) for value in node.values()))
        if isinstance(node, list):
            return set().union(*(references(value) for value in node))
        return set()

    return {item["alias"]: references(item) for item in tree["statements"][0]["node"]["select_list"] if item["alias"]}


def test_every_indicator_has_a_formula_and_every_formula_an_indicator(columns):
    computed = set(columns["group_month_indicators"]) - set(columns["group_month_windows"])
    assert computed == set(formulas())
    undeclared = computed - set(BY_ID)
    assert not undeclared, f"group_month_indicators.sql computes {undeclared}, which the catalogue does not declare"
    missing = [i.id for i in INDICATORS if i.id not in columns["group_month_indicators"]]
    assert not missing, f"the catalogue declares {missing}, which group_month_indicators.sql does not compute"


def _names(part: str, column: str, window: str) -> bool:
    """A month's formula reads the part itself; a 12-month one its sum or average over the window."""
    return column == part or (window == TWELVE_MONTHS and re.search(rf"(^|_){part}(_|$)", column) is not None)


def test_each_formula_reads_exactly_the_parts_the_catalogue_declares(columns):
    computed = formulas()
    for indicator in INDICATORS:
        assert set(indicator.parts) <= set(columns["group_month_parts"]), indicator.id
        reads = computed.get(indicator.id, {indicator.id})  # a sum shown as it stands reads itself
        reads = {c for c in reads if not c.endswith("_complete_months_12m")}  # the 12-month rule
        for part in indicator.parts:
            assert any(_names(part, c, indicator.window) for c in reads), f"{indicator.id} does not read {part}"
        for column in reads:
            assert any(_names(p, column, indicator.window) for p in indicator.parts), \
                f"{indicator.id} reads {column}, which is not among its parts {indicator.parts}"


def test_each_privacy_class_has_its_rule_in_the_privacy_view(columns):
    values = set(columns["group_month_values"])
    for indicator in INDICATORS:
        if indicator.privacy == NONE:
            assert indicator.people is None, indicator.id
        else:
            assert indicator.people in values, indicator.id
            assert {f"{indicator.people}_hidden", f"{indicator.people}_why"} <= values, indicator.id
    rules = {c.removesuffix("_hidden") for c in values if c.endswith("_hidden")}
    used = {i.people for i in INDICATORS if i.privacy != NONE}
    assert rules == used, f"privacy rules no indicator uses: {rules - used}"


def test_the_long_view_lists_every_indicator_in_catalogue_order(demo_database):
    con = database.connect(demo_database.path)
    from hrdash.store.queries import read

    listed = [row[0] for row in read(con, "indicator_values", "DISTINCT indicator").fetchall()]
    group, month = read(con, "indicator_values", "group_id, month", level="enhet").fetchone()
    august = read(con, "indicator_values", "indicator", group_id=group, month=dt.date(2026, 8, 1)).fetchall()
    october = read(con, "indicator_values", "indicator", group_id=group, month=dt.date(2026, 10, 1)).fetchall()
    con.close()
    assert sorted(listed) == sorted(BY_ID)
    assert [row[0] for row in august] == [i.id for i in INDICATORS]  # the last month of a tertial
    assert [row[0] for row in october] == [i.id for i in INDICATORS if i.window != catalogue.TERTIAL]


def test_topics_places_and_breakdowns_name_what_exists():
    kinds = {k.id for k in DATA_KINDS}
    for topic in TOPICS.values():
        assert topic.kind in kinds and topic.page in BY_FILE, topic.id
        for role in (topic.main, topic.rank_by, *([topic.rolling] if topic.rolling else [])):
            assert BY_ID[role].topic == topic.id, (topic.id, role)
        for breakdown, members in catalogue.breakdowns(topic.id):
            assert members, f"the breakdown '{breakdown.title}' of {topic.id} shows no indicator"
    for indicator in INDICATORS:
        assert indicator.topic in TOPICS and indicator.shown <= set(PLACES), indicator.id
        if indicator.breakdown:
            assert indicator.breakdown in {b.title for b in TOPICS[indicator.topic].breakdowns}, indicator.id
        assert indicator.label and indicator.definition.endswith("."), indicator.id
    assert len({i.label for i in INDICATORS}) == len(INDICATORS), "two indicators share a name"


def test_one_name_per_indicator_a_second_only_for_excel_sheet_names():
    """The glossary is the labels: pages, PDF, workbook and slides call a figure the same thing. A
    second name is only a sheet's: where the label is too long, or where its family is shortened
    alike in every sheet (12 mån, Avgång, the pulse questions)."""
    families = (", 12 månader", "Avgångsorsak: ", ", andel som instämmer", ", antal svar", ", medelvärde")
    for indicator in INDICATORS:
        if indicator.short_label is not None:
            assert len(indicator.label) > 31 or any(f in indicator.label for f in families), indicator.id
            assert len(indicator.short_label) <= 31, indicator.id
