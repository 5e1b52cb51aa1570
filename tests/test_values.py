"""Reading one cell: numbers, months, genders and age groups as people write them."""

import datetime as dt

import pytest

from hrdash import swedish
from hrdash.errors import UserError
from hrdash.ingest.values import parse_age_group, parse_gender, parse_month, parse_month_of_year, parse_number

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
