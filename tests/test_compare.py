"""`hrdash compare` (domain.md, Part 3, "Fair comparison of units"): the arcsine-scale limits with
and without overdispersion, exact Poisson limits for turnover against a table, the privacy rule,
and which groups are compared with which. Every expected figure below was worked out with a
calculator from the contract's formulas (the comments give the steps)."""

import csv
import datetime as dt
import io

import pandas as pd
import pytest
from conftest import TURNOVER_HEADER, csv_bytes, load

from hrdash import cli
from hrdash.figures import compare, readings

VACANCY_HEADER = ["enhet", "månad", "budgeterade_tjänster", "besatta_tjänster"]
MONTH = "2025-03"


def organisation(*units: tuple[str, str, str]) -> bytes:
    return csv_bytes([["enhet", "avdelning", "förvaltning"], *units])


def printed(con, capsys, *args) -> dict[tuple[str, str], dict]:
    """(unit, indicator) -> the row `hrdash compare --month 2025-03` prints."""
    db = con.execute("PRAGMA database_list").fetchone()[2]
    assert cli.main(["compare", "--db", db, "--month", MONTH, *args]) == 0
    return {(r["unit"], r["indicator"]): r for r in csv.DictReader(io.StringIO(capsys.readouterr().out))}


def vacancies(con, units: list[tuple[str, float, float]], department: str = "IFO") -> None:
    """Units with budgeted positions and vacancies in March 2025, all in one förvaltning."""
    load(con, organisation(*[(name, department, "Soc") for name, _, _ in units]), "org.csv")
    load(con, csv_bytes([VACANCY_HEADER] + [[name, MONTH, budget, budget - vacant] for name, budget, vacant in units]),
         "vakanser.csv")


def test_without_overdispersion_the_limits_are_the_binomial_funnel(con, capsys):
    # Every unit at 10 %: every z is 0, φ = 0, so τ² = 0.
    vacancies(con, [("A", 100, 10), ("B", 100, 10), ("C", 50, 5), ("D", 50, 5), ("E", 25, 2.5), ("F", 25, 2.5)])
    rows = printed(con, capsys, "--indicator", "vacancy_rate_pct")
    a, e = rows["A", "vacancy_rate_pct"], rows["E", "vacancy_rate_pct"]
    assert (a["target"], a["tau2"], a["n"]) == ("10.000000", "0.000000", "100.000000")
    # t = asin(√0,1) = 0,321751; s = 1 / (2√100) = 0,05: 100 sin²(t ∓ 1,959964 × 0,05) and ∓ 3,090232 × 0,05.
    assert (a["lower95"], a["upper95"], a["lower998"], a["upper998"]) == (
        "4.923517", "16.608154", "2.770909", "21.018604")
    # n = 25: s = 0,1.
    assert (e["lower95"], e["upper95"], e["lower998"], e["upper998"]) == (
        "1.573092", "24.494941", "0.016198", "34.782841")
    assert {r["verdict"] for r in rows.values() if r["level"] == "enhet"} == {"within"}


def test_overdispersion_widens_the_funnel_and_an_outlier_is_still_above(con, capsys):
    vacancies(con, [("A", 100, 10), ("B", 100, 11), ("C", 100, 9), ("D", 100, 10), ("E", 100, 12), ("F", 100, 30),
                    ("G", 100, 3)])
    rows = printed(con, capsys, "--indicator", "vacancy_rate_pct")
    # θ = 85 / 700 = 12,142857 %. z = (asin √p − asin √θ) × 2√100: −0,683670, −0,357376, −1,024828, −0,683670,
    # −0,043849, 4,474114, −3,637021. Their 10th and 90th percentiles (position 0,6 and 5,4 of 7): −2,069705 and
    # 1,763336; winsorised, φ = 1,358251; k φ = 9,507756 > 6: τ² = (9,507756 − 6) / (2 800 − 7 × 400² / 2 800).
    f = rows["F", "vacancy_rate_pct"]
    assert (f["target"], f["tau2"]) == ("12.142857", "0.001462")
    # 100 sin²(t ∓ z* √(1/400 + τ²)), t = asin √θ = 0,355924.
    assert (f["lower95"], f["upper95"], f["lower998"], f["upper998"]) == (
        "5.312152", "21.266364", "2.583466", "27.359080")
    assert f["verdict"] == "above"  # 30 % > 27,36 %
    assert rows["G", "vacancy_rate_pct"]["verdict"] == "low"  # 3 % between 2,58 % and 5,31 %
    assert {rows[u, "vacancy_rate_pct"]["verdict"] for u in "ABCDE"} == {"within"}


def test_fewer_than_five_groups_have_no_overdispersion(con, capsys):
    vacancies(con, [("A", 100, 10), ("B", 100, 30), ("C", 100, 3), ("D", 100, 12)])
    rows = printed(con, capsys, "--indicator", "vacancy_rate_pct")
    assert {rows[u, "vacancy_rate_pct"]["tau2"] for u in "ABCD"} == {"0.000000"}
    assert rows["B", "vacancy_rate_pct"]["verdict"] == "above"


def turnover(con, units: list[tuple[str, int, int]]) -> None:
    """Twelve months to March 2025 of permanent staff and leavers (all in the first month)."""
    load(con, organisation(*[(name, "IFO", "Soc") for name, _, _ in units]), "org.csv")
    months = [f"{2024 + (m + 3) // 12}-{(m + 3) % 12 + 1:02d}" for m in range(12)]  # 2024-04 … 2025-03
    rows = [TURNOVER_HEADER]
    for name, people, leavers in units:
        rows += [[name, month, people, leavers if position == 0 else 0, 0, 0] for position, month in enumerate(months)]
    load(con, csv_bytes(rows), "oms.csv")


def test_turnover_has_exact_poisson_limits(con, capsys):
    # The förvaltning: 10 leavers of 50 people, θ = 20 %. For 10 people E = 2; Poisson(2):
    # P(X ≤ 0) = 0,1353, P(X ≤ 5) = 0,9834, P(X ≤ 7) = 0,99890, P(X ≤ 8) = 0,99976: Q(0,025) = 0,
    # Q(0,975) = 5, Q(0,001) = 0, Q(0,999) = 8; as rates 100 × Q / 10.
    turnover(con, [("Tio utan avgång", 10, 0), ("Tio med sex", 10, 6), ("Trettio", 30, 4)])
    rows = printed(con, capsys, "--indicator", "turnover_12m_pct")
    quiet, six = rows["Tio utan avgång", "turnover_12m_pct"], rows["Tio med sex", "turnover_12m_pct"]
    assert (quiet["target"], quiet["n"]) == ("20.000000", "10.000000")
    assert (quiet["lower95"], quiet["upper95"], quiet["lower998"], quiet["upper998"]) == (
        "0.000000", "50.000000", "0.000000", "80.000000")
    assert quiet["verdict"] == "within"  # no leaver in a year happens by chance to 10 people
    assert six["verdict"] == "high" and six["value"] == "60.000000"  # 6 > Q(0,975) = 5, not > 8
    assert quiet["tau2"] == ""
    # For 30 people E = 6: Q(0,025) = 2 (P(X ≤ 1) = 0,0174, P(X ≤ 2) = 0,0620), Q(0,975) = 11 (P(X ≤ 10) = 0,9574,
    # P(X ≤ 11) = 0,9799); 4 leavers are within.
    thirty = rows["Trettio", "turnover_12m_pct"]
    assert (thirty["lower95"], thirty["upper95"], thirty["verdict"]) == ("6.666667", "36.666667", "within")


def test_a_hidden_group_keeps_its_size_and_target_and_never_enters_the_overdispersion(con, capsys):
    load(con, organisation(*[(u, "IFO", "Soc") for u in ("A", "B", "C", "D", "E", "Liten")]), "org.csv")
    header = ["enhet", "månad", "anställda", "ordinarie_timmar", "sjuktimmar", "sjuktimmar_dag_1_14",
              "sjuktimmar_60_dagar"]
    sick = [["A", MONTH, 20, 3200, 160, 0, 0], ["B", MONTH, 20, 3200, 192, 0, 0], ["C", MONTH, 20, 3200, 128, 0, 0],
            ["D", MONTH, 20, 3200, 224, 0, 0], ["E", MONTH, 20, 3200, 96, 0, 0], ["Liten", MONTH, 8, 1280, 640, 0, 0]]
    load(con, csv_bytes([header] + sick), "sjuk.csv")
    public = printed(con, capsys, "--indicator", "sick_leave_pct")
    liten = public["Liten", "sick_leave_pct"]
    assert (liten["value"], liten["verdict"], liten["lower95"], liten["n"]) == ("", "", "", "8.000000")
    # The target counts Liten's hours: (800 + 640) / (16 000 + 1 280) = 8,333333 %.
    assert liten["target"] == "8.333333" and liten["tau2"] == public["A", "sick_leave_pct"]["tau2"]
    shown = printed(con, capsys, "--indicator", "sick_leave_pct", "--unsuppressed")
    assert shown["Liten", "sick_leave_pct"]["value"] == "50.000000"
    # For 8 people, s² = 1/32 and τ² = 0 (φ = 0,443 for A–E): the limits 35,6 % and 55,4 %: 50 % is high.
    assert shown["Liten", "sick_leave_pct"]["verdict"] == "high"
    # HR sees the same limits as the committee: Liten's 50 % never enters τ².
    assert shown["A", "sick_leave_pct"]["upper95"] == public["A", "sick_leave_pct"]["upper95"]
    assert shown["A", "sick_leave_pct"]["tau2"] == public["A", "sick_leave_pct"]["tau2"]


def test_units_and_avdelningar_against_their_forvaltning_forvaltningar_against_the_kommun(con, capsys):
    load(con, organisation(("A", "IFO", "Soc"), ("B", "Vuxen", "Soc"), ("C", "Grund", "Skola")), "org.csv")
    load(con, csv_bytes([VACANCY_HEADER, ["A", MONTH, 10, 9], ["B", MONTH, 20, 19], ["C", MONTH, 30, 27]]),
         "vakanser.csv")
    rows = printed(con, capsys, "--indicator", "vacancy_rate_pct")
    assert {(k[0], r["level"], r["parent"]) for k, r in rows.items()} == {
        ("A", "enhet", "Soc"), ("B", "enhet", "Soc"), ("C", "enhet", "Skola"),
        ("IFO", "avdelning", "Soc"), ("Vuxen", "avdelning", "Soc"), ("Grund", "avdelning", "Skola"),
        ("Soc", "förvaltning", "Hela kommunen"), ("Skola", "förvaltning", "Hela kommunen")}
    assert rows["Soc", "vacancy_rate_pct"]["target"] == "8.333333"  # (1 + 1 + 3) / 60


def test_without_a_kommun_forvaltningar_are_not_compared(con, capsys):
    vacancies(con, [("A", 10, 1), ("B", 20, 1)])
    rows = printed(con, capsys)
    assert {r["level"] for r in rows.values()} == {"enhet", "avdelning"}
    assert "Soc" not in {k[0] for k in rows}


@pytest.mark.parametrize("fmt", ["json"])
def test_json_has_numbers_and_nulls(con, capsys, fmt):
    vacancies(con, [("A", 10, 1), ("B", 20, 1)])
    db = con.execute("PRAGMA database_list").fetchone()[2]
    assert cli.main(["compare", "--db", db, "--month", MONTH, "--format", fmt]) == 0
    text = capsys.readouterr().out
    assert '"tau2":0.000000' in text and '"verdict":"within"' in text


def test_a_wide_funnel_says_why_small_groups_can_hardly_be_told_from_chance():
    rows = pd.DataFrame({"unit": ["Liten", "Stor"], "n": [11.0, 140.0], "value": [9.0, 7.0],
                         "verdict": [compare.WITHIN] * 2, "lower95": [0.0, 3.1], "upper95": [29.3, 12.2]})
    funnel = compare.Funnel("sick_leave_12m_pct", dt.date(2026, 10, 1), "Soc", "förvaltning", "enhet", 7.4, 0.0, rows)
    assert readings.funnel_width(funnel) == (
        "För små grupper är spannet brett: för Liten (11 anställda) ryms 0,0–29,3\u00a0% inom det förväntade. Att "
        "ingen ligger utanför betyder inte att alla är lika.")
    one_outside = compare.Funnel("sick_leave_12m_pct", dt.date(2026, 10, 1), "Soc", "förvaltning", "enhet", 7.4, 0.0,
                                 rows.assign(verdict=[compare.WITHIN, compare.ABOVE]))
    assert readings.funnel_width(one_outside) == (
        "För små grupper är spannet brett: för Liten (11 anställda) ryms 0,0–29,3\u00a0% inom det förväntade, så bara "
        "mycket stora skillnader syns.")
    narrow = rows.assign(lower95=[4.0, 6.0], upper95=[10.0, 8.8])  # 6,0 points wide, under the whole's 7,4
    assert readings.funnel_width(compare.Funnel("sick_leave_12m_pct", dt.date(2026, 10, 1), "Soc", "förvaltning",
                                                "enhet", 7.4, 0.0, narrow)) is None


def test_the_poisson_quantiles_are_those_of_scipy_stats():
    """compare.poisson_quantile avoids importing scipy.stats; it must give its exact quantiles."""
    import numpy as np
    from scipy.stats import poisson

    expected = np.concatenate([[0.0, 1e-12, 0.01, 0.5, 1.0, 2.0, 6.0, 1e5], np.arange(0, 300, 0.01),
                               np.random.default_rng(1).exponential(20, 20_000)])
    for q in (0.025, 0.975, 0.001, 0.999):
        assert np.array_equal(compare.poisson_quantile(q, expected), poisson.ppf(q, expected))
