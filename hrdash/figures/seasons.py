"""The seasonal pattern of sick leave (domain.md, Part 3, "Seasonal signals for sick leave").

Sick leave peaks every winter, so a control chart on the raw monthly figures flags every January.
One pattern is estimated for the whole organisation, from its top group (the kommun where there
is one, else the förvaltning), and every group's chart of `sick_leave_pct` and
`short_sick_leave_pct` is drawn on its values divided by the month's factor:

- the **window** is the first 24 months of the first run of at least 24 consecutive calendar
  months in which every unit of the top group reported sick leave; else the first 12 of a run of
  at least 12; else there is no pattern;
- for calendar month m, R_m = Σ sick hours / Σ ordinary hours of the top group over the window's
  months that fall in m (day 1–14 hours for the short-term figure), and the factor
  S_m = R_m / mean(R_1 … R_12). Where an R_m is empty or 0 there is no pattern for that figure, nor
  where the top group's figure is hidden by the privacy rule in any month of the window.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import duckdb

from hrdash import swedish
from hrdash.months import shift
from hrdash.store.queries import read

# The hours each seasonal figure is made of: its numerator beside the ordinary hours.
ADJUSTED = {"sick_leave_pct": "sick_hours", "short_sick_leave_pct": "sick_hours_day_1_14"}
RUNS = (24, 12)  # the window's length: 24 months, else 12


@dataclass(frozen=True)
class Season:
    """The organisation's seasonal pattern: the months it was estimated from, and per indicator the
    factors S_1 … S_12 (January first), where it has them."""

    top: str = ""  # the top group's name
    window: tuple[dt.date, ...] = ()
    factors: dict[str, tuple[float, ...]] = field(default_factory=dict)

    def factor(self, indicator_id: str, month: dt.date) -> float | None:
        found = self.factors.get(indicator_id)
        return found[month.month - 1] if found else None

    def adjusts(self, indicator_id: str) -> bool:
        return indicator_id in self.factors

    @property
    def measured(self) -> str:
        """The months the pattern comes from, in words: 'januari 2024–december 2025'."""
        if not self.window:
            return ""
        return f"{swedish.month_name(self.window[0])}–{swedish.month_name(self.window[-1])}"

    def describe(self, indicator_id: str, month: dt.date) -> str:
        """What the pattern says of a month, plainly: 'januari brukar ligga 25 % över årets snitt i
        Socialförvaltningen (mätt januari 2024–december 2025)'; '' without a pattern."""
        factor = self.factor(indicator_id, month)
        if factor is None:
            return ""
        name = swedish.MONTHS[month.month - 1]
        share = round(abs(factor - 1) * 100)
        if share == 0:
            where = "brukar ligga nära årets snitt"
        else:
            where = f"brukar ligga {share}\u00a0% {'över' if factor > 1 else 'under'} årets snitt"
        return f"{name} {where} i {self.top} (mätt {self.measured})"


def window(months: list[dt.date], complete: list[bool]) -> tuple[dt.date, ...]:
    """The seasonal window: the first `length` months of the first run of at least `length`
    consecutive calendar months that are complete, for a length of 24, else 12; () where none."""
    runs: list[list[dt.date]] = []
    for month, ok in sorted(zip(months, complete)):
        if not ok:
            continue
        if runs and runs[-1][-1] == shift(month, -1):
            runs[-1].append(month)
        else:
            runs.append([month])
    for length in RUNS:
        run = next((r for r in runs if len(r) >= length), None)
        if run:
            return tuple(run[:length])
    return ()


def factors(rows: list[dict], months: tuple[dt.date, ...], numerator: str) -> tuple[float, ...] | None:
    """S_1 … S_12 from the top group's hours over the window; None where some R_m is empty or 0."""
    chosen = [r for r in rows if r["month"] in months]
    ratios = []
    for calendar_month in range(1, 13):
        these = [r for r in chosen if r["month"].month == calendar_month]
        sick = sum(r[numerator] for r in these if r[numerator] is not None)
        ordinary = sum(r["ordinary_hours"] for r in these if r["ordinary_hours"] is not None)
        if not these or not ordinary or not sick:
            return None
        ratios.append(sick / ordinary)
    mean = sum(ratios) / 12
    return tuple(r / mean for r in ratios)


def season(con: duckdb.DuckDBPyConnection) -> Season:
    """The organisation's seasonal pattern, from its top group's stored figures."""
    result = read(con, "seasonal_parts", order_by="month")
    names = [c[0] for c in result.description]
    rows = [dict(zip(names, r)) for r in result.fetchall()]
    if not rows:
        return Season()
    months = window([r["month"] for r in rows], [bool(r["complete"]) for r in rows])
    top = rows[0]["group_name"]
    if not months or any(r["hidden"] for r in rows if r["month"] in months):
        return Season(top)
    found = {indicator: f for indicator, numerator in ADJUSTED.items()
             if (f := factors(rows, months, numerator)) is not None}
    return Season(top, months, found)
