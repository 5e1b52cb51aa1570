"""A card's sparkline: the line it draws and the words a screen reader reads for it."""

import datetime as dt

from hrdash.charts import sparkline
from hrdash.months import window

MONTHS = window(dt.date(2026, 10, 1), 12)


def test_the_text_alternative_says_from_to_lowest_and_highest_in_swedish():
    values = [7.7, 8.1, 10.0, 9.0, 8.0, 7.0, 6.0, 5.0, 4.9, 6.1, 7.0, 7.5]
    assert sparkline.description("sick_leave_pct", values, MONTHS) == (
        "Sjukfrånvaro, november 2025–oktober 2026: från 7,7\u00a0% i november 2025 till 7,5\u00a0% i oktober 2026; "
        "lägst 4,9\u00a0% i juli 2026, högst 10,0\u00a0% i januari 2026.")


def test_a_missing_month_breaks_the_line_and_is_said():
    values = [7.7, 8.1, None, 9.0, 8.0, 7.0, 6.0, 5.0, 4.9, 6.1, None, 7.5]
    drawn = sparkline.svg("sick_leave_pct", values, MONTHS, "red")
    assert drawn.count("<polyline") == 3  # two runs of months, and the last month alone as a dot
    assert 'role="img"' in drawn and "<title>" in drawn
    assert "2 av 12 månader saknar uppgift." in sparkline.description("sick_leave_pct", values, MONTHS)


def test_no_figures_at_all():
    assert sparkline.description("sick_leave_pct", [None] * 12, MONTHS) == (
        "Sjukfrånvaro, november 2025–oktober 2026: inga uppgifter.")


def test_a_single_figure_is_said_once():
    values = [None] * 11 + [7.5]
    assert sparkline.description("sick_leave_pct", values, MONTHS) == (
        "Sjukfrånvaro, november 2025–oktober 2026: 7,5\u00a0% i oktober 2026. 11 av 12 månader saknar uppgift.")
