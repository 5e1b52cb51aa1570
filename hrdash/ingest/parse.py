"""File -> validated, normalised rows ready to store, or the list of problems that refuse it.

Nothing here touches the database: `parse_file` is pure, so the upload page can preview a
file and the CLI can refuse it before a transaction is opened.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from hrdash import swedish
from hrdash.catalogue import QUESTIONS, REASONS
from hrdash.errors import Problem, UserError
from hrdash.ingest import values
from hrdash.ingest.columns import (
    AGE_GROUP,
    COUNT,
    GENDER,
    KINDS,
    MONTH,
    ORGANISATION,
    QUESTION,
    REASON,
    TERTIAL,
    TEXT,
    YEAR,
    Column,
    Kind,
)
from hrdash.ingest.headers import (
    HeaderMatch,
    detect_kinds,
    find_header_row,
    match_header,
    normalize_unit_key,
    signature,
)
from hrdash.ingest.reading import Sheet, read_sheets
from hrdash.ingest.values import cell_text, is_empty


@dataclass
class Part:
    """The rows of one kind read from one sheet."""

    kind: Kind
    sheet: str | None  # None for a CSV file
    header_row: int  # 1-based
    frame: pd.DataFrame  # database fields plus `source_row`


@dataclass
class HeaderRow:
    """A header row found in a sheet, with every non-empty cell: what the upload page maps."""

    sheet: str | None
    row: int  # 1-based
    cells: dict[str, str]  # column letter -> header text
    signature: str
    read_as: dict[str, str] = field(default_factory=dict)  # column letter -> canonical column


@dataclass
class ParsedFile:
    file_name: str
    sha256: str
    parts: list[Part] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    headers: list[HeaderRow] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.parts)

    @property
    def kinds(self) -> list[Kind]:
        return [k for k in KINDS if any(p.kind is k for p in self.parts)]

    def frame(self, kind: Kind) -> pd.DataFrame:
        frames = [p.frame for p in self.parts if p.kind is kind]
        return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()

    @property
    def row_count(self) -> int:
        return sum(len(p.frame) for p in self.parts)


def column_letter(index: int) -> str:
    """0 -> 'A', 27 -> 'AB'."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


_TOTAL_LABEL = re.compile(
    r"^(totalt?|summa|sum|totalsumma|summering|samtliga( enheter)?|alla( enheter)?|hela förvaltningen|σ)\b"
    r"|\s(totalt|summa|total)$",
    re.IGNORECASE,
)
_PERSONNUMMER = re.compile(r"(19|20)?\d{6}[-+]?\d{4}")


def parse_file(
    content: bytes,
    file_name: str,
    kind: Kind | None = None,
    overrides: dict[str, str] | None = None,
) -> ParsedFile:
    """Read, map, validate and normalise a whole file.

    `kind` forces the kind instead of detecting it from the header; `overrides` maps a header
    text to a canonical column (the upload page's hand mapping).
    """
    parsed = ParsedFile(file_name, hashlib.sha256(content).hexdigest())
    try:
        sheets = read_sheets(content, file_name)
    except UserError as error:
        parsed.problems.append(Problem(str(error)))
        return parsed
    incomplete: list[tuple[Kind, str | None, list[Problem]]] = []
    for sheet in sheets:
        _parse_sheet(sheet, parsed, kind, overrides or {}, single=len(sheets) == 1, incomplete=incomplete)
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
    for data_kind in parsed.kinds:
        _check_unique(parsed, data_kind)
    return parsed


def _parse_sheet(sheet: Sheet, parsed: ParsedFile, forced: Kind | None, overrides: dict[str, str], single: bool,
                 incomplete: list[tuple[Kind, str | None, list[Problem]]]) -> None:
    header_index = find_header_row(sheet.rows, overrides)
    if header_index is None:
        if not single and any(not is_empty(c) for row in sheet.rows for c in row):
            parsed.notices.append(f"Bladet '{sheet.name}' har ingen rubrikrad med kända kolumner och lästes inte in.")
        return
    header = sheet.rows[header_index]
    found = HeaderRow(sheet.name, header_index + 1,
                      {column_letter(i): cell_text(c) for i, c in enumerate(header) if not is_empty(c)},
                      signature(header))
    parsed.headers.append(found)
    kinds = [forced] if forced else detect_kinds(header, overrides)
    if not kinds:
        return
    _check_personnummer(sheet, header_index, parsed)
    used: set[int] = set()
    headers: dict[int, str] = {}
    for kind in kinds:
        match = match_header(sheet.rows, header_index, kind, overrides)
        headers = match.headers
        used.update(match.columns)
        found.read_as.update({column_letter(i): c.canonical for i, c in match.columns.items()})
        problems = _header_problems(sheet.name, match)
        if problems:
            incomplete.append((kind, sheet.name, problems))
            continue
        frame = _read_rows(sheet, match, parsed)
        parsed.parts.append(Part(kind, sheet.name, header_index + 1, frame))
    ignored = [f"{column_letter(i)} ('{text}')" for i, text in headers.items() if i not in used]
    if ignored:
        columns = f"kolumnerna {', '.join(ignored)}" if len(ignored) > 1 else f"kolumnen {ignored[0]}"
        _notice(parsed, sheet.name, f"{columns} känns inte igen och importeras inte.")


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


def _check_personnummer(sheet: Sheet, header_index: int, parsed: ParsedFile) -> None:
    """Figures come per unit, never per person: refuse a column of personal identity numbers."""
    body = sheet.rows[header_index + 1 : header_index + 201]
    width = max((len(r) for r in body), default=0)
    for index in range(width):
        cells = [cell_text(r[index]) for r in body if index < len(r) and not is_empty(r[index])]
        hits = [c for c in cells if _PERSONNUMMER.fullmatch(c.replace(" ", ""))]
        if cells and len(hits) >= max(1, len(cells) // 2):
            header = sheet.rows[header_index]
            name = cell_text(header[index]) if index < len(header) and not is_empty(header[index]) else ""
            parsed.problems.append(
                Problem(
                    "Kolumnen ser ut att innehålla personnummer. hrdash tar emot siffror per enhet och månad, "
                    "aldrig uppgifter om enskilda personer. Ta bort kolumnen och spara filen igen.",
                    sheet=sheet.name,
                    column=f"{column_letter(index)} ('{name}')" if name else column_letter(index),
                )
            )


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
        self.parsed.problems.append(Problem(text[0].upper() + text[1:], self.sheet, row, column, shown))


def _read_rows(sheet: Sheet, match: HeaderMatch, parsed: ParsedFile) -> pd.DataFrame:
    """The data rows below the header, column by column (a 90 000-row export has 700 000 cells:
    each distinct text is parsed once, numbers from Excel are taken as they are)."""
    kind = match.kind
    problems = _RowProblems(sheet.name, match, parsed)
    first = match.row_index + 1
    body = sheet.rows[first:]
    numbers_all = list(range(first + 1, first + 1 + len(body)))
    if body and len({len(row) for row in body}) == 1:  # an Excel sheet: every row as wide as the sheet
        transposed = list(zip(*body))
        cells = {index: list(transposed[index]) for index in match.columns}
    else:
        cells = {index: [row[index] if index < len(row) else None for row in body] for index in match.columns}
    labels = [i for i in (match.index_of(c) for c in ("enhet", "kön", "åldersgrupp")) if i is not None]
    total_like = lambda v: isinstance(v, str) and bool(_TOTAL_LABEL.search(v.strip()))  # noqa: E731
    totals = [any(flags) for flags in zip(*(_map_distinct(total_like, cells[i]) for i in labels))]
    unit_index, month_index = match.index_of("enhet"), match.index_of(kind.period.canonical)
    has_unit = [not is_empty(v) for v in cells[unit_index]]
    has_month = [not is_empty(v) for v in cells[month_index]] if month_index is not None else [True] * len(body)
    data_rows = [r for r in range(len(body)) if has_unit[r] and has_month[r] and not totals[r]]
    last_data = data_rows[-1] if data_rows else -1
    keep = []
    for r in range(len(body)):
        if not has_unit[r] and all(is_empty(column[r]) for column in cells.values()):
            continue  # a blank row
        if totals[r] or r > last_data:
            label = next((cell_text(c) for c in body[r] if not is_empty(c)), "")
            _notice(parsed, sheet.name, f"rad {numbers_all[r]} ('{label}') ser ut att vara en summa- eller fotrad "
                                        "och importerades inte – summor räknas fram i hrdash.")
            continue
        keep.append(r)

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
    if column.type == TEXT:
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


def _parse_months(cells, years, numbers, index, column, problems) -> list[object]:
    if years is None:
        return _parse_cached(cells, numbers, index, column, problems, values.parse_month)
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
    for value, number in zip(cells, numbers):
        if value.__class__ is not float and is_empty(value):
            if column.required:
                problems.add(number, index, None, _missing(column))
            out.append(None)
            continue
        try:
            parsed = value if value.__class__ is float else values.parse_number(value, whole=whole)
        except UserError as error:
            problems.add(number, index, value, str(error))
            out.append(None)
            continue
        if parsed < 0:
            problems.add(number, index, value, "är negativt. Ange 0 eller ett större tal.")
        elif whole and not float(parsed).is_integer():
            problems.add(number, index, value, "är inte ett heltal. Antal ska anges i hela tal.")
        out.append(parsed)
    return out

_EPSILON = 1e-6


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
                    row,
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


KEY_NAMES = {"gender": "grupp", "age_group": "grupp", "question": "fråga", "reason": "orsak"}


def _check_unique(parsed: ParsedFile, kind: Kind) -> None:
    """One row per unit and month, or survey period (and sub-group, question or reason), in a file,
    across all of its sheets."""
    is_organisation = kind is ORGANISATION
    keys = ["valid_from"] if is_organisation else [kind.period.field, *kind.row_keys]
    frames = [p.frame.assign(_sheet=p.sheet) for p in parsed.parts if p.kind is kind]
    rows = pd.concat(frames, ignore_index=True)
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
