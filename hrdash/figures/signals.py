"""Is a change real? An XmR (individuals) chart, as the NHS "Making Data Count" boards use it, for
each indicator the catalogue marks SIGNALS: a centre line and limits from a baseline of 12
points, and four rules that tell a signal from common-cause variation (domain.md, "Signals").

`xmr` is the whole method on one series; `all_series` reads the series of every group from the
stored indicators (queries/marts/signal_values.sql), with the privacy rule of each figure.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import duckdb

from hrdash.catalogue import BY_ID, SIGNALS, shown_in
from hrdash.store.queries import read

BASELINE_POINTS = 12
LIMIT_FACTOR = 2.66  # the limits are the centre ± 2.66 × the mean moving range
D2 = 1.128  # σ = the mean moving range / d2 (for ranges of two points)
ON_CENTRE = 1e-9  # a point this close to the centre is on it, and breaks a run
SHIFT_RUN, TREND_RUN = 7, 6
RULES = ("outside", "shift", "trend", "two_of_three")
CONCERN, IMPROVEMENT, COMMON = "concern", "improvement", "common"


@dataclass(frozen=True)
class Point:
    """One point of a series: its value and, where the baseline has 12 points, the limits and the
    rules that hold, each with the ways it points (+1: above the centre, or rising)."""

    month: dt.date
    value: float
    centre: float | None = None
    lower: float | None = None
    upper: float | None = None
    rules: tuple[tuple[str, tuple[int, ...]], ...] = ()

    @property
    def has_limits(self) -> bool:
        return self.centre is not None

    @property
    def signal(self) -> str:
        """'outside+shift': the rules that hold, in the contract's order; '' when none does."""
        return "+".join(rule for rule, _ in self.rules)

    def variation(self, higher_is_worse: bool = True) -> str | None:
        """concern when any rule points the worse way, improvement when all point the better way,
        common when none holds; None without limits."""
        if not self.has_limits:
            return None
        if not self.rules:
            return COMMON
        worse = 1 if higher_is_worse else -1
        return CONCERN if any(worse in ways for _, ways in self.rules) else IMPROVEMENT


def xmr(months: list[dt.date], values: list[float], baseline_start: int = 0) -> list[Point]:
    """Centre, limits and rules for one series (its points in month order), the baseline being the
    12 points from `baseline_start`. With fewer than 12 baseline points: the values alone."""
    baseline = values[baseline_start:baseline_start + BASELINE_POINTS]
    if len(baseline) < BASELINE_POINTS:
        return [Point(m, v) for m, v in zip(months, values)]
    centre = sum(baseline) / BASELINE_POINTS
    moving_range = sum(abs(b - a) for a, b in zip(baseline, baseline[1:])) / (BASELINE_POINTS - 1)
    upper = centre + LIMIT_FACTOR * moving_range
    lower = max(0.0, centre - LIMIT_FACTOR * moving_range)
    sigma = moving_range / D2
    count = len(values)
    found: list[dict[str, set[int]]] = [{} for _ in values]

    def flag(position: int, rule: str, direction: int) -> None:
        found[position].setdefault(rule, set()).add(direction)

    # outside: above the upper limit or below the lower.
    for position, value in enumerate(values):
        if value > upper:
            flag(position, "outside", 1)
        elif value < lower:
            flag(position, "outside", -1)

    # shift: 7 or more points in a row strictly on one side of the centre.
    sides = [1 if v > centre + ON_CENTRE else -1 if v < centre - ON_CENTRE else 0 for v in values]
    for start, end in _runs(count, lambda i: sides[i] != 0 and sides[i] == sides[i - 1]):
        if end - start >= SHIFT_RUN and sides[start] != 0:
            for position in range(start, end):
                flag(position, "shift", sides[start])

    # trend: 6 or more points in a row, each strictly higher (or lower) than the one before.
    for direction in (1, -1):
        for start, end in _runs(count, lambda i: (values[i] - values[i - 1]) * direction > 0):
            if end - start >= TREND_RUN:
                for position in range(start, end):
                    flag(position, "trend", direction)

    # two_of_three: beyond 2σ, in a window of 3 points of which 2 are beyond 2σ on that side.
    for direction in (1, -1):
        beyond = [(v - centre) * direction > 2 * sigma for v in values]
        for position in range(count):
            windows = [range(first, first + 3) for first in range(position - 2, position + 1)
                       if first >= 0 and first + 3 <= count]
            if beyond[position] and any(sum(beyond[i] for i in window) >= 2 for window in windows):
                flag(position, "two_of_three", direction)

    return [Point(month, value, centre, lower, upper,
                  tuple((rule, tuple(sorted(rules[rule], reverse=True))) for rule in RULES if rule in rules))
            for month, value, rules in zip(months, values, found)]


def _runs(count: int, continues: Callable[[int], bool]) -> Iterator[tuple[int, int]]:
    """Maximal runs [start, end) of positions, each position after a run's first `continuing` it."""
    start = 0
    for position in range(1, count + 1):
        if position == count or not continues(position):
            yield start, position
            start = position


@dataclass(frozen=True)
class Series:
    """One group's series of one indicator: its points and, per point, whether the privacy rule
    hides the value."""

    level: str
    group_id: str
    group_name: str
    indicator_id: str
    points: list[Point]
    hidden: list[bool]
    baseline_start: int

    @property
    def limits_hidden(self) -> bool:
        """The limits are computed from the baseline's values: where one of them is hidden, the
        centre would give it away, so the limits are hidden too."""
        return any(self.hidden[self.baseline_start:self.baseline_start + BASELINE_POINTS])

    def shown(self, unsuppressed: bool) -> list[Point | None]:
        """The points as a reader may see them: None where the value is hidden, and no limits
        anywhere if a baseline value is hidden (unless `unsuppressed`)."""
        if unsuppressed:
            return list(self.points)
        no_limits = self.limits_hidden
        return [None if hidden else Point(p.month, p.value) if no_limits else p
                for p, hidden in zip(self.points, self.hidden)]


def all_series(con: duckdb.DuckDBPyConnection, baseline_from: dt.date | None = None, **filters: object
               ) -> Iterator[Series]:
    """The series of every group and indicator with signals, or of those `filters` name (columns
    of queries/marts/signal_values.sql: group_key, level, group_id, indicator). A series holds the
    months where the value exists and every unit of the group reported. Its baseline starts at
    `baseline_from`, else where HR restarted it for the group, else at its first point."""
    filters.setdefault("indicator", shown_in(SIGNALS))
    rows = read(con, "signal_values", "level, group_id, group_name, indicator, month, value, suppressed, restart",
                order_by="level_rank, group_id, indicator, month", **filters).fetchall()
    start = 0
    for end in range(1, len(rows) + 1):
        if end == len(rows) or rows[end][:4] != rows[start][:4]:
            group = rows[start:end]
            months = [r[4] for r in group]
            begin = baseline_from or group[0][7]
            first = next((i for i, m in enumerate(months) if m >= begin), len(months)) if begin else 0
            level, group_id, name, indicator = group[0][:4]
            yield Series(level, group_id, name, indicator, xmr(months, [r[5] for r in group], first),
                         [bool(r[6]) for r in group], first)
            start = end


def point_at(series: Series | None, month: dt.date, unsuppressed: bool) -> Point | None:
    """A series' point of a month as a reader may see it; None where there is none or it is hidden."""
    if series is None:
        return None
    months = [p.month for p in series.points]
    return series.shown(unsuppressed)[months.index(month)] if month in months else None


def explain(point: Point, indicator_id: str, format_value: Callable[[str, float | None], str]) -> list[str]:
    """Each rule that holds at a point, in plain Swedish: 'Ovanligt hög: över den övre gränsen 9,8 %'."""
    texts = []
    for rule, ways in point.rules:
        if rule == "outside":
            texts.append(f"Ovanligt hög: över den övre gränsen {format_value(indicator_id, point.upper)}"
                         if 1 in ways else f"Ovanligt låg: under den nedre gränsen {format_value(indicator_id, point.lower)}")
        elif rule == "shift":
            texts.append("Sju månader i rad eller fler över det normala" if 1 in ways
                         else "Sju månader i rad eller fler under det normala")
        elif rule == "trend":
            texts += ["Sex månader i rad uppåt" if way > 0 else "Sex månader i rad nedåt" for way in ways]
        else:
            texts.append("Två av tre månader nära den övre gränsen" if 1 in ways
                         else "Två av tre månader nära den nedre gränsen")
    return texts


VARIATION_WORDS = {CONCERN: "Oroande förändring", IMPROVEMENT: "Förbättring", COMMON: "Normal variation"}


def capability(point: Point, target: float | None, higher_is_worse: bool = True) -> str | None:
    """Whether the process, as its limits say, will meet a target: every month (the limits are on
    the good side of it), sometimes (it lies between them), or not without a change. Only said of a
    stable process: where a rule holds, the process is changing and its limits do not describe it."""
    if target is None or not point.has_limits or point.rules:
        return None
    worst, best = (point.upper, point.lower) if higher_is_worse else (point.lower, point.upper)
    meets = (lambda v: v <= target) if higher_is_worse else (lambda v: v >= target)
    if meets(worst):
        return "Klarar målet varje månad"
    if not meets(best):
        return "Klarar inte målet utan förändring"
    return "Klarar målet ibland"


def worse_when_higher(indicator_id: str) -> bool:
    return BY_ID[indicator_id].higher_is_worse is not False
