"""The demo data tells the story the seeds describe, and loads through the real import path."""

import pytest
from conftest import figures

from hrdash import demo
from hrdash.store import batches


@pytest.fixture(scope="module")
def demo_figures(tmp_path_factory):
    from hrdash.store import database

    con = database.connect(tmp_path_factory.mktemp("demo") / "hr.duckdb")
    messages = list(demo.load(con, "demo"))
    assert all("importerad som import nr" in m for m in messages[:len(demo.DEMO_FILES)]), messages
    yield con, figures(con), figures(con, unsuppressed=False)
    con.close()


def test_every_demo_file_imports(demo_figures):
    con, *_ = demo_figures
    imported = batches.list_batches(con)
    assert len(imported) == len(demo.DEMO_FILES)
    assert {b.kind for b in imported} == {"organisation", "sick_leave", "turnover", "vacancies", "recruitment",
                                          "caseload", "pulse", "exit_reasons", "measures"}


def test_36_months_up_to_october_2026(demo_figures):
    _, values, _ = demo_figures
    months = sorted({k[2] for k in values if k[0] == "förvaltning"})
    assert (months[0], months[-1], len(months)) == ("2023-11", "2026-10", 36)


def test_sick_leave_peaks_in_winter(demo_figures):
    _, values, _ = demo_figures
    def sick(month):
        return values["förvaltning", "Socialförvaltningen", month, "sick_leave_pct"]
    for year in (2024, 2025, 2026):
        assert sick(f"{year}-02") > sick(f"{year}-07") + 2


def test_one_unit_has_climbing_turnover(demo_figures):
    _, values, _ = demo_figures
    def turnover(unit, month):
        return values["enhet", unit, month, "turnover_12m_pct"]
    climbing = "Utredning barn och unga 2"
    assert turnover(climbing, "2026-10") > 2 * turnover(climbing, "2025-04")
    assert turnover(climbing, "2026-10") > turnover("Utredning barn och unga 1", "2026-10") + 10


def test_vacancies_fall_after_the_recruitment_drive(demo_figures):
    _, values, _ = demo_figures
    def vacancies(month):
        return values["förvaltning", "Socialförvaltningen", month, "vacancies"]
    assert vacancies("2025-08") > 2 * vacancies("2026-10")
    assert values["förvaltning", "Socialförvaltningen", "2025-08", "consultant_cost_sek"] > 500_000


def test_the_small_unit_is_suppressed_for_the_committee(demo_figures):
    _, values, public = demo_figures
    assert values["enhet", "Ledningsstöd", "2026-10", "sick_leave_pct"] is not None
    assert public["enhet", "Ledningsstöd", "2026-10", "sick_leave_pct"] is None
    assert public["avdelning", "Stab", "2026-10", "sick_leave_pct"] is not None


def test_the_reorganisation_moves_a_unit_in_july_2025(demo_figures):
    con, *_ = demo_figures
    rows = con.execute(
        """SELECT DISTINCT department FROM unit_month_parts JOIN unit_names USING (unit_id)
           WHERE unit_name = 'Arbetsmarknadsinsatser' AND month >= DATE '2025-07-01'"""
    ).fetchall()
    assert rows == [("Vuxen",)]


def test_one_unit_is_overloaded_its_staff_say_so_and_its_sick_leave_follows(demo_figures):
    con, values, _ = demo_figures
    unit = "Utredning barn och unga 1"
    assert values["enhet", unit, "2026-10", "caseload_per_worker"] > values["enhet", unit, "2025-10", "caseload_per_worker"] + 3
    agree = [values["enhet", unit, month, "pulse_work_situation_agree_pct"] for month in ("2025-08", "2026-04", "2026-08")]
    assert agree == sorted(agree, reverse=True) and agree[0] - agree[-1] > 25
    from hrdash.figures import signals

    series = {s.indicator_id: s for s in signals.all_series(con, group_key=unit.lower(), level="enhet")}
    assert series["caseload_per_worker"].points[-1].variation() == "concern"
    assert series["sick_leave_pct"].points[-1].variation() == "concern"


def test_hr_restarted_the_baselines_after_the_reorganisation(demo_figures):
    con, *_ = demo_figures
    from hrdash.store import baselines

    assert baselines.current(con, baselines.SIGNALS, "avdelning", "Socialförvaltningen / Vuxen").isoformat() == "2025-07-01"
    assert baselines.current(con, baselines.PULSE, "förvaltning", "Socialförvaltningen").isoformat() == "2024-04-01"


def test_leavers_give_reasons_and_the_small_unit_s_answers_are_hidden(demo_figures):
    _, values, public = demo_figures
    assert values["förvaltning", "Socialförvaltningen", "2026-10", "exit_interviews_12m"] > 10
    assert public["förvaltning", "Socialförvaltningen", "2026-10", "exit_reason_workload_pct"] is not None
    # Ledningsstöd (7 people) answers fewer than 5 some tertial, which hides HR och ekonomi's too.
    hidden = [m for m in ("2024-04", "2024-08", "2024-12", "2025-04", "2025-08", "2025-12", "2026-04", "2026-08")
              if public["enhet", "Ledningsstöd", m, "pulse_work_situation_agree_pct"] is None]
    assert hidden and all(public["enhet", "HR och ekonomi", m, "pulse_work_situation_agree_pct"] is None for m in hidden
                          if values["enhet", "Ledningsstöd", m, "pulse_work_situation_answers"] < 5)


def test_the_plan_of_action_shows_what_worked_and_what_is_too_early_to_tell(demo_figures):
    from hrdash.figures import effects

    con, *_ = demo_figures
    found = {(e.measure.title, e.indicator_id): e for e in effects.effects(con)}
    drive = found["Rekryteringssatsning: tio fler socialsekreterartjänster", "vacancy_rate_pct"]
    assert (drive.verdict, f"{drive.since:%Y-%m}", drive.points_after) == ("improvement", "2025-10", 14)
    posts = found["Två tillfälliga handläggartjänster och ärendetak", "caseload_per_worker"]
    assert (posts.verdict, posts.points_after) == ("too_early", 2)
    assert found["Hela chefer: högst 25 medarbetare per chef", "sick_leave_pct"].verdict == "no_change"
    assert found["Nytt introduktionsprogram för nyanställda", None].verdict is None  # no monthly verdict
