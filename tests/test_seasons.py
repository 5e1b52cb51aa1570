"""Seasonal signals for sick leave (domain.md, Part 3): the window, the factors S_m worked out by
hand, the chart drawn on value / S_m with its centre and limits given back on the month's raw
scale, the `seasonal` column of `hrdash signals`, and when there is no adjustment."""

import csv
import datetime as dt
import io

import pytest
from conftest import csv_bytes, load

from hrdash import cli
from hrdash.figures import seasons, signals

HEADER = ["enhet", "månad", "anställda", "ordinarie_timmar", "sjuktimmar", "sjuktimmar_dag_1_14", "sjuktimmar_60_dagar"]
# The förvaltning's sick leave in per cent, by calendar month, in 2024 and in 2025.
YEAR_1 = [6, 6, 5, 5, 4, 4, 3, 3, 4, 5, 6, 7]
YEAR_2 = [8, 6, 5, 5, 4, 4, 3, 3, 4, 5, 6, 5]
# R_m = (p1 + p2) / 2: 7, 6, 5, 5, 4, 4, 3, 3, 4, 5, 6, 6 %; their mean 58 / 12 = 4,8333 %.
FACTORS = [7, 6, 5, 5, 4, 4, 3, 3, 4, 5, 6, 6]


def month(year: int, m: int) -> str:
    return f"{year}-{m:02d}"


@pytest.fixture
def seasonal(con):
    """Soc: Norr (600 ordinary hours a month) and Söder (400), both at the förvaltning's percentage
    each month, 15 people each, for 2024 and 2025 (24 complete months)."""
    load(con, csv_bytes([["enhet", "avdelning", "förvaltning"], ["Norr", "IFO", "Soc"], ["Söder", "IFO", "Soc"]]),
         "org.csv")
    rows = [HEADER]
    for year, percents in ((2024, YEAR_1), (2025, YEAR_2)):
        for m, p in enumerate(percents, start=1):
            rows += [["Norr", month(year, m), 15, 600, 6 * p, 3 * p, 0], ["Söder", month(year, m), 15, 400, 4 * p, 2 * p, 0]]
    load(con, csv_bytes(rows), "sjuk.csv")
    return con


def printed(con, capsys, *args) -> list[dict]:
    db = con.execute("PRAGMA database_list").fetchone()[2]
    assert cli.main(["signals", "--db", db, *args]) == 0
    return list(csv.DictReader(io.StringIO(capsys.readouterr().out)))


def test_the_window_is_the_first_24_complete_months_else_12_else_none():
    months = [dt.date(2023 + m // 12, m % 12 + 1, 1) for m in range(40)]
    gap = [m != dt.date(2023, 11, 1) for m in months]  # November 2023 incomplete
    found = seasons.window(months, gap)
    assert (found[0], found[-1], len(found)) == (dt.date(2023, 12, 1), dt.date(2025, 11, 1), 24)
    short = [i < 13 for i in range(40)]  # 13 complete months, then none
    assert seasons.window(months, short) == tuple(months[:12])
    assert seasons.window(months, [i % 12 != 5 for i in range(40)]) == ()  # never 12 in a row


def test_factors_worked_out_by_hand(seasonal):
    found = seasons.season(seasonal)
    assert found.top == "Soc" and found.measured == "januari 2024–december 2025"
    expected = [r / (58 / 12) for r in FACTORS]  # January 7 / 4,8333 = 1,448276; July 3 / 4,8333 = 0,620690
    assert found.factors["sick_leave_pct"] == pytest.approx(expected)
    assert found.factors["short_sick_leave_pct"] == pytest.approx(expected)  # day 1–14 is half of every month
    assert found.describe("sick_leave_pct", dt.date(2026, 1, 1)) == (
        "januari brukar ligga 45\u00a0% över årets snitt i Soc (mätt januari 2024–december 2025)")
    assert found.describe("sick_leave_pct", dt.date(2026, 7, 1)).startswith("juli brukar ligga 38\u00a0% under")


def test_the_cli_draws_the_chart_on_adjusted_values_and_prints_raw_limits(seasonal, capsys):
    rows = {(r["unit"], r["month"], r["indicator"]): r for r in printed(seasonal, capsys)}
    january = rows["Norr", "2024-01", "sick_leave_pct"]
    assert january["seasonal"] == "1.448276"
    # Adjusted 2024 values: p1 / S_m = p1 × 4,8333 / R_m. Their mean: 4,8333 × (6/7 + 10 + 7/6) / 12 = 4,842923.
    # The raw centre in January: 4,842923 × 1,448276 = 7,013889.
    assert january["centre"] == "7.013889"
    # Moving ranges of the adjusted values: |4,8333 − 4,1429| and |5,6389 − 4,8333|, 0,6905 + 0,8056, over 11:
    # MR = 0,136003; upper 4,842923 + 2,66 × 0,136003 = 5,204691, in January × 1,448276 = 7,537828.
    assert january["upper"] == "7.537828"
    assert rows["Norr", "2024-07", "sick_leave_pct"]["lower"] == "2.781407"  # 4,481155 × 0,620690
    assert rows["Norr", "2024-07", "sick_leave_pct"]["value"] == "3.000000"  # the value stays raw
    # Every group uses the förvaltning's factors; the other three indicators have none.
    assert rows["Soc", "2025-07", "short_sick_leave_pct"]["seasonal"] == "0.620690"
    assert all(r["seasonal"] == "" for k, r in rows.items() if k[2] not in seasons.ADJUSTED)


def test_a_winter_like_the_last_is_no_signal_once_the_season_is_taken_into_account(con):
    """Three years of the same seasonal pattern R_m with ±5 % noise from month to month (opposite in
    the second year, so that the pattern estimated from the first two is R_m itself)."""
    load(con, csv_bytes([["enhet", "avdelning", "förvaltning"], ["Norr", "IFO", "Soc"]]), "org.csv")
    rows = [HEADER]
    for year in (2024, 2025, 2026):
        for m, r in enumerate(FACTORS, start=1):
            noise = 0.05 if (m % 2 == 0) == (year != 2025) else -0.05
            rows.append(["Norr", month(year, m), 30, 1000, round(10 * r * (1 + noise), 6), 0, 0])
    load(con, csv_bytes(rows), "sjuk.csv")
    adjusted = signals.table(signals.frame(con, group_key="soc", indicator=("sick_leave_pct",)), False)
    raw = signals.table(signals.frame(con, adjust=False, group_key="soc", indicator=("sick_leave_pct",)), False)
    assert set(adjusted["signal"]) == {""}  # the season taken into account: normal variation all through
    winters = raw[raw["month"].dt.month.isin([1, 12]) & (raw["signal"] != "")]
    assert len(winters) >= 3 and set(winters["variation"]) == {"concern"}  # Part 2: winter after winter


def test_no_pattern_without_twelve_complete_months_in_a_row(con, capsys):
    load(con, csv_bytes([["enhet", "avdelning", "förvaltning"], ["Norr", "IFO", "Soc"], ["Söder", "IFO", "Soc"]]),
         "org.csv")
    rows = [HEADER] + [["Norr", month(2024, m), 15, 600, 30, 10, 0] for m in range(1, 13)]
    rows += [["Söder", month(2024, m), 15, 400, 20, 10, 0] for m in range(1, 13) if m != 6]  # June missing
    load(con, csv_bytes(rows), "sjuk.csv")
    assert seasons.season(con).factors == {}
    assert {r["seasonal"] for r in printed(con, capsys)} == {""}


def test_a_top_group_hidden_by_the_privacy_rule_gives_no_pattern(con, capsys):
    load(con, csv_bytes([["enhet", "avdelning", "förvaltning"], ["Liten", "IFO", "Soc"]]), "org.csv")
    rows = [HEADER] + [["Liten", month(2024 + i // 12, i % 12 + 1), 8, 1000, 50 + i, 10, 0] for i in range(24)]
    load(con, csv_bytes(rows), "sjuk.csv")
    assert seasons.season(con).factors == {}
    assert {r["seasonal"] for r in printed(con, capsys, "--unsuppressed")} == {""}


def test_a_kommun_is_the_top_group_and_is_printed_with_its_level(con, capsys):
    load(con, csv_bytes([["enhet", "avdelning", "förvaltning"], ["Norr", "IFO", "Soc"], ["Skola", "Grund", "Utbildning"]]),
         "org.csv")
    rows = [HEADER]
    for year, percents in ((2024, YEAR_1), (2025, YEAR_2)):
        for m, p in enumerate(percents, start=1):
            rows += [["Norr", month(year, m), 15, 600, 6 * p, 3 * p, 0], ["Skola", month(year, m), 15, 400, 4 * p, 2 * p, 0]]
    load(con, csv_bytes(rows), "sjuk.csv")
    assert seasons.season(con).top == "Hela kommunen"
    found = printed(con, capsys)
    kommun = [r for r in found if r["level"] == "kommun" and r["indicator"] == "sick_leave_pct"]
    assert len(kommun) == 24 and kommun[0]["seasonal"] == "1.448276"
