"""How reading a file speaks to its user: a problem per cell (sheet, row, column, value, what to do),
a notice per sheet, rows and figures as a message writes them, and every problem in the order of
the file with one that repeats down a column said once.

Every stage of reading (rows.py, cells.py, rules.py, resolution.py) words what it finds through
these, so that a message reads the same whichever stage found it.
"""

from __future__ import annotations

import re

from hrdash.errors import Problem, row_ranges
from hrdash.ingest.headers import HeaderMatch
from hrdash.ingest.model import ParsedFile, column_letter
from hrdash.ingest.values import cell_text


def notice(parsed: ParsedFile, sheet: str | None, text: str) -> None:
    """A notice about a sheet ("Bladet 'Data': …"), or about a CSV file."""
    parsed.notices.append(f"Bladet '{sheet}': {text}" if sheet is not None else text[0].upper() + text[1:])


def rows_text(numbers: list[int]) -> str:
    """'rad 4', or 'raderna 4–6, 9'."""
    return f"rad {numbers[0]}" if len(numbers) == 1 else f"raderna {row_ranges(numbers)}"


def rows_labelled(rows: list[tuple[int, str]]) -> str:
    """'raderna 12 ('Totalt'), 14' – at most eight, then how many more."""
    shown = [f"{number} ('{label}')" if label else str(number) for number, label in rows[:8]]
    more = f" och {len(rows) - 8} till" if len(rows) > 8 else ""
    return ("rad " if len(rows) == 1 else "raderna ") + ", ".join(shown) + more


def figure(value: float) -> str:
    """A figure as a message quotes it: as the cell would show it."""
    return cell_text(float(value))


class RowProblems:
    """Collects cell problems for one sheet with the sheet's names and Excel row numbers."""

    def __init__(self, sheet: str | None, match: HeaderMatch, parsed: ParsedFile):
        self.sheet, self.match, self.parsed = sheet, match, parsed

    def column(self, index: int) -> str:
        """'C ('Sjuktimmar')': a column as a message names it."""
        return f"{column_letter(index)} ('{self.match.headers.get(index, '')}')"

    def add(self, row: int, index: int | None, value: object, message: str) -> None:
        column = None if index is None else self.column(index)
        shown = None if value is None else cell_text(value)
        text = f"värdet '{shown}' {message}" if shown not in (None, "") else message
        self.parsed.problems.append(Problem(text[0].upper() + text[1:], self.sheet, int(row), column, shown,
                                            detail=message))


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
