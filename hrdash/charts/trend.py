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
from hrdash.charts.style import CENTRE, LAST_YEAR, NORMAL, ROLLING, SIGNAL
from hrdash.figures.format import format_value, value_range
from hrdash.figures.signals import Point


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
    signalled = chart.signalled()
    names = ([LAST_YEAR] if not chart.last_year().empty else []) + [BY_ID[indicator_id].label] \
        + ([ROLLING] if chart.has_rolling() else []) + ([CENTRE, NORMAL] if limits and months else []) \
        + ([SIGNAL] if limits and signalled else [])
    said = [f"Linjediagram{_span(months)}: {', '.join(names)}."]
    if chart.target is not None:
        said.append(f"Mål {format_value(indicator_id, chart.target)}.")
    if months:
        said.append(sparkline.description(indicator_id, _values(series[indicator_id]), months))
        if chart.has_rolling():
            said.append(sparkline.description(chart.rolling_id, _values(series[chart.rolling_id]), months, ROLLING))
    if limits is not None and months:
        said.append(f"{CENTRE} {format_value(indicator_id, limits.centre)}, normal variation "
                    f"{value_range(indicator_id, limits.lower, limits.upper)}.")
        if len(signalled) > 3:
            said.append(f"{SIGNAL} i {len(signalled)} av {len(months)} månader, från "
                        f"{swedish.month_name(signalled[0].month)} till {swedish.month_name(signalled[-1].month)}.")
        elif signalled:
            said.append(f"{SIGNAL} i {_joined([swedish.month_name(p.month) for p in signalled])}.")
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
