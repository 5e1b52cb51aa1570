"""Workbooks with more than one sheet of data, and sheets that are not data: every data sheet is
read, the others are passed over with a notice, and no figure is counted twice or mixed up."""

import pytest
from conftest import (CODED_UNITS, ORGANISATION, SICK_HEADER, csv_bytes, figures, load, read, reported, units_of,
                      xlsx_bytes)


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


VACANCY = ["Enhet", "Månad", "Budgeterade tjänster", "Besatta tjänster"]


def test_a_computed_summary_sheet_beside_sheets_per_avdelning_does_not_sink_the_workbook(org):
    content = xlsx_bytes({
        "Sammanställning": [["Avdelning", "Budgeterade tjänster", "Besatta tjänster", "Vakansgrad"],
                            ["IFO", "=SUM(IFO!C2:C3)", "=SUM(IFO!D2:D3)", "=1-C2/B2"],
                            ["Vuxen", "=SUM(Vuxen!C2:C3)", "=SUM(Vuxen!D2:D3)", "=1-C3/B3"]],
        "IFO": [VACANCY, ["Ekonomiskt bistånd", "2025-03", 20, 18], ["Familjebehandling", "2025-03", 15, 14]],
        "Vuxen": [VACANCY, ["Beroendeenheten", "2025-03", 12, 12], ["Boendestöd", "2025-03", 8, 6]],
    })
    parsed = read(org, content, "vakanser.xlsx")
    assert parsed.ok, [str(p) for p in parsed.problems]
    assert [p.sheet for p in parsed.parts] == ["IFO", "Vuxen"]
    assert "Bladet 'Sammanställning': liknar vakanser men saknar kolumner som behövs och lästes inte in." in (
        parsed.notices)
    load(org, content, "vakanser.xlsx")
    values = figures(org)
    assert values["avdelning", "IFO", "2025-03", "vacancies"] == pytest.approx(3)
    assert values["förvaltning", "Socialförvaltningen", "2025-03", "vacancies"] == pytest.approx(5)  # 2 + 1 + 0 + 2
    assert units_of(org) == CODED_UNITS


def test_a_hidden_sheet_is_skipped_with_a_notice_naming_it(org):
    content = xlsx_bytes({
        "Mars": [VACANCY, ["Ekonomiskt bistånd", "2025-03", 20, 18], ["Boendestöd", "2025-03", 8, 6]],
        "Gammal mars": [VACANCY, ["Ekonomiskt bistånd", "2025-03", 20, 10], ["Kvinnofrid", "2025-03", 4, 0]],
    }, hidden=("Gammal mars",))
    parsed = read(org, content, "vakanser.xlsx")
    assert parsed.ok, [str(p) for p in parsed.problems]
    assert "Bladet 'Gammal mars' är dolt och lästes inte in. Visa bladet i Excel om det ska importeras." in (
        parsed.notices)
    load(org, content, "vakanser.xlsx")
    assert reported(org, "vacancies", "2025-03") == {"Ekonomiskt bistånd": 2, "Boendestöd": 2}
    assert units_of(org) == CODED_UNITS
