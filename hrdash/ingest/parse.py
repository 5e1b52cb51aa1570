"""File -> validated, normalised rows ready to store, or the list of problems that refuse it.

Nothing here touches the database: `parse_file` is pure, so the upload page can preview a
file and the CLI can refuse it before a transaction is opened. What it needs to know about the
organisation (its units, codes, avdelningar and förvaltningar, and the choices HR made for
names it does not know) comes in as data (`units`, hrdash/ingest/units.py).

Never a wrong figure: a row that looks like a unit but is a sum, a heading or a footer is left
out with a notice or refuses the file with a message saying what it is; a row with figures is
never dropped silently; a blank unit cell is taken from the row above only when the row is data.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from hrdash import swedish
from hrdash.catalogue import QUESTIONS, REASONS
from hrdash.errors import Problem, UserError, row_ranges
from hrdash.ingest import shapes, values
from hrdash.ingest.columns import (
    AGE_GROUP,
    COUNT,
    FTE,
    GENDER,
    HOURS,
    KINDS,
    MEAN,
    MONTH,
    ORGANISATION,
    QUESTION,
    REASON,
    SEK,
    TERTIAL,
    TEXT,
    YEAR,
    Column,
    Kind,
)
from hrdash.ingest.headers import HeaderMatch, detect_kinds, match_header, normalize_header, normalize_unit_key, signature
from hrdash.ingest.layout import Layout, find_layout
from hrdash.ingest.model import HeaderRow, ParsedFile, Part, UnknownUnit, column_letter
from hrdash.ingest.reading import Sheet, read_sheets
from hrdash.ingest.units import KnownUnits, Resolution, Unit
from hrdash.ingest.values import cell_text, is_empty

__all__ = ["HeaderRow", "ParsedFile", "Part", "UnknownUnit", "column_letter", "parse_file"]

_TOTAL_LABEL = re.compile(
    r"^(totalt?|summa|sum|totalsumma|slutsumma|delsumma|summering|samtliga( enheter)?|alla( enheter)?"
    r"|hela förvaltningen|σ)\b"
    r"|\s(totalt|summa|total|totalsumma|delsumma)$",
    re.IGNORECASE,
)
VALUE_TYPES = (COUNT, HOURS, FTE, SEK, MEAN)
# Columns of a data file that say where a unit sits: never read, but a subtotal row may carry its
# label there ('IFO Summa'), and a blank one is filled from the row above with the unit.
_PLACE_HEADERS = {normalize_header(h) for h in ("Avdelning", "Verksamhet", "Department", "Förvaltning",
                                                "Administration", "Sektor", "Verksamhetsområde", "Område")}
_EPSILON = 1e-6


def parse_file(
    content: bytes,
    file_name: str,
    kind: Kind | None = None,
    overrides: dict[str, str] | None = None,
    units: KnownUnits | None = None,
    new_units: bool = False,
) -> ParsedFile:
    """Read, map, validate and normalise a whole file.

    `kind` forces the kind instead of detecting it from the header; `overrides` maps a header
    text to a canonical column (the upload page's hand mapping); `units` is the organisation
    as hrdash knows it (None: names are not checked); `new_units` accepts unit names the
    organisation does not know even where one it knows is close (they are still listed in
    `unknown_units`, for the upload page to ask about).
    """
    parsed = ParsedFile(file_name, hashlib.sha256(content).hexdigest())
    try:
        sheets = read_sheets(content, file_name)
    except UserError as error:
        parsed.problems.append(Problem(str(error)))
        return parsed
    for sheet in sheets:
        if sheet.note:
            parsed.notices.append(sheet.note)
        if sheet.hidden:
            parsed.notices.append(f"Bladet '{sheet.name}' är dolt och lästes inte in. Visa bladet i Excel om "
                                  "det ska importeras.")
    visible = [sheet for sheet in sheets if not sheet.hidden]
    incomplete: list[tuple[Kind, str | None, list[Problem]]] = []
    for sheet in visible:
        _parse_sheet(sheet, parsed, kind, overrides or {}, single=len(visible) == 1, incomplete=incomplete,
                     units=units)
    # A sheet that only looks like data (a summary by avdelning, say) is passed over when another
    # sheet of the workbook holds that kind completely; otherwise its missing columns refuse the file.
    for sheet_kind, sheet_name, problems in incomplete:
        if sheet_kind in parsed.kinds:
            _notice(parsed, sheet_name, f"liknar {sheet_kind.name} men saknar kolumner som behövs och lästes inte in.")
        else:
            parsed.problems.extend(problems)
    if not parsed.parts and not parsed.problems:
        wanted = kind.name if kind else "någon filtyp"
        parsed.problems.append(
            Problem(
                f"Hittade ingen rubrikrad med kolumner för {wanted}. Filen ska ha en rad med kolumnnamn "
                "som enhet, månad och uppgifterna, t.ex. anställda, ordinarie_timmar, sjuktimmar. "
                "Se sidan Om siffrorna för alla kolumnnamn."
            )
        )
    known = _with_own_organisation(units, parsed)
    if known:
        _resolve_units(parsed, known, new_units)
    for data_kind in parsed.kinds:
        _check_unique(parsed, data_kind)
    parsed.problems = in_order(parsed.problems, [s.name for s in sheets])
    return parsed


def _with_own_organisation(units: KnownUnits | None, parsed: ParsedFile) -> KnownUnits | None:
    """The organisation's names, and those of an organisation sheet in the file itself."""
    if units is None:
        return None
    own = parsed.frame(ORGANISATION)
    if own.empty or parsed.problems:
        return units
    return units.with_units([Unit(r.unit_name, r.unit_code, r.department, r.administration)
                             for r in own.itertuples() if isinstance(r.unit_name, str)])


def _parse_sheet(sheet: Sheet, parsed: ParsedFile, forced: Kind | None, overrides: dict[str, str], single: bool,
                 incomplete: list[tuple[Kind, str | None, list[Problem]]], units: KnownUnits | None) -> None:
    personnummer = shapes.personnummer_problem(sheet.name, sheet.rows)
    if personnummer:
        parsed.problems.append(personnummer)  # nothing else of a sheet about persons is read or repeated
        return
    layout = find_layout(sheet.rows, overrides)
    if layout is None:
        if not single and any(not is_empty(c) for row in sheet.rows for c in row):
            parsed.notices.append(f"Bladet '{sheet.name}' har ingen rubrikrad med kända kolumner och lästes inte in.")
        return
    header = layout.names
    header_row = layout.bottom + 1
    found = HeaderRow(sheet.name, header_row, {column_letter(i): text for i, text in enumerate(header) if text},
                      signature(header))
    parsed.headers.append(found)
    body = sheet.rows[layout.bottom + 1:]
    numbers = list(range(layout.bottom + 2, layout.bottom + 2 + len(body)))
    person_list = shapes.person_list_problem(sheet.name, header, header_row)
    if person_list:
        parsed.problems.append(person_list)
        return
    if layout.months:
        _months_as_columns(sheet, layout, body, numbers, parsed, forced, overrides, units, found)
        return
    kinds = [forced] if forced else detect_kinds(header, overrides)
    if not kinds:
        percent = shapes.percent_columns(header, body, set())
        if percent:
            parsed.problems.append(shapes.percent_problem(sheet.name, header, percent, header_row, None))
        return
    used: set[int] = set()
    headers: dict[int, str] = {}
    for kind in kinds:
        match = match_header(header, layout.bottom, kind, overrides)
        headers = match.headers
        used.update(match.columns)
        found.read_as.update({column_letter(i): c.canonical for i, c in match.columns.items()})
        problems = _header_problems(sheet.name, match)
        if problems:
            percent = shapes.percent_columns(header, body, set())
            if percent and match.missing:
                problems = [shapes.percent_problem(sheet.name, header, percent, header_row, kind)]
            incomplete.append((kind, sheet.name, problems))
            continue
        frame = _read_rows(_Table(sheet.name, header, body, numbers), match, parsed, units)
        shares = shapes.hours_as_shares(frame, match.columns)
        if shares:
            parsed.problems.append(shapes.percent_problem(sheet.name, header, shares, header_row, kind))
        parsed.parts.append(Part(kind, sheet.name, header_row, frame))
    ignored = [f"{column_letter(i)} ('{text}')" for i, text in headers.items() if i not in used]
    if ignored:
        columns = f"kolumnerna {', '.join(ignored)}" if len(ignored) > 1 else f"kolumnen {ignored[0]}"
        _notice(parsed, sheet.name, f"{columns} känns inte igen och importeras inte.")


def _months_as_columns(sheet: Sheet, layout: Layout, body: list[list[object]], numbers: list[int],
                       parsed: ParsedFile, forced: Kind | None, overrides: dict[str, str],
                       units: KnownUnits | None, found: HeaderRow) -> None:
    """A sheet with one column (or one group of columns) per month: read as one row per unit and
    month where every month holds all that the kind needs; otherwise refused, naming the shape."""
    width = len(layout.names)
    fixed = [name if index not in layout.months else "" for index, name in enumerate(layout.names)]
    by_month: dict[dt.date, list[int]] = {}
    for index, month in sorted(layout.months.items()):
        by_month.setdefault(month, []).append(index)
    figures = [layout.names[i] for i in layout.months if layout.names[i]]
    single = not figures
    kinds = [forced] if forced else detect_kinds(fixed + figures, overrides)
    kind = kinds[0] if kinds else None
    plans = []
    if kind is not None and kind is not ORGANISATION:
        required = [c for c in kind.columns if c.required and c.type in VALUE_TYPES]
        for month, columns in by_month.items():
            header = list(fixed) + ["månad"]
            for index in columns:
                name = layout.names[index]
                if not name and len(columns) == 1 and len(required) == 1:
                    name = required[0].canonical  # a kind with one figure: the month's one column is it
                header[index] = name
            match = match_header(header, layout.bottom, kind, overrides)
            if _header_problems(sheet.name, match) or match.index_of("månad") != width:
                plans = []
                break
            for index in columns:  # a problem names the month as well as the figure
                if index in match.headers:
                    match.headers[index] = f"{swedish.month_name(month)}, {match.headers[index]}"
            plans.append((month, match))
    header_row = layout.bottom + 1
    if not plans:
        parsed.problems.append(shapes.months_as_columns_problem(sheet.name, list(by_month), header_row, kind, single))
        return
    months_read = []
    for month, match in plans:
        rows = [list(row[:width]) + [None] * (width - len(row)) + [month] for row in body]
        if all(all(is_empty(row[i]) for i in by_month[month]) for row in rows):
            continue  # a month not filled in yet
        found.read_as.update({column_letter(i): c.canonical for i, c in match.columns.items() if i < width})
        frame = _read_rows(_Table(sheet.name, match_names(match, width), rows, numbers), match, parsed, units)
        parsed.parts.append(Part(kind, sheet.name, header_row, frame))
        months_read.append(month)
    if months_read:
        _notice(parsed, sheet.name, f"månaderna står som kolumner ({_month_span(months_read)}); varje enhet och "
                                    "månad lästes som en egen rad.")


def match_names(match: HeaderMatch, width: int) -> list[str]:
    return [match.headers.get(i, "") for i in range(width + 1)]


def _month_span(months: list[dt.date]) -> str:
    months = sorted(months)
    if len(months) == 1:
        return swedish.month_name(months[0])
    return f"{swedish.month_name(months[0])}–{swedish.month_name(months[-1])}"


def _notice(parsed: ParsedFile, sheet: str | None, text: str) -> None:
    parsed.notices.append(f"Bladet '{sheet}': {text}" if sheet is not None else text[0].upper() + text[1:])


def _header_problems(sheet_name: str | None, match: HeaderMatch) -> list[Problem]:
    """Missing required columns and columns that mean the same thing, in a header row."""
    problems = []
    for column in match.missing:
        names = ", ".join(f"'{s}'" for s in (column.canonical, *column.synonyms))
        problems.append(
            Problem(
                f"Kolumnen '{column.canonical}' saknas, och den behövs för {match.kind.name}. "
                f"Lägg till en kolumn med något av namnen {names}.",
                sheet=sheet_name,
                row=match.row_index + 1,
            )
        )
    for column, indexes in match.duplicates:
        columns = " och ".join(f"{column_letter(i)} ('{match.headers[i]}')" for i in indexes)
        problems.append(
            Problem(
                f"Kolumnerna {columns} betyder båda '{column.canonical}'. Ta bort eller byt namn på en av dem.",
                sheet=sheet_name,
                row=match.row_index + 1,
            )
        )
    if match.index_of("år") is not None and match.index_of("månad") is None:
        problems.append(
            Problem("Filen har en kolumn 'år' men ingen 'månad'. Lägg till kolumnen månad (1–12).", sheet=sheet_name,
                    row=match.row_index + 1)
        )
    return problems


class _RowProblems:
    """Collects cell problems for one sheet with the sheet's names and Excel row numbers."""

    def __init__(self, sheet: str, match: HeaderMatch, parsed: ParsedFile):
        self.sheet, self.match, self.parsed = sheet, match, parsed

    def add(self, row: int, index: int | None, value: object, message: str) -> None:
        column = None
        if index is not None:
            column = f"{column_letter(index)} ('{self.match.headers.get(index, '')}')"
        shown = None if value is None else cell_text(value)
        text = f"värdet '{shown}' {message}" if shown not in (None, "") else message
        self.parsed.problems.append(Problem(text[0].upper() + text[1:], self.sheet, int(row), column, shown,
                                            detail=message))


@dataclass
class _Table:
    """The rows under a header: `header` the name of each column, `numbers` each row's number in the sheet."""

    sheet: str | None
    header: list[str]
    rows: list[list[object]]
    numbers: list[int]


class _Dropped:
    """Rows left out of a sheet, by why, for one notice per reason."""

    def __init__(self):
        self.totals: list[tuple[int, str]] = []
        self.empty: list[tuple[int, str]] = []
        self.filled: list[int] = []
        self.filled_places: list[int] = []
        self.filled_months: list[int] = []

    def notices(self, parsed: ParsedFile, sheet: str | None) -> None:
        if self.totals:
            _notice(parsed, sheet, f"{_rows_labelled(self.totals)} ser ut att vara "
                                   f"{'en summa- eller fotrad' if len(self.totals) == 1 else 'summa- eller fotrader'} "
                                   "och importerades inte – summor räknas fram i hrdash.")
        if self.empty:
            _notice(parsed, sheet, f"{_rows_labelled(self.empty)} har inga siffror och importerades inte "
                                   "(rubrik-, fot- eller tomma rader).")
        if self.filled:
            _notice(parsed, sheet, f"enheten var tom på {_rows(self.filled)}, som har siffror; raderna fick enheten "
                                   "från raden ovanför (som i sammanslagna celler eller en pivottabell).")
        if self.filled_places:
            _notice(parsed, sheet, f"avdelning eller förvaltning var tom på {_rows(self.filled_places)}; raderna "
                                   "fick den från raden ovanför (som i sammanslagna celler).")
        if self.filled_months:
            _notice(parsed, sheet, f"månaden var tom på {_rows(self.filled_months)}; raderna fick månaden från "
                                   "raden ovanför, som har samma enhet.")


def _rows(numbers: list[int]) -> str:
    return f"rad {numbers[0]}" if len(numbers) == 1 else f"raderna {row_ranges(numbers)}"


def _rows_labelled(rows: list[tuple[int, str]]) -> str:
    shown = [f"{number} ('{label}')" if label else str(number) for number, label in rows[:8]]
    more = f" och {len(rows) - 8} till" if len(rows) > 8 else ""
    return ("rad " if len(rows) == 1 else "raderna ") + ", ".join(shown) + more


def _read_rows(table: _Table, match: HeaderMatch, parsed: ParsedFile, units: KnownUnits | None) -> pd.DataFrame:
    """The data rows below the header, column by column (a 90 000-row export has 700 000 cells:
    each distinct text is parsed once, numbers from Excel are taken as they are)."""
    kind = match.kind
    problems = _RowProblems(table.sheet, match, parsed)
    body, numbers_all = table.rows, table.numbers
    places = [i for i, text in enumerate(table.header) if i not in match.columns and normalize_header(text) in
              _PLACE_HEADERS]
    wanted = [*match.columns, *places]
    if body and len({len(row) for row in body}) == 1 and len(body[0]) > max(wanted, default=0):
        transposed = list(zip(*body))  # an Excel sheet: every row as wide as the sheet
        cells = {index: list(transposed[index]) for index in wanted}
    else:
        cells = {index: [row[index] if index < len(row) else None for row in body] for index in wanted}
    keep, dropped = _classify_rows(table, match, cells, places, units)
    dropped.notices(parsed, table.sheet)

    numbers = [numbers_all[r] for r in keep]
    data: dict[str, object] = {"source_row": numbers}
    year_index = match.index_of("år")
    for index, column in match.columns.items():
        kept = [cells[index][r] for r in keep]
        if column.type == YEAR:
            continue
        if column.type == MONTH:
            years = [cells[year_index][r] for r in keep] if year_index is not None else None
            data[column.field] = _parse_months(kept, years, numbers, index, column, problems)
        elif column.type == TEXT:
            data[column.field] = _parse_texts(kept, numbers, index, column, problems)
        elif column.type in PARSERS:
            data[column.field] = _parse_cached(kept, numbers, index, column, problems, PARSERS[column.type])
        else:
            data[column.field] = _parse_numbers(kept, numbers, index, column, problems)
    frame = pd.DataFrame(data)
    if "unit_name" in frame:
        frame["unit_key"] = _map_distinct(lambda n: normalize_unit_key(n) if isinstance(n, str) else None,
                                          list(frame["unit_name"]))
    for column in kind.columns:
        if column.field not in frame and column.type != YEAR:
            frame[column.field] = None
    _check_rules(frame, match, problems)
    return frame


def _classify_rows(table: _Table, match: HeaderMatch, cells: dict[int, list], places: list[int],
                   units: KnownUnits | None) -> tuple[list[int], _Dropped]:
    """Which rows are data (their positions), and what the others are.

    Blank rows are skipped. A row labelled as a total (in its unit, month, sub-group or place
    column) is a sum. A row without any figure is a heading or a footer ('Utskriftsdatum |
    2025-04-02'; without a unit, texts and dates in its figure columns are no figures), unless
    it names a known unit: then its empty cells are refused. A row with
    figures but no unit takes the unit of the row above when that row is data (merged cells, a
    pivot table); with nothing above it, it must be a sum of the rows above (else it is refused).
    A blank avdelning or förvaltning of an organisation file is taken from the row above.
    Empty cells that are filled are filled in `cells`.
    """
    kind = match.kind
    body = table.rows
    n = len(body)
    dropped = _Dropped()
    empty = {i: [is_empty(v) for v in column] for i, column in cells.items()}
    labels = [i for i, c in match.columns.items() if c.type not in VALUE_TYPES and c.type != YEAR] + places
    total_like = lambda v: isinstance(v, str) and bool(_TOTAL_LABEL.search(v.strip()))  # noqa: E731
    total_flags = {i: _map_distinct(total_like, cells[i]) for i in labels}
    unit_index, code_index = match.index_of("enhet"), match.index_of("enhetskod")
    month_index = match.index_of(kind.period.canonical) if kind is not ORGANISATION else None
    identity = [i for i in (unit_index, code_index) if i is not None]
    values_at = [i for i, c in match.columns.items() if c.type in VALUE_TYPES]
    sub_keys = [i for i, c in match.columns.items() if c.type in (GENDER, AGE_GROUP, QUESTION, REASON)]
    org_places = [i for i in (match.index_of("avdelning"), match.index_of("förvaltning")) if i is not None]

    keep: list[int] = []
    above = _RowsAbove(cells, values_at, match)
    previous: int | None = None  # the row above, when it is data (or a unit's heading): what a blank unit means

    def kept(r: int) -> None:
        keep.append(r)
        above.add(r, cell_text(cells[month_index][r]) if month_index is not None else None)

    for r in range(n):
        if all(is_empty(c) for c in body[r]):
            previous = None
            continue
        total_at = next((i for i in labels if total_flags[i][r]), None)
        if total_at is not None:
            dropped.totals.append((table.numbers[r], cell_text(cells[total_at][r])))
            previous = None
            continue
        no_unit = all(empty[i][r] for i in identity)
        label = cell_text(cells[unit_index][r]) if not empty[unit_index][r] else _first_text(body[r])
        if kind is ORGANISATION:
            if no_unit:
                dropped.empty.append((table.numbers[r], label))
                continue
            for i in org_places:
                if empty[i][r] and previous is not None and not empty[i][previous]:
                    cells[i][r], empty[i][r] = cells[i][previous], False
                    dropped.filled_places.append(table.numbers[r])
            keep.append(r)
            previous = r
            continue
        given = [i for i in values_at if not empty[i][r]]
        if not given or (no_unit and not any(_is_figure(cells[i][r], match.columns[i].type) for i in given)):
            if not no_unit and units and _names_a_unit(units, cells, r, unit_index, code_index):
                kept(r)  # a known unit's row left empty: its cells are refused, not skipped
                previous = r
                continue
            dropped.empty.append((table.numbers[r], label))
            previous = None if no_unit else r
            continue
        if no_unit:
            month = None if month_index is None or empty[month_index][r] else cell_text(cells[month_index][r])
            if above.is_sum(r, month):  # a total row without a label
                dropped.totals.append((table.numbers[r], ""))
                previous = None
                continue
            if previous is not None and (month_index is None or month is not None):
                for i in (*identity, *places):
                    cells[i][r], empty[i][r] = cells[i][previous], empty[i][previous]
                dropped.filled.append(table.numbers[r])
                kept(r)
                previous = r
                continue
            keep.append(r)  # figures without a unit: refused for its empty unit cell
            previous = None
            continue
        if (month_index is not None and empty[month_index][r] and previous is not None and sub_keys
                and any(not empty[i][r] for i in sub_keys) and not empty[month_index][previous]
                and all(cell_text(cells[i][r]) == cell_text(cells[i][previous]) for i in identity)):
            cells[month_index][r], empty[month_index][r] = cells[month_index][previous], False
            dropped.filled_months.append(table.numbers[r])
        kept(r)
        previous = r
    return keep, dropped


def _first_text(row: list[object]) -> str:
    return next((cell_text(c) for c in row if not is_empty(c)), "")


def _names_a_unit(units: KnownUnits, cells: dict[int, list], r: int, unit_index: int, code_index: int | None) -> bool:
    name = cell_text(cells[unit_index][r]) if not is_empty(cells[unit_index][r]) else ""
    code = cell_text(cells[code_index][r]) if code_index is not None and not is_empty(cells[code_index][r]) else None
    return units.resolve(name, code).status in ("known", "split", "chosen", "new")


def _is_figure(value: object, holds: str) -> bool:
    """Whether a cell holds a figure: a number (with a unit the column allows), or an Excel error
    where a formula stood. A date or a text ('Utskriftsdatum', 'Sida 1') in a figure column of a
    row without a unit is a heading or a footer, not a figure."""
    return values.excel_error(value) is not None or _number(value, holds) is not None


def _number(value: object, holds: str) -> float | None:
    if is_empty(value):
        return None
    try:
        return values.parse_number(value, holds=holds)
    except UserError:
        return None


class _RowsAbove:
    """The data rows read so far, by month, with the sums of their figures kept up as rows come:
    what tells a total row without a label (each figure the sum of the rows above it, of its month
    if it gives one) from data. Each row is summed once, however many rows are checked."""

    def __init__(self, cells: dict[int, list], values_at: list[int], match: HeaderMatch):
        self.cells, self.values_at = cells, values_at
        self.holds = [match.columns[i].type for i in values_at]
        self.rows: dict[str | None, list[int]] = {}  # month as written (None: every month) -> rows
        # month -> (rows summed so far, sum per column; None where a cell is no number)
        self.sums: dict[str | None, tuple[int, list[float | None]]] = {}

    def add(self, r: int, month: str | None) -> None:
        self.rows.setdefault(None, []).append(r)
        if month is not None:
            self.rows.setdefault(month, []).append(r)

    def is_sum(self, r: int, month: str | None) -> bool:
        rows = self.rows.get(month, [])
        if len(rows) < 2:
            return False
        done, sums = self.sums.get(month, (0, [0.0] * len(self.values_at)))
        for k in rows[done:]:
            for j, i in enumerate(self.values_at):
                if sums[j] is not None:
                    part = _number(self.cells[i][k], self.holds[j])
                    sums[j] = None if part is None else sums[j] + part
        self.sums[month] = (len(rows), sums)
        nonzero = False
        for j, i in enumerate(self.values_at):
            value = self.cells[i][r]
            given = _number(value, self.holds[j])
            if given is None:
                if not is_empty(value):
                    return False
                continue
            if sums[j] is None or abs(sums[j] - given) > 0.005 + _EPSILON * abs(given):
                return False
            nonzero = nonzero or given != 0
        return nonzero


# Columns of fixed values, each parsed once per distinct value.
PARSERS = {GENDER: values.parse_gender, AGE_GROUP: values.parse_age_group, TERTIAL: values.parse_tertial,
           QUESTION: values.parse_question, REASON: values.parse_reason}


def _map_distinct(function, values: list) -> list:
    """`function` applied to each value, computed once per distinct value: unit names, months and
    labels repeat on every row. Values of different types never share a result (1 is not '1')."""
    if len({value.__class__ for value in values}) <= 1:
        results = {value: function(value) for value in set(values)}
        return [results[value] for value in values]
    keyed = [(value.__class__, value) for value in values]
    results = {key: function(key[1]) for key in set(keyed)}
    return [results[key] for key in keyed]


def _missing(column: Column) -> str:
    if column.type not in VALUE_TYPES:
        return f"Cellen är tom men '{column.canonical}' måste fyllas i."
    return f"Cellen är tom men '{column.canonical}' måste fyllas i. Skriv 0 om det inte finns något att rapportera."


def _parse_texts(cells, numbers, index, column, problems) -> list[str | None]:
    out = _map_distinct(lambda v: None if is_empty(v) else re.sub(r"\s+", " ", cell_text(v)).strip(), cells)
    if column.required:
        for value, number in zip(out, numbers):
            if value is None:
                problems.add(number, index, None, _missing(column))
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

    out = _map_distinct(attempt, cells)
    for position, result in enumerate(out):
        if result is _EMPTY:
            if column.required or column.type in PARSERS:
                problems.add(numbers[position], index, None, _missing(column))
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
            problems.parsed.notices.append(
                (f"Bladet '{problems.sheet}': k" if problems.sheet is not None else "K")
                + f"olumnen {column_letter(index)} ('{problems.match.headers.get(index, '')}') har månader som tal "
                  f"(t.ex. {cell_text(serial)}): de lästes som Excels datumnummer ({cell_text(serial)} är "
                  f"{swedish.month_name(first)}). Formatera kolumnen som datum i Excel för att se dem.")
            out = [dt.date(m.year, m.month, 1) if m.__class__ is _Serial else m for m in out]
        return out
    out: list[object] = []
    for value, year, number in zip(cells, years, numbers):
        if is_empty(value):
            problems.add(number, index, None, _missing(column))
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
                problems.add(number, index, None, _missing(column))
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


def _check_rules(frame: pd.DataFrame, match: HeaderMatch, problems: _RowProblems) -> None:
    """No "varav" part larger than its total (negative numbers are already refused); means on their scale."""
    index_of = {c.field: i for i, c in match.columns.items()}

    def label(field: str) -> str:
        return f"{column_letter(index_of[field])} ('{match.headers[index_of[field]]}')"

    def rule(parts: list[str], total: str, what: str) -> None:
        if not all(f in index_of for f in (*parts, total)):
            return
        numbers = frame[[*parts, total]].apply(pd.to_numeric, errors="coerce")
        summed = numbers[parts].sum(axis=1, min_count=len(parts))
        broken = (summed > numbers[total] + _EPSILON) & (numbers >= 0).all(axis=1)
        for row, part_sum, whole in zip(frame["source_row"][broken], summed[broken], numbers[total][broken]):
            names = " + ".join(label(f) for f in parts)
            problems.parsed.problems.append(
                Problem(
                    f"{names} är {_fmt(part_sum)}, mer än {label(total)} som är {_fmt(whole)}. {what}",
                    problems.sheet,
                    int(row),
                    ", ".join(column_letter(index_of[f]) for f in (*parts, total)),
                    _fmt(part_sum),
                )
            )

    if match.kind.id == "sick_leave":
        rule(["sick_hours_day_1_14", "sick_hours_60_days"], "sick_hours",
             "Timmarna dag 1–14 och i sjukfall på 60 dagar eller mer är delar av sjuktimmarna och kan inte vara fler.")
        rule(["sick_hours"], "ordinary_hours",
             "Sjuktimmarna kan inte vara fler än de ordinarie timmarna. Kontrollera att kolumnerna inte bytt plats.")
        rule(["repeated_short_absence"], "employees",
             "De med upprepad korttidsfrånvaro är några av de anställda och kan inte vara fler.")
        rule(["healthy_presence"], "employees", "De med frisknärvaro är några av de anställda och kan inte vara fler.")
    if match.kind.id == "pulse":
        rule(["agree"], "answers", "De som instämmer är några av dem som svarat och kan inte vara fler.")
        rule(["answers"], "asked", "De som svarat är några av dem som tillfrågats och kan inte vara fler.")
        if "mean" in index_of:
            means = pd.to_numeric(frame["mean"], errors="coerce")
            off_scale = means.notna() & ((means < 1) | (means > 5))
            for row, mean in zip(frame["source_row"][off_scale], means[off_scale]):
                problems.add(row, index_of["mean"], mean, "ligger utanför skalan 1–5. Ett medelvärde av svaren ska "
                                                          "vara mellan 1 och 5.")
    if match.kind.id == "turnover":
        rule(["internal_moves", "retirements"], "leavers",
             "Interna flyttar och pensionsavgångar är delar av avgångarna och kan inte vara fler.")
    if match.kind.id == "vacancies" and "vacant_positions" in index_of:
        numbers = frame[["budgeted_positions", "filled_positions", "vacant_positions"]].apply(pd.to_numeric, errors="coerce")
        expected = numbers["budgeted_positions"] - numbers["filled_positions"]
        broken = numbers["vacant_positions"].notna() & ((expected - numbers["vacant_positions"]).abs() > 0.005)
        for row, given, wanted in zip(frame["source_row"][broken], numbers["vacant_positions"][broken], expected[broken]):
            problems.add(
                row,
                index_of["vacant_positions"],
                given,
                f"stämmer inte med budgeterade minus besatta tjänster ({_fmt(wanted)}). Rätta någon av de tre kolumnerna.",
            )


def _fmt(value: float) -> str:
    return cell_text(float(value))


# --- Units: which unit of the organisation each row means ------------------------------------------------------


def _resolve_units(parsed: ParsedFile, known: KnownUnits, new_units: bool) -> None:
    """Match every unit cell of the file's data to the organisation: a code and a name in one cell
    ('4711 Familjebehandling') to the unit with that code; a name HR chose a unit for to that unit;
    a row named after an avdelning or förvaltning is a sum (left out when it is the sum of its units
    in the file, else refused); an unknown name close to a known one refuses the file unless
    `new_units` (the upload page asks instead)."""
    unknown: dict[tuple[str, str | None], UnknownUnit] = {}
    groups: list[tuple[int, int, Resolution]] = []  # (part, frame position, resolution)
    for number, part in enumerate(parsed.parts):
        if part.kind is ORGANISATION or part.frame.empty:
            continue
        frame = part.frame
        pairs = list(zip(frame["unit_name"], frame["unit_code"].where(frame["unit_code"].notna(), None)))
        resolved = {pair: known.resolve(pair[0], pair[1]) for pair in set(pairs) if isinstance(pair[0], str)}
        rewritten = {pair: res for pair, res in resolved.items() if res.status in ("split", "chosen")}
        if rewritten:
            names, codes = list(frame["unit_name"]), list(frame["unit_code"])
            for position, pair in enumerate(pairs):
                res = rewritten.get(pair)
                if res is not None:
                    names[position], codes[position] = res.name, res.code
            frame["unit_name"], frame["unit_code"] = names, codes
            frame["unit_key"] = [normalize_unit_key(n) if isinstance(n, str) else None for n in names]
            _unit_notices(parsed, part, rewritten)
        pending = {pair for pair, res in resolved.items() if res.status in ("group", "conflict", "unknown")}
        source_rows = list(frame["source_row"]) if pending else []
        for position, pair in enumerate(pairs if pending else ()):
            if pair not in pending:
                continue
            res, row = resolved[pair], int(source_rows[position])
            if res.status == "group":
                groups.append((number, position, res))
            elif res.status == "conflict":
                parsed.problems.append(Problem(
                    f"Enhetskoden {res.code} är '{res.unit.name}' i organisationen, men namnet '{res.name}' är en "
                    f"annan enhet ({res.suggestion.label}). Rätta koden eller namnet så att de avser samma enhet.",
                    part.sheet, row, None, res.name))
            elif res.status == "unknown":
                key = (normalize_unit_key(res.name), res.code)
                entry = unknown.setdefault(key, UnknownUnit(res.name, key[0], res.code, [], res.suggestion))
                entry.rows.append((part.sheet, row))
    _check_group_rows(parsed, known, groups)
    parsed.unknown_units = list(unknown.values())
    if not new_units:
        for entry in parsed.unknown_units:
            if entry.suggestion is None:
                continue
            sheet = entry.rows[0][0]
            rows = [row for s, row in entry.rows if s == sheet]
            if entry.code and entry.suggestion.key == entry.key:
                what = (f"Enhetskoden {entry.code} finns inte i organisationen, men namnet '{entry.name}' är "
                        f"{entry.suggestion.label} där. Rätta koden i filen.")
            else:
                written = f"'{entry.name}'" + (f" (kod {entry.code})" if entry.code else "")
                what = (f"Enheten {written} finns inte i organisationen. Menade du '{entry.suggestion.label}'? Rätta "
                        "namnet i filen.")
            parsed.problems.append(Problem(
                f"{what} Är det en ny enhet, välj det när filen laddas upp (på kommandoraden: --new-units); den "
                "räknas då under 'Ej placerad' tills en organisationsfil placerar den.",
                sheet, rows[0], None, entry.name, rows=rows if len(rows) > 1 else None))


def _unit_notices(parsed: ParsedFile, part: Part, rewritten: dict[tuple, Resolution]) -> None:
    split = [(pair, res) for pair, res in rewritten.items() if res.status == "split"]
    chosen = [(pair, res) for pair, res in rewritten.items() if res.status == "chosen"]
    if split:
        (written, _), res = sorted(split, key=lambda item: item[0][0])[0]
        shape = "som enhetskoder" if written.strip() == res.code else "med kod och namn i samma cell"
        _notice(parsed, part.sheet, f"enheterna står {shape} (t.ex. '{written}', som är {res.unit.label}); koden "
                                    "kopplar dem till organisationens enheter.")
    for (written, _), res in sorted(chosen, key=lambda item: item[0][0]):
        _notice(parsed, part.sheet, f"'{written}' lästes som {res.unit.label}, som valts för det namnet.")


def _check_group_rows(parsed: ParsedFile, known: KnownUnits, groups: list[tuple[int, int, Resolution]]) -> None:
    """A row named after an avdelning or förvaltning is left out when each of its figures is the sum
    of that group's units in the file (same month and sub-group); otherwise it refuses the file."""
    if not groups:
        return
    drop: dict[int, list[int]] = {}
    sums_dropped: dict[str | None, list[tuple[int, str]]] = {}
    for number, position, res in groups:
        part = parsed.parts[number]
        row = part.frame.iloc[position]
        level, name = res.group
        members = known.members(level, name)
        codes = {u.code for u in members if u.code}
        keys = {u.key for u in members}
        fields = [c.field for c in part.kind.columns if c.type in VALUE_TYPES and pd.notna(row.get(c.field))]
        same = [c.field for c in part.kind.columns if c.type in (MONTH, TERTIAL, GENDER, AGE_GROUP, QUESTION, REASON)]
        sums = dict.fromkeys(fields, 0.0)
        found = 0
        for other_number, other in enumerate(parsed.parts):
            if other.kind is not part.kind:
                continue
            frame = other.frame
            mask = frame["unit_code"].isin(codes) | (frame["unit_code"].isna() & frame["unit_key"].isin(keys))
            for field in same:
                mask &= frame[field].eq(row[field]) if pd.notna(row[field]) else frame[field].isna()
            found += int(mask.sum())
            for field in fields:
                sums[field] += float(pd.to_numeric(frame.loc[mask, field], errors="coerce").fillna(0).sum())
        what = f"avdelningen {name}" if level == "avdelning" else f"förvaltningen {name}"
        differ = [f for f in fields if abs(sums[f] - float(row[f])) > 0.005 + _EPSILON * abs(float(row[f]))]
        if found and not differ:
            drop.setdefault(number, []).append(position)
            sums_dropped.setdefault(part.sheet, []).append((int(row["source_row"]), str(row["unit_name"])))
            continue
        labels = {c.field: c.canonical for c in part.kind.columns}
        if not found:
            reason = "och filen har inga rader för dess enheter att jämföra med"
        else:
            shown = ", ".join(f"{labels[f]} {_fmt(float(row[f]))} mot enheternas {_fmt(sums[f])}" for f in differ[:3])
            reason = f"och dess siffror är inte summan av enheterna i filen ({shown})"
        parsed.problems.append(Problem(
            f"Raden '{row['unit_name']}' är {what}, ingen enhet i organisationen, {reason}. hrdash tar emot siffror "
            "per enhet och räknar fram avdelningens och förvaltningens: ta bort raden om den är en summa, eller lägg "
            "in enheten i organisationsfilen om det är en enhet.",
            part.sheet, int(row["source_row"]), None, str(row["unit_name"])))
    for number, positions in drop.items():
        part = parsed.parts[number]
        part.frame = part.frame.drop(part.frame.index[positions]).reset_index(drop=True)
    for sheet, rows in sums_dropped.items():
        _notice(parsed, sheet, f"{_rows_labelled(sorted(rows))} har namn efter organisationens avdelningar eller "
                               "förvaltning och är inga enheter; var och en är summan av sina enheter i filen och "
                               "importerades inte – summor räknas fram i hrdash.")


# --- One row per unit and month -----------------------------------------------------------------------------------


KEY_NAMES = {"gender": "grupp", "age_group": "grupp", "question": "fråga", "reason": "orsak"}


def _check_unique(parsed: ParsedFile, kind: Kind) -> None:
    """One row per unit and month, or survey period (and sub-group, question or reason), in a file,
    across all of its sheets."""
    is_organisation = kind is ORGANISATION
    keys = ["valid_from"] if is_organisation else [kind.period.field, *kind.row_keys]
    frames = [p.frame.assign(_sheet=p.sheet) for p in parsed.parts if p.kind is kind]
    rows = pd.concat(frames, ignore_index=True)
    if rows.empty:
        return
    rows["_unit"] = rows["unit_code"].fillna(rows["unit_key"])
    rows = rows[rows["_unit"].notna() & (rows[keys[0]].notna() if not is_organisation else True)]
    repeated = rows[rows.duplicated(["_unit", *keys], keep=False)]  # rows missing a unit or month are refused already
    seen: dict[tuple, tuple[str, int]] = {}
    period = "period" if kind.period.type == TERTIAL else "månad"
    for row, sheet, unit_name, unit, *rest in repeated[["source_row", "_sheet", "unit_name", "_unit",
                                                         *keys]].itertuples(index=False):
        key = (unit, *rest)
        if key not in seen:
            seen[key] = (sheet, row)
            continue
        first_sheet, first_row = seen[key]
        where = f"rad {first_row}" if first_sheet == sheet else f"blad '{first_sheet}', rad {first_row}"
        given = [(name, value) for name, value in zip(keys[1:], rest[1:]) if isinstance(value, str)]
        if is_organisation:
            same, rule = "samma giltighetsmånad", "enhet"
        else:
            when = swedish.tertial_name(rest[0]) if kind.period.type == TERTIAL else swedish.month_name(rest[0])
            labels = [_term_label(name, value) for name, value in given]
            same = f"samma {period} ({', '.join([when, *labels])})"
            rule = " och ".join(["enhet", period, *dict.fromkeys(KEY_NAMES[name] for name, _ in given)])
            rule = rule.replace(" och ", ", ", rule.count(" och ") - 1)
        parsed.problems.append(
            Problem(
                f"Enheten '{unit_name}' finns redan på {where} för {same}. En fil får bara ha en rad per "
                f"{rule}. Ta bort eller slå ihop raderna.",
                sheet,
                int(row),
                None,
                unit_name,
            )
        )


def _term_label(field: str, value: str) -> str:
    """A stored question or reason id as users wrote it; a group (kvinna, 30-49) as it is."""
    terms = {"question": QUESTIONS, "reason": REASONS}.get(field, ())
    return next((f"”{t.label}”" if field == "question" else t.label for t in terms if t.id == value), value)


# --- Problems as the user reads them: in row order, a problem repeating in a column said once -------------------


def in_order(problems: list[Problem], sheets: list[str | None]) -> list[Problem]:
    """Every problem in the order of the file (sheet, row, column), and the same problem repeating
    in one column given once with its rows: "kolumn E, rad 2–97: värdet '#REF!' …"."""
    grouped: dict[tuple, list[Problem]] = {}
    single: list[Problem] = []
    for problem in problems:
        if problem.detail is not None and problem.row is not None and problem.column is not None:
            grouped.setdefault((problem.sheet, problem.column, problem.detail), []).append(problem)
        else:
            single.append(problem)
    merged = list(single)
    for (sheet, column, detail), found in grouped.items():
        if len(found) == 1:
            merged.append(found[0])
            continue
        found.sort(key=lambda p: p.row)
        shown = list(dict.fromkeys(p.value for p in found if p.value))
        if len(shown) <= 1:
            text = f"Värdet '{shown[0]}' {detail}" if shown else detail
        else:
            examples = " och ".join(f"'{v}'" for v in shown[:2])
            text = f"Värdet på var och en av raderna (t.ex. {examples}) {detail}"
        merged.append(Problem(text[0].upper() + text[1:], sheet, found[0].row, column, found[0].value,
                              rows=[p.row for p in found], detail=detail))
    order = {name: position for position, name in enumerate(sheets)}

    def position(problem: Problem) -> tuple:
        letters = re.match(r"[A-Z]+", problem.column or "")
        column = 0
        for letter in letters.group(0) if letters else "":
            column = column * 26 + ord(letter) - 64
        return (order.get(problem.sheet, -1), problem.row or 0, column)

    return sorted(merged, key=position)
