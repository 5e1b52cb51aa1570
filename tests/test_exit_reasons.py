"""Why people leave (avgångsorsaker): each reason's share of the exit interviews of the 12 months,
how many there were, and the privacy rule with fewer than 5 answers."""

import pytest
from conftest import ORGANISATION, SICK_HEADER, csv_bytes, figures, load

HEADER = ["enhet", "månad", "orsak", "antal"]


@pytest.fixture
def reasons(con):
    load(con, csv_bytes(ORGANISATION), "org.csv")
    # Months from 2024-05, so that the 12 months ending with 2025-04 and 2025-05 can be compared.
    load(con, csv_bytes([SICK_HEADER] + [[u, f"{y}-{m:02d}", 12, 1000, 50, 0, 0]
                                         for u in ("Mottagningen", "Utredning", "Beroende", "Liten")
                                         for y, m in [(2024, m) for m in range(5, 13)] + [(2025, m) for m in range(1, 6)]]),
         "sjuk.csv")
    load(con, csv_bytes([HEADER,
                         ["Mottagningen", "2024-05", "Lön", 1],
                         ["Mottagningen", "2025-01", "Hög arbetsbelastning", 2],
                         ["Mottagningen", "2025-03", "lön", 1],
                         ["Mottagningen", "2025-03", "Flytt", 2],
                         ["Utredning", "2024-12", "Studier", 5],
                         ["Utredning", "2025-02", "Chefsstöd", 3],
                         ["Utredning", "2025-04", "Arbetsbelastning", 4],
                         ["Beroende", "2025-04", "Vill ej uppge", 1]]), "orsaker.csv")
    return figures(con), figures(con, unsuppressed=False)


def test_shares_over_the_12_months_ending_with_the_month(reasons):
    values, _ = reasons
    # Mottagningen, 12 months to April 2025: lön 1 + 1, arbetsbelastning 2, privata skäl 2 = 6 interviews.
    assert values["enhet", "Mottagningen", "2025-04", "exit_interviews_12m"] == 6
    assert values["enhet", "Mottagningen", "2025-04", "exit_reason_salary_pct"] == pytest.approx(100 * 2 / 6)
    assert values["enhet", "Mottagningen", "2025-04", "exit_reason_private_pct"] == pytest.approx(100 * 2 / 6)
    # In May 2025 the answer from May 2024 has left the window: 5 interviews, lön 1.
    assert values["enhet", "Mottagningen", "2025-05", "exit_interviews_12m"] == 5
    assert values["enhet", "Mottagningen", "2025-05", "exit_reason_salary_pct"] == pytest.approx(20.0)
    # Barn och unga in April: 6 + 12 = 18 interviews, arbetsbelastning 2 + 4.
    assert values["avdelning", "Barn och unga", "2025-04", "exit_reason_workload_pct"] == pytest.approx(100 * 6 / 18)
    assert values["förvaltning", "Socialförvaltningen", "2025-04", "exit_reason_other_pct"] == pytest.approx(100 / 19)


def test_a_window_without_interviews_counts_zero_and_has_no_shares(reasons):
    values, _ = reasons
    assert values["enhet", "Liten", "2025-04", "exit_interviews_12m"] == 0
    assert values["enhet", "Liten", "2025-04", "exit_reason_salary_pct"] is None


def test_fewer_than_5_answers_are_hidden_with_the_sibling_with_fewest(reasons):
    _, public = reasons
    # Vuxen in April: Beroende has 1 interview (hidden); Liten has none, so it is neither hidden nor
    # chosen, and nobody else can be: Vuxen's own 1 answer is hidden too (fewer than 5).
    assert public["enhet", "Beroende", "2025-04", "exit_reason_other_pct"] is None
    assert public["avdelning", "Vuxen", "2025-04", "exit_reason_other_pct"] is None
    # The count of interviews is never hidden.
    assert public["enhet", "Beroende", "2025-04", "exit_interviews_12m"] == 1
    # Barn och unga in February 2025: Mottagningen has 3 interviews (hidden), so Utredning, the only
    # other unit with interviews (5 + 3), is hidden too, else 3 = 11 − 8; the avdelning's 11 are shown.
    assert public["enhet", "Mottagningen", "2025-02", "exit_reason_salary_pct"] is None
    assert public["enhet", "Utredning", "2025-02", "exit_reason_management_pct"] is None
    assert public["avdelning", "Barn och unga", "2025-02", "exit_reason_management_pct"] == pytest.approx(
        100 * 3 / 11)
    # In April both have 5 or more: nothing hidden.
    assert public["enhet", "Utredning", "2025-04", "exit_reason_workload_pct"] == pytest.approx(100 * 4 / 12)
