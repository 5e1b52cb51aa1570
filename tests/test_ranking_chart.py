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
