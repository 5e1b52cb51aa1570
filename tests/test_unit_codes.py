"""Units as payroll systems print them: a code and a name in one cell ('4711 Familjebehandling'),
codes alone, and unit columns named after the ledger ('Ansvar', 'Ansvar benämning',
'Kostnadsställe', 'Enhet namn'). A code the organisation knows decides the unit, so its figures
reach its avdelning instead of 'Ej placerad' (issue 12, class 3)."""

import pytest
from conftest import ORGANISATION, csv_bytes, figures, load, read, refused, units_of, xlsx_bytes

VACANCY = ["Månad", "Budgeterade tjänster", "Besatta tjänster"]


def vacancy_file(header: list[str], *rows: list[object]) -> bytes:
    return csv_bytes([[*header, *VACANCY], *rows])


@pytest.mark.parametrize("written", ["4711 Familjebehandling", "4711 - Familjebehandling", "Familjebehandling (4711)",
                                     "Familjebehandling 4711", "4711  familjebehandling"])
def test_a_code_and_a_name_in_one_cell(org, written):
    content = vacancy_file(["Enhet"], [written, "2025-03", 15, 13], ["Ekonomiskt bistånd", "2025-03", 20, 19])
    parsed = read(org, content)
    assert parsed.ok, [str(p) for p in parsed.problems]
    shown = " ".join(written.split())
    assert (f"Enheterna står med kod och namn i samma cell (t.ex. '{shown}', som är Familjebehandling (4711)); "
            "koden kopplar dem till organisationens enheter.") in parsed.notices
    load(org, content)
    values = figures(org)
    assert values["enhet", "Familjebehandling", "2025-03", "vacancies"] == pytest.approx(2)
    assert values["avdelning", "IFO", "2025-03", "vacancies"] == pytest.approx(3)  # 2 + 1
    assert "Ej placerad" not in units_of(org, "avdelning")


def test_codes_alone_in_a_kostnadsstalle_column(org):
    content = vacancy_file(["Kostnadsställe"], ["4711", "2025-03", 15, 13], ["4733", "2025-03", 8, 8])
    parsed = read(org, content)
    assert ("Enheterna står som enhetskoder (t.ex. '4711', som är Familjebehandling (4711)); koden kopplar dem till "
            "organisationens enheter.") in parsed.notices
    load(org, content)
    values = figures(org)
    assert values["avdelning", "IFO", "2025-03", "vacancies"] == pytest.approx(2)
    assert values["avdelning", "Vuxen", "2025-03", "vacancy_rate_pct"] == pytest.approx(0)


@pytest.mark.parametrize("header", [["Ansvar", "Ansvar benämning"], ["Kostnadsställe", "Kostnadsställe benämning"],
                                    ["Ansvar", "Enhet namn"], ["Kod", "Enhet"]])
def test_a_code_column_beside_a_name_column(org, header):
    content = vacancy_file(header, ["4711", "Familjebehandling", "2025-03", 15, 13],
                           ["4722", "Utredning barn och unga 1", "2025-03", 10, 9])
    parsed = read(org, content)
    assert parsed.ok, [str(p) for p in parsed.problems]
    assert parsed.headers[0].read_as == {"A": "enhetskod", "B": "enhet", "C": "månad", "D": "budgeterade_tjänster",
                                         "E": "besatta_tjänster"}
    load(org, content)
    values = figures(org)
    assert values["avdelning", "IFO", "2025-03", "vacancies"] == pytest.approx(2)
    assert values["avdelning", "Barn och unga", "2025-03", "vacancies"] == pytest.approx(1)


def test_a_code_that_names_another_unit_than_the_name_is_refused(org):
    content = vacancy_file(["Enhet"], ["4711 Ekonomiskt bistånd", "2025-03", 15, 13])
    assert refused(org, content) == [
        "Rad 2: Enhetskoden 4711 är 'Familjebehandling' i organisationen, men namnet 'Ekonomiskt bistånd' är en annan "
        "enhet (Ekonomiskt bistånd (4701)). Rätta koden eller namnet så att de avser samma enhet."]


def test_a_name_with_digits_is_a_name_when_the_organisation_has_no_such_code(con):
    load(con, csv_bytes([["enhet", "avdelning", "förvaltning"], ["Boende 2000", "Vuxen", "Soc"]]), "org.csv")
    load(con, xlsx_bytes({"Data": [["Enhet", *VACANCY], ["Boende 2000", "2025-03", 8, 7]]}), "v.xlsx")
    assert figures(con)["avdelning", "Vuxen", "2025-03", "vacancies"] == pytest.approx(1)


def test_codes_in_a_file_for_an_organisation_without_codes_match_by_name(con):
    """The names decide where the organisation has no codes (queries/staging/unit_aliases.sql): such a
    file imported before issue 12 and still does."""
    load(con, csv_bytes(ORGANISATION), "org.csv")
    content = csv_bytes([["enhet", "enhetskod", *VACANCY], ["Mottagningen", "101", "2025-03", 10, 9],
                         ["Utredning", "102", "2025-03", 5, 5]])
    load(con, content)
    values = figures(con)
    assert values["avdelning", "Barn och unga", "2025-03", "vacancies"] == pytest.approx(1)
    assert "Ej placerad" not in units_of(con, "avdelning")
