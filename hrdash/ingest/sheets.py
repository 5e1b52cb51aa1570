"""One sheet → its parts: where its header is, which kinds it holds, whether its months are columns,
and its rows read into a frame (classified, each column's cells read, each row's rules checked).

A sheet is the unit of a file's layout: a workbook may hold one kind per sheet, an instructions
sheet, a summary by avdelning. What concerns the whole file (several sheets of one kind, names
matched to the organisation, one row per unit and month) is done afterwards, in parse.py.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from hrdash import swedish
from hrdash.errors import Problem
from hrdash.ingest import shapes
from hrdash.ingest.cells import map_distinct, read_column
from hrdash.ingest.columns import MEASURES, ORGANISATION, VALUE_TYPES, YEAR, Kind
from hrdash.ingest.headers import HeaderMatch, detect_kinds, match_header, normalize_unit_key, signature
from hrdash.ingest.layout import Layout, find_layout
from hrdash.ingest.messages import RowProblems, notice
from hrdash.ingest.model import HeaderRow, ParsedFile, Part, column_letter
from hrdash.ingest.reading import Sheet
from hrdash.ingest.rows import Table, classify_rows, place_columns
from hrdash.ingest.rules import check_rules
from hrdash.ingest.units import KnownUnits
from hrdash.ingest.values import is_empty

# The title of the instruction sheet of hrdash's own templates (hrdash/reports/templates.py), in its
# first cell: a sheet that opens with it and has no header is those instructions, passed over without
# a notice, so that a filled-in template is read with none.
TEMPLATE_INSTRUCTIONS = "Så fyller du i mallen från hrdash"

# A sheet that looks like a kind but lacks columns it needs: (kind, sheet, the problems that say so).
Incomplete = tuple[Kind, str | None, list[Problem]]


def parse_sheet(sheet: Sheet, parsed: ParsedFile, forced: Kind | None, overrides: dict[str, str], single: bool,
                incomplete: list[Incomplete], units: KnownUnits | None) -> None:
    """Add the sheet's parts, notices and problems to `parsed`; a sheet lacking columns of a kind goes
    to `incomplete`, for the file to decide (another sheet may hold that kind)."""
    personnummer = shapes.personnummer_problem(sheet.name, sheet.rows)
    if personnummer:
        parsed.problems.append(personnummer)  # nothing else of a sheet about persons is read or repeated
        return
    kolada = shapes.kolada_problem(sheet.name, sheet.rows)
    if kolada:
        parsed.problems.append(kolada)
        return
    layout = find_layout(sheet.rows, overrides)
    if layout is None:
        instructions = bool(sheet.rows and sheet.rows[0]) and sheet.rows[0][0] == TEMPLATE_INSTRUCTIONS
        if not single and not instructions and any(not is_empty(c) for row in sheet.rows for c in row):
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
        problems = header_problems(sheet.name, match)
        if problems:
            percent = shapes.percent_columns(header, body, set())
            if percent and match.missing:
                problems = [shapes.percent_problem(sheet.name, header, percent, header_row, kind)]
            incomplete.append((kind, sheet.name, problems))
            continue
        frame = read_rows(Table(sheet.name, header, body, numbers), match, parsed, units)
        shares = shapes.hours_as_shares(frame, match.columns)
        if shares:
            parsed.problems.append(shapes.percent_problem(sheet.name, header, shares, header_row, kind))
        parsed.parts.append(part_of(kind, sheet.name, header_row, frame, match))
    ignored = [f"{column_letter(i)} ('{text}')" for i, text in headers.items() if i not in used]
    if ignored:
        columns = f"kolumnerna {', '.join(ignored)}" if len(ignored) > 1 else f"kolumnen {ignored[0]}"
        notice(parsed, sheet.name, f"{columns} känns inte igen och importeras inte.")
    # A value under no header (a CSV row with a separator too many, a note beside the table) is not read:
    # say where, so that nothing is dropped unseen.
    width = max(map(len, body), default=0)
    outside = [index for index in range(width) if index >= len(header) or not header[index]]
    unheaded = [(row_number, index, row[index]) for row_number, row in zip(numbers, body) for index in outside
                if index < len(row) and not is_empty(row[index])] if outside else []
    if unheaded and parsed.parts:
        row_number, index, cell = unheaded[0]
        more = f" (och {len(unheaded) - 1} celler till)" if len(unheaded) > 1 else ""
        notice(parsed, sheet.name, f"rad {row_number}, kolumn {column_letter(index)} har ett värde utan kolumnnamn "
                                   f"('{str(cell).strip()[:40]}'){more}, som inte importeras. Ge kolumnen ett namn, "
                                   "eller sätt citattecken kring text som innehåller avgränsaren.")


def part_of(kind: Kind, sheet: str | None, header_row: int, frame: pd.DataFrame, match: HeaderMatch) -> Part:
    """The rows read under a header, with each field's column as messages name it."""
    return Part(kind, sheet, header_row, frame,
                {c.field: f"{column_letter(i)} ('{match.headers.get(i, '')}')" for i, c in match.columns.items()})


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
    if kind is not None and kind not in (ORGANISATION, MEASURES):
        required = [c for c in kind.columns if c.required and c.type in VALUE_TYPES]
        for month, columns in by_month.items():
            header = list(fixed) + ["månad"]
            for index in columns:
                name = layout.names[index]
                if not name and len(columns) == 1 and len(required) == 1:
                    name = required[0].canonical  # a kind with one figure: the month's one column is it
                header[index] = name
            match = match_header(header, layout.bottom, kind, overrides)
            if header_problems(sheet.name, match) or match.index_of("månad") != width:
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
        names = [match.headers.get(i, "") for i in range(width + 1)]
        frame = read_rows(Table(sheet.name, names, rows, numbers), match, parsed, units)
        parsed.parts.append(part_of(kind, sheet.name, header_row, frame, match))
        months_read.append(month)
    if months_read:
        notice(parsed, sheet.name, f"månaderna står som kolumner ({_month_span(months_read)}); varje enhet och "
                                   "månad lästes som en egen rad.")


def _month_span(months: list[dt.date]) -> str:
    months = sorted(months)
    if len(months) == 1:
        return swedish.month_name(months[0])
    return f"{swedish.month_name(months[0])}–{swedish.month_name(months[-1])}"


def header_problems(sheet_name: str | None, match: HeaderMatch) -> list[Problem]:
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


def read_rows(table: Table, match: HeaderMatch, parsed: ParsedFile, units: KnownUnits | None) -> pd.DataFrame:
    """The data rows below the header as a frame of the kind's fields (plus `source_row`, and the
    folded names that match a row to its unit, group or measure), column by column; its cells'
    and rows' problems go to `parsed`."""
    kind = match.kind
    problems = RowProblems(table.sheet, match, parsed)
    body, numbers_all = table.rows, table.numbers
    places = place_columns(table, match)
    wanted = [*match.columns, *places]
    if body and len({len(row) for row in body}) == 1 and len(body[0]) > max(wanted, default=0):
        transposed = list(zip(*body))  # an Excel sheet: every row as wide as the sheet
        cells = {index: list(transposed[index]) for index in wanted}
    else:
        cells = {index: [row[index] if index < len(row) else None for row in body] for index in wanted}
    keep, dropped = classify_rows(table, match, cells, places, units)
    dropped.notices(parsed, table.sheet)

    numbers = [numbers_all[r] for r in keep]
    data: dict[str, object] = {"source_row": numbers}
    year_index = match.index_of("år")
    years = [cells[year_index][r] for r in keep] if year_index is not None else None
    for index, column in match.columns.items():
        if column.type == YEAR:
            continue
        data[column.field] = read_column(column, [cells[index][r] for r in keep], years, numbers, index, problems)
    frame = pd.DataFrame(data)
    for name, key in (("unit_name", "unit_key"), ("group_name", "group_key"), ("title", "title_key")):
        if name in frame:
            frame[key] = map_distinct(lambda n: normalize_unit_key(n) if isinstance(n, str) else None, list(frame[name]))
    for column in kind.columns:
        if column.field not in frame and column.type != YEAR:
            frame[column.field] = None
    check_rules(frame, match, problems)
    return frame
