"""The one kind of error a user is shown: something she can put right, said in Swedish.

A refused file, a cell that cannot be read, an undo of an import already undone, a target
below zero: each raises `UserError`. The frame (app.py) and the CLI catch it once and show its
message; nothing else reaches a user as an error of ours.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Problem:
    """One reason a file is refused; every field the user needs to find and fix it."""

    message: str
    sheet: str | None = None
    row: int | None = None  # as Excel shows it (1-based); the first, where the problem repeats
    column: str | None = None  # "D (Sjuktimmar)"
    value: str | None = None
    rows: list[int] | None = None  # every row with the same problem in the same column, when it repeats
    detail: str | None = None  # the message without the value: what problems repeating in a column share

    @property
    def rows_text(self) -> str | None:
        """'12', or '2–97' and '3, 5, 9–12' for a problem that repeats."""
        if self.rows and len(self.rows) > 1:
            return row_ranges(self.rows)
        return None if self.row is None else str(self.row)

    def __str__(self) -> str:
        where = []
        if self.sheet is not None:
            where.append(f"blad '{self.sheet}'")
        if self.row is not None:
            where.append(f"rad {self.rows_text}")
        if self.column is not None:
            where.append(f"kolumn {self.column}")
        place = ", ".join(where)
        return f"{place[0].upper()}{place[1:]}: {self.message}" if place else self.message



def row_ranges(rows: list[int]) -> str:
    """[2, 3, 4, 7, 9, 10] -> '2–4, 7, 9–10'."""
    ordered = sorted(set(rows))
    runs: list[list[int]] = []
    for row in ordered:
        if runs and row == runs[-1][-1] + 1:
            runs[-1].append(row)
        else:
            runs.append([row])
    return ", ".join(f"{run[0]}–{run[-1]}" if len(run) > 1 else str(run[0]) for run in runs)


class UserError(Exception):
    """`message` says what is wrong and what to do; `problems`, when there are several (a file
    refused for many cells), lists each one."""

    def __init__(self, message: str, problems: list | None = None):
        super().__init__(message)
        self.message = message
        self.problems = list(problems or [])

    def lines(self) -> list[str]:
        """The message, or each problem, as lines to show."""
        return [str(p) for p in self.problems] or [self.message]

    def __str__(self) -> str:
        return "\n".join(self.lines())
