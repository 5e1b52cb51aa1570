"""Is a change real? An XmR (individuals) chart, as the NHS "Making Data Count" boards use it, for
each indicator the catalogue marks SIGNALS: a centre line and limits from a baseline of 12
points, and four rules that tell a signal from common-cause variation (domain.md, "Signals").
Sick leave is seasonal: its two charts are drawn on the values divided by the organisation's
seasonal factor of the month (hrdash/figures/seasons.py), and their centre and limits are given
back on the raw scale of each month, "det normala för årstiden" (Part 3).

`chart` is the whole method, vectorised over any number of series at once (a city's 16 000
series in well under a second); `xmr` runs it on one series; `frame` and `all_series` read the
series of every group from the stored indicators (queries/marts/signal_values.sql), with the
privacy rule of each figure.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

import duckdb
import numpy as np
import pandas as pd

from hrdash.catalogue import BY_ID, SIGNALS, shown_in
from hrdash.figures.seasons import Season, season
from hrdash.store.queries import read_arrow

BASELINE_POINTS = 12
LIMIT_FACTOR = 2.66  # the limits are the centre ± 2.66 × the mean moving range
D2 = 1.128  # σ = the mean moving range / d2 (for ranges of two points)
ON_CENTRE = 1e-9  # a point this close to the centre is on it, and breaks a run
SHIFT_RUN, TREND_RUN = 7, 6
RULES = ("outside", "shift", "trend", "two_of_three")
CONCERN, IMPROVEMENT, COMMON = "concern", "improvement", "common"
# The columns of a charted frame that say which rule holds at a point and which way it points.
FLAGS = tuple((rule, way, f"{rule}_{'up' if way > 0 else 'down'}") for rule in RULES for way in (1, -1))


def chart(series_id: np.ndarray, values: np.ndarray, baseline_start: np.ndarray) -> dict[str, np.ndarray]:
    """Centre, limits and rules of many series at once. The points are in series order and, within a
    series, in month order; `series_id` numbers the series 0, 1, … and `baseline_start` gives, per
    series, the position of its baseline's first point. Returns per point: `has_limits`, `centre`,
    `lower`, `upper` (NaN without limits), `sigma`, and a boolean array per FLAGS column."""
    count = len(values)
    series_count = int(series_id[-1]) + 1 if count else 0
    new = np.ones(count, bool)
    new[1:] = series_id[1:] != series_id[:-1]
    first = np.flatnonzero(new)
    position = np.arange(count) - first[series_id]
    start = baseline_start[series_id]
    in_baseline = (position >= start) & (position < start + BASELINE_POINTS)
    has = np.bincount(series_id, in_baseline, series_count)[series_id] == BASELINE_POINTS
    centre_of = np.bincount(series_id, np.where(in_baseline, values, 0.0), series_count) / BASELINE_POINTS
    steps = np.zeros(count)
    pairs = np.zeros(count, bool)
    pairs[1:] = in_baseline[1:] & in_baseline[:-1] & ~new[1:]
    steps[1:] = np.abs(values[1:] - values[:-1])
    moving_range = (np.bincount(series_id, np.where(pairs, steps, 0.0), series_count)
                    / (BASELINE_POINTS - 1))[series_id]
    centre = np.where(has, centre_of[series_id], np.nan)
    upper = centre + LIMIT_FACTOR * moving_range
    lower = np.maximum(0.0, centre - LIMIT_FACTOR * moving_range)
    sigma = moving_range / D2
    found: dict[str, np.ndarray] = {"has_limits": has, "centre": centre, "lower": lower, "upper": upper,
                                    "sigma": sigma}

    found["outside_up"] = has & (values > upper)
    found["outside_down"] = has & (values < lower)

    # shift: 7 or more points in a row strictly on one side of the centre.
    side = np.where(values > centre + ON_CENTRE, 1, np.where(values < centre - ON_CENTRE, -1, 0))
    for way, name in ((1, "shift_up"), (-1, "shift_down")):
        found[name] = has & _in_long_run(side == way, new, SHIFT_RUN)

    # trend: 6 or more points in a row, each strictly higher (or lower) than the one before; the
    # run's first point is flagged too.
    rise = np.zeros(count)
    rise[1:] = values[1:] - values[:-1]
    for way, name in ((1, "trend_up"), (-1, "trend_down")):
        continues = (rise * way > 0) & ~new
        run = np.cumsum(~continues)  # a run is a point that does not continue and those that do after it
        length = np.bincount(run)[run]
        found[name] = has & (length >= TREND_RUN)

    # two_of_three: beyond 2σ, in a window of 3 points of which 2 are beyond 2σ on that side.
    same_three = np.zeros(count, bool)  # a window of three points of one series starts here
    if count >= 3:
        same_three[:-2] = series_id[:-2] == series_id[2:]
    for way, name in ((1, "two_of_three_up"), (-1, "two_of_three_down")):
        beyond = has & ((values - centre) * way > 2 * sigma)
        hits = beyond.astype(int)
        window_hits = np.zeros(count, int)
        if count >= 3:
            window_hits[:-2] = hits[:-2] + hits[1:-1] + hits[2:]
        good = same_three & (window_hits >= 2)
        covered = good.copy()
        covered[1:] |= good[:-1]
        covered[2:] |= good[:-2]
        found[name] = beyond & covered
    return found


def _in_long_run(holds: np.ndarray, new: np.ndarray, length: int) -> np.ndarray:
    """Whether each point is in a run of at least `length` consecutive points of one series where
    `holds` is true."""
    breaks = ~holds | new
    breaks[:1] = True
    run = np.cumsum(breaks)
    sizes = np.bincount(run, holds)[run]
    return holds & (sizes >= length)


@dataclass(frozen=True)
class Point:
    """One point of a series: its value and, where the baseline has 12 points, the limits and the
    rules that hold, each with the ways it points (+1: above the centre, or rising). The centre and
    limits are on the value's own scale; for a seasonal figure they are those of its month
    (`seasonal`, the month's factor)."""

    month: dt.date
    value: float
    centre: float | None = None
    lower: float | None = None
    upper: float | None = None
    rules: tuple[tuple[str, tuple[int, ...]], ...] = ()
    seasonal: float | None = None

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


def _points(months, values, charted: dict[str, np.ndarray], rows: range, factors: np.ndarray) -> list[Point]:
    """Points from arrays: `charted` has has_limits, centre, lower and upper on the raw scale, and the
    FLAGS columns; `factors` the seasonal factor of each point (NaN where none)."""
    points = []
    for i in rows:
        factor = None if np.isnan(factors[i]) else float(factors[i])
        if not charted["has_limits"][i]:
            points.append(Point(months[i], float(values[i]), seasonal=factor))
            continue
        rules = tuple((rule, tuple(way for way in (1, -1) if charted[f"{rule}_{'up' if way > 0 else 'down'}"][i]))
                      for rule in RULES)
        points.append(Point(months[i], float(values[i]), float(charted["centre"][i]), float(charted["lower"][i]),
                            float(charted["upper"][i]), tuple((rule, ways) for rule, ways in rules if ways), factor))
    return points


def xmr(months: list[dt.date], values: list[float], baseline_start: int = 0,
        factors: list[float] | None = None) -> list[Point]:
    """Centre, limits and rules for one series (its points in month order), the baseline being the
    12 points from `baseline_start`. With `factors` (the seasonal factor of each point's month), the
    chart is drawn on value / factor and its centre and limits given back × factor."""
    raw = np.asarray(values, float)
    factor = np.asarray(factors, float) if factors is not None else np.full(len(raw), np.nan)
    scale = np.where(np.isnan(factor), 1.0, factor)
    charted = chart(np.zeros(len(raw), int), raw / scale, np.array([baseline_start]))
    for name in ("centre", "lower", "upper"):
        charted[name] = charted[name] * scale
    return _points(months, raw, charted, range(len(raw)), factor)


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

    @property
    def baseline(self) -> tuple[dt.date, dt.date] | None:
        """The first and last month of the baseline, where it has 12 points."""
        months = [p.month for p in self.points[self.baseline_start:self.baseline_start + BASELINE_POINTS]]
        return (months[0], months[-1]) if len(months) == BASELINE_POINTS else None

    def shown(self, unsuppressed: bool) -> list[Point | None]:
        """The points as a reader may see them: None where the value is hidden, and no limits
        anywhere if a baseline value is hidden (unless `unsuppressed`)."""
        if unsuppressed:
            return list(self.points)
        no_limits = self.limits_hidden
        return [None if hidden else Point(p.month, p.value, seasonal=p.seasonal) if no_limits else p
                for p, hidden in zip(self.points, self.hidden)]


KEY = ["level_rank", "group_id", "indicator"]


def frame(con: duckdb.DuckDBPyConnection, baseline_from: dt.date | None = None, adjust: bool = True,
          **filters: object) -> pd.DataFrame:
    """Every point of every series, or of those `filters` name (columns of
    queries/marts/signal_values.sql: group_key, level, group_id, indicator), charted: its value,
    whether the privacy rule hides it, the seasonal factor of its month (`seasonal`, NaN where the
    figure has none), the centre and limits on the raw scale, a column per FLAGS, `limits_hidden`
    (a hidden value in its series' baseline) and `baseline_start` (the position of its baseline).
    A series holds the months where the value exists and every unit of the group reported. Its
    baseline starts at `baseline_from`, else where HR restarted it for the group, else at its first
    point. `adjust=False` draws sick leave as Part 2 did, without the season."""
    filters.setdefault("indicator", shown_in(SIGNALS))
    rows = read_arrow(con, "signal_values", "level, level_rank, group_id, group_name, indicator, month, value, "
                      "suppressed, restart", order_by="level_rank, group_id, indicator, month",
                      **filters).to_pandas(date_as_object=False)
    return charted(rows, season(con) if adjust else Season(), baseline_from)


def charted(rows: pd.DataFrame, pattern: Season, baseline_from: dt.date | None = None) -> pd.DataFrame:
    """`rows` (level_rank, group_id, indicator, month, value, suppressed, restart; in series and
    month order; the months as datetime64) with their charts, as `frame` describes."""
    count = len(rows)
    new = np.ones(count, bool)
    if count:  # a series starts where a key changes; pandas compares the strings in their Arrow buffers
        new[1:] = np.logical_or.reduce([rows[k].ne(rows[k].shift()).to_numpy(bool)[1:] for k in KEY])
    series_id = np.cumsum(new) - 1
    first = np.flatnonzero(new)
    position = np.arange(count) - first[series_id]
    months = rows["month"].to_numpy("datetime64[M]")
    calendar = months.astype(int) % 12  # 0 is January
    factor = np.full(count, np.nan)
    for indicator_id, factors in pattern.factors.items():
        mine = (rows["indicator"] == indicator_id).to_numpy()
        factor[mine] = np.asarray(factors)[calendar[mine]]
    scale = np.where(np.isnan(factor), 1.0, factor)
    values = rows["value"].to_numpy(float)

    # A series' baseline starts at its first point on or after the month it begins from.
    begins = (np.full(count, np.datetime64(baseline_from, "M")) if baseline_from is not None
              else rows["restart"].to_numpy("datetime64[M]"))
    starts_here = np.isnat(begins) | (months >= begins)
    candidate = np.where(starts_here, position, np.iinfo(np.int64).max)
    length = np.bincount(series_id, minlength=len(first))
    baseline_start = np.minimum(np.minimum.reduceat(candidate, first), length) if count else np.zeros(0, int)
    found = chart(series_id, values / scale, baseline_start)

    out = rows.drop(columns=["restart"])
    out["seasonal"] = factor
    for name in ("centre", "lower", "upper"):
        out[name] = found[name] * scale
    out["has_limits"] = found["has_limits"]
    for _, _, name in FLAGS:
        out[name] = found[name]
    hidden = rows["suppressed"].to_numpy(bool)
    start = baseline_start[series_id]
    in_baseline = (position >= start) & (position < start + BASELINE_POINTS)
    out["limits_hidden"] = (np.bincount(series_id, hidden & in_baseline, len(first)) > 0)[series_id]
    out["baseline_start"] = start
    out["series"] = series_id
    return out


SIGNAL_WORDS = tuple("+".join(rule for bit, rule in enumerate(RULES) if code & (1 << bit)) for code in range(16))


VARIATIONS = (COMMON, CONCERN, IMPROVEMENT)


def _words(codes: np.ndarray, words: tuple[str, ...], index: pd.Index) -> pd.Series:
    """The word of each code, as a categorical column: a city's two million points share a
    handful of words, and hold a small number each rather than a string."""
    return pd.Series(pd.Categorical.from_codes(codes, words), index=index)


def table(points: pd.DataFrame, unsuppressed: bool) -> pd.DataFrame:
    """A charted frame as `hrdash signals` prints it: level, unit, month, indicator, value, centre,
    lower, upper, signal, variation, seasonal; hidden values NaN, and where a value is hidden, or
    a value of its series' baseline, no limits, signal or variation (unless `unsuppressed`). The
    seasonal factor stays: it comes from the top group, whose figures are shown anyway."""
    worse_ids = [i for i in points["indicator"].unique() if worse_when_higher(i)]  # once per indicator, not per point
    worse = np.where(points["indicator"].isin(worse_ids).to_numpy(bool), 1, -1) if len(points) else np.zeros(0)
    code = np.zeros(len(points), int)
    concern = np.zeros(len(points), bool)
    for bit, rule in enumerate(RULES):
        up, down = points[f"{rule}_up"].to_numpy(bool), points[f"{rule}_down"].to_numpy(bool)
        code |= (up | down) << bit
        concern |= (up & (worse > 0)) | (down & (worse < 0))
    has = points["has_limits"].to_numpy(bool)
    hidden = points["suppressed"].to_numpy(bool)
    limits = has if unsuppressed else has & ~hidden & ~points["limits_hidden"].to_numpy(bool)
    variation = np.where(code == 0, 0, np.where(concern, 1, 2))  # the positions in VARIATIONS
    return pd.DataFrame({
        "level": points["level"], "unit": points["group_name"], "month": points["month"],
        "indicator": points["indicator"],
        "value": points["value"].where(np.ones(len(points), bool) if unsuppressed else ~hidden),
        **{name: points[name].where(limits) for name in ("centre", "lower", "upper")},
        "signal": _words(code, SIGNAL_WORDS, points.index).where(limits),
        "variation": _words(variation, VARIATIONS, points.index).where(limits),
        "seasonal": points["seasonal"],
    })


def series_from(points: pd.DataFrame) -> Iterator[Series]:
    """The Series objects of a charted frame (see `frame`), one per series."""
    if points.empty:
        return
    ids = points["series"].to_numpy()
    bounds = np.flatnonzero(np.r_[True, ids[1:] != ids[:-1], True])
    months = list(points["month"].dt.date)
    values = points["value"].to_numpy(float)
    factors = points["seasonal"].to_numpy(float)
    charted_ = {"has_limits": points["has_limits"].to_numpy(bool),
                **{name: points[name].to_numpy(float) for name in ("centre", "lower", "upper")},
                **{name: points[name].to_numpy(bool) for _, _, name in FLAGS}}
    hidden = points["suppressed"].to_numpy(bool)
    for start, end in zip(bounds[:-1], bounds[1:]):
        row = points.iloc[start]
        yield Series(row["level"], row["group_id"], row["group_name"], row["indicator"],
                     _points(months, values, charted_, range(start, end), factors),
                     [bool(h) for h in hidden[start:end]], int(row["baseline_start"]))


def all_series(con: duckdb.DuckDBPyConnection, baseline_from: dt.date | None = None, **filters: object
               ) -> Iterator[Series]:
    """The series of every group and indicator with signals, or of those `filters` name (see `frame`)."""
    yield from series_from(frame(con, baseline_from, **filters))


def point_at(series: Series | None, month: dt.date, unsuppressed: bool) -> Point | None:
    """A series' point of a month as a reader may see it; None where there is none or it is hidden."""
    if series is None:
        return None
    months = [p.month for p in series.points]
    return series.shown(unsuppressed)[months.index(month)] if month in months else None


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
