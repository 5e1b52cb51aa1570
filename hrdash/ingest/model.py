"""What reading a file gives: its parts (the rows of one kind from one sheet), the problems that
refuse it, the notices about what was read and how, and the unit names the organisation lacks."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from hrdash.errors import Problem
from hrdash.ingest.columns import KINDS, Kind
from hrdash.ingest.units import Unit


@dataclass
class Part:
    """The rows of one kind read from one sheet (or from one month of a sheet with the months as columns)."""

    kind: Kind
    sheet: str | None  # None for a CSV file
    header_row: int  # 1-based
    frame: pd.DataFrame  # database fields plus `source_row`
    columns: dict[str, str] = field(default_factory=dict)  # field -> its column as a message names it, "A ('Enhet')"


@dataclass
class HeaderRow:
    """A header row found in a sheet, with every non-empty cell: what the upload page maps."""

    sheet: str | None
    row: int  # 1-based
    cells: dict[str, str]  # column letter -> header text
    signature: str
    read_as: dict[str, str] = field(default_factory=dict)  # column letter -> canonical column


@dataclass
class UnknownUnit:
    """A unit name (or code) in a file that the organisation does not know: a decision for HR."""

    name: str  # as the file writes it
    key: str  # folded
    code: str | None
    rows: list[tuple[str | None, int]]  # (sheet, row) where it is written
    suggestion: Unit | None  # the closest unit the organisation knows, if close enough

    @property
    def where(self) -> str:
        sheets = dict.fromkeys(sheet for sheet, _ in self.rows)
        first = self.rows[0][1]
        more = f" (och {len(self.rows) - 1} rader till)" if len(self.rows) > 1 else ""
        sheet = next(iter(sheets))
        return (f"blad '{sheet}', " if sheet is not None else "") + f"rad {first}{more}"


@dataclass
class ParsedFile:
    file_name: str
    sha256: str
    parts: list[Part] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    headers: list[HeaderRow] = field(default_factory=list)
    unknown_units: list[UnknownUnit] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.parts)

    @property
    def kinds(self) -> list[Kind]:
        return [k for k in KINDS if any(p.kind is k for p in self.parts)]

    def frame(self, kind: Kind) -> pd.DataFrame:
        """The rows of one kind from every part, each with the number of its part (`part`): a row is
        (part, source_row), as two sheets both have a row 2."""
        frames = [p.frame.assign(part=number) for number, p in enumerate(self.parts) if p.kind is kind]
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
