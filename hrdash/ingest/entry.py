"""Figures entered on a page instead of in a file. A manager's caseload for her units (the
page Min del) is written as a caseload file and read as one. A measure: the form's fields read as one row of a
measures file, by the same code and the same rules as a file's row (hrdash/ingest/sheets.py), so a
month typed by hand takes every shape a file may hold ('mars 2026', '2026-03'). Only the group is
not read from a name: it is chosen from the organisation, as (level, group_id).

What it gives is a parsed file of one row, imported as a batch like any other (and undone like one).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
from typing import TYPE_CHECKING

from hrdash import swedish
from hrdash.ingest.cells import missing
from hrdash.ingest.columns import CASELOAD, MEASURE_TOPICS, MEASURES, STATUSES
from hrdash.ingest.headers import match_header
from hrdash.ingest.messages import in_order
from hrdash.ingest.model import ParsedFile
from hrdash.ingest.parse import parse_file
from hrdash.ingest.rows import Table
from hrdash.ingest.sheets import part_of, read_rows

if TYPE_CHECKING:
    import pandas as pd

    from hrdash.ingest.units import KnownUnits

# What the form calls each field (its labels), by the field of MEASURES.
LABELS = {"group_name": "Gäller", "start_month": "Startmånad", "title": "Åtgärd", "topic": "Område",
          "responsible": "Ansvarig", "status": "Status", "follow_up": "Uppföljning", "description": "Beskrivning"}
_COLUMN = re.compile(r"^(?P<letters>[A-Z]+) \(")


def read_measure(fields: dict[str, object], level: str, group_id: str, file_name: str) -> ParsedFile:
    """The form's fields (by field of MEASURES: the group's name, the months as typed, the topic and
    status as ids, the texts) read and checked; the group is (level, group_id)."""
    words = {"topic": {t.id: t.label for t in MEASURE_TOPICS}, "status": {s.id: s.label for s in STATUSES}}
    header = [c.canonical for c in MEASURES.columns]
    row = [words.get(c.field, {}).get(fields.get(c.field), fields.get(c.field)) for c in MEASURES.columns]
    row = [("" if value is None else str(value)) for value in row]
    content = io.StringIO()
    csv.writer(content, delimiter=";", lineterminator="\r\n").writerows([header, row])
    parsed = ParsedFile(file_name, hashlib.sha256(content.getvalue().encode("utf-8")).hexdigest())
    match = match_header(header, 0, MEASURES)
    frame = read_rows(Table(None, header, [row], [2]), match, parsed, None)
    frame["level"], frame["group_id"] = [level], [group_id]
    parsed.parts.append(part_of(MEASURES, None, 1, frame, match))
    parsed.problems = in_order(parsed.problems, [None])
    return parsed


def form_messages(parsed: ParsedFile) -> list[str]:
    """Each problem as the form shows it, by the field's label: "Startmånad: Värdet 'marsch 2026' …"."""
    lines = []
    for problem in parsed.problems:
        found = _COLUMN.match(problem.column or "")
        if found:
            index = sum((ord(letter) - 64) * 26 ** power for power, letter in enumerate(reversed(found["letters"])))
            column = MEASURES.columns[index - 1]
            said = "Fältet är tomt men måste fyllas i." if problem.detail == missing(column) else problem.message
            lines.append(f"{LABELS[column.field]}: {said}")
        else:
            lines.append(problem.message)
    return lines


# The grid's short column names (it fits a projector's 1280 pixels), and the file's headers they are written as.
CASELOAD_GRID = {"Aktuella": "Aktuella ärenden", "Handläggare": "Handläggare (åa)", "Nya": "Nya ärenden",
                 "Avslutade": "Avslutade ärenden"}
CASELOAD_FIGURES = tuple(CASELOAD_GRID)


def caseload_rows(typed: pd.DataFrame) -> list[dict]:
    """The rows of the page's grid (Enhet, the unit's id, CASELOAD_FIGURES) with any figure typed:
    a row left empty is a unit not reported now."""
    return [row for row in typed.to_dict("records") if any(_typed(row[f]) for f in CASELOAD_FIGURES)]


def read_caseload(typed: pd.DataFrame, month: dt.date, who: str, known: KnownUnits) -> ParsedFile | None:
    """The grid's filled rows (caseload_rows) written as a caseload file, in that order from row 2
    and with the grid's column names, and read and checked as a file is: a row half filled is
    refused by the file's rules. None: nothing was filled in."""
    rows = [[row["unit_id"].split(":", 1)[1] if row["unit_id"].startswith("kod:") else "", row["Enhet"],
             f"{month:%Y-%m}", *[_typed(row[f]) for f in CASELOAD_FIGURES]] for row in caseload_rows(typed)]
    if not rows:
        return None
    content = io.StringIO()
    csv.writer(content, delimiter=";", lineterminator="\r\n").writerows(
        [["Enhetskod", "Enhet", "Månad", *CASELOAD_GRID.values()], *rows])
    return parse_file(content.getvalue().encode("utf-8"), f"Ärenden {swedish.month_name(month)} ({who}).csv",
                      kind=CASELOAD, units=known)


def grid_problem(problem, filled: list[str]) -> str:
    """A problem of the grid said by its unit and column ('Socialpsykiatri, Handläggare: …'),
    not by the row and column letter of the file it was read as (`filled`: caseload_rows' units)."""
    if not problem.row or not 2 <= problem.row < len(filled) + 2:
        return str(problem)
    column = problem.column.split(" (", 1)[1][:-1].strip("'") if problem.column and " (" in problem.column \
        else problem.column
    column = next((short for short, header in CASELOAD_GRID.items() if header == column), column)
    return f"{filled[problem.row - 2]}{', ' + column if column else ''}: {problem.message}"


def _typed(value: object) -> str:
    """A cell of the page's grid as text ('' where nothing was typed: None or NaN)."""
    return "" if value is None or value != value else str(value).strip()
