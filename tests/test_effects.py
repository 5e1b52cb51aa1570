"""`hrdash effects` (domain.md, Part 3): each measure against the 12 points before it, the runs that
make an improvement or a deterioration, too early, no change, no baseline, the seasonal sick-leave
chart, the two-proportion test of the pulse questions, turnover's empty row, and the privacy rule.
Every figure below is worked out by hand from the contract's rules."""

import csv
import io

import pytest
from conftest import csv_bytes, load

from hrdash import cli

MEASURES = ["enhet", "startmånad", "åtgärd", "område"]
VACANCIES = ["enhet", "månad", "budgeterade_tjänster", "besatta_tjänster"]
PRE = [10, 11] * 6  # centre 10,5; moving range 1; limits 10,5 ∓ 2,66 = 7,84 and 13,16


def month(i: int) -> str:
    return f"{2024 + i // 12}-{i % 12 + 1:02d}"


def printed(con, capsys, *args) -> dict[tuple[str, str], dict]:
    """(title, indicator) -> the row `hrdash effects` prints."""
    db = con.execute("PRAGMA database_list").fetchone()[2]
    assert cli.main(["effects", "--db", db, *args]) == 0
    return {(r["title"], r["indicator"]): r for r in csv.DictReader(io.StringIO(capsys.readouterr().out))}


def vacancy_units(con, series: dict[str, list[float]], measures: list[list]) -> None:
    """Each unit's vacancy rate month by month from January 2024 (100 budgeted positions), and measures."""
    load(con, csv_bytes([["enhet", "avdelning", "förvaltning"]] + [[u, "IFO", "Soc"] for u in series]), "org.csv")
    load(con, csv_bytes([VACANCIES] + [[u, month(i), 100, 100 - v] for u, values in series.items()
                                       for i, v in enumerate(values)]), "vakanser.csv")
    load(con, csv_bytes([MEASURES] + measures), "åtgärder.csv")


def test_seven_below_the_pre_centre_is_an_improvement(con, capsys):
    vacancy_units(con, {"A": PRE + [10] * 7}, [["A", month(12), "Sju under", "vakanser"]])
    row = printed(con, capsys)["Sju under", "vacancy_rate_pct"]
    assert (row["unit"], row["level"], row["start"], row["topic"]) == ("A", "enhet", "2025-01", "vakanser")
    assert (row["before"], row["after"], row["change"]) == ("10.500000", "10.000000", "-0.500000")
    assert (row["points_after"], row["verdict"], row["since"]) == ("7", "improvement", "2025-01")


def test_two_below_the_lower_limit_is_an_improvement_even_early(con, capsys):
    vacancy_units(con, {"A": PRE + [10.5, 7, 7.5]}, [["A", month(12), "Två under", "vakanser"]])
    row = printed(con, capsys)["Två under", "vacancy_rate_pct"]
    # 7 and 7,5 are both strictly below 7,84; the run starts in February 2025.
    assert (row["points_after"], row["verdict"], row["since"]) == ("3", "improvement", "2025-02")


def test_both_kinds_are_mixed_and_since_is_the_earlier(con, capsys):
    vacancy_units(con, {"A": PRE + [14, 14] + [10] * 7}, [["A", month(12), "Blandat", "vakanser"]])
    row = printed(con, capsys)["Blandat", "vacancy_rate_pct"]
    # 14 and 14 above 13,16 from January 2025; then seven at 10 below 10,5 from March 2025.
    assert (row["verdict"], row["since"]) == ("mixed", "2025-01")


def test_fewer_than_seven_points_without_a_run_is_too_early(con, capsys):
    vacancy_units(con, {"A": PRE + [10, 11, 10, 11]}, [["A", month(12), "Tidigt", "vakanser"]])
    row = printed(con, capsys)["Tidigt", "vacancy_rate_pct"]
    assert (row["points_after"], row["verdict"], row["since"], row["after"]) == ("4", "too_early", "", "10.500000")


def test_a_point_on_the_centre_breaks_a_run(con, capsys):
    vacancy_units(con, {"A": PRE + [10, 10, 10, 10.5, 10, 10, 10, 10]}, [["A", month(12), "Avbrutet", "vakanser"]])
    row = printed(con, capsys)["Avbrutet", "vacancy_rate_pct"]
    assert (row["points_after"], row["verdict"], row["since"]) == ("8", "no_change", "")


def test_fewer_than_12_points_before_is_no_baseline(con, capsys):
    vacancy_units(con, {"A": PRE[:11] + [10] * 8}, [["A", month(11), "Kort", "vakanser"]])
    row = printed(con, capsys)["Kort", "vacancy_rate_pct"]
    assert (row["before"], row["change"], row["after"], row["points_after"], row["verdict"], row["since"]) == (
        "", "", "10.000000", "8", "no_baseline", "")


def test_the_pre_points_are_the_last_12_before_the_start(con, capsys):
    # 24 points: the first 12 at 20, then PRE; the measure starts after the second year.
    vacancy_units(con, {"A": [20] * 12 + PRE + [10] * 7}, [["A", month(24), "Senaste tolv", "vakanser"]])
    row = printed(con, capsys)["Senaste tolv", "vacancy_rate_pct"]
    assert (row["before"], row["verdict"]) == ("10.500000", "improvement")


def test_turnover_has_a_row_without_an_indicator(con, capsys):
    vacancy_units(con, {"A": PRE}, [["A", month(6), "Mentorskap", "personalomsättning"]])
    row = printed(con, capsys)["Mentorskap", ""]
    assert (row["unit"], row["topic"], row["before"], row["verdict"], row["points_after"]) == (
        "A", "personalomsättning", "", "", "")


def test_a_measure_of_the_forvaltning_uses_its_series(con, capsys):
    vacancy_units(con, {"A": PRE + [10] * 7, "B": PRE + [10] * 7}, [["Soc", month(12), "Hela", "vakanser"]])
    row = printed(con, capsys)["Hela", "vacancy_rate_pct"]
    assert (row["unit"], row["level"], row["verdict"]) == ("Soc", "förvaltning", "improvement")


SICK = ["enhet", "månad", "anställda", "ordinarie_timmar", "sjuktimmar", "sjuktimmar_dag_1_14", "sjuktimmar_60_dagar"]
SEASON = [7, 6, 5, 5, 4, 4, 3, 3, 4, 5, 6, 6]  # a year of the förvaltning's sick leave, in per cent


def test_sick_leave_is_judged_on_the_seasonally_adjusted_series(con, capsys):
    """Two years of the same seasonal pattern with ±5 % noise; the measure starts in January 2026, and
    2026's winter is a normal one: Part 2's raw chart would call it a deterioration (seven months
    above a centre set in the summer), the seasonal one does not."""
    load(con, csv_bytes([["enhet", "avdelning", "förvaltning"], ["Norr", "IFO", "Soc"]]), "org.csv")
    rows = [SICK]
    for year in (2024, 2025, 2026):
        for m, r in enumerate(SEASON, start=1):
            noise = 0.05 if (m % 2 == 0) == (year != 2025) else -0.05
            rows.append(["Norr", f"{year}-{m:02d}", 30, 1000, round(10 * r * (1 + noise), 6), 0, 0])
    load(con, csv_bytes(rows), "sjuk.csv")
    load(con, csv_bytes([MEASURES, ["Norr", "2026-01", "Friskvård", "sjukfrånvaro"]]), "åtgärder.csv")
    row = printed(con, capsys)["Friskvård", "sick_leave_pct"]
    # before: the raw mean of 2025's twelve months, 58 / 12 = 4,833333 (the noise cancels within the year).
    assert (row["before"], row["points_after"], row["verdict"]) == ("4.833333", "12", "no_change")


PULSE = ["enhet", "tertial", "fråga", "svar", "instämmer"]


@pytest.fixture
def pulse(con):
    """A in IFO; B (4 answers in T1 2025: hidden) and C in Vuxen, so that hiding B hides C beside it, not A."""
    load(con, csv_bytes([["enhet", "avdelning", "förvaltning"], ["A", "IFO", "Soc"], ["B", "Vuxen", "Soc"],
                         ["C", "Vuxen", "Soc"]]), "org.csv")
    load(con, csv_bytes([PULSE, ["C", "2025 T1", "arbetssituation", 40, 30], ["C", "2025 T3", "arbetssituation", 40, 30], ["A", "2025 T1", "arbetssituation", 100, 60], ["A", "2025 T2", "arbetssituation", 100, 70],
                         ["A", "2025 T3", "arbetssituation", 100, 75], ["A", "2025 T3", "gott arbete", 100, 65],
                         ["A", "2025 T1", "gott arbete", 100, 60],
                         ["B", "2025 T1", "arbetssituation", 4, 2], ["B", "2025 T3", "arbetssituation", 30, 20]]),
         "puls.csv")
    return con


def test_the_pulse_questions_use_a_two_proportion_test(pulse, capsys):
    load(pulse, csv_bytes([MEASURES, ["A", "2025-05", "Hela chefer", "medarbetarnas röst"]]), "åtgärder.csv")
    rows = printed(pulse, capsys)
    work = rows["Hela chefer", "pulse_work_situation_agree_pct"]
    # Before: T1 2025 (its last month, April, is before May), 60 of 100; after: the latest since, T3 2025,
    # 75 of 100. p̄ = 135 / 200 = 0,675; z = 0,15 / √(0,675 × 0,325 × (1/100 + 1/100)) = 2,2646 > 1,96.
    assert (work["before"], work["after"], work["change"]) == ("60.000000", "75.000000", "15.000000")
    assert (work["points_after"], work["verdict"], work["since"]) == ("2", "improvement", "")
    good = rows["Hela chefer", "pulse_good_work_agree_pct"]
    # 60 of 100 against 65 of 100: p̄ = 0,625, z = 0,05 / √(0,625 × 0,375 × 0,02) = 0,7303.
    assert (good["points_after"], good["verdict"]) == ("1", "no_change")
    recommend = rows["Hela chefer", "pulse_recommend_agree_pct"]
    assert (recommend["before"], recommend["after"], recommend["points_after"], recommend["verdict"]) == (
        "", "", "0", "no_baseline")


def test_no_survey_since_the_start_is_too_early(pulse, capsys):
    load(pulse, csv_bytes([MEASURES, ["A", "2026-01", "Senare", "medarbetarnas röst"]]), "åtgärder.csv")
    work = printed(pulse, capsys)["Senare", "pulse_work_situation_agree_pct"]
    assert (work["before"], work["after"], work["points_after"], work["verdict"]) == ("75.000000", "", "0", "too_early")


def test_a_hidden_survey_hides_the_row_but_its_count(pulse, capsys):
    # B's T1 2025 has 4 answers: hidden (fewer than 5). Its row keeps only points_after.
    load(pulse, csv_bytes([MEASURES, ["B", "2025-05", "Liten", "medarbetarnas röst"]]), "åtgärder.csv")
    public = printed(pulse, capsys)["Liten", "pulse_work_situation_agree_pct"]
    assert (public["before"], public["after"], public["change"], public["verdict"], public["points_after"]) == (
        "", "", "", "", "1")
    shown = printed(pulse, capsys, "--unsuppressed")["Liten", "pulse_work_situation_agree_pct"]
    assert (shown["before"], shown["verdict"]) == ("50.000000", "no_change")


def test_a_hidden_sick_leave_figure_hides_the_row_but_its_count(con, capsys):
    load(con, csv_bytes([["enhet", "avdelning", "förvaltning"], ["Liten", "IFO", "Soc"], ["Stor", "IFO", "Soc"]]),
         "org.csv")
    rows = [SICK] + [[u, month(i), n, 1000, 50 + (i % 2) * 10, 10, 0] for i in range(20) for u, n in (("Liten", 8),
                                                                                                      ("Stor", 40))]
    load(con, csv_bytes(rows), "sjuk.csv")
    load(con, csv_bytes([MEASURES, ["Liten", month(14), "Stöd", "sjukfrånvaro"]]), "åtgärder.csv")
    public = printed(con, capsys)["Stöd", "sick_leave_pct"]
    assert (public["before"], public["after"], public["verdict"], public["since"], public["points_after"]) == (
        "", "", "", "", "6")
    assert printed(con, capsys, "--unsuppressed")["Stöd", "sick_leave_pct"]["before"] != ""
