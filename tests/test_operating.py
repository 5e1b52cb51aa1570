"""The operating figures' generated organisation (bench/operating.py): its sick leave, simulated person
by person, adds up as a payroll export's would, and passes the import's rules. The bench itself
runs in `make bench`, not here."""

import calendar
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import operating  # noqa: E402

from hrdash.ingest.parse import parse_file  # noqa: E402


def test_overlapping_spells_are_one_spell_counted_from_its_first_day():
    rate = np.zeros((2, 8), np.float32)
    rate[0, 1] = rate[0, 3] = rate[1, 6] = 1.0  # a spell starts on these days, for certain
    sick = operating.spells(np.random.default_rng(0), rate, lambda n: np.full(n, 3))
    assert sick.tolist() == [[0, 1, 1, 1, 1, 1, 0, 0], [0, 0, 0, 0, 0, 0, 1, 1]]
    assert operating.day_of_spell(sick).tolist() == [[0, 1, 2, 3, 4, 5, 0, 0], [0, 0, 0, 0, 0, 0, 1, 2]]


def test_the_monthly_sums_add_up_as_the_contract_asks():
    generated = operating.simulate(units_per_administration=3)
    sick = generated.sick
    assert len(sick) == 12 * operating.MONTHS
    assert (sick["sjuktimmar_dag_1_14"] + sick["sjuktimmar_60_dagar"] <= sick["sjuktimmar"] + 1e-6).all()
    assert (sick["sjuktimmar"] <= sick["ordinarie_timmar"]).all()
    assert sick["sjuktimmar_dag_1_14"].sum() > 0 and sick["sjuktimmar_60_dagar"].sum() > 0
    # Ordinary hours are each person's 8 hours × employment degree on every weekday: per unit, the
    # same number of hours a weekday in every month, between 6 (75 %) and 8 an employee.
    weekdays = [sum(1 for day in range(1, calendar.monthrange(m.year, m.month)[1] + 1)
                    if calendar.weekday(m.year, m.month, day) < 5)
                for m in map(operating.month_at, range(operating.MONTHS))]
    assert weekdays[:3] == [22, 22, 22]  # November and December 2022, January 2023
    for _, unit in sick.groupby("enhetskod"):
        per_weekday = unit["ordinarie_timmar"].to_numpy() / weekdays
        assert np.allclose(per_weekday, per_weekday[0], atol=0.01)
        people = unit["anställda"].iloc[0]
        assert 6 * people - 0.01 <= per_weekday[0] <= 8 * people + 0.01


def test_the_file_passes_the_import():
    generated = operating.simulate(units_per_administration=3)
    parsed = parse_file(operating.csv_bytes(generated.sick), "sjukfranvaro.csv")
    assert parsed.ok, parsed.problems[:3]
    assert parsed.row_count == 12 * operating.MONTHS
