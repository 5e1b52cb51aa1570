"""Rows that look like units but are not: footers, subtotals of a pivot table, rows named after the
förvaltning or an avdelning. They never reach the committee as units: each is left out with a
notice, or the file is refused with a message that says what the row is (issue 12, class 1)."""

import datetime as dt

import pytest
from conftest import CODED_UNITS, csv_bytes, figures, load, read, refused, reported, units_of, xlsx_bytes

VACANCY = ["Enhet", "Månad", "Budgeterade tjänster", "Besatta tjänster"]
RECRUITMENT = ["Enhet", "Månad", "Rekryteringsbehov", "Pågående rekryteringar", "Tillsatta"]
SICK = ["Enhet", "Månad", "Anställda", "Ordinarie timmar", "Sjuktimmar", "Varav dag 1-14", "Varav 60 dagar eller mer"]


@pytest.mark.parametrize("footer", [
    ["Utskriftsdatum", dt.datetime(2025, 4, 2)],  # the date in the month column
    [None, "Utskriftsdatum", "2025-04-02"],  # the text in the month column, the date under a figure
    [None, "Utskriven 2025-04-02 av Visma"],
    [None, None, "Sida 1 av 1"],
])
def test_a_report_footer_is_left_out_with_a_notice(org, footer):
    rows = [["Vakanser per enhet, mars 2025"], [], VACANCY,
            ["Ekonomiskt bistånd", "2025-03", 20, 18],
            ["Familjebehandling", "2025-03", 15, 14],
            ["Beroendeenheten", "2025-03", 12, 12],
            [], footer]
    content = xlsx_bytes({"Vakanser": rows})
    parsed = read(org, content, "vakanser.xlsx")
    assert parsed.ok, [str(p) for p in parsed.problems]
    label = next(c for c in footer if isinstance(c, str))
    assert (f"Bladet 'Vakanser': rad 8 ('{label}') har inga siffror och importerades inte (rubrik-, fot- eller "
            "tomma rader).") in parsed.notices
    load(org, content, "vakanser.xlsx")
    values = figures(org)
    # (20 - 18) + (15 - 14) + (12 - 12) = 3 of 47 budgeted positions
    assert values["förvaltning", "Socialförvaltningen", "2025-03", "vacancies"] == pytest.approx(3)
    assert values["förvaltning", "Socialförvaltningen", "2025-03", "vacancy_rate_pct"] == pytest.approx(3 / 47 * 100)
    assert reported(org, "vacancies", "2025-03") == {"Ekonomiskt bistånd": 2, "Familjebehandling": 1,
                                                      "Beroendeenheten": 0}
    assert units_of(org) == CODED_UNITS


def test_pivot_table_subtotals_labelled_in_the_avdelning_column_are_left_out(org):
    rows = [["Avdelning", *VACANCY],
            ["IFO", "Ekonomiskt bistånd", "2025-03", 20, 18],
            [None, "Familjebehandling", "2025-03", 15, 14],
            ["IFO Summa", None, None, 35, 32],
            ["Vuxen", "Beroendeenheten", "2025-03", 12, 12],
            [None, "Boendestöd", "2025-03", 8, 6],
            ["Vuxen Summa", None, None, 20, 18],
            ["Totalsumma", None, None, 55, 50]]
    content = xlsx_bytes({"Pivot": rows})
    parsed = read(org, content, "pivot.xlsx")
    assert parsed.ok, [str(p) for p in parsed.problems]
    assert ("Bladet 'Pivot': raderna 4 ('IFO Summa'), 7 ('Vuxen Summa'), 8 ('Totalsumma') ser ut att vara summa- "
            "eller fotrader och importerades inte – summor räknas fram i hrdash.") in parsed.notices
    load(org, content, "pivot.xlsx")
    values = figures(org)
    # 2 + 1 + 0 + 2 = 5, not 15 with the three sums counted as units
    assert values["förvaltning", "Socialförvaltningen", "2025-03", "vacancies"] == pytest.approx(5)
    assert values["avdelning", "IFO", "2025-03", "vacancies"] == pytest.approx(3)
    assert values["avdelning", "Vuxen", "2025-03", "vacancy_rate_pct"] == pytest.approx(2 / 20 * 100)
    assert reported(org, "vacancies", "2025-03") == {"Ekonomiskt bistånd": 2, "Familjebehandling": 1,
                                                      "Beroendeenheten": 0, "Boendestöd": 2}
    assert units_of(org) == CODED_UNITS
    assert units_of(org, "avdelning") == {"IFO", "Barn och unga", "Vuxen"}


def test_rows_named_after_the_forvaltning_and_its_avdelningar_are_their_sums_and_left_out(org):
    rows = [RECRUITMENT,
            ["Socialförvaltningen", "2025-03", 6, 4, 2],
            ["IFO", "2025-03", 4, 3, 1],
            ["Ekonomiskt bistånd", "2025-03", 3, 2, 1],
            ["Familjebehandling", "2025-03", 1, 1, 0],
            ["Vuxen", "2025-03", 2, 1, 1],
            ["Beroendeenheten", "2025-03", 2, 1, 1]]
    parsed = read(org, csv_bytes(rows))
    assert parsed.ok, [str(p) for p in parsed.problems]
    assert ("Raderna 2 ('Socialförvaltningen'), 3 ('IFO'), 6 ('Vuxen') har namn efter organisationens avdelningar "
            "eller förvaltning och är inga enheter; var och en är summan av sina enheter i filen och importerades "
            "inte – summor räknas fram i hrdash.") in parsed.notices
    load(org, csv_bytes(rows))
    values = figures(org)
    # 3 + 1 + 2 = 6, not 18 with the förvaltning's and the avdelningar's rows counted as units
    assert values["förvaltning", "Socialförvaltningen", "2025-03", "recruitment_need"] == pytest.approx(6)
    assert values["avdelning", "IFO", "2025-03", "recruitment_need"] == pytest.approx(4)
    assert values["avdelning", "Vuxen", "2025-03", "recruitments_ongoing"] == pytest.approx(1)
    assert reported(org, "recruitment_need", "2025-03") == {"Ekonomiskt bistånd": 3, "Familjebehandling": 1,
                                                             "Beroendeenheten": 2}
    assert units_of(org) == CODED_UNITS
    assert "Ej placerad" not in units_of(org, "avdelning")


def test_an_avdelning_row_that_is_not_the_sum_of_its_units_refuses_the_file_saying_what_it_is(org):
    rows = [RECRUITMENT,
            ["IFO", "2025-03", 5, 3, 1],
            ["Ekonomiskt bistånd", "2025-03", 3, 2, 1],
            ["Familjebehandling", "2025-03", 1, 1, 0],
            ["Vuxen", "2025-03", 2, 1, 1]]
    problems = refused(org, csv_bytes(rows))
    assert problems == [
        "Rad 2: Raden 'IFO' är avdelningen IFO, ingen enhet i organisationen, och dess siffror är inte summan av "
        "enheterna i filen (rekryteringsbehov 5 mot enheternas 4). hrdash tar emot siffror per enhet och räknar fram "
        "avdelningens och förvaltningens: ta bort raden om den är en summa, eller lägg in enheten i "
        "organisationsfilen om det är en enhet.",
        "Rad 5: Raden 'Vuxen' är avdelningen Vuxen, ingen enhet i organisationen, och filen har inga rader för dess "
        "enheter att jämföra med. hrdash tar emot siffror per enhet och räknar fram avdelningens och "
        "förvaltningens: ta bort raden om den är en summa, eller lägg in enheten i organisationsfilen om det är en "
        "enhet.",
    ]
    assert not any("Skriv 0" in p for p in problems)


def test_a_total_row_without_a_label_is_left_out_when_it_is_the_sum_of_the_rows_above(org):
    rows = [SICK,
            ["Ekonomiskt bistånd", "2025-03", 12, 2000, 160, 60, 80],
            ["Familjebehandling", "2025-03", 12, 2000, 100, 40, 0],
            [None, "2025-03", 24, 4000, 260, 100, 80]]
    parsed = read(org, csv_bytes(rows))
    assert parsed.ok, [str(p) for p in parsed.problems]
    assert "Rad 4 ser ut att vara en summa- eller fotrad och importerades inte – summor räknas fram i hrdash." in (
        parsed.notices)
    load(org, csv_bytes(rows))
    # (160 + 100) / (2000 + 2000): the sum row not counted again, nor taken for Familjebehandling
    assert figures(org)["avdelning", "IFO", "2025-03", "sick_leave_pct"] == pytest.approx(6.5)


def test_figures_without_a_unit_that_are_no_sum_are_refused_never_dropped(org):
    rows = [SICK,
            ["Ekonomiskt bistånd", "2025-03", 12, 2000, 160, 60, 80],
            [],
            [None, "2025-03", 10, 1600, 40, 0, 0]]
    assert refused(org, csv_bytes(rows)) == ["Rad 4, kolumn A ('Enhet'): Cellen är tom men 'enhet' måste fyllas i."]
