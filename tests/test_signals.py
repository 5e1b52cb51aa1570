"""Signals: the XmR rules on constructed series (a stable series gives none; a spike; seven above;
six rising; two of three; fewer than 12 points), limits worked out by hand, and `hrdash signals`
with the privacy rule of its figures and the baseline HR restarts."""

import csv
import datetime as dt
import io
import json

import pytest
from conftest import SICK_HEADER, csv_bytes, load

from hrdash import cli
from hrdash.figures.readings import rule_texts
from hrdash.figures.signals import capability, xmr
from hrdash.store import baselines

MONTHS = [dt.date(2024 + m // 12, m % 12 + 1, 1) for m in range(36)]
STABLE = [6, 5] * 6  # centre 5,5; moving range 1; limits 5,5 ± 2,66 = 2,84 and 8,16; 2σ = 2/1,128


def chart(values):
    return xmr(MONTHS[:len(values)], values)


def signals(points):
    return [p.signal for p in points]


def test_limits_worked_out_by_hand():
    points = chart([10, 12, 11, 13, 12, 11, 10, 12, 13, 11, 12, 11])
    # Centre 138 / 12 = 11,5; moving ranges 2,1,2,1,1,1,2,1,2,1,1: 15 / 11; 2,66 × 15 / 11 = 3,627273.
    assert points[0].centre == pytest.approx(11.5)
    assert points[0].upper == pytest.approx(11.5 + 2.66 * 15 / 11)
    assert points[0].lower == pytest.approx(11.5 - 2.66 * 15 / 11)
    assert signals(points) == [""] * 12 and {p.variation() for p in points} == {"common"}


def test_a_stable_series_gives_no_signal():
    points = chart(STABLE * 3)
    assert signals(points) == [""] * 36
    assert {p.variation() for p in points} == {"common"}


def test_the_lower_limit_is_never_below_zero():
    assert chart([0, 2] * 6)[0].lower == 0  # 1 − 2,66 × 2 < 0


def test_a_spike_is_outside_and_a_concern_a_dip_an_improvement():
    points = chart(STABLE + [5, 12, 6, 2])
    assert signals(points)[12:] == ["", "outside", "", "outside"]
    assert points[13].variation() == "concern" and points[15].variation() == "improvement"
    assert rule_texts(points[13], "sick_leave_pct") == ["Ovanligt hög: 12,0\u00a0%, över den övre gränsen 8,2\u00a0%"]
    assert rule_texts(points[15], "sick_leave_pct") == ["Ovanligt låg: 2,0\u00a0%, under den nedre gränsen 2,8\u00a0%"]


def test_seven_above_the_centre_is_a_shift():
    points = chart(STABLE + [6] * 7)  # the baseline ends below the centre: the run is the seven new points
    assert signals(points)[11:] == [""] + ["shift"] * 7
    assert points[12].variation() == "concern"
    assert signals(chart(STABLE + [6] * 6))[12:] == [""] * 6  # six are not enough


def test_a_point_on_the_centre_breaks_a_run():
    assert signals(chart(STABLE + [6, 6, 6, 5.5, 6, 6, 6, 6]))[12:] == [""] * 8


def test_six_rising_is_a_trend_first_point_included():
    points = chart(STABLE + [5.1, 5.2, 5.3, 5.4, 5.45])
    # The baseline's last point (5) starts the run of six: five rises.
    assert signals(points)[10:] == ["", "trend", "trend", "trend", "trend", "trend", "trend"]
    assert points[11].variation() == "concern"
    assert rule_texts(points[11], "sick_leave_pct") == ["Del av sex månader i rad uppåt"]
    falling = chart(STABLE[:11] + [6, 5.9, 5.8, 5.7, 5.6, 5.55])
    assert signals(falling)[11:] == ["trend"] * 6 and falling[12].variation() == "improvement"


def test_two_of_three_beyond_two_sigma():
    points = chart(STABLE + [7.5, 5, 7.6])  # 2σ above the centre: 5,5 + 1,773 = 7,27; the upper limit 8,16
    assert signals(points)[12:] == ["two_of_three", "", "two_of_three"]
    assert rule_texts(points[12], "sick_leave_pct") == ["Två av tre månader nära den övre gränsen"]


def test_fewer_than_12_points_have_no_limits():
    points = chart(STABLE[:11])
    assert all(p.centre is None and p.signal == "" and p.variation() is None for p in points)


def test_capability_against_a_target():
    point = chart(STABLE)[0]  # limits 2,84 and 8,16
    assert capability(point, 9.0) == "Klarar målet varje månad"
    assert capability(point, 5.0) == "Klarar målet ibland"
    assert capability(point, 2.0) == "Klarar inte målet utan förändring"
    assert capability(chart(STABLE + [12])[12], 9.0) is None  # a signal: the process is changing


ORG = [["enhet", "avdelning", "förvaltning"], ["Stor", "Vuxen", "Soc"], ["Liten", "Vuxen", "Soc"], ["Ny", "Barn", "Soc"]]


@pytest.fixture
def monthly(con, tmp_path):
    """Two years of sick leave: Stor (20 people) steady then climbing, Liten (7 people) steady, and
    Ny, which reported only the last 11 months: the förvaltning is complete for 11 months in a row,
    too few for a seasonal pattern, so these charts are Part 2's (seasonal empty)."""
    rows = [SICK_HEADER]
    for position, month in enumerate(MONTHS[:24]):
        stor = 100 * (STABLE * 2)[position] if position < 18 else 100 * (6 + position - 17)
        rows += [["Stor", f"{month:%Y-%m}", 20, 10000, stor, 0, 0], ["Liten", f"{month:%Y-%m}", 7, 1000, 50, 0, 0]]
        if position >= 13:
            rows.append(["Ny", f"{month:%Y-%m}", 12, 2000, 100, 0, 0])
    load(con, csv_bytes(ORG), "org.csv")
    load(con, csv_bytes(rows), "sjuk.csv")
    return con.execute("PRAGMA database_list").fetchone()[2]


def printed(capsys, *args) -> list[dict]:
    assert cli.main(["signals", *args]) == 0
    return [r for r in csv.DictReader(io.StringIO(capsys.readouterr().out)) if r["indicator"] == "sick_leave_pct"]


def test_the_cli_prints_each_point_with_its_limits_and_signals(monthly, capsys):
    rows = [r for r in printed(capsys, "--db", monthly) if r["unit"] == "Stor"]
    assert len(rows) == 24 and rows[0]["month"] == "2024-01"
    assert rows[0]["value"] == "6.000000" and rows[0]["centre"] == "5.500000"
    assert rows[0]["lower"] == "2.840000" and rows[0]["upper"] == "8.160000"
    # June 2025 on: 5, 7, 8, 9, 10, 11, 12 %. Seven rising from June (its 5 % included); 8 % and up beyond
    # 2σ (7,27 %) with a neighbour beyond it; 9 % and up above the upper limit (8,16 %).
    assert [r["signal"] for r in rows[17:]] == ["trend", "trend", "trend+two_of_three"] + [
        "outside+trend+two_of_three"] * 4
    assert rows[20]["variation"] == "concern" and rows[0]["variation"] == "common"


def test_a_hidden_figure_hides_its_point_and_a_hidden_baseline_all_limits(monthly, capsys):
    liten = [r for r in printed(capsys, "--db", monthly) if r["unit"] == "Liten"]
    assert len(liten) == 24
    assert all(r["value"] == r["centre"] == r["signal"] == r["variation"] == "" for r in liten)
    # Vuxen's figures are shown, but not Liten's: its 27 people are enough.
    vuxen = [r for r in printed(capsys, "--db", monthly) if r["unit"] == "Vuxen"]
    assert vuxen[0]["value"] and vuxen[0]["centre"]
    shown = [r for r in printed(capsys, "--db", monthly, "--unsuppressed") if r["unit"] == "Liten"]
    assert shown[0]["value"] == "5.000000" and shown[0]["centre"] == "5.000000" and shown[0]["variation"] == "common"


def test_the_baseline_from_a_month_and_after_hrs_restart(monthly, capsys, con):
    later = [r for r in printed(capsys, "--db", monthly, "--baseline-from", "2025-01") if r["unit"] == "Stor"]
    # The twelve points from January 2025: 6, 5, 6, 5, 6, 5, 7, 8, 9, 10, 11, 12: centre 90 / 12; moving
    # ranges 1 × 5, 2, 1 × 5: 12 / 11.
    assert later[12]["centre"] == "7.500000"
    assert later[12]["upper"] == f"{7.5 + 2.66 * 12 / 11:.6f}"
    assert later[0]["centre"] == "7.500000"  # the points before the baseline are judged by its limits too
    assert later[0]["variation"] == "improvement"  # 6 % is below 7,5 % for seven months and more: a shift
    baselines.mark(con, baselines.SIGNALS, "enhet", "namn:stor", dt.date(2025, 1, 1), "hr", "Stor")
    restarted = [r for r in printed(capsys, "--db", monthly) if r["unit"] == "Stor"]
    assert restarted == later
    assert con.execute("SELECT detail FROM audit_log WHERE action = 'Styrdiagrammens baslinje'").fetchone() == (
        "Stor: från januari 2025",)


def test_json_has_numbers_with_six_decimals_and_nulls(monthly, capsys):
    assert cli.main(["signals", "--db", monthly, "--unit", "Liten", "--format", "json"]) == 0
    text = capsys.readouterr().out
    records = json.loads(text)
    assert {r["unit"] for r in records} == {"Liten"} and records[0]["value"] is None
    assert cli.main(["signals", "--db", monthly, "--unit", "stor", "--format", "json"]) == 0
    assert '"value":6.000000' in capsys.readouterr().out
