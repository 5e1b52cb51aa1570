"""Any valid dataset, written as xlsx and as csv, imports to the indicators computed directly
from the generated numbers by a separate, plain-Python reference."""

from collections import defaultdict

import pytest
from conftest import csv_bytes, figures, load, new_database, xlsx_bytes
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


UNIT_NAMES = ["Mottagning", "Utredning 1", "Familjeöverenskommelse", "Äldre och äventyr", "Enhet Ö"]
DEPARTMENTS = ["Barn och unga", "Vuxen"]
MONTHS = ["2024-11", "2024-12", "2025-01"]


@st.composite
def datasets(draw):
    units = draw(st.lists(st.sampled_from(UNIT_NAMES), min_size=1, max_size=4, unique=True))
    placement = {u: draw(st.sampled_from(DEPARTMENTS)) for u in units}
    months = MONTHS[: draw(st.integers(1, len(MONTHS)))]
    sick, turnover = [], []
    for unit in units:
        for month in months:
            ordinary = draw(st.integers(0, 80_000)) / 10
            sick_hours = int(ordinary * draw(st.floats(0, 0.5))) / 1.0
            short = int(sick_hours * draw(st.floats(0, 1))) / 1.0
            long = int((sick_hours - short) * draw(st.floats(0, 1))) / 1.0
            sick.append([unit, month, draw(st.integers(0, 40)), ordinary, sick_hours, short, long])
            permanent = draw(st.integers(0, 40))
            leavers = draw(st.integers(0, 5))
            internal = draw(st.integers(0, leavers))
            retired = draw(st.integers(0, leavers - internal))
            turnover.append([unit, month, permanent, leavers, internal, retired])
    return placement, sick, turnover


def ratio(numerator, denominator):
    return None if denominator == 0 else 100 * numerator / denominator


def reference(placement, sick, turnover):
    """(level, name, month, indicator) -> value, from sums of the generated parts."""
    groups = lambda unit: [("enhet", unit), ("avdelning", placement[unit]), ("förvaltning", "Soc")]  # noqa: E731
    parts = defaultdict(lambda: defaultdict(float))
    for unit, month, employees, ordinary, sick_hours, short, long in sick:
        for key in groups(unit):
            p = parts[(*key, month)]
            p["employees"] += employees
            p["ordinary"] += ordinary
            p["sick"] += sick_hours
            p["short"] += short
            p["long"] += long
    for unit, month, permanent, leavers, internal, retired in turnover:
        for key in groups(unit):
            p = parts[(*key, month)]
            p["permanent"] += permanent
            p["leavers"] += leavers
            p["internal"] += internal
            p["retired"] += retired
    expected = {}
    for key, p in parts.items():
        expected[(*key, "sick_leave_pct")] = ratio(p["sick"], p["ordinary"])
        expected[(*key, "short_sick_leave_pct")] = ratio(p["short"], p["ordinary"])
        expected[(*key, "long_sick_leave_share_pct")] = ratio(p["long"], p["sick"])
        expected[(*key, "turnover_pct")] = ratio(p["leavers"], p["permanent"])
        expected[(*key, "external_turnover_pct")] = ratio(p["leavers"] - p["internal"], p["permanent"])
        expected[(*key, "turnover_excl_retirement_pct")] = ratio(
            p["leavers"] - p["internal"] - p["retired"], p["permanent"]
        )
    return expected


def swedish(value):
    """How a Swedish export writes a number: decimal comma, space between thousands."""
    return f"{value:,.1f}".replace(",", " ").replace(".", ",") if isinstance(value, float) else value


ORG_HEADER = ["enhet", "avdelning", "förvaltning"]
SICK_HEADER = ["Enhet", "Månad", "Anställda", "Ordinarie tid (tim)", "Sjukfrånvaro (tim)", "Varav dag 1-14",
               "Varav 60 dagar eller mer"]
TURNOVER_HEADER = ["Enhet", "Månad", "Tillsvidareanställda", "Avgångar", "Varav interna", "Varav pension"]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=datasets())
def test_xlsx_and_csv_import_to_the_reference_values(tmp_path_factory, empty_database, data):
    placement, sick, turnover = data
    expected = reference(placement, sick, turnover)
    organisation = [ORG_HEADER] + [[u, d, "Soc"] for u, d in placement.items()]
    results = []
    for form in ("xlsx", "csv"):
        con = new_database(empty_database, tmp_path_factory.mktemp(form) / "hr.duckdb")
        if form == "xlsx":
            load(con, xlsx_bytes({"Org": organisation}), "org.xlsx")
            load(con, xlsx_bytes({"Sjuk": [SICK_HEADER, *sick]}), "sjuk.xlsx")
            load(con, xlsx_bytes({"Oms": [TURNOVER_HEADER, *turnover]}), "oms.xlsx")
        else:
            load(con, csv_bytes(organisation), "org.csv")
            load(con, csv_bytes([SICK_HEADER] + [[swedish(v) for v in row] for row in sick]), "sjuk.csv")
            load(con, csv_bytes([TURNOVER_HEADER, *turnover], delimiter=","), "oms.csv")
        values = figures(con)
        con.close()
        for key, value in expected.items():
            assert values[key] == (None if value is None else pytest.approx(value)), key
        results.append({k: v for k, v in values.items() if k in expected})
    assert results[0].keys() == results[1].keys()
    for key, value in results[0].items():  # the same figures, to the last bits a parallel sum may differ in
        assert results[1][key] == (None if value is None else pytest.approx(value, rel=1e-12)), key
