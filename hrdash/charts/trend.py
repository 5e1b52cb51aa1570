"""What a trend chart shows, whoever draws it: the pages draw it with plotly
(hrdash/charts/interactive.py), the PDF and PowerPoint with matplotlib (hrdash/charts/static.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

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
