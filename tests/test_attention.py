"""Behöver uppmärksamhet (hrdash/figures/attention.py): a unit is listed for a real change for the
worse or a target it will not meet without a change, never for noise, most serious first, and
never for a figure the privacy rule hides."""

import datetime as dt

import pytest
from conftest import ORGANISATION, SICK_HEADER, csv_bytes, load

from hrdash.figures.attention import attention
from hrdash.figures.groups import groups
from hrdash.store import targets

MONTHS = [f"{2024 + m // 12}-{m % 12 + 1:02d}" for m in range(14)]  # January 2024 – February 2025
LAST = dt.date(2025, 2, 1)


def sick_rows(unit: str, employees: int, percents: list[float]) -> list[list]:
    """One row a month with 1 000 ordinary hours: the sick hours are ten times the percentage."""
    return [[unit, m, employees, 1000, p * 10, p * 5, 0] for m, p in zip(MONTHS, percents)]


@pytest.fixture
def units(con):
    """Sick leave against a target of 7 % for the förvaltning:
    Mottagningen 5/6 % alternating, then 12 %: above its upper limit 8,16 %, a concern.
    Utredning 8/9 % alternating: over the target, but its limits 5,84–11,16 % hold 7 %: noise.
    Beroende 11/12 % alternating: its lower limit 8,84 % is over the target: it never meets it.
    Liten the same as Beroende, but with 3 people its figures are not shown; it did not report July
    2024, so the förvaltning has no 12 complete months in a row and no seasonal pattern."""
    load(con, csv_bytes(ORGANISATION), "org.csv")
    load(con, csv_bytes([SICK_HEADER]
                        + sick_rows("Mottagningen", 12, [5, 6] * 6 + [5, 12])
                        + sick_rows("Utredning", 12, [8, 9] * 7)
                        + sick_rows("Beroende", 12, [11, 12] * 7)
                        + [r for r in sick_rows("Liten", 3, [11, 12] * 7) if r[1] != "2024-07"]), "sjuk.csv")
    targets.set_target(con, "sick_leave_pct", "förvaltning", "Socialförvaltningen", 7.0, "hr@kommun.se")
    return con


def listed(con, unsuppressed=False):
    every = groups(con)
    top = next(g for g in every if g.level == "förvaltning")
    return [(unit.name, [item.reason.replace("\u00a0", " ") for item in items if item.indicator_id == "sick_leave_pct"])
            for unit, items in attention(con, every, top, LAST, unsuppressed)]


def test_a_real_change_comes_first_a_target_never_met_next_noise_not_at_all(units):
    found = listed(units)
    assert [name for name, _ in found] == ["Mottagningen", "Beroende"]
    # Mottagningen: concern 1 + (12 − 7) / 7 = 1,71; Beroende: (12 − 7) / 7 = 0,71.
    assert found[0][1] == ["Sjukfrånvaro 12,0 %, ovanligt hög (över den övre gränsen 8,2 %), över målet 7,0 %"]
    assert found[1][1] == ["Sjukfrånvaro 12,0 %, över målet 7,0 % (klaras inte utan förändring)"]


def test_a_hidden_figure_is_never_a_reason_for_the_committee(units):
    assert "Liten" not in [name for name, _ in listed(units)]
    assert "Liten" in [name for name, _ in listed(units, unsuppressed=True)]


def test_no_target_and_no_signal_lists_nobody(units):
    targets.set_target(units, "sick_leave_pct", "förvaltning", "Socialförvaltningen", None, "hr@kommun.se")
    assert [name for name, _ in listed(units)] == ["Mottagningen"]  # the signal alone still counts
