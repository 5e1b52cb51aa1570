"""The report's charts (PDF and slides, drawn with matplotlib) mark the measures the report lists,
as the pages do: a dashed line and a diamond at the start month, the title on white above the data,
never cut at the edge; the text alternative names each measure."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from hrdash.charts import static
from hrdash.charts.trend import describe
from hrdash.figures import groups
from hrdash.reports import model as report_model
from hrdash.store import database

OCTOBER = dt.date(2026, 10, 1)


@pytest.fixture(scope="module")
def report(demo_database, tmp_path_factory):
    path = tmp_path_factory.mktemp("marks") / "hr.duckdb"
    shutil.copy(demo_database.path, path)
    con = database.connect(path)
    built = report_model.build(con, groups.groups(con)[0], OCTOBER, made=dt.date(2026, 11, 3))
    con.close()
    return built


def section(report, topic):
    return next(s for s in report.sections if s.topic == topic)


def test_the_report_charts_mark_the_measures_it_lists_also_those_of_the_units_below(report):
    workload = section(report, "workload").chart
    assert [(m.title, m.month) for m in workload.marks()] == [
        ("Två tillfälliga handläggartjänster och ärendetak", dt.date(2026, 9, 1))]
    sick = section(report, "sick_leave").chart
    assert [m.title for m in sick.marks()] == ["Hela chefer: högst 25 medarbetare per chef"]
    # The text alternative (the PDF figure's /Alt, the slide's description) names it, its group and month.
    assert ("Åtgärder, markerade med en romb och en streckad linje vid starten: Två tillfälliga "
            "handläggartjänster och ärendetak (Utredning barn och unga 1, september 2026).") in describe(workload)


@pytest.mark.parametrize("width, height, font_size", [(6.7, 2.6, 9), (12.3, 4.4, 15)])  # the PDF's, a slide's
def test_a_measure_is_a_diamond_and_a_dashed_line_with_its_title_readable_above_the_data(report, width, height,
                                                                                         font_size):
    chart = section(report, "workload").chart
    with static._lock:
        figure = static.trend_figure(chart, width, height, font_size=font_size, dpi=100)
        canvas = FigureCanvasAgg(figure)
        canvas.draw()
        axes = figure.axes[0]
        renderer = canvas.get_renderer()
        labels = [t for t in axes.texts if t.get_text().startswith("Två tillfälliga")]
        assert [t.get_text() for t in labels] == ["Två tillfälliga handläggartjänster…"]
        box = labels[0].get_window_extent(renderer)
        page = figure.bbox
        # Whole on the figure: not cut at its edge.
        assert page.x0 <= box.x0 and box.x1 <= page.x1 and page.y0 <= box.y0 and box.y1 <= page.y1
        # Above every point of the line and of last year's: it covers no data.
        lines = [line for line in axes.get_lines() if len(line.get_xdata()) > 2]
        highest = max(axes.transData.transform((x, y))[1] for line in lines
                      for x, y in zip(line.get_xdata(), line.get_ydata()) if y == y)
        assert box.y0 > highest
        assert labels[0].get_bbox_patch().get_facecolor()[:3] == (1.0, 1.0, 1.0)
        # The diamond at the start month, and the dashed line through it.
        diamonds = [c for c in axes.collections if c.get_paths() and len(c.get_offsets()) == 1
                    and c.get_offsets()[0][0] == static._month_index(dt.date(2026, 9, 1))]
        assert diamonds
        assert any(line.get_linestyle() == "-." for line in axes.get_lines())
