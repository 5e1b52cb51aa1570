"""Every messy shape of file that domain.md lists imports to the same figures."""

import datetime as dt

import pytest
from conftest import SICK_HEADER, csv_bytes, figures, load, read, refused, reported, xlsx_bytes

from hrdash.ingest.parse import parse_file

# Mottagningen, March 2025: 1 234,5 ordinary hours, 123,45 sick hours -> 10 %.
EXPECTED = pytest.approx(10.0)


def sick_leave(con) -> float:
    return figures(con)["enhet", "Mottagningen", "2025-03", "sick_leave_pct"]


@pytest.mark.parametrize("delimiter", [";", ","])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_csv_separators_and_encodings(con, delimiter, encoding):
    rows = [["Enhet", "Månad", "Antal anställda", "Ordinarie tid (tim)", "Sjukfrånvaro (tim)", "Varav dag 1-14",
             "Varav 60 dagar eller mer"],
            ["Mottagningen", "2025-03", "12", "1 234,5", "123,45", "10", "0"],
            ["Förändring åäö", "2025-03", "11", "1000", "0", "0", "0"]]
    load(con, csv_bytes(rows, delimiter=delimiter, encoding=encoding))
    assert sick_leave(con) == EXPECTED
    assert ("enhet", "Förändring åäö", "2025-03", "sick_leave_pct") in figures(con)


@pytest.mark.parametrize("ordinary", ["1 234,5", "1\u00a0234,5", "1.234,5", "1234,5", "1,234.5", "1234.5"])
def test_thousands_and_decimal_separators(con, ordinary):
    load(con, csv_bytes([SICK_HEADER, ["Mottagningen", "2025-03", "12", ordinary, "123,45", "0", "0"]]))
    assert sick_leave(con) == EXPECTED


@pytest.mark.parametrize(
    "month",
    ["2025-03", "202503", "2025-03-01", "mars 2025", "mar 2025", "March 2025", "Mars 2025", "MARS 2025",
     dt.datetime(2025, 3, 1), dt.datetime(2025, 3, 31)],
)
def test_month_shapes(con, month):
    content = xlsx_bytes({"Data": [SICK_HEADER, ["Mottagningen", month, 12, 1234.5, 123.45, 0, 0]]})
    load(con, content, "sjuk.xlsx")
    assert sick_leave(con) == EXPECTED


def test_separate_year_and_month_columns(con):
    rows = [["Enhet", "År", "Månad", *SICK_HEADER[2:]],
            ["Mottagningen", 2025, 3, 12, 1234.5, 123.45, 0, 0],
            ["Utredning", "2025", "mars", 12, 1000, 50, 0, 0]]
    load(con, xlsx_bytes({"Data": rows}), "sjuk.xlsx")
    assert sick_leave(con) == EXPECTED
    assert figures(con)["enhet", "Utredning", "2025-03", "sick_leave_pct"] == pytest.approx(5.0)


def test_excel_with_title_rows_blank_rows_total_row_and_numbers_as_text(con):
    rows = [["Sjukfrånvaro per enhet"],
            ["Uttag ur lönesystemet 2025-04-02"],
            [],
            ["ENHET", "PERIOD", "Antal personer", "Ordinarie arbetstid", "Sjukfrånvarotid", "Kort sjukfrånvaro (tim)",
             "Långtidssjukfrånvaro (tim)", "Anteckning"],
            ["Mottagningen", "2025-03", "12", "1234,5", "123,45", "10", "0", "ny chef"],
            [],
            ["Utredning", "2025-03", 20, 2000, 100, 0, 0],
            ["Totalt", None, 32, 3234.5, 223.45, 10, 0]]
    parsed = parse_file(xlsx_bytes({"Rapport": rows}), "rapport.xlsx")
    assert parsed.ok
    assert len(parsed.parts[0].frame) == 2
    assert any("rad 8 ('Totalt')" in n for n in parsed.notices)
    assert any("H ('Anteckning') känns inte igen" in n for n in parsed.notices)
    load(con, xlsx_bytes({"Rapport": rows}), "rapport.xlsx")
    assert sick_leave(con) == EXPECTED
    assert ("enhet", "Totalt", "2025-03", "sick_leave_pct") not in figures(con)


def test_the_data_sheet_is_found_among_instructions(con):
    content = xlsx_bytes({
        "Instruktioner": [["Så fyller du i"], ["Enhet: namnet på enheten"], ["Månad: ÅÅÅÅ-MM"]],
        "Data": [SICK_HEADER, ["Mottagningen", "2025-03", 12, 1234.5, 123.45, 0, 0]],
    })
    parsed = parse_file(content, "mall.xlsx")
    assert [p.sheet for p in parsed.parts] == ["Data"]
    load(con, content, "mall.xlsx")
    assert sick_leave(con) == EXPECTED


def test_a_workbook_with_one_sheet_per_kind_imports_both(con):
    content = xlsx_bytes({
        "Sjukfrånvaro": [SICK_HEADER, ["Mottagningen", "2025-03", 12, 1234.5, 123.45, 0, 0]],
        "Omsättning": [["Enhet", "Månad", "Tillsvidareanställda", "Avgångar", "Varav interna", "Varav pension"],
                       ["Mottagningen", "2025-03", 10, 1, 0, 0]],
    })
    batch = load(con, content, "allt.xlsx")
    assert batch.kind == "sick_leave,turnover"
    assert sick_leave(con) == EXPECTED
    assert figures(con)["enhet", "Mottagningen", "2025-03", "turnover_pct"] == pytest.approx(10.0)


@pytest.mark.parametrize(
    "header",
    [
        ["Unit", "Month", "Employees", "Scheduled hours", "Sick hours", "Short-term sick hours", "Long-term sick hours"],
        ["ENHET", "MÅNAD", "ANSTÄLLDA", "ORDINARIE_TIMMAR", "SJUKTIMMAR", "SJUKTIMMAR_DAG_1_14", "SJUKTIMMAR_60_DAGAR"],
        ["Arbetsplats", "Månad/år", "Headcount", "Ordinarie tid (tim)", "Sjukfrånvaro (tim)", "Varav dag 1–14",
         "Varav 60 dagar eller mer"],
        [" Organisationsenhet ", "Period", "Antal anställda", "Ordinarie arbetstid", "Sjukfrånvarotid",
         "Kort sjukfrånvaro (tim)", "Långtidssjukfrånvaro (tim)"],
        ["Enhetsnamn", "Manad", "Anstallda", "Ordinarie timmar", "Sjuktimmar", "Sjuktimmar dag 1-14",
         "Sjuktimmar 60 dagar"],
    ],
)
def test_header_synonyms(con, header):
    load(con, csv_bytes([header, ["Mottagningen", "2025-03", 12, "1234,5", "123,45", 0, 0]]))
    assert sick_leave(con) == EXPECTED


def test_unit_names_match_ignoring_case_and_spacing(con):
    load(con, csv_bytes([["enhet", "avdelning", "förvaltning"], ["Barn och unga mottagning", "BoU", "Soc"]]), "org.csv")
    load(con, csv_bytes([SICK_HEADER, ["  barn  OCH unga   Mottagning ", "2025-03", 12, 1000, 50, 0, 0]]))
    values = figures(con)
    assert values["enhet", "Barn och unga mottagning", "2025-03", "sick_leave_pct"] == pytest.approx(5.0)
    assert values["avdelning", "BoU", "2025-03", "sick_leave_pct"] == pytest.approx(5.0)


def test_gender_and_age_values_in_everyday_words(con):
    rows = [["Enhet", "Månad", "Kön", "Åldersgrupp", *SICK_HEADER[2:]],
            ["Delad", "2025-03", "Kvinnor", "29 år eller yngre", 10, 1000, 100, 0, 0],
            ["Delad", "2025-03", "Män", "30–49 år", 10, 1000, 50, 0, 0],
            ["Delad", "2025-03", "K", "50 år eller äldre", 10, 1000, 0, 0, 0]]
    load(con, csv_bytes(rows))
    values = figures(con)
    assert values["enhet", "Delad", "2025-03", "sick_leave_women_pct"] == pytest.approx(5.0)
    assert values["enhet", "Delad", "2025-03", "sick_leave_age_30_49_pct"] == pytest.approx(5.0)


def test_rows_split_by_gender_with_a_total_row_per_unit_do_not_count_twice(con):
    rows = [["Enhet", "Månad", "Kön", *SICK_HEADER[2:]],
            ["Delad", "2025-03", "Kvinnor", 10, 1000, 100, 0, 0],
            ["Delad", "2025-03", "Män", 10, 1000, 50, 0, 0],
            ["Delad", "2025-03", "Totalt", 20, 2000, 150, 0, 0]]
    load(con, csv_bytes(rows))
    assert figures(con)["enhet", "Delad", "2025-03", "sick_leave_pct"] == pytest.approx(7.5)


def test_a_summary_sheet_beside_the_unit_sheet_is_passed_over(con):
    content = xlsx_bytes({
        "Sammanställning": [["Avdelning", "Månad", "Anställda", "Ordinarie timmar", "Sjuktimmar"],
                            ["Barn och unga", "2025-03", 40, 6000, 400]],
        "Per enhet": [SICK_HEADER, ["Mottagningen", "2025-03", 12, 1234.5, 123.45, 0, 0]],
    })
    parsed = parse_file(content, "rapport.xlsx")
    assert parsed.ok, [str(p) for p in parsed.problems]
    assert "Bladet 'Sammanställning': liknar sjukfrånvaro men saknar kolumner som behövs och lästes inte in." in (
        parsed.notices)
    load(con, content, "rapport.xlsx")
    assert sick_leave(con) == EXPECTED


def test_a_label_ending_in_a_total_word_is_a_total_row_only_after_a_space(con):
    load(con, csv_bytes([SICK_HEADER, ["@summa", "2025-03", 12, 1000, 50, 0, 0],
                         ["Barn och unga totalt", "2025-03", 12, 1000, 50, 0, 0]]))
    units = {k[1] for k in figures(con) if k[0] == "enhet"}
    assert units == {"@summa"}


def test_units_after_numbers_as_payroll_systems_print_them(org):
    rows = [["Enhet", "Månad", "Anställda", "Ordinarie tid", "Sjukfrånvaro (tim)", "Varav dag 1-14",
             "Varav 60 dagar eller mer"],
            ["Ekonomiskt bistånd", "2025-03", "42 st", "8 977,5 tim", "7 523 h", "1 200 tim", "0 h"],
            ["Boendestöd", "2025-03", "12 st", "2 000 tim", "100 tim", "40 tim", "0 tim"]]
    load(org, csv_bytes(rows))
    values = figures(org)
    assert values["enhet", "Ekonomiskt bistånd", "2025-03", "sick_leave_pct"] == pytest.approx(7523 / 8977.5 * 100)
    # (7 523 + 100) / (8 977,5 + 2 000)
    assert values["förvaltning", "Socialförvaltningen", "2025-03", "sick_leave_pct"] == (
        pytest.approx(7623 / 10977.5 * 100))


def test_kronor_and_pieces_in_vacancies_with_a_day_range_as_the_month(org):
    rows = [["Enhet", "Period", "Budgeterade tjänster", "Besatta tjänster", "Konsulter", "Konsultkostnad"],
            ["Ekonomiskt bistånd", "2025-01-01 - 2025-01-31", "20 st", "18 st", "1 st", "125 000,00 kr"],
            ["Boendestöd", "2025-01-01 – 2025-01-31", 8, 6, 0, "0 kr"]]
    load(org, xlsx_bytes({"Vakanser": rows}), "vakanser.xlsx")
    values = figures(org)
    assert values["förvaltning", "Socialförvaltningen", "2025-01", "vacancies"] == pytest.approx(4)  # 2 + 2
    assert values["förvaltning", "Socialförvaltningen", "2025-01", "consultant_cost_sek"] == pytest.approx(125000)
    assert {key[2] for key in values} == {"2025-01"}


def test_months_that_lost_their_date_format_are_excel_serial_numbers(org):
    rows = [["Enhet", "Månad", "Rekryteringsbehov", "Pågående rekryteringar", "Tillsatta"],
            ["Ekonomiskt bistånd", 45658, 3, 2, 1],  # 2025-01-01
            ["Ekonomiskt bistånd", 45689, 2, 1, 1],  # 2025-02-01
            ["Ekonomiskt bistånd", 45733, 1, 1, 0]]  # 2025-03-17
    parsed = read(org, xlsx_bytes({"Behov": rows}), "behov.xlsx")
    assert parsed.ok, [str(p) for p in parsed.problems]
    assert ("Bladet 'Behov': kolumnen B ('Månad') har månader som tal (t.ex. 45658): de lästes som Excels datumnummer "
            "(45658 är januari 2025). Formatera kolumnen som datum i Excel för att se dem.") in parsed.notices
    load(org, xlsx_bytes({"Behov": rows}), "behov.xlsx")
    assert {month: reported(org, "recruitment_need", month) for month in ("2025-01", "2025-02", "2025-03")} == {
        "2025-01": {"Ekonomiskt bistånd": 3}, "2025-02": {"Ekonomiskt bistånd": 2},
        "2025-03": {"Ekonomiskt bistånd": 1}}


def test_a_day_range_over_two_months_is_refused(org):
    rows = [["Enhet", "Period", "Budgeterade tjänster", "Besatta tjänster"],
            ["Ekonomiskt bistånd", "2025-01-16 - 2025-02-15", 20, 18]]
    assert refused(org, csv_bytes(rows)) == [
        "Rad 2, kolumn B ('Period'): Värdet '2025-01-16 - 2025-02-15' är en period från 2025-01-16 till 2025-02-15, "
        "inte en kalendermånad. hrdash tar emot siffror per månad: ta ut rapporten för en hel månad (t.ex. "
        "2025-01-01 – 2025-01-31)."]
