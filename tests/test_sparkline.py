"""A card's sparkline: the line it draws and the words a screen reader reads for it."""

import datetime as dt
import re

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
    drawn = sparkline.svg("sick_leave_pct", values, MONTHS)
    # two runs of months, the last month alone as a dot, and the larger dot that marks the last month
    assert drawn.count("<polyline") == 4
    assert 'role="img"' in drawn and "<title>" in drawn
    assert "2 av 12 månader saknar uppgift." in sparkline.description("sick_leave_pct", values, MONTHS)


def test_no_figures_at_all():
    assert sparkline.description("sick_leave_pct", [None] * 12, MONTHS) == (
        "Sjukfrånvaro, november 2025–oktober 2026: inga uppgifter.")


def test_a_single_figure_is_said_once():
    values = [None] * 11 + [7.5]
    assert sparkline.description("sick_leave_pct", values, MONTHS) == (
        "Sjukfrånvaro, november 2025–oktober 2026: 7,5\u00a0% i oktober 2026. 11 av 12 månader saknar uppgift.")


def test_the_line_is_one_neutral_colour_whatever_the_change_and_its_last_month_is_marked():
    """A falling vacancy rate (an improvement) is not a red line: the colour says nothing, the card's
    words say whether the change is good; the last month is a dot, said in the text alternative."""
    falling = [8.9, 8.1, 7.5, 7.0, 6.2, 5.9, 5.0, 4.4, 4.0, 3.6, 3.0, 3.1]  # the last month up by 0,1
    rising = list(reversed(falling))
    drawn = [sparkline.svg("vacancy_rate_pct", values, MONTHS) for values in (falling, rising)]
    for svg in drawn:
        assert set(re.findall(r'stroke="(#[0-9A-F]{6})"', svg)) == {sparkline.LINE}
        assert "#B42318" not in svg and "#067647" not in svg
        assert "Den senaste månaden är markerad med en punkt." in svg
    last = re.search(r'class="last" points="([\d.]+),([\d.]+) ', drawn[0])
    assert float(last.group(1)) == sparkline.WIDTH - sparkline.PAD  # at the end of the line
    assert "från 8,9\u00a0% i november 2025 till 3,1\u00a0% i oktober 2026" in drawn[0]
