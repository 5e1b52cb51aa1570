"""Which rows under a header are data, and what the others are: blank rows, totals and subtotals
(labelled, or a row without a unit whose figures are the sum of the rows above), headings and
footers without figures, and rows whose blank unit, avdelning or month means "same as above"
(merged cells, pivot layouts), which are filled from the row above. A list of measures has no
figures and no totals: its rows are measures, headings and footers.

Never a wrong figure: a row left out gets a notice saying why, a row with figures is never
dropped as a footer, and a blank cell is taken from the row above only when that row is data.
The cells of a row are read afterwards (hrdash/ingest/cells.py); only the rows kept are read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hrdash.errors import UserError
from hrdash.ingest import values
from hrdash.ingest.cells import map_distinct
from hrdash.ingest.columns import AGE_GROUP, GENDER, MEASURES, ORGANISATION, QUESTION, REASON, VALUE_TYPES, YEAR
from hrdash.ingest.headers import HeaderMatch, normalize_header
from hrdash.ingest.messages import notice, rows_labelled, rows_text
from hrdash.ingest.model import ParsedFile
from hrdash.ingest.units import KnownUnits
from hrdash.ingest.values import cell_text, is_empty

TOTAL_LABEL = re.compile(
    r"^(totalt?|summa|sum|totalsumma|slutsumma|delsumma|summering|samtliga( enheter)?|alla( enheter)?"
    r"|hela förvaltningen|σ)\b"
    r"|\s(totalt|summa|total|totalsumma|delsumma)$",
    re.IGNORECASE,
)
# Columns of a data file that say where a unit sits: never read, but a subtotal row may carry its
# label there ('IFO Summa'), and a blank one is filled from the row above with the unit.
PLACE_HEADERS = {normalize_header(h) for h in ("Avdelning", "Verksamhet", "Department", "Förvaltning",
                                               "Administration", "Sektor", "Verksamhetsområde", "Område")}
EPSILON = 1e-6  # relative tolerance of a sum, beside half an öre


def is_sum_of(total: float, given: float) -> bool:
    """Whether a figure is the sum computed, as two decimals and float sums allow."""
    return not abs(total - given) > 0.005 + EPSILON * abs(given)


@dataclass
class Table:
    """The rows under a header: `header` the name of each column, `numbers` each row's number in the sheet."""

    sheet: str | None
    header: list[str]
    rows: list[list[object]]
    numbers: list[int]


class Dropped:
    """Rows left out of a sheet, by why, for one notice per reason."""

    def __init__(self, lacking: str = "inga siffror", holding: str = "siffror"):
        self.lacking, self.holding = lacking, holding  # what a heading or footer lacks, and a data row holds
        self.totals: list[tuple[int, str]] = []
        self.empty: list[tuple[int, str]] = []
        self.filled: list[int] = []
        self.filled_places: list[int] = []
        self.filled_months: list[int] = []

    def notices(self, parsed: ParsedFile, sheet: str | None) -> None:
        if self.totals:
            notice(parsed, sheet, f"{rows_labelled(self.totals)} ser ut att vara "
                                  f"{'en summa- eller fotrad' if len(self.totals) == 1 else 'summa- eller fotrader'} "
                                  "och importerades inte – summor räknas fram i hrdash.")
        if self.empty:
            notice(parsed, sheet, f"{rows_labelled(self.empty)} har {self.lacking} och importerades inte "
                                  "(rubrik-, fot- eller tomma rader).")
        if self.filled:
            notice(parsed, sheet, f"enheten var tom på {rows_text(self.filled)}, som har {self.holding}; raderna fick "
                                  "enheten från raden ovanför (som i sammanslagna celler eller en pivottabell).")
        if self.filled_places:
            notice(parsed, sheet, f"avdelning eller förvaltning var tom på {rows_text(self.filled_places)}; raderna "
                                  "fick den från raden ovanför (som i sammanslagna celler).")
        if self.filled_months:
            notice(parsed, sheet, f"månaden var tom på {rows_text(self.filled_months)}; raderna fick månaden från "
                                  "raden ovanför, som har samma enhet.")


def place_columns(table: Table, match: HeaderMatch) -> list[int]:
    """The columns of a data file that say where its unit sits (read only to tell subtotals and fill blanks)."""
    if match.kind is MEASURES:
        return []
    return [i for i, text in enumerate(table.header) if i not in match.columns and normalize_header(text) in
            PLACE_HEADERS]


def classify_rows(table: Table, match: HeaderMatch, cells: dict[int, list], places: list[int],
                  units: KnownUnits | None) -> tuple[list[int], Dropped]:
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
    if kind is MEASURES:
        return _classify_measures(table, match, cells)
    body = table.rows
    n = len(body)
    dropped = Dropped()
    empty = {i: _empty_flags(column) for i, column in cells.items()}
    labels = [i for i, c in match.columns.items() if c.type not in VALUE_TYPES and c.type != YEAR] + places
    total_like = lambda v: isinstance(v, str) and bool(TOTAL_LABEL.search(v.strip()))  # noqa: E731
    total_flags = {i: map_distinct(total_like, cells[i]) for i in labels}
    unit_index, code_index = match.index_of("enhet"), match.index_of("enhetskod")
    month_index = match.index_of(kind.period.canonical) if kind is not ORGANISATION else None
    identity = [i for i in (unit_index, code_index) if i is not None]
    values_at = [i for i, c in match.columns.items() if c.type in VALUE_TYPES]
    sub_keys = [i for i, c in match.columns.items() if c.type in (GENDER, AGE_GROUP, QUESTION, REASON)]
    org_places = [i for i in (match.index_of("avdelning"), match.index_of("förvaltning")) if i is not None]

    keep: list[int] = []
    above = _RowsAbove(cells, values_at, match, month_index)
    previous: int | None = None  # the row above, when it is data (or a unit's heading): what a blank unit means

    def kept(r: int) -> None:
        keep.append(r)
        above.add(r)

    plain = _plain_rows(n, empty, total_flags, identity, values_at, month_index) if kind is not ORGANISATION \
        else [False] * n
    for r in range(n):
        if plain[r]:  # the common row, told column by column: what the steps below would find for it
            kept(r)
            previous = r
            continue
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


def _classify_measures(table: Table, match: HeaderMatch, cells: dict[int, list]) -> tuple[list[int], Dropped]:
    """The rows of a list of measures: a row with a title (åtgärd), or with a group and anything
    else of a measure, is one; a blank group under a measure is that measure's group (merged
    cells). A row with a single cell of its own is a heading or a footer. No row is a total: a
    measure may well be for 'Hela förvaltningen'."""
    dropped = Dropped("ingen åtgärd", "en åtgärd")
    group_index, title_index = match.index_of("enhet"), match.index_of("åtgärd")
    own = list(match.columns)
    keep: list[int] = []
    previous: int | None = None
    for r, row in enumerate(table.rows):
        if all(is_empty(c) for c in row):
            previous = None
            continue
        given = [i for i in own if not is_empty(cells[i][r])]
        has_group, has_title = group_index in given, title_index in given
        if not has_title and (not has_group or len(given) < 2):
            dropped.empty.append((table.numbers[r], _first_text(row)))
            previous = None
            continue
        if not has_group and previous is not None:
            cells[group_index][r] = cells[group_index][previous]
            dropped.filled.append(table.numbers[r])
        keep.append(r)  # without a group and none above: refused for its empty cell
        previous = r if has_group or previous is not None else None
    return keep, dropped


def _empty_flags(column: list) -> list[bool]:
    """`is_empty` of each cell: a column of numbers straight from Excel at once (only NaN is empty
    there), any other once per distinct value."""
    if {value.__class__ for value in column} <= {int, float}:
        return [value != value for value in column]
    return map_distinct(is_empty, column)


def _plain_rows(n: int, empty: dict[int, list[bool]], total_flags: dict[int, list[bool]], identity: list[int],
                values_at: list[int], month_index: int | None) -> list[bool]:
    """Rows that are plainly data: a unit (or code), a month where the kind has one, at least one
    figure, and no label of a total. `classify_rows` keeps them as they are, whatever is above."""
    plain = [True] * n
    for flags in total_flags.values():
        plain = [p and not f for p, f in zip(plain, flags)]
    has_unit = [False] * n
    for i in identity:
        has_unit = [h or not e for h, e in zip(has_unit, empty[i])]
    has_figure = [False] * n
    for i in values_at:
        has_figure = [h or not e for h, e in zip(has_figure, empty[i])]
    plain = [p and u and f for p, u, f in zip(plain, has_unit, has_figure)]
    if month_index is not None:
        plain = [p and not e for p, e in zip(plain, empty[month_index])]
    return plain


def _first_text(row: list[object]) -> str:
    return next((cell_text(c) for c in row if not is_empty(c)), "")


def _names_a_unit(units: KnownUnits, cells: dict[int, list], r: int, unit_index: int, code_index: int | None) -> bool:
    name = cell_text(cells[unit_index][r]) if not is_empty(cells[unit_index][r]) else ""
    code = cell_text(cells[code_index][r]) if code_index is not None and not is_empty(cells[code_index][r]) else None
    return units.means_a_unit(name, code)


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

    def __init__(self, cells: dict[int, list], values_at: list[int], match: HeaderMatch, month_index: int | None):
        self.cells, self.values_at, self.month_index = cells, values_at, month_index
        self.holds = [match.columns[i].type for i in values_at]
        self.added: list[int] = []  # every row added, in order; grouped by month only when a sum is asked for
        self.grouped = 0  # how many of them are in `rows`
        self.rows: dict[str | None, list[int]] = {}  # month as written (None: every month) -> rows
        # month -> (rows summed so far, sum per column; None where a cell is no number)
        self.sums: dict[str | None, tuple[int, list[float | None]]] = {}

    def add(self, r: int) -> None:
        self.added.append(r)

    def _group(self) -> None:
        """Group the rows added since the last sum by their month (a row's cells no longer change once added)."""
        for r in self.added[self.grouped:]:
            self.rows.setdefault(None, []).append(r)
            if self.month_index is not None:
                self.rows.setdefault(cell_text(self.cells[self.month_index][r]), []).append(r)
        self.grouped = len(self.added)

    def is_sum(self, r: int, month: str | None) -> bool:
        self._group()
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
            if sums[j] is None or not is_sum_of(sums[j], given):
                return False
            nonzero = nonzero or given != 0
        return nonzero
