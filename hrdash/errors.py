"""The one kind of error a user is shown: something she can put right, said in Swedish.

A refused file, a cell that cannot be read, an undo of an import already undone, a target
below zero: each raises `UserError`. The frame (app.py) and the CLI catch it once and show its
message; nothing else reaches a user as an error of ours.
"""

from __future__ import annotations


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
