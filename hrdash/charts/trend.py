"""What a trend chart shows, whoever draws it: the pages draw it with plotly
(hrdash/charts/interactive.py), the PDF and PowerPoint with matplotlib (hrdash/charts/static.py);
`describe` says it in words, the one text alternative of a chart on the pages, in the PDF and on
the slides."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from hrdash import swedish
from hrdash.catalogue import BY_ID
from hrdash.charts import sparkline
from hrdash.charts.style import (BETTER_SIGNAL, CENTRE, INCOMPLETE, LAST_YEAR, NORMAL, ROLLING, SEASONAL_CENTRE,
                                 SEASONAL_NORMAL, WORSE_SIGNAL)
from hrdash.figures.format import format_value, value_range
from hrdash.figures.measures import Mark
from hrdash.figures.signals import Point
from hrdash.months import shift


@dataclass(frozen=True)
class Trend:
    """An indicator month by month from `first`, its 12-month figure beside it, last year's
    months faintly behind, and the target dashed. `series` has the columns month, the indicator
    ids, and note_<id> (why a value is missing, or how many units it covers); it may start a year
    before `first`, to draw last year behind the first months."""

    series: pd.DataFrame
    indicator_id: str
    rolling_id: str | None = None
    target: float | None = None
    first: dt.date | None = None
    points: dict[dt.date, Point] = field(default_factory=dict)  # its control chart, as a reader may see it
    measures: tuple[Mark, ...] = ()  # what was done about the topic, marked at each measure's start month

    def marks(self) -> tuple[Mark, ...]:
        """The measures whose start month the chart shows."""
        months = set(self.shown()["month"])
        return tuple(m for m in self.measures if m.month in months)

    def limits(self) -> Point | None:
        """A point that carries the centre and limits, where the chart has them."""
        return next((p for p in self.points.values() if p.has_limits), None)

    def signalled(self) -> list[Point]:
        """The points of the months shown where a rule holds."""
        shown = set(self.shown()["month"])
        return [p for m, p in sorted(self.points.items()) if m in shown and p.rules]

    def shown(self) -> pd.DataFrame:
        """The months the chart shows."""
        return self.series if self.first is None else self.series[self.series["month"] >= self.first]

    def last_year(self) -> pd.DataFrame:
        """Last year's values, moved a year on, for the months the chart shows: month, value, actual month."""
        months = set(self.shown()["month"])
        moved = pd.DataFrame({"month": [dt.date(m.year + 1, m.month, 1) for m in self.series["month"]],
                              "value": self.series[self.indicator_id].to_numpy(),
                              "actual": list(self.series["month"])})
        return moved[moved["month"].isin(months)].reset_index(drop=True)

    def has_rolling(self) -> bool:
        return self.rolling_id is not None and bool(self.shown()[self.rolling_id].notna().any())

    @property
    def seasonal(self) -> bool:
        """Whether the centre and limits follow the season (Part 3's sick-leave charts)."""
        return any(p.seasonal is not None and p.has_limits for p in self.points.values())

    def limit_lines(self) -> pd.DataFrame:
        """month, centre, lower, upper for the months shown that have limits: flat lines, or for a
        seasonal chart the normal range of each time of year."""
        months = set(self.shown()["month"])
        rows = [(m, p.centre, p.lower, p.upper) for m, p in sorted(self.points.items()) if m in months and p.has_limits]
        return pd.DataFrame(rows, columns=["month", "centre", "lower", "upper"])

    def concerns(self, worse_up: bool) -> list[Point]:
        return [p for p in self.signalled() if p.variation(worse_up) == "concern"]

    def improvements(self, worse_up: bool) -> list[Point]:
        return [p for p in self.signalled() if p.variation(worse_up) == "improvement"]

    def coverage(self, indicator_id: str | None = None, frame: pd.DataFrame | None = None) -> list[str]:
        """Per row of `frame` (the months shown): '12 av 13 enheter har rapporterat' where not every
        unit reported the indicator's kind that month, else ''."""
        indicator_id = indicator_id or self.indicator_id
        frame = self.shown() if frame is None else frame
        reported, units = f"reported_{indicator_id}", f"units_{indicator_id}"
        if reported not in frame or units not in frame:
            return [""] * len(frame)
        return [f"{int(r)} av {int(u)} enheter har rapporterat" if r == r and u == u and 0 < r < u else ""
                for r, u in zip(frame[reported], frame[units])]

    def incomplete(self) -> list[bool]:
        """Per month shown: whether it covers only some of the units (never drawn as a complete month)."""
        return [bool(note) for note in self.coverage()]

    def last_year_incomplete(self) -> list[bool]:
        """Per row of `last_year()`: whether that month of last year was incomplete."""
        notes = dict(zip(self.series["month"], self.coverage(frame=self.series)))
        return [bool(notes.get(m)) for m in self.last_year()["actual"]]

    def rolling_missing_for_coverage(self) -> bool:
        """Whether the 12-month line is missing in a month shown because a month of its window
        covers only some of the units (the month's own figure is there, the 12-month one is not)."""
        if self.rolling_id is None:
            return False
        gaps = {m for m, note in zip(self.series["month"], self.coverage(frame=self.series)) if note}
        shown = self.shown()
        missing = shown.loc[shown[self.indicator_id].notna() & shown[self.rolling_id].isna(), "month"]
        return any(shift(m, -back) in gaps for m in missing for back in range(12))


@dataclass(frozen=True)
class Lines:
    """Several indicators over the months (or the survey tertials), one line each, with a dotted
    reference line for each where given (the nollmätning of a pulse question)."""

    series: pd.DataFrame  # month and the indicator ids
    indicator_ids: tuple[str, ...]
    labels: dict[str, str] = field(default_factory=dict)  # legend names shorter than the indicators'
    references: dict[str, float] = field(default_factory=dict)
    reference_label: str = ""
    tertials: bool = False


def describe(chart: Trend | Lines) -> str:
    """A chart in Swedish words for a screen reader: the kind of chart, the months (or tertials)
    it spans and its lines, then where each line starts, ends, is lowest and highest (as a card's
    sparkline says it), its target, control limits and signals, or a line's reference value.
    'Linjediagram, nov 2025–okt 2026: Samma månad föregående år, Sjukfrånvaro, … Mål 7,0 %. …'"""
    if isinstance(chart, Trend):
        return _describe_trend(chart)
    when = swedish.tertial_name if chart.tertials else swedish.month_name
    months = list(chart.series["month"])
    names, said = [], []
    for indicator_id in chart.indicator_ids:
        label = chart.labels.get(indicator_id, BY_ID[indicator_id].label)
        reference = chart.references.get(indicator_id)
        names.append(label)
        if months:
            said.append(sparkline.description(indicator_id, _values(chart.series[indicator_id]), months, label, when))
        if reference is not None:
            said.append(f"{label}, {chart.reference_label}: {format_value(indicator_id, reference)}.")
    dotted = [f"Prickade linjer: {chart.reference_label}."] if chart.references else []
    return " ".join([f"Linjediagram{_span(months, chart.tertials)}: {', '.join(names)}.", *dotted, *said])


def _describe_trend(chart: Trend) -> str:
    indicator_id = chart.indicator_id
    series = chart.shown()
    months = list(series["month"])
    limits = chart.limits()
    worse_up = BY_ID[indicator_id].higher_is_worse is not False
    centre, normal = (SEASONAL_CENTRE, SEASONAL_NORMAL) if chart.seasonal else (CENTRE, NORMAL)
    kinds = [(name, found) for name, found in ((WORSE_SIGNAL, chart.concerns(worse_up)),
                                                 (BETTER_SIGNAL, chart.improvements(worse_up))) if found]
    partial = [m for m, i in zip(months, chart.incomplete()) if i]
    names = ([LAST_YEAR] if not chart.last_year().empty else []) + [BY_ID[indicator_id].label] \
        + ([INCOMPLETE] if partial else []) + ([ROLLING] if chart.has_rolling() else []) \
        + ([centre, normal] if limits and months else []) + ([name for name, _ in kinds] if limits else [])
    said = [f"Linjediagram{_span(months)}: {', '.join(names)}."]
    if chart.target is not None:
        said.append(f"Mål {format_value(indicator_id, chart.target)}.")
    if months:
        said.append(sparkline.description(indicator_id, _values(series[indicator_id]), months))
        if chart.has_rolling():
            said.append(sparkline.description(chart.rolling_id, _values(series[chart.rolling_id]), months, ROLLING))
    if partial:
        said.append(f"{INCOMPLETE} i {_joined([swedish.month_name(m) for m in partial])}: de månaderna är inte "
                    "jämförbara med de andra.")
    if limits is not None and months:
        if chart.seasonal:
            bands = chart.limit_lines()
            said.append(f"{normal}: {centre.lower()} mellan {format_value(indicator_id, bands['centre'].min())} och "
                        f"{format_value(indicator_id, bands['centre'].max())} beroende på månad.")
        else:
            said.append(f"{CENTRE} {format_value(indicator_id, limits.centre)}, normal variation "
                        f"{value_range(indicator_id, limits.lower, limits.upper)}.")
        for name, found in kinds:
            if len(found) > 3:
                said.append(f"{name} i {len(found)} av {len(months)} månader, från "
                            f"{swedish.month_name(found[0].month)} till {swedish.month_name(found[-1].month)}.")
            else:
                said.append(f"{name} i {_joined([swedish.month_name(p.month) for p in found])}.")
    marks = chart.marks()
    if marks:
        said.append("Åtgärder, markerade med en romb och en streckad linje vid starten: "
                    + _joined([f"{m.title} ({', '.join(filter(None, (m.group, swedish.month_name(m.month))))})"
                               for m in marks]) + ".")
    return " ".join(said)


def _span(months: list[dt.date], tertials: bool = False) -> str:
    """', nov 2025–okt 2026' (', T3 2024–T2 2026'); '' for fewer than two points."""
    if len(months) < 2:
        return ""
    name = swedish.tertial_name if tertials else (lambda m: swedish.month_name(m, short=True))
    return f", {name(months[0])}–{name(months[-1])}"


def _values(column: pd.Series) -> list[float | None]:
    return [None if v is None or v != v else float(v) for v in column]


def _joined(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " och " + words[-1]
