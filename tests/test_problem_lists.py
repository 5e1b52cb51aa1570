"""One pass, all problems: a refused file lists every problem in the order of the file, and the
same problem repeating in a column is said once with its rows, so a 96-line message becomes a
few lines (issue 12, class 10)."""

from conftest import csv_bytes, read, refused, xlsx_bytes

from hrdash.errors import UserError
from hrdash.store import batches
from hrdash.ui.upload_page import problems_table

SICK = ["Enhet", "Månad", "Anställda", "Ordinarie timmar", "Sjuktimmar", "Varav dag 1-14", "Varav 60 dagar eller mer"]
UNITS = ["Ekonomiskt bistånd", "Familjebehandling", "Mottagning barn och unga", "Utredning barn och unga 1",
         "Utredning barn och unga 2", "Beroendeenheten", "Socialpsykiatri", "Boendestöd"]


def months(count: int) -> list[str]:
    return [f"{2018 + m // 12}-{m % 12 + 1:02d}" for m in range(count)]


def test_a_broken_formula_copied_down_a_column_is_one_problem_with_its_rows(org):
    rows = [SICK] + [[UNITS[i % 8], month, 12, 2000, "#REF!", 0, 0]
                     for i, month in enumerate(m for m in months(12) for _ in range(8))]
    assert len(rows) == 97
    content = xlsx_bytes({"Sjuk": rows})
    assert refused(org, content, "sjuk.xlsx") == [
        "Blad 'Sjuk', rad 2–97, kolumn E ('Sjuktimmar'): Värdet '#REF!' är ett fel från Excel (en formel som pekar på "
        "celler som inte finns längre), inte ett tal. Rätta formeln i Excel eller skriv in talet, och spara filen "
        "igen."]
    table = problems_table(read(org, content, "sjuk.xlsx"))
    assert table.values.tolist() == [
        ["Sjuk", "2–97", "E ('Sjuktimmar')", "#REF!",
         "Värdet '#REF!' är ett fel från Excel (en formel som pekar på celler som inte finns längre), inte ett tal. "
         "Rätta formeln i Excel eller skriv in talet, och spara filen igen."]]


def test_every_problem_in_row_order_with_repeats_in_a_column_grouped(org):
    rows = [SICK,
            ["Ekonomiskt bistånd", "2025-03", 12, 2000, "8 dagar", 0, 0],
            ["Familjebehandling", "2025-13", 12, 2000, 100, 0, 0],
            ["Utredning barn och ung 1", "2025-03", 12, 2000, 100, 0, 0],
            ["Beroendeenheten", "2025-03", 12.5, 2000, "9 dagar", 0, 0],
            ["Boendestöd", "2025-03", 10, 1600, "-3", 0, 0]]
    assert refused(org, csv_bytes(rows)) == [
        "Rad 2, 5, kolumn E ('Sjuktimmar'): Värdet på var och en av raderna (t.ex. '8 dagar' och '9 dagar') är "
        "angivet i dagar. hrdash behöver timmar: ta ut timmarna ur lönesystemet.",
        "Rad 3, kolumn B ('Månad'): Värdet '2025-13' har månad 13, som inte finns. Månaden ska vara 1–12.",
        "Rad 4: Enheten 'Utredning barn och ung 1' finns inte i organisationen. Menade du 'Utredning barn och unga 1 "
        "(4722)'? Rätta namnet i filen. Är det en ny enhet, välj det när filen laddas upp (på kommandoraden: "
        "--new-units); den räknas då under 'Ej placerad' tills en organisationsfil placerar den.",
        "Rad 5, kolumn C ('Anställda'): Värdet '12.5' är inte ett heltal. Antal ska anges i hela tal.",
        "Rad 6, kolumn E ('Sjuktimmar'): Värdet '-3' är negativt. Ange 0 eller ett större tal.",
    ]


def test_the_cli_and_the_upload_page_read_the_grouped_problems_alike(org):
    rows = [SICK] + [[UNITS[i], "2025-03", 12, 2000, -1, 0, 0] for i in range(8)]
    parsed = read(org, csv_bytes(rows))
    try:
        batches.import_file(org, parsed, "test")
    except UserError as refused_file:
        lines = refused_file.lines()
    assert lines == ["Rad 2–9, kolumn E ('Sjuktimmar'): Värdet '-1' är negativt. Ange 0 eller ett större tal."]
