"""Shapes hrdash cannot import get a message that names the shape and says what to do: a list with
one row per person, personal identity numbers, percentages instead of hours, a password-protected
workbook, a file that is not what its name says. What payroll systems save under an Excel name
(an HTML table, an XML spreadsheet) is read (issue 12, class 9)."""

from pathlib import Path

import pytest
from conftest import csv_bytes, figures, load, read, refused, xlsx_bytes

FIXTURES = Path(__file__).parent / "fixtures"
SICK_HOURS_NEEDED = (
    "men hrdash behöver timmarna: procent kan inte läggas ihop, och avdelningens och förvaltningens sjukfrånvaro "
    "räknas som summan av sjuktimmarna delat med summan av de ordinarie timmarna. Ta ut timmarna per enhet och "
    "månad ur lönesystemet: antal anställda, ordinarie arbetstid (timmar), sjukfrånvaro (timmar), varav dag 1–14 och "
    "varav 60 dagar eller mer.")


def test_a_list_with_one_row_per_person_is_refused_saying_how_to_make_figures_per_unit(org):
    rows = [["Anst.nr", "Namn", "Enhet", "Månad", "Ordinarie timmar", "Sjuktimmar"],
            ["10234", "Anna Andersson", "Ekonomiskt bistånd", "2025-03", 160, 8],
            ["10235", "Bo Berg", "Ekonomiskt bistånd", "2025-03", 160, 0]]
    assert refused(org, xlsx_bytes({"Personal": rows}), "personal.xlsx") == [
        "Blad 'Personal', rad 1: Bladet ser ut att ha en rad per person (kolumnerna A ('Anst.nr'), B ('Namn')). "
        "hrdash tar emot siffror per enhet och månad, aldrig uppgifter om enskilda anställda: en rad per enhet och "
        "månad med summan för enheten (antal anställda, timmar, antal). Gör en sådan tabell med en pivottabell i "
        "Excel: lägg Enhet och Månad som radetiketter och summan av timmarna (och antal av anställningsnumret för "
        "antal anställda) som värden, kopiera pivottabellen och klistra in den som värden på ett nytt blad, och "
        "ladda upp det."]


def test_a_list_of_people_with_personal_identity_numbers_is_refused_without_repeating_them(org):
    rows = [["Personnummer", "Enhet", "Avslutsdatum", "Orsak"],
            ["19800101-1234", "Boendestöd", "2025-03-31", "Lön"],
            ["19750505-4321", "Boendestöd", "2025-03-15", "Pension"]]
    problems = refused(org, csv_bytes(rows), "avslutade.csv")
    assert problems == [
        "Kolumn A ('Personnummer'): Kolumnen ser ut att innehålla personnummer. hrdash tar emot siffror per enhet och "
        "månad, aldrig uppgifter om enskilda personer. Ta bort kolumnen och spara filen igen."]


def test_sick_leave_as_percentages_only_is_refused_asking_for_the_hours(org):
    rows = [["Enhet", "Månad", "Sjukfrånvaro (%)", "Korttidssjukfrånvaro (%)", "Långtidssjukfrånvaro (%)"],
            ["Ekonomiskt bistånd", "2025-03", "5,1 %", "2,0 %", "1,5 %"]]
    assert refused(org, xlsx_bytes({"Sjuk": rows}), "sjuk.xlsx") == [
        "Blad 'Sjuk', rad 1: Sjukfrånvaron står i procent (kolumnerna C ('Sjukfrånvaro (%)'), D "
        "('Korttidssjukfrånvaro (%)'), E ('Långtidssjukfrånvaro (%)')), " + SICK_HOURS_NEEDED]


def test_sick_leave_in_cells_formatted_as_percentages_is_never_read_as_hours(org):
    """Excel gives a cell shown as 5,1 % as 0.051: beside ordinary hours, such sick 'hours' would give
    a sick leave of almost nothing."""
    rows = [["Enhet", "Månad", "Anställda", "Ordinarie tid (tim)", "Sjukfrånvaro", "Kort sjukfrånvaro",
             "Långtidssjukfrånvaro"],
            ["Ekonomiskt bistånd", "2025-03", 12, 2000, 0.051, 0.02, 0.01],
            ["Boendestöd", "2025-03", 10, 1600, 0.061, 0.03, 0]]
    assert refused(org, xlsx_bytes({"Sjuk": rows}), "sjuk.xlsx") == [
        "Blad 'Sjuk', rad 1: Sjukfrånvaron står i procent (kolumnerna E ('Sjukfrånvaro'), F ('Kort sjukfrånvaro'), "
        "G ('Långtidssjukfrånvaro')), " + SICK_HOURS_NEEDED]
    assert figures(org).get(("enhet", "Boendestöd", "2025-03", "sick_leave_pct")) is None


def test_a_password_protected_workbook(org):
    # Made with msoffcrypto-tool: a workbook of one vacancy row, encrypted with the password 'hemligt'.
    content = (FIXTURES / "losenordsskyddad.xlsx").read_bytes()
    assert refused(org, content, "vakanser.xlsx") == [
        "Filen är skyddad med lösenord, och hrdash kan inte läsa en krypterad fil. Öppna den i Excel, ta bort "
        "lösenordet (Arkiv → Info → Skydda arbetsbok → Kryptera med lösenord, töm rutan) och spara filen igen innan "
        "du laddar upp den."]


def test_an_html_table_saved_as_xls_is_read(org):
    content = ("<html><head><meta charset='utf-8'></head><body><table>"
               "<tr><th>Enhet</th><th>Månad</th><th>Budgeterade tjänster</th><th>Besatta tjänster</th></tr>"
               "<tr><td>Ekonomiskt bistånd</td><td>2025-03</td><td>20</td><td>18</td></tr>"
               "<tr><td>Boendestöd</td><td>2025-03</td><td x:num='8'>8</td><td>6,5</td></tr>"
               "</table></body></html>").encode("utf-8")
    parsed = read(org, content, "vakanser.xls")
    assert parsed.ok, [str(p) for p in parsed.problems]
    assert parsed.notices == ["Filen heter .xls men är en HTML-tabell (så sparar en del lönesystem sin Excelexport); "
                              "tabellen lästes som ett blad."]
    load(org, content, "vakanser.xls")
    assert figures(org)["förvaltning", "Socialförvaltningen", "2025-03", "vacancies"] == pytest.approx(3.5)  # 2 + 1,5


def test_an_xml_spreadsheet_saved_as_xls_is_read(org):
    cells = [("String", "Enhet"), ("String", "Månad"), ("String", "Budgeterade tjänster"),
             ("String", "Besatta tjänster")]
    data = [[("String", "Familjebehandling"), ("DateTime", "2025-03-01T00:00:00.000"), ("Number", "15"),
             ("Number", "13")]]
    rows = "".join("<Row>" + "".join(f'<Cell><Data ss:Type="{t}">{v}</Data></Cell>' for t, v in row) + "</Row>"
                   for row in [cells, *data])
    content = ('<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?>'
               '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
               'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">'
               f'<Worksheet ss:Name="Vakanser"><Table>{rows}</Table></Worksheet></Workbook>').encode("utf-8")
    parsed = read(org, content, "vakanser.xls")
    assert parsed.ok, [str(p) for p in parsed.problems]
    assert "Filen heter .xls men är ett XML-kalkylblad (Excel 2003-format); den lästes som ett sådant." in (
        parsed.notices)
    load(org, content, "vakanser.xls")
    assert figures(org)["avdelning", "IFO", "2025-03", "vacancies"] == pytest.approx(2)


def test_a_file_that_is_no_spreadsheet_under_an_excel_name_is_refused_in_swedish(org):
    problems = refused(org, b"\x00\x01\x02 not a workbook " * 40, "rapport.xls")
    assert problems == [
        "Filen 'rapport.xls' kunde inte läsas som Excel: den är skadad eller sparad i ett format som inte är Excel. "
        "Öppna den i Excel och spara den som Excel-arbetsbok (.xlsx), eller som CSV."]
