"""Reading the cells of one column: texts, months, numbers and the columns of fixed words (gender,
age group, tertial, question, reason, topic, status), each cell that cannot be read a problem
naming it.

Column by column, not row by row: a 90 000-row export has 700 000 cells, so each distinct text
is parsed once and a column of numbers straight from Excel is checked all at once.
(hrdash/ingest/values.py reads one cell; this module reads a column of them.)
"""

from __future__ import annotations

import datetime as dt
import re

import numpy as np

from hrdash import swedish
from hrdash.errors import UserError
from hrdash.ingest import values
from hrdash.ingest.columns import (AGE_GROUP, COUNT, GENDER, MONTH, QUESTION, REASON, STATUS, TERTIAL, TEXT, TOPIC,
                                   VALUE_TYPES, Column)
from hrdash.ingest.messages import RowProblems, notice
from hrdash.ingest.values import cell_text, is_empty

# Columns of fixed words, each parsed once per distinct value.
PARSERS = {GENDER: values.parse_gender, AGE_GROUP: values.parse_age_group, TERTIAL: values.parse_tertial,
           QUESTION: values.parse_question, REASON: values.parse_reason, TOPIC: values.parse_topic,
           STATUS: values.parse_status}
# Of those, the ones whose empty cell is refused even where the column is optional: a row split by
# gender must say which; a measure without a status just has none.
BLANK_REFUSED = {GENDER, AGE_GROUP, TERTIAL, QUESTION, REASON}


def map_distinct(function, cells: list) -> list:
    """`function` applied to each value, computed once per distinct value: unit names, months and
    labels repeat on every row. Values of different types never share a result (1 is not '1')."""
    if len({value.__class__ for value in cells}) <= 1:
        results = {value: function(value) for value in set(cells)}
        return [results[value] for value in cells]
    keyed = [(value.__class__, value) for value in cells]
    results = {key: function(key[1]) for key in set(keyed)}
    return [results[key] for key in keyed]


def read_column(column: Column, cells: list, years: list | None, numbers: list[int], index: int,
                problems: RowProblems) -> list:
    """The values of one column's cells (None where empty or refused), by what the column holds."""
    if column.type == MONTH:
        return _parse_months(cells, years, numbers, index, column, problems)
    if column.type == TEXT:
        return _parse_texts(cells, numbers, index, column, problems)
    if column.type in PARSERS:
        return _parse_cached(cells, numbers, index, column, problems, PARSERS[column.type])
    return _parse_numbers(cells, numbers, index, column, problems)


def missing(column: Column) -> str:
    if column.type not in VALUE_TYPES:
        return f"Cellen är tom men '{column.canonical}' måste fyllas i."
    return f"Cellen är tom men '{column.canonical}' måste fyllas i. Skriv 0 om det inte finns något att rapportera."


def _parse_texts(cells, numbers, index, column, problems) -> list[str | None]:
    out = map_distinct(lambda v: None if is_empty(v) else re.sub(r"\s+", " ", cell_text(v)).strip(), cells)
    if column.required:
        for value, number in zip(out, numbers):
            if value is None:
                problems.add(number, index, None, missing(column))
    return out


_EMPTY = object()  # a cell with nothing in it, as a parse result


def _parse_cached(cells, numbers, index, column, problems, parse) -> list[object]:
    """Parse each distinct value once: months, genders and age groups repeat on every row."""

    def attempt(value):
        if is_empty(value):
            return _EMPTY
        try:
            return parse(value)
        except UserError as error:
            return error

    out = map_distinct(attempt, cells)
    for position, result in enumerate(out):
        if result is _EMPTY:
            if column.required or column.type in BLANK_REFUSED:
                problems.add(numbers[position], index, None, missing(column))
            out[position] = None
        elif result.__class__ is UserError:
            problems.add(numbers[position], index, cells[position], str(result))
            out[position] = None
    return out


def _month_or_serial(value: object) -> dt.date:
    """A month in any accepted shape, or an Excel date that lost its format (45658 is 2025-01-01)."""
    try:
        return values.parse_month(value)
    except UserError:
        if values.is_serial(value):
            return _Serial.of(value)
        raise


class _Serial(dt.date):
    """A month read from an Excel serial number: a date, marked so the file gets a notice."""

    @classmethod
    def of(cls, value: object) -> dt.date:
        month = values.parse_serial_month(value)
        return cls(month.year, month.month, 1)


def _parse_months(cells, years, numbers, index, column, problems) -> list[object]:
    if years is None:
        out = _parse_cached(cells, numbers, index, column, problems, _month_or_serial)
        serial = next((cells[i] for i, m in enumerate(out) if m.__class__ is _Serial), None)
        if serial is not None:
            first = values.parse_serial_month(serial)
            notice(problems.parsed, problems.sheet,
                   f"kolumnen {problems.column(index)} har månader som tal (t.ex. {cell_text(serial)}): de lästes som "
                   f"Excels datumnummer ({cell_text(serial)} är {swedish.month_name(first)}). Formatera kolumnen "
                   "som datum i Excel för att se dem.")
            out = [dt.date(m.year, m.month, 1) if m.__class__ is _Serial else m for m in out]
        return out
    out: list[object] = []
    for value, year, number in zip(cells, years, numbers):
        if is_empty(value):
            problems.add(number, index, None, missing(column))
            out.append(None)
            continue
        try:
            out.append(values.parse_month_of_year(value, year))
        except UserError as error:
            problems.add(number, index, value, str(error))
            out.append(None)
    return out


def _parse_numbers(cells, numbers, index, column, problems):
    """Numbers >= 0, and whole where the column counts people or positions; a problem quotes the
    cell as it is written. A column of numbers straight from Excel is checked all at once."""
    whole = column.type == COUNT
    if cells and all(value.__class__ is float for value in cells):
        parsed = np.array(cells, dtype=float)
        for position in np.flatnonzero(parsed < 0):
            problems.add(numbers[position], index, cells[position], "är negativt. Ange 0 eller ett större tal.")
        if whole:
            for position in np.flatnonzero((parsed >= 0) & (parsed % 1 != 0)):
                problems.add(numbers[position], index, cells[position],
                             "är inte ett heltal. Antal ska anges i hela tal.")
        return parsed
    out: list[float | None] = []
    texts: dict[str, float | UserError] = {}  # each distinct text parsed once
    for value, number in zip(cells, numbers):
        if value.__class__ is not float and is_empty(value):
            if column.required:
                problems.add(number, index, None, missing(column))
            out.append(None)
            continue
        if value.__class__ is float:
            parsed = value
        else:
            parsed = texts.get(value) if value.__class__ is str else None
            if parsed is None:
                try:
                    parsed = values.parse_number(value, whole=whole, holds=column.type)
                except UserError as error:
                    parsed = error
                if value.__class__ is str:
                    texts[value] = parsed
            if parsed.__class__ is UserError:
                problems.add(number, index, value, str(parsed))
                out.append(None)
                continue
        if parsed < 0:
            problems.add(number, index, value, "är negativt. Ange 0 eller ett större tal.")
        elif whole and not float(parsed).is_integer():
            problems.add(number, index, value, "är inte ett heltal. Antal ska anges i hela tal.")
        out.append(parsed)
    return out
