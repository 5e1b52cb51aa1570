"""Headers laid out as people lay them out: two header rows (a group header over its columns), and
the months as columns (one row per unit, a column or a group of columns per month), turned into
one row per unit and month where every month holds what the kind needs, and otherwise refused
saying that the months are columns and what shape is needed (issue 12, classes 6 and 7)."""

import pytest
from conftest import csv_bytes, figures, load, read, refused, reported, xlsx_bytes

from hrdash.ingest.columns import TURNOVER


def test_a_group_header_over_total_and_its_parts(org):
    rows = [["Sjukfrånvaro per enhet"],
            ["Enhet", "Månad", "Anställda", "Ordinarie tid (tim)", "Sjukfrånvaro (timmar)", None, None],
            [None, None, None, None, "Totalt", "varav dag 1–14", "varav ≥ 60 dagar"],
            ["Ekonomiskt bistånd", "2025-03", 12, 2000, 160, 60, 80],
            ["Boendestöd", "2025-03", 10, 1600, 40, 40, 0]]
    parsed = read(org, xlsx_bytes({"Sjuk": rows}), "sjuk.xlsx")
    assert parsed.ok, [str(p) for p in parsed.problems]
    assert parsed.parts[0].header_row == 3
    assert parsed.headers[0].read_as == {"A": "enhet", "B": "månad", "C": "anställda", "D": "ordinarie_timmar",
                                         "E": "sjuktimmar", "F": "sjuktimmar_dag_1_14", "G": "sjuktimmar_60_dagar"}
    load(org, xlsx_bytes({"Sjuk": rows}), "sjuk.xlsx")
    values = figures(org)
    assert values["enhet", "Ekonomiskt bistånd", "2025-03", "sick_leave_pct"] == pytest.approx(8.0)  # 160 / 2000
    assert values["enhet", "Ekonomiskt bistånd", "2025-03", "short_sick_leave_pct"] == pytest.approx(3.0)  # 60 / 2000
    assert values["enhet", "Ekonomiskt bistånd", "2025-03", "long_sick_leave_share_pct"] == pytest.approx(50.0)
    # (160 + 40) / (2000 + 1600)
    assert values["förvaltning", "Socialförvaltningen", "2025-03", "sick_leave_pct"] == pytest.approx(200 / 36)


def test_a_group_header_whose_columns_qualify_it(org):
    rows = [["Enhet", "Månad", "Tjänster", None, "Konsulter", None],
            [None, None, "Budgeterade", "Besatta", "Antal", "Kostnad"],
            ["Ekonomiskt bistånd", "2025-03", 20, 18, 1, 95000],
            ["Familjebehandling", "2025-03", 15, 15, 0, 0]]
    parsed = read(org, xlsx_bytes({"Vakanser": rows}), "vakanser.xlsx")
    assert parsed.ok, [str(p) for p in parsed.problems]
    assert parsed.headers[0].read_as == {"A": "enhet", "B": "månad", "C": "budgeterade_tjänster",
                                         "D": "besatta_tjänster", "E": "konsulter"}
    assert "Bladet 'Vakanser': kolumnen F ('Konsulter Kostnad') känns inte igen och importeras inte." in parsed.notices
    load(org, xlsx_bytes({"Vakanser": rows}), "vakanser.xlsx")
    values = figures(org)
    assert values["avdelning", "IFO", "2025-03", "vacancies"] == pytest.approx(2)
    assert values["avdelning", "IFO", "2025-03", "vacancy_rate_pct"] == pytest.approx(2 / 35 * 100)
    assert values["avdelning", "IFO", "2025-03", "consultants"] == pytest.approx(1)


def test_a_two_row_header_in_a_csv_file(org):
    rows = [["Enhet", "Månad", "Tillsvidareanställda", "Avgångar", "", ""],
            ["", "", "", "Totalt", "varav interna", "varav pension"],
            ["Ekonomiskt bistånd", "2025-03", 20, 2, 1, 0],
            ["Boendestöd", "2025-03", 10, 1, 0, 1]]
    load(org, csv_bytes(rows))
    values = figures(org)
    assert values["enhet", "Ekonomiskt bistånd", "2025-03", "turnover_pct"] == pytest.approx(10.0)  # 2 / 20
    assert values["enhet", "Ekonomiskt bistånd", "2025-03", "external_turnover_pct"] == pytest.approx(5.0)  # 1 / 20
    assert values["förvaltning", "Socialförvaltningen", "2025-03", "turnover_excl_retirement_pct"] == (
        pytest.approx(1 / 30 * 100))  # (2 - 1 - 0) + (1 - 0 - 1) of 30


def test_a_group_of_columns_per_month_becomes_a_row_per_unit_and_month(org):
    rows = [["Vakanser 2025"],
            ["Enhet", "jan 2025", None, "feb 2025", None, "mar 2025", None],
            [None, "Budgeterade tjänster", "Besatta tjänster", "Budgeterade tjänster", "Besatta tjänster",
             "Budgeterade tjänster", "Besatta tjänster"],
            ["Ekonomiskt bistånd", 20, 18, 20, 19, None, None],
            ["Boendestöd", 8, 6, 8, 8, None, None]]
    parsed = read(org, xlsx_bytes({"Vakanser": rows}), "vakanser.xlsx")
    assert parsed.ok, [str(p) for p in parsed.problems]
    assert ("Bladet 'Vakanser': månaderna står som kolumner (januari 2025–februari 2025); varje enhet och månad "
            "lästes som en egen rad.") in parsed.notices
    load(org, xlsx_bytes({"Vakanser": rows}), "vakanser.xlsx")
    assert reported(org, "vacancies", "2025-01") == {"Ekonomiskt bistånd": 2, "Boendestöd": 2}
    assert reported(org, "vacancies", "2025-02") == {"Ekonomiskt bistånd": 1, "Boendestöd": 0}
    assert reported(org, "vacancies", "2025-03") == {}  # a month not filled in yet
    assert figures(org)["förvaltning", "Socialförvaltningen", "2025-02", "vacancy_rate_pct"] == (
        pytest.approx(1 / 28 * 100))


def test_one_column_per_month_for_a_kind_with_one_figure(org):
    rows = [["Enhet", "Orsak", "jan 2025", "feb 2025", "mar 2025"],
            ["Ekonomiskt bistånd", "Arbetsbelastning", 2, 0, 1],
            ["Ekonomiskt bistånd", "Lön", 1, 1, 0],
            ["Boendestöd", "Lön", 0, 1, 2]]
    load(org, xlsx_bytes({"Avgångssamtal": rows}), "avgangar.xlsx")
    values = figures(org)
    # Ekonomiskt bistånd, January to March: workload 2 + 0 + 1, salary 1 + 1 + 0
    assert values["enhet", "Ekonomiskt bistånd", "2025-03", "exit_interviews_12m"] == pytest.approx(5)
    assert values["enhet", "Ekonomiskt bistånd", "2025-03", "exit_reason_workload_pct"] == pytest.approx(60.0)
    # with Boendestöd's 0 + 1 + 2 for salary: (2 + 3) of 8
    assert values["förvaltning", "Socialförvaltningen", "2025-03", "exit_reason_salary_pct"] == pytest.approx(62.5)


def test_one_figure_per_month_for_a_kind_that_needs_several_is_refused_saying_so(org):
    rows = [["Enhet", "jan 2025", "feb 2025", "mar 2025"], ["Ekonomiskt bistånd", 20, 21, 21]]
    assert refused(org, xlsx_bytes({"Tillsvidare": rows}), "tillsvidare.xlsx", kind=TURNOVER) == [
        "Blad 'Tillsvidare', rad 1: Bladet har månaderna som kolumner (januari 2025, februari 2025, mars 2025), med "
        "en uppgift per enhet och månad. För personalomsättning behövs 'tillsvidareanställda', 'avgångar', "
        "'varav_interna' och 'varav_pension' för varje enhet och månad, så bladet kan inte läsas om till rader. "
        "hrdash tar emot en rad per enhet och månad: en kolumn 'enhet', en kolumn 'månad' och en kolumn för varje "
        "uppgift. Ta ut rapporten i den formen ur lönesystemet, eller ställ om bladet så att varje månad får egna "
        "rader."]
    assert reported(org, "turnover_pct", "2025-01") == {}


def test_a_problem_in_a_month_column_names_the_month(org):
    rows = [["Enhet", "Orsak", "jan 2025", "feb 2025"],
            ["Ekonomiskt bistånd", "Lön", 1, "två"]]
    assert refused(org, xlsx_bytes({"Avgångssamtal": rows}), "avgangar.xlsx") == [
        "Blad 'Avgångssamtal', rad 2, kolumn D ('februari 2025, antal'): Värdet 'två' är inte ett tal. Skriv bara "
        "siffror (decimaler med komma, t.ex. 12,5)."]
