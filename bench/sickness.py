"""Sick leave simulated person by person, day by day: short spells (a few days, more in winter) and
now and then a long one of several months, each person with a proneness of their own (frailty),
summed to a sick-leave file's hours. Shared by the operating figures' generated organisation
(bench/operating.py) and the demo's sick-leave files (scripts/make_demo_data.py).

Day 1–14 hours are those of a spell's first 14 calendar days; the 60-day hours those from a spell's
60th day on, known in the month they fall in and never counted twice with day 1–14. Overlapping
spells are one spell, as payroll counts them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

BURN_IN_DAYS = 365  # simulated before the first month, so that long spells are under way at its start
HOURS_PER_DAY = 8.0
DEGREES = (0.75, 0.9, 1.0)  # employment degree (sysselsättningsgrad): hours a working day are 8 × it
DEGREE_SHARES = (0.2, 0.3, 0.5)
SHORT_PER_YEAR = 3.0  # short spells per person and year, over the year
SHORT_MEAN_DAYS = 3.0  # calendar days, geometric
WINTER = 0.45  # short spells start 45 % more often at the end of January, 45 % less at the end of July
LONG_PER_YEAR = 0.2  # long spells per person and year
LONG_MIN_DAYS, LONG_LOG_MEDIAN, LONG_LOG_SD = 15, 4.3, 0.8  # 15 days + lognormal: median 89, mean about 115
FRAILTY_SHAPE = 2.0  # each person's own proneness (gamma, mean 1): some are ill far more often
COLUMNS = ("ordinarie_timmar", "sjuktimmar", "sjuktimmar_dag_1_14", "sjuktimmar_60_dagar")


def month_at(first: dt.date, i: int) -> dt.date:
    index = first.year * 12 + first.month - 1 + i
    return dt.date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class Calendar:
    """Every simulated day, the burn-in first."""

    dates: np.ndarray  # datetime64[D]
    month: np.ndarray  # the day's month, 0 the first shown; < 0 in the burn-in
    months: int  # how many months are shown
    weekday: np.ndarray  # Monday to Friday: a working day
    winter: np.ndarray  # the short spells' season: 1 + WINTER at the end of January

    def in_month(self) -> np.ndarray:
        """days × months: 1 where the day falls in the shown month."""
        shown = self.month >= 0
        matrix = np.zeros((len(self.dates), self.months))
        matrix[np.flatnonzero(shown), self.month[shown]] = 1
        return matrix


def calendar(first: dt.date, months: int, winter: float = WINTER) -> Calendar:
    start = np.datetime64(first, "D")
    dates = np.arange(start - BURN_IN_DAYS, np.datetime64(month_at(first, months), "D"))
    month = (dates.astype("datetime64[M]") - np.datetime64(first, "M")).astype(int)
    weekday = ((dates.astype(int) + 3) % 7) < 5  # 1970-01-01 was a Thursday
    day_of_year = (dates - dates.astype("datetime64[Y]")).astype(int)
    return Calendar(dates, month, months, weekday, 1 + winter * np.cos(2 * np.pi * (day_of_year - 28) / 365.25))


def frailty(rng: np.random.Generator, persons: int) -> np.ndarray:
    """Each person's own proneness, gamma with mean 1."""
    return rng.gamma(FRAILTY_SHAPE, 1 / FRAILTY_SHAPE, persons)


def spells(rng: np.random.Generator, rate: np.ndarray, lengths) -> np.ndarray:
    """Which days each person is in a spell: a spell starts on a day with probability `rate`
    (persons × days) and lasts `lengths(count)` calendar days. Returns a persons × days int8
    array, 1 on a day some spell covers."""
    persons, days = rate.shape
    who, start = np.nonzero(rng.random(rate.shape, dtype=np.float32) < rate)
    end = np.minimum(start + lengths(len(start)), days)
    change = np.zeros((persons, days + 1), np.int32)
    np.add.at(change, (who, start), 1)
    np.add.at(change, (who, end), -1)
    return (np.cumsum(change[:, :-1], axis=1) > 0).astype(np.int8)


def day_of_spell(sick: np.ndarray) -> np.ndarray:
    """For each sick day, its day number in the run of consecutive sick calendar days (1 = the
    first); 0 on a day not sick. Overlapping spells are one spell, as payroll counts them."""
    days = np.arange(sick.shape[1])
    last_well = np.maximum.accumulate(np.where(sick == 0, days, -1), axis=1)
    return np.where(sick == 1, days - last_well, 0)


def sick_days(rng: np.random.Generator, short_rate: np.ndarray, long_rate: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Short spells (geometric, SHORT_MEAN_DAYS) and long ones (LONG_MIN_DAYS + lognormal) from the
    daily start rates (persons × days): the persons × days sick flags and each day's day of spell."""
    sick = spells(rng, short_rate, lambda n: rng.geometric(1 / SHORT_MEAN_DAYS, n))
    sick |= spells(rng, long_rate, lambda n: LONG_MIN_DAYS + np.round(
        rng.lognormal(LONG_LOG_MEDIAN, LONG_LOG_SD, n)).astype(int))
    return sick, day_of_spell(sick)


def hour_days(sick: np.ndarray, spell_day: np.ndarray, weekday: np.ndarray) -> dict[str, np.ndarray]:
    """Per column of the sick-leave file, the persons × days flags of the days whose hours it counts."""
    worked = weekday[None, :]
    return {
        "ordinarie_timmar": np.broadcast_to(worked, sick.shape),
        "sjuktimmar": (sick == 1) & worked,
        "sjuktimmar_dag_1_14": (spell_day >= 1) & (spell_day <= 14) & worked,
        "sjuktimmar_60_dagar": (spell_day >= 60) & worked,
    }


def monthly(days: np.ndarray, in_month: np.ndarray) -> np.ndarray:
    """persons × months: how many of each person's flagged days fall in each month."""
    return days.astype(float) @ in_month
