"""An incomplete month (not every unit has reported) is never drawn or read as a complete one: a
hollow point outside the line on the chart, a badge on the card, a warning instead of a verdict in
Behöver uppmärksamhet, and a sentence in the report."""

import shutil

import plotly.io as pio
import pytest
from conftest import csv_bytes, load, open_app
from test_pages import numbers

from hrdash.charts.style import INCOMPLETE
from hrdash.figures import groups
from hrdash.reports import model
from hrdash.store import database

HEADER = ["enhet", "månad", "anställda", "ordinarie_timmar", "sjuktimmar", "sjuktimmar_dag_1_14", "sjuktimmar_60_dagar"]
MONTHS = [f"{2025 + m // 12}-{m % 12 + 1:02d}" for m in range(14)]  # January 2025 – February 2026


@pytest.fixture
def partial(tmp_path_factory, monkeypatch):
    """Stor (40 people, 4 %) and Liten (15 people, 8 %) for 14 months; in February 2026 only Liten
    reported, so the förvaltning's figure that month is Liten's 8 % alone."""
    path = tmp_path_factory.mktemp("ofullständig") / "hr.duckdb"
    con = database.connect(path)
    load(con, csv_bytes([["enhet", "avdelning", "förvaltning"], ["Stor", "IFO", "Soc"], ["Liten", "IFO", "Soc"]]),
         "org.csv")
    rows = [HEADER]
    for month in MONTHS:
        if month != MONTHS[-1]:
            rows.append(["Stor", month, 40, 6400, 256, 64, 0])
        rows.append(["Liten", month, 15, 2400, 192, 48, 0])
    load(con, csv_bytes(rows), "sjuk.csv")
    con.close()
    copy = tmp_path_factory.mktemp("kopia") / "hr.duckdb"
    shutil.copy(path, copy)
    monkeypatch.setenv("HRDASH_DB", str(copy))
    return copy


def test_the_chart_draws_an_incomplete_month_as_a_hollow_point_outside_the_line(partial):
    at = open_app("pages/sjukfranvaro.py", manad="februari 2026", period="alla")
    trend = pio.from_json(at.get("plotly_chart")[0].proto.spec)
    line = next(t for t in trend.data if t.name == "Sjukfrånvaro")
    hollow = next(t for t in trend.data if t.name == INCOMPLETE)
    assert numbers(line.y)[-1] != numbers(line.y)[-1]  # February is not joined to the line (NaN)
    assert numbers(hollow.y) == [pytest.approx(8.0)] and hollow.marker.symbol == "circle-open"
    assert "1 av 2 enheter har rapporterat" in hollow.hovertext[0]


def test_the_card_says_the_month_is_incomplete(partial):
    at = open_app(manad="februari 2026")
    assert any("Ofullständig månad: 1 av 2 enheter har rapporterat" in m.value for m in at.markdown)


def test_attention_says_the_month_is_incomplete_instead_of_judging(partial):
    at = open_app(manad="februari 2026")
    warnings = [w.value for w in at.warning]
    assert ("Sjukfrånvaro: 1 av 2 enheter har rapporterat för februari 2026; de övriga kan inte bedömas förrän de "
            "rapporterat.") in warnings
    assert not [s for s in at.success if "Ingen enhet" in s.value]


def test_the_report_says_so_too(partial):
    con = database.connect(partial)
    built = model.build(con, groups.top_group(groups.groups(con)), __import__("datetime").date(2026, 2, 1))
    con.close()
    assert ("Sjukfrånvaro: 1 av 2 enheter har rapporterat för februari 2026; siffran gäller bara dem."
            in built.summary)
    assert built.attention_incomplete and not built.attention
    # IFO's February is Liten's alone (2,0 %) against January's two units (1,3 %): not a change to tell.
    assert not [s for s in built.summary if "mest i" in s], built.summary
