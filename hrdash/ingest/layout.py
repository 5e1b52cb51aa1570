"""Where a sheet's header is and what each column is called: one header row, or two (a group
header such as "Sjukfrånvaro (timmar)" over "Totalt | varav dag 1–14 | varav ≥ 60 dagar"), and
whether the months are columns (one column, or one group of columns, per month).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from hrdash.errors import UserError
from hrdash.ingest.headers import SYNONYMS, normalize_header
from hrdash.ingest.values import cell_text, is_empty, parse_month

SCAN = 50  # rows searched for the header
# A sub-header that only says "the group's total" (or its unit): the column is the group itself.
GENERIC = {"totalt", "total", "summa", "sum", "antal", "tim", "timmar", "h", "st", "kr", "sek", "alla", "samtliga"}


@dataclass
class Layout:
    """The header of a sheet: the rows it takes up (0-based, inclusive), and per column its name
    (the two rows combined) and, where the header is a month, that month."""

    top: int
    bottom: int
    names: list[str]
    months: dict[int, dt.date] = field(default_factory=dict)

    @property
    def rows(self) -> int:
        return self.bottom - self.top + 1


def header_month(cell: object) -> dt.date | None:
    """The month a header cell names ('jan 2025', '2025-01', an Excel date), if it names one."""
    if is_empty(cell) or isinstance(cell, bool):
        return None
    if isinstance(cell, (int, float)) and not (isinstance(cell, float) and cell.is_integer()):
        return None
    try:
        return parse_month(cell)
    except (UserError, ValueError, OverflowError):
        return None


def _known(text: str, overrides: set[str]) -> bool:
    key = normalize_header(text)
    return bool(key) and (key in SYNONYMS or key in overrides)


def _score(names: list[str], months: dict[int, dt.date], overrides: set[str]) -> int:
    """How many columns a header names: known columns, and the months (counted once)."""
    return sum(1 for name in names if name and _known(name, overrides)) + (1 if months else 0)


def _single(row: list[object]) -> tuple[list[str], dict[int, dt.date]]:
    names, months = [], {}
    for index, cell in enumerate(row):
        month = header_month(cell)
        if month:
            months[index] = month
            names.append("")
        else:
            names.append("" if is_empty(cell) else cell_text(cell))
    return names, months


def _is_numeric(cell: object) -> bool:
    if isinstance(cell, bool) or is_empty(cell):
        return False
    if isinstance(cell, (int, float, dt.date, dt.datetime)):
        return True
    text = str(cell).strip().replace(" ", "").replace("\u00a0", "").replace(",", "").replace(".", "")
    return text.lstrip("-").isdigit()


def _resolve(group: str, sub: str, overrides: set[str]) -> str:
    """The name of a column under a group header: the sub-header if it names a column by itself,
    the group if the sub-header only says "total", else the two together, in either order
    ("Tjänster" over "Budgeterade" is "Budgeterade tjänster")."""
    generic = normalize_header(sub) in GENERIC
    candidates = [group, f"{group} {sub}"] if generic else [sub, f"{group} {sub}", f"{sub} {group}"]
    return next((c for c in candidates if _known(c, overrides)), f"{group} {sub}")


def _combine(upper: list[object], lower: list[object], overrides: set[str]) -> tuple[list[str], dict[int, dt.date]]:
    """Two header rows as one: a group header in the upper row reaches over the columns to its
    right whose upper cell is empty and whose lower cell is not (a merged cell); a cell with
    nothing below it names its column alone (merged downwards)."""
    width = max(len(upper), len(lower))
    names: list[str] = []
    months: dict[int, dt.date] = {}
    group, group_month = "", None
    for index in range(width):
        up = upper[index] if index < len(upper) else None
        down = lower[index] if index < len(lower) else None
        up_text = "" if is_empty(up) else cell_text(up)
        down_text = "" if is_empty(down) else cell_text(down)
        if up_text:
            group, group_month = up_text, header_month(up)
        elif not down_text:
            group, group_month = "", None
        if not down_text:
            if group_month and up_text:
                months[index] = group_month
                names.append("")
            else:
                names.append(up_text)
            continue
        down_month = header_month(down)
        if down_month:  # "Rekryteringsbehov" over "jan 2025 | feb 2025"
            months[index] = down_month
            names.append(group if group and not group_month else "")
        elif group_month:  # "jan 2025" over "Budgeterade tjänster | Besatta tjänster"
            months[index] = group_month
            names.append(down_text)
        elif group:
            names.append(_resolve(group, down_text, overrides))
        else:
            names.append(down_text)
    return names, months


def find_layout(rows: list[list[object]], overrides: dict[str, str] | None = None) -> Layout | None:
    """The header of a sheet, or None when no row names at least two known columns (the months
    as columns count as one)."""
    known = {normalize_header(k) for k in overrides or {}}
    best, best_score = None, 1
    for index, row in enumerate(rows[:SCAN]):
        names, months = _single(row)
        score = _score(names, months, known)
        if score > best_score:
            best, best_score = Layout(index, index, names, months), score
    if best is None:
        return None
    row = best.top
    candidates = []
    above = rows[row - 1] if row > 0 else []
    if sum(1 for c in above if not is_empty(c)) >= 2 and not any(_is_numeric(c) for c in above
                                                                 if header_month(c) is None):
        names, months = _combine(rows[row - 1], rows[row], known)
        candidates.append(Layout(row - 1, row, names, months))
    if row + 1 < len(rows) and _is_sub_header(rows[row + 1]):
        names, months = _combine(rows[row], rows[row + 1], known)
        candidates.append(Layout(row, row + 1, names, months))
    for candidate in candidates:
        score = _score(candidate.names, candidate.months, known)
        if score > best_score:
            best, best_score = candidate, score
    return best


def _is_sub_header(row: list[object]) -> bool:
    """A row under a header that is more header: text, no numbers (months only as several headers)."""
    cells = [c for c in row if not is_empty(c)]
    if not cells:
        return False
    months = [c for c in cells if header_month(c)]
    if months and len(months) < 2:
        return False
    return not any(_is_numeric(c) for c in cells if header_month(c) is None)


__all__ = ["Layout", "find_layout", "header_month"]
