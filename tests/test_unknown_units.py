"""Unit names the organisation does not know are a decision, not a warning: a name close to a known
unit refuses the file and names the unit it probably means; told that it is a new unit (the
upload page's choice, or --new-units), it is imported under 'Ej placerad'; a unit chosen for a
name is remembered and used for the next file (issue 12, class 4)."""

import pytest
from conftest import CODED_UNITS, csv_bytes, figures, load, read, refused, reported, units_of

from hrdash.ingest.units import Unit
from hrdash.store import units

RECRUITMENT = ["Enhet", "Månad", "Rekryteringsbehov", "Pågående rekryteringar", "Tillsatta"]
MISSPELLED = csv_bytes([RECRUITMENT,
                        ["Utredning barn och ung 1", "2025-02", 2, 1, 0],
                        ["Boendstöd", "2025-02", 1, 1, 0],
                        ["Utredning barn och ung 1", "2025-03", 3, 1, 1],
                        ["Utredning barn och unga 2", "2025-03", 1, 1, 0]])


def refusal(name: str, rows: str, meant: str) -> str:
    return (f"Rad {rows}: Enheten '{name}' finns inte i organisationen. Menade du '{meant}'? Rätta namnet i filen. "
            "Är det en ny enhet, välj det när filen laddas upp (på kommandoraden: --new-units); den räknas då under "
            "'Ej placerad' tills en organisationsfil placerar den.")


def test_a_misspelled_unit_refuses_the_file_naming_the_unit_it_probably_means(org):
    assert refused(org, MISSPELLED) == [
        refusal("Utredning barn och ung 1", "2, 4", "Utredning barn och unga 1 (4722)"),
        refusal("Boendstöd", "3", "Boendestöd (4733)"),
    ]
    assert reported(org, "recruitment_need", "2025-03") == {}


def test_new_units_imports_them_under_ej_placerad_without_touching_the_unit_they_resemble(org):
    parsed = read(org, MISSPELLED, new_units=True)
    assert parsed.ok
    assert [(u.name, u.suggestion.name) for u in parsed.unknown_units] == [
        ("Utredning barn och ung 1", "Utredning barn och unga 1"), ("Boendstöd", "Boendestöd")]
    load(org, MISSPELLED, new_units=True)
    values = figures(org)
    assert values["enhet", "Utredning barn och ung 1", "2025-03", "recruitment_need"] == pytest.approx(3)
    assert values["enhet", "Utredning barn och unga 1", "2025-03", "recruitment_need"] is None
    assert values["avdelning", "Ej placerad", "2025-03", "recruitment_need"] == pytest.approx(3)
    assert values["avdelning", "Barn och unga", "2025-03", "recruitment_need"] == pytest.approx(1)
    assert values["förvaltning", "Socialförvaltningen", "2025-03", "recruitment_need"] == pytest.approx(4)

    # Decided once: the next file with the same names is read without asking again.
    again = csv_bytes([RECRUITMENT, ["Utredning barn och ung 1", "2025-04", 1, 1, 0]])
    assert read(org, again).ok
    load(org, again)
    assert figures(org)["enhet", "Utredning barn och ung 1", "2025-04", "recruitment_need"] == pytest.approx(1)


def test_a_unit_with_no_close_match_is_imported_under_ej_placerad_as_before(org):
    content = csv_bytes([RECRUITMENT, ["Kvinnofridsteamet", "2025-03", 2, 1, 0],
                         ["Boendestöd", "2025-03", 1, 0, 0]])
    parsed = read(org, content)
    assert parsed.ok
    assert [(u.name, u.suggestion) for u in parsed.unknown_units] == [("Kvinnofridsteamet", None)]
    load(org, content)
    values = figures(org)
    assert values["avdelning", "Ej placerad", "2025-03", "recruitment_need"] == pytest.approx(2)
    assert values["förvaltning", "Socialförvaltningen", "2025-03", "recruitment_need"] == pytest.approx(3)
    assert units_of(org) == CODED_UNITS | {"Kvinnofridsteamet"}


def test_a_known_code_wins_over_a_misspelled_name(org):
    content = csv_bytes([["Enhetskod", *RECRUITMENT], ["4722", "Utredning barn och ung 1", "2025-03", 3, 1, 1]])
    load(org, content)
    assert figures(org)["enhet", "Utredning barn och unga 1", "2025-03", "recruitment_need"] == pytest.approx(3)
    assert units_of(org) == CODED_UNITS


def test_an_unknown_code_with_a_known_name_asks_which_unit_it_is(org):
    content = csv_bytes([["Enhetskod", *RECRUITMENT], ["4799", "Boendestöd", "2025-03", 1, 0, 0]])
    assert refused(org, content) == [
        "Rad 2: Enhetskoden 4799 finns inte i organisationen, men namnet 'Boendestöd' är Boendestöd (4733) där. "
        "Rätta koden i filen. Är det en ny enhet, välj det när filen laddas upp (på kommandoraden: --new-units); "
        "den räknas då under 'Ej placerad' tills en organisationsfil placerar den."]


def test_the_unit_chosen_for_a_name_is_remembered_for_the_next_file(org):
    units.remember_choices(org, {"Utredning barn och ung 1": Unit("Utredning barn och unga 1", "4722"),
                                 "Boendstöd": None}, "hr")
    parsed = read(org, MISSPELLED)
    assert parsed.ok, [str(p) for p in parsed.problems]
    assert ("'Utredning barn och ung 1' lästes som Utredning barn och unga 1 (4722), som valts för det namnet."
            in parsed.notices)
    load(org, MISSPELLED)
    values = figures(org)
    assert values["enhet", "Utredning barn och unga 1", "2025-03", "recruitment_need"] == pytest.approx(3)
    assert values["avdelning", "Barn och unga", "2025-03", "recruitment_need"] == pytest.approx(4)  # 3 + 1
    assert values["enhet", "Boendstöd", "2025-02", "recruitment_need"] == pytest.approx(1)  # a new unit
    assert units_of(org) == CODED_UNITS | {"Boendstöd"}
