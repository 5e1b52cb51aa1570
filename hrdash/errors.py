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
    row: int | None = None  # as Excel shows it (1-based)
    column: str | None = None  # "D (Sjuktimmar)"
    value: str | None = None

    def __str__(self) -> str:
        where = []
        if self.sheet is not None:
            where.append(f"blad '{self.sheet}'")
        if self.row is not None:
            where.append(f"rad {self.row}")
        if self.column is not None:
            where.append(f"kolumn {self.column}")
        place = ", ".join(where)
        return f"{place[0].upper()}{place[1:]}: {self.message}" if place else self.message



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
