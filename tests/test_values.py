"""Reading one cell: numbers, months, genders and age groups as people write them."""

import datetime as dt

import pytest

from hrdash import swedish
from hrdash.errors import UserError
from hrdash.ingest.values import (is_serial, parse_age_group, parse_gender, parse_month, parse_month_of_year,
                                 parse_number, parse_serial_month)

MARCH = dt.date(2025, 3, 1)


@pytest.mark.parametrize(
    "text,number",
    [("12", 12), ("12,5", 12.5), ("1 234", 1234), ("1\u00a0234,5", 1234.5), ("1\u202f234,5", 1234.5),
     ("1.234,5", 1234.5), ("1,234.5", 1234.5), ("1234.5", 1234.5), ("1 234 567,25", 1234567.25),
     ("1,234,567", 1234567), (" 7 ", 7), ("−3", -3), ("100 000 kr", 100000), (12.5, 12.5), (3, 3)],
)
def test_numbers(text, number):
    assert parse_number(text) == number


def test_a_dot_with_three_digits_is_a_thousands_separator_in_counts():
    assert parse_number("1.234", whole=True) == 1234
    assert parse_number("1.234") == pytest.approx(1.234)


@pytest.mark.parametrize("text", ["tolv", "12,5,3", "1.2.3", "12 %", "", True, dt.date(2025, 3, 1)])
def test_not_numbers(text):
    with pytest.raises(UserError):
        parse_number(text)


@pytest.mark.parametrize(
    "value",
    ["2025-03", "202503", "2025-03-01", "2025-03-31", "mars 2025", "Mars 2025", "mar 2025", "March 2025",
     "Mar 2025", "2025-03-01 00:00:00", "2025/03", "03/2025", "mars-25", "2025 mars", 202503, 202503.0,
     dt.date(2025, 3, 1), dt.datetime(2025, 3, 15, 0, 0)],
)
def test_month_shapes(value):
    assert parse_month(value) == MARCH


@pytest.mark.parametrize("value", ["2025-13", "2025-02-30", "mars", "202513", "1850-03", "vår 2025", 45000])
def test_not_months(value):
    with pytest.raises(UserError):
        parse_month(value)


def test_year_and_month_columns():
    assert parse_month_of_year(3, 2025) == MARCH
    assert parse_month_of_year("mars", "2025") == MARCH
    with pytest.raises(UserError):
        parse_month_of_year(13, 2025)


@pytest.mark.parametrize("text,gender", [("Kvinna", "kvinna"), ("kvinnor", "kvinna"), ("K", "kvinna"),
                                         ("Female", "kvinna"), ("Man", "man"), ("Män", "man"), ("M", "man")])
def test_genders(text, gender):
    assert parse_gender(text) == gender


@pytest.mark.parametrize(
    "text,group",
    [("-29", "-29"), ("29 år eller yngre", "-29"), ("<30", "-29"), ("18-29", "-29"), ("30-49", "30-49"),
     ("30–49 år", "30-49"), ("50-", "50-"), ("50+", "50-"), ("50 år eller äldre", "50-"), ("≥50", "50-")],
)
def test_age_groups(text, group):
    assert parse_age_group(text) == group


@pytest.mark.parametrize("text", ["40-59", "ung", "30"])
def test_unknown_age_groups(text):
    with pytest.raises(UserError):
        parse_age_group(text)


def test_swedish_formats():
    assert swedish.percent(12.5) == "12,5\u00a0%"
    assert swedish.number(1234567.891, 1) == "1\u00a0234\u00a0567,9"
    assert swedish.number(-0.04, 1) == "0,0"
    assert swedish.number(-2.5, 1) == "\u22122,5"
    assert swedish.points(-0.6) == "\u22120,6 procentenheter"
    assert swedish.month_name(MARCH) == "mars 2025"
    assert swedish.month_name(dt.date(2026, 10, 1), short=True) == "okt 2026"
    assert swedish.percent(None) == "–"
    assert swedish.date(dt.date(2026, 11, 23)) == "23 november 2026"


@pytest.mark.parametrize(
    "text,holds,number",
    [("8 977,5 tim", "hours", 8977.5), ("7 523 h", "hours", 7523), ("160 timmar", "hours", 160),
     ("42 st", "count", 42), ("12 pers", "count", 12), ("125 000,00 kr", "sek", 125000), ("95 000 SEK", "sek", 95000),
     ("3,5 åa", "fte", 3.5), ("20 tjänster", "fte", 20)],
)
def test_a_unit_after_a_number_is_dropped_where_it_is_what_the_column_holds(text, holds, number):
    assert parse_number(text, holds=holds) == number


@pytest.mark.parametrize(
    "text,holds,message",
    [("42 tim", "count", "har enheten 'tim', men kolumnen ska innehålla ett antal. Kontrollera att kolumnerna inte "
                         "bytt plats."),
     ("8 977,5 st", "hours", "har enheten 'st', men kolumnen ska innehålla timmar. Kontrollera att kolumnerna inte "
                             "bytt plats."),
     ("125 tkr", "sek", "är angivet i tkr (tusentals eller miljoner kronor). Skriv beloppet i kronor, t.ex. 125 000."),
     ("3 dagar", "hours", "är angivet i dagar. hrdash behöver timmar: ta ut timmarna ur lönesystemet."),
     ("5,1 %", "hours", "är en procentsats. hrdash behöver de tal procenten räknas fram ur (timmar eller antal), "
                        "eftersom procent inte kan läggas ihop till avdelningens och förvaltningens siffror."),
     ("12 apor", "count", "har enheten 'apor', som hrdash inte känner igen. Skriv bara talet."),
     ("#REF!", "hours", "är ett fel från Excel (en formel som pekar på celler som inte finns längre), inte ett tal. "
                        "Rätta formeln i Excel eller skriv in talet, och spara filen igen.")],
)
def test_a_unit_that_is_not_what_the_column_holds_says_what_it_is(text, holds, message):
    with pytest.raises(UserError) as refused:
        parse_number(text, holds=holds)
    assert refused.value.message == message


@pytest.mark.parametrize("value", ["2025-03-01 - 2025-03-31", "2025-03-01 – 2025-03-31", "2025-03-01 till 2025-03-31",
                                   "2025-03-01 t.o.m. 2025-03-31"])
def test_a_day_range_within_one_month_is_that_month(value):
    assert parse_month(value) == MARCH


def test_a_day_range_over_two_months_is_no_month():
    with pytest.raises(UserError) as refused:
        parse_month("2025-01-16 - 2025-02-15")
    assert refused.value.message == (
        "är en period från 2025-01-16 till 2025-02-15, inte en kalendermånad. hrdash tar emot siffror per månad: ta "
        "ut rapporten för en hel månad (t.ex. 2025-01-01 – 2025-01-31).")


@pytest.mark.parametrize("value,month", [(45658, dt.date(2025, 1, 1)), (45717.0, dt.date(2025, 3, 1)),
                                         ("45688", dt.date(2025, 1, 1)), (36526, dt.date(2000, 1, 1))])
def test_an_excel_serial_number_is_the_month_of_its_day(value, month):
    assert is_serial(value)
    assert parse_serial_month(value) == month


@pytest.mark.parametrize("value", [202503, 2025, 45658.5, "4711", True])
def test_numbers_that_are_no_excel_serial_day(value):
    assert not is_serial(value)


@pytest.mark.parametrize(("value", "decimals", "shown"), [
    (12.25, 1, "12,3"),  # an exact half: up, as by hand and in Excel (round-half-even gave 12,2)
    (329 / 20, 1, "16,5"),  # 16,45 as a float is 16,4499…: still the 16,5 a hand calculation gives
    (2.5, 0, "3"), (-2.5, 0, "−3"), (-0.04, 1, "0,0"), (1234.5, 0, "1\u00a0235"), (7.0, 1, "7,0"),
])
def test_figures_are_rounded_half_away_from_zero_as_by_hand(value, decimals, shown):
    from hrdash import swedish

    assert swedish.number(value, decimals) == shown


def test_a_card_keeps_one_scale_and_one_precision():
    from hrdash.figures.series import Card

    cost = Card("consultant_cost_sek", 899_000, 887_000, 1_612_000, None, "")
    assert (cost.text, swedish_together(cost, 1_612_000), swedish_together(cost, 12_000)) == (
        "899\u00a0tkr", "1\u00a0612\u00a0tkr", "12\u00a0tkr")
    vacant = Card("vacancies", 8.0, 7.5, 24.5, None, "")
    assert (vacant.text, swedish_together(vacant, 24.5), swedish_together(vacant, 16.5)) == (
        "8,0", "24,5 tjänster", "16,5 tjänster")
    whole = Card("vacancies", 8.0, 7.0, 24.0, None, "")
    assert (whole.text, swedish_together(whole, 1.0)) == ("8", "1 tjänst")


def swedish_together(card, value):
    from hrdash.figures.format import together

    return together(card.indicator_id, value, card.value, card.figures)
