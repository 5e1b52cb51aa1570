"""A measure's marker on a page chart: its title readable, above the data on white, never cut at the
edge of the chart and never on top of the line; the whole title and what it is on hover."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from hrdash.charts import interactive
from hrdash.charts.style import MEASURES
from hrdash.charts.trend import Trend
from hrdash.figures.measures import Mark

MONTHS = [dt.date(2024 + (10 + i) // 12, (10 + i) % 12 + 1, 1) for i in range(24)]  # nov 2024–okt 2026


def chart(*marks: Mark) -> Trend:
    series = pd.DataFrame({"month": MONTHS, "vacancy_rate_pct": [8.9 - i * 0.25 for i in range(24)]})
    return Trend(series, "vacancy_rate_pct", target=3.0, first=MONTHS[0], measures=marks)


def test_the_title_sits_above_the_line_on_white_and_reaches_into_the_chart():
    early = Mark(dt.date(2025, 3, 1), "Tidig kontakt vid korttidsfrånvaro", "Tidig kontakt vid korttidsfrånvaro "
                 "(Socialförvaltningen), från mars 2025")
    late = Mark(dt.date(2026, 9, 1), "Rekryteringssatsning: tio fler socialsekreterartjänster",
                "Rekryteringssatsning: tio fler socialsekreterartjänster (Socialförvaltningen), från september 2026")
    figure = interactive.trend(chart(early, late))
    labels = {a.text: a for a in figure.layout.annotations if a.name == MEASURES}
    # Whole where it fits; a long one cut after a word, the whole on hover.
    assert set(labels) == {"Tidig kontakt vid korttidsfrånvaro", "Rekryteringssatsning: tio fler…"}
    assert "Rekryteringssatsning: tio fler socialsekreterartjänster" in labels["Rekryteringssatsning: tio fler…"].hovertext
    top = figure.layout.yaxis.range[1]
    for label in labels.values():
        assert label.bgcolor == "white" and max(chart().series["vacancy_rate_pct"]) < label.y < top
    # Near the left edge it reaches right, near the right edge left: never past the chart's edge.
    assert labels["Tidig kontakt vid korttidsfrånvaro"].xanchor == "left"
    assert labels["Rekryteringssatsning: tio fler…"].xanchor == "right"
    marker = next(t for t in figure.data if t.name == MEASURES)
    assert marker.marker.symbol == "diamond"
    assert list(marker.y) == [labels["Tidig kontakt vid korttidsfrånvaro"].y, labels["Rekryteringssatsning: tio fler…"].y]
    assert [s.x0 for s in figure.layout.shapes if s.line.dash == "dashdot"] == [early.month, late.month]
