"""Workbooks with more than one sheet of data, and sheets that are not data: every data sheet is
read, the others are passed over with a notice, and no figure is counted twice or mixed up."""

import pytest
from conftest import ORGANISATION, SICK_HEADER, csv_bytes, figures, load, xlsx_bytes


def test_one_sheet_per_month_of_one_kind_keeps_each_months_figures(con):
    """Two sheets both have a row 2: each row keeps its own figures (a row is its part and row)."""
    load(con, csv_bytes(ORGANISATION), "org.csv")
    content = xlsx_bytes({
        "Januari": [SICK_HEADER, ["Mottagningen", "2025-01", 12, 1000, 100, 0, 0],
                    ["Utredning", "2025-01", 20, 2000, 40, 0, 0]],
        "Februari": [SICK_HEADER, ["Mottagningen", "2025-02", 12, 1000, 50, 0, 0],
                     ["Utredning", "2025-02", 20, 2000, 20, 0, 0]],
    })
    load(con, content, "sjuk.xlsx")
    values = figures(con)
    assert values["enhet", "Mottagningen", "2025-01", "sick_leave_pct"] == pytest.approx(10.0)
    assert values["enhet", "Mottagningen", "2025-02", "sick_leave_pct"] == pytest.approx(5.0)
    assert values["enhet", "Utredning", "2025-02", "sick_leave_pct"] == pytest.approx(1.0)
    assert values["avdelning", "Barn och unga", "2025-01", "sick_leave_pct"] == pytest.approx(140 / 3000 * 100)
