"""The ranking chart on a projector: every figure readable (a halo above the lines), and which units
are over their target said by pattern and legend as well as colour (WCAG 1.4.1)."""

import pandas as pd

from hrdash.charts import interactive

UNITS = pd.DataFrame({"name": ["Utredning 1", "Mottagning", "Placering", "Liten"],
                      "value": [16.45, 12.1, 12.0, None], "note": ["", "", "", "10 personer eller färre"]})


def test_units_over_target_are_hatched_and_named_in_the_legend():
    figure = interactive.ranking(UNITS, "caseload_per_worker", 13.0, "Barn och unga", highlight="Placering",
                                 target=13.0)
    bars = {bar.name: bar for bar in figure.data}
    over = bars["Över målet (högst 13,0 ärenden per handläggare)"]
    within = bars["Inom målet (högst 13,0 ärenden per handläggare)"]
    assert list(over.y) == ["Utredning 1"] and over.marker.pattern.shape == "/"
    assert list(within.y) == ["Liten", "Placering", "Mottagning"] and not within.marker.pattern.shape
    assert list(within.marker.line.width) == [0, 3, 0]  # the chosen unit outlined, in either colour
    assert list(figure.layout.yaxis.categoryarray) == ["Liten", "Placering", "Mottagning", "Utredning 1"]


def test_every_figure_is_a_label_with_a_halo_above_the_lines():
    figure = interactive.ranking(UNITS, "caseload_per_worker", 12.8, "Barn och unga", target=13.0)
    labels = {a.text: a for a in figure.layout.annotations if a.yref != "paper"}
    assert set(labels) == {"16,5", "12,1", "12,0", "– 10 personer eller färre"}
    assert all(a.bgcolor and a.xanchor == "left" for a in labels.values())
    assert {shape.layer for shape in figure.layout.shapes} == {"below"}


def test_without_a_target_there_is_no_legend_of_it():
    figure = interactive.ranking(UNITS, "caseload_per_worker", 12.8, "Barn och unga")
    assert [bar.showlegend for bar in figure.data] == [False]


def test_a_wide_funnel_still_shows_where_it_is_narrowest():
    from hrdash.figures.compare import Funnel

    rows = pd.DataFrame({"unit": ["A", "B", "C"], "n": [11.0, 19.0, 28.0], "value": [6.8, 7.2, 9.0],
                         "verdict": ["within"] * 3})
    chart = Funnel("sick_leave_12m_pct", __import__("datetime").date(2026, 10, 1), "Soc", "förvaltning", "enhet", 7.4,
                   0.0, rows)
    narrowest = float(chart.curve().query("n >= 28")["upper95"].iloc[0])
    assert narrowest > 16  # 7,4 % among 28 people: chance alone reaches far
    assert interactive.funnel(chart).layout.yaxis.range[1] >= narrowest  # the upper limit is drawn, not cut off
