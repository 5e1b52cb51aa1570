"""Every validation rule refuses the whole file with a Swedish message naming sheet, row,
column and value, and leaves the database exactly as it was."""

import pytest
from conftest import ORGANISATION, SICK_HEADER, TURNOVER_HEADER, csv_bytes, load, xlsx_bytes

from hrdash.errors import UserError
from hrdash.ingest.parse import parse_file
from hrdash.store import batches

GOOD = ["Mottagningen", "2025-03", 12, 1000, 100, 40, 20]


def database_state(con):
    tables = ["batches", "organisation_rows", "sick_leave_rows", "turnover_rows", "vacancy_rows", "recruitment_rows",
              "caseload_rows", "pulse_rows", "exit_reason_rows"]
    return {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in tables}


def refuse(con, content: bytes, name: str = "fel.xlsx") -> list[str]:
    """Try to import; assert it is refused and nothing changed; return the messages."""
    before = database_state(con)
    parsed = parse_file(content, name)
    with pytest.raises(UserError) as refused:
        batches.import_file(con, parsed, "test")
    assert database_state(con) == before
    return [str(p) for p in refused.value.problems]


@pytest.fixture
def con_with_data(con):
    load(con, csv_bytes(ORGANISATION), "org.csv")
    load(con, csv_bytes([SICK_HEADER, ["Utredning", "2025-02", 20, 2000, 100, 0, 0]]), "feb.csv")
    return con


def sheet(*rows, header=SICK_HEADER):
    return xlsx_bytes({"Sjukfrånvaro": [header, GOOD, *rows]})


def test_negative_number(con_with_data):
    messages = refuse(con_with_data, sheet(["Utredning", "2025-03", 20, 2000, -5, 0, 0]))
    assert messages == [
        "Blad 'Sjukfrånvaro', rad 3, kolumn E ('sjuktimmar'): Värdet '-5' är negativt. Ange 0 eller ett större tal."
    ]


def test_text_where_a_number_belongs(con_with_data):
    messages = refuse(con_with_data, sheet(["Utredning", "2025-03", "tolv", 2000, 5, 0, 0]))
    assert messages == [
        "Blad 'Sjukfrånvaro', rad 3, kolumn C ('anställda'): Värdet 'tolv' är inte ett tal. "
        "Skriv bara siffror (decimaler med komma, t.ex. 12,5)."
    ]


def test_count_must_be_whole(con_with_data):
    messages = refuse(con_with_data, sheet(["Utredning", "2025-03", 12.5, 2000, 5, 0, 0]))
    assert messages == [
        "Blad 'Sjukfrånvaro', rad 3, kolumn C ('anställda'): Värdet '12,5' är inte ett heltal. Antal ska anges i hela tal."
    ]


def test_empty_required_cell(con_with_data):
    messages = refuse(con_with_data, sheet(["Utredning", "2025-03", 12, None, 5, 0, 0]))
    assert messages == [
        "Blad 'Sjukfrånvaro', rad 3, kolumn D ('ordinarie_timmar'): Cellen är tom men 'ordinarie_timmar' måste fyllas "
        "i. Skriv 0 om det inte finns något att rapportera."
    ]


def test_parts_of_sick_leave_exceed_the_total(con_with_data):
    messages = refuse(con_with_data, sheet(["Utredning", "2025-03", 12, 2000, 50, 40, 20]))
    assert len(messages) == 1
    assert messages[0].startswith("Blad 'Sjukfrånvaro', rad 3, kolumn F, G, E: F ('sjuktimmar_dag_1_14') + "
                                  "G ('sjuktimmar_60_dagar') är 60, mer än E ('sjuktimmar') som är 50.")


def test_sick_hours_exceed_ordinary_hours(con_with_data):
    messages = refuse(con_with_data, sheet(["Utredning", "2025-03", 12, 100, 150, 0, 0]))
    assert "E ('sjuktimmar') är 150, mer än D ('ordinarie_timmar') som är 100" in messages[0]


def test_leavers_parts_exceed_leavers(con_with_data):
    content = csv_bytes([TURNOVER_HEADER, ["Utredning", "2025-03", 20, 1, 1, 1]])
    messages = refuse(con_with_data, content, "oms.csv")
    assert messages[0].startswith("Rad 2, kolumn E, F, D: E ('varav_interna') + F ('varav_pension') är 2, "
                                  "mer än D ('avgångar') som är 1.")


def test_vacancies_must_agree_with_budgeted_minus_filled(con_with_data):
    content = csv_bytes([["enhet", "månad", "budgeterade_tjänster", "besatta_tjänster", "vakanta_tjänster"],
                         ["Utredning", "2025-03", 10, 8, 3]])
    messages = refuse(con_with_data, content, "vak.csv")
    assert messages == [
        "Rad 2, kolumn E ('vakanta_tjänster'): Värdet '3' stämmer inte med budgeterade minus besatta tjänster (2). "
        "Rätta någon av de tre kolumnerna."
    ]


def test_two_rows_for_the_same_unit_and_month(con_with_data):
    messages = refuse(con_with_data, sheet(["mottagningen ", "mars 2025", 12, 1000, 100, 40, 20]))
    assert messages == [
        "Blad 'Sjukfrånvaro', rad 3: Enheten 'mottagningen' finns redan på rad 2 för samma månad (mars 2025). En fil "
        "får bara ha en rad per enhet och månad. Ta bort eller slå ihop raderna."
    ]


def test_month_that_does_not_exist(con_with_data):
    messages = refuse(con_with_data, sheet(["Utredning", "2025-13", 12, 1000, 100, 0, 0]))
    assert messages == [
        "Blad 'Sjukfrånvaro', rad 3, kolumn B ('månad'): Värdet '2025-13' har månad 13, som inte finns. "
        "Månaden ska vara 1–12."
    ]


def test_month_that_is_not_a_month(con_with_data):
    messages = refuse(con_with_data, sheet(["Utredning", "vår 2025", 12, 1000, 100, 0, 0]))
    assert "Värdet 'vår 2025' är inte en månad. Skriv månaden som 2025-03, 202503, 2025-03-01 eller mars 2025." in (
        messages[0]
    )


def test_missing_required_column(con_with_data):
    header = [h for h in SICK_HEADER if h != "sjuktimmar_60_dagar"]
    content = xlsx_bytes({"Sjukfrånvaro": [header, GOOD[:-1]]})
    messages = refuse(con_with_data, content)
    assert messages == [
        "Blad 'Sjukfrånvaro', rad 1: Kolumnen 'sjuktimmar_60_dagar' saknas, och den behövs för sjukfrånvaro. "
        "Lägg till en kolumn med något av namnen 'sjuktimmar_60_dagar', 'Varav 60 dagar eller mer', "
        "'Långtidssjukfrånvaro (tim)', 'Long-term sick hours'."
    ]


def test_a_file_with_no_known_header(con_with_data):
    messages = refuse(con_with_data, csv_bytes([["namn", "värde"], ["a", 1]]), "okänd.csv")
    assert messages[0].startswith("Hittade ingen rubrikrad med kolumner för någon filtyp.")


def test_every_problem_in_a_file_is_reported_at_once(con_with_data):
    messages = refuse(con_with_data, sheet(["Utredning", "2025-03", -1, 1000, 100, 0, 0],
                                           ["Beroende", "2025-13", 12, 1000, 100, 0, 0],
                                           ["Liten", "2025-03", 6, "x", 0, 0, 0]))
    assert sorted(m.split(":")[0] for m in messages) == [
        "Blad 'Sjukfrånvaro', rad 3, kolumn C ('anställda')",
        "Blad 'Sjukfrånvaro', rad 4, kolumn B ('månad')",
        "Blad 'Sjukfrånvaro', rad 5, kolumn D ('ordinarie_timmar')",
    ]


def test_a_column_of_personal_identity_numbers_is_refused(con_with_data):
    content = csv_bytes([["enhet", "personnummer", "månad", *SICK_HEADER[2:]],
                         ["Utredning", "19800101-1234", "2025-03", 1, 160, 0, 0, 0],
                         ["Utredning", "198502021234", "2025-03", 1, 160, 0, 0, 0]])
    messages = refuse(con_with_data, content, "per_person.csv")
    assert messages[0] == (
        "Kolumn B ('personnummer'): Kolumnen ser ut att innehålla personnummer. hrdash tar emot siffror per enhet och "
        "månad, aldrig uppgifter om enskilda personer. Ta bort kolumnen och spara filen igen."
    )


def test_a_file_that_is_not_a_spreadsheet(con_with_data):
    messages = refuse(con_with_data, b"PK\x03\x04 not really a zip", "trasig.xlsx")
    assert messages == ["Filen är ingen giltig Excelfil (den kan vara skadad). Öppna och spara om den i Excel."]


PULSE = ["enhet", "period", "fråga", "svar", "instämmer", "tillfrågade", "medelvärde"]
CASELOAD = ["enhet", "månad", "aktuella_ärenden", "handläggare"]
REASONS = ["enhet", "månad", "orsak", "antal"]
SICK_SIGNALS = SICK_HEADER + ["upprepad_korttidsfrånvaro", "frisknärvaro"]


@pytest.mark.parametrize("header,row,message", [
    (PULSE, ["Utredning", "2025 T1", "Trivs du på jobbet?", 10, 5, "", ""],
     "Blad 'Data', rad 3, kolumn C ('fråga'): Värdet 'Trivs du på jobbet?' är inte en av de tre frågorna som hrdash "
     "tar emot: ”Jag har en bra arbetssituation” (arbetssituation); ”Jag känner att jag kan göra ett gott arbete” "
     "(gott arbete); ”Jag kan rekommendera min arbetsplats till andra” (rekommendera). Skriv frågan som den står i "
     "enkäten eller med dess kortnamn."),
    (PULSE, ["Utredning", "2025 T4", "gott arbete", 10, 5, "", ""],
     "Blad 'Data', rad 3, kolumn B ('period'): Värdet '2025 T4' är inget tertial: ett år har tre tertial, T1–T3. "
     "Skriv perioden som 2025 T1, T1 2025, 2025-T1, 2025:1 eller som en månad i tertialet (T1 är januari–april)."),
    (PULSE, ["Utredning", "2025 T1", "gott arbete", 10, 11, "", ""],
     "Blad 'Data', rad 3, kolumn E, D: E ('instämmer') är 11, mer än D ('svar') som är 10. De som instämmer är några "
     "av dem som svarat och kan inte vara fler."),
    (PULSE, ["Utredning", "2025 T1", "gott arbete", 10, 5, 9, ""],
     "Blad 'Data', rad 3, kolumn D, F: D ('svar') är 10, mer än F ('tillfrågade') som är 9. De som svarat är några "
     "av dem som tillfrågats och kan inte vara fler."),
    (PULSE, ["Utredning", "2025 T1", "gott arbete", 10, 5, 12, "5,5"],
     "Blad 'Data', rad 3, kolumn G ('medelvärde'): Värdet '5,5' ligger utanför skalan 1–5. Ett medelvärde av svaren "
     "ska vara mellan 1 och 5."),
    (PULSE, ["Mottagningen", "T1 2025", "Jag har en bra arbetssituation", 10, 5, "", ""],
     "Blad 'Data', rad 3: Enheten 'Mottagningen' finns redan på rad 2 för samma period (T1 2025, ”Jag har en bra "
     "arbetssituation”). En fil får bara ha en rad per enhet, period och fråga. Ta bort eller slå ihop raderna."),
    (CASELOAD, ["Utredning", "2025-03", "12,5", 2],
     "Blad 'Data', rad 3, kolumn C ('aktuella_ärenden'): Värdet '12,5' är inte ett heltal. Antal ska anges i hela tal."),
    (CASELOAD, ["Utredning", "2025-03", 12, -1],
     "Blad 'Data', rad 3, kolumn D ('handläggare'): Värdet '-1' är negativt. Ange 0 eller ett större tal."),
    (REASONS, ["Utredning", "2025-03", "Pengar", 1],
     "Blad 'Data', rad 3, kolumn C ('orsak'): Värdet 'Pengar' är inte en av de avgångsorsakerna som hrdash tar emot: "
     "Lön, Arbetsbelastning, Hög arbetsbelastning, Ledarskap, Chefsstöd, Chef, Utveckling, Nya arbetsuppgifter, "
     "Karriär, Omorganisation, Organisation, Arbetsmiljö, Privata skäl, Flytt, Resväg, Pension, Studier, Annat, "
     "Övrigt, Vill ej uppge. Välj den som ligger närmast, eller Annat."),
    (REASONS, ["Mottagningen", "mars 2025", "LÖN", 2],
     "Blad 'Data', rad 3: Enheten 'Mottagningen' finns redan på rad 2 för samma månad (mars 2025, Lön). En fil får "
     "bara ha en rad per enhet, månad och orsak. Ta bort eller slå ihop raderna."),
    (SICK_SIGNALS, ["Utredning", "2025-03", 20, 2000, 100, 0, 0, 21, 3],
     "Blad 'Data', rad 3, kolumn H, C: H ('upprepad_korttidsfrånvaro') är 21, mer än C ('anställda') som är 20. De "
     "med upprepad korttidsfrånvaro är några av de anställda och kan inte vara fler."),
    (SICK_SIGNALS, ["Utredning", "2025-03", 20, 2000, 100, 0, 0, 2, 21],
     "Blad 'Data', rad 3, kolumn I, C: I ('frisknärvaro') är 21, mer än C ('anställda') som är 20. De med "
     "frisknärvaro är några av de anställda och kan inte vara fler."),
])
def test_part_2_rules(con_with_data, header, row, message):
    good = {tuple(PULSE): ["Mottagningen", "2025 T1", "arbetssituation", 10, 5, 12, 3],
            tuple(CASELOAD): ["Mottagningen", "2025-03", 40, 3], tuple(REASONS): ["Mottagningen", "2025-03", "Lön", 2],
            tuple(SICK_SIGNALS): GOOD + [1, 6]}[tuple(header)]
    assert refuse(con_with_data, xlsx_bytes({"Data": [header, good, row]})) == [message]
