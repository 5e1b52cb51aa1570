"""Figures entered on a page instead of in a file. A manager's caseload and pulse answers for her
units (the page Min del) are written as a file of their kind and read as one. A measure: the form's
fields read as one row of a measures file, by the same code and the same rules as a file's row
(hrdash/ingest/sheets.py), so a month typed by hand takes every shape a file may hold ('mars 2026',
'2026-03'). Only the group is not read from a name: it is chosen from the organisation, as
(level, group_id).

What it gives is a parsed file of one row, imported as a batch like any other (and undone like one).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from hrdash import swedish
from hrdash.catalogue import QUESTIONS
from hrdash.ingest.cells import missing
from hrdash.ingest.columns import CASELOAD, MEASURE_TOPICS, MEASURES, PULSE, RECRUITMENT, STATUSES, VACANCIES, Kind
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


@dataclass(frozen=True)
class Grid:
    """A page's grid of figures for a manager's units, written as a file of `kind` and read as one:
    the grid's short column names (they fit a projector's 1280 pixels) and the file's headers they
    are written as, the header of the period, and the grid's columns that name a row."""

    kind: Kind
    figures: dict[str, str]
    period_header: str
    names: tuple[str, ...] = ("Enhet",)


CASELOAD_GRID = Grid(CASELOAD, {"Aktuella": "Aktuella ärenden", "Handläggare": "Handläggare (åa)",
                                "Nya": "Nya ärenden", "Avslutade": "Avslutade ärenden"}, "Månad")
# Opened for managers by HR (hrdash/store/manager_reports.py): a month's vacancies and recruitment.
VACANCY_GRID = Grid(VACANCIES, {"Budgeterade": "Budgeterade tjänster", "Besatta": "Besatta tjänster",
                                "Konsulter": "Inhyrda konsulter", "Konsultkostnad": "Konsultkostnad"}, "Månad")
RECRUITMENT_GRID = Grid(RECRUITMENT, {"Behov": "Rekryteringsbehov", "Pågående": "Pågående rekryteringar",
                                      "Tillsatta": "Tillsatta"}, "Månad")
# The grids of a month, by kind, and what a file of each is called.
MONTH_GRIDS = {CASELOAD.id: (CASELOAD_GRID, "Ärenden"), VACANCIES.id: (VACANCY_GRID, "Vakanser"),
               RECRUITMENT.id: (RECRUITMENT_GRID, "Rekryteringsbehov")}
# One row per unit and question; the question is written by its full text, as a survey tool exports it.
PULSE_GRID = Grid(PULSE, {"Tillfrågade": "Antal tillfrågade", "Svar": "Antal svar", "Instämmer": "Antal instämmer",
                          "Medelvärde": "Medelvärde (1-5)"}, "Tertial", ("Enhet", "Fråga"))


def filled_rows(grid: Grid, typed: pd.DataFrame) -> list[dict]:
    """The rows of the page's grid (its names, the unit's id, the figures) with any figure typed:
    a row left empty is not reported now."""
    return [row for row in typed.to_dict("records") if any(_typed(row[f]) for f in grid.figures)]


def row_names(grid: Grid, typed: pd.DataFrame) -> list[str]:
    """What names each filled row in a message: 'Mottagning vuxen' or 'Mottagning vuxen, Bra arbetssituation'."""
    return [", ".join(str(row[n]) for n in grid.names) for row in filled_rows(grid, typed)]


def read_grid(grid: Grid, typed: pd.DataFrame, period: str, file_name: str, known: KnownUnits) -> ParsedFile | None:
    """The grid's filled rows (filled_rows) written as a file of the grid's kind, in that order
    from row 2 and with the grid's column names, and read and checked as a file is: a row half
    filled is refused by the file's rules. `period` as the file writes it ('2026-11', 'T3 2026').
    None: nothing was filled in."""
    questions = {q.short: q.label for q in QUESTIONS}
    rows = [[row["unit_id"].split(":", 1)[1] if row["unit_id"].startswith("kod:") else "", row["Enhet"], period,
             *[questions.get(row[n], row[n]) for n in grid.names[1:]], *[_typed(row[f]) for f in grid.figures]]
            for row in filled_rows(grid, typed)]
    if not rows:
        return None
    content = io.StringIO()
    csv.writer(content, delimiter=";", lineterminator="\r\n").writerows(
        [["Enhetskod", "Enhet", grid.period_header, *grid.names[1:], *grid.figures.values()], *rows])
    return parse_file(content.getvalue().encode("utf-8"), file_name, kind=grid.kind, units=known)


def read_month(kind_id: str, typed: pd.DataFrame, month: dt.date, who: str, known: KnownUnits) -> ParsedFile | None:
    """Min del's grid of a month's figures of a kind (MONTH_GRIDS), read as a file of it (read_grid)."""
    grid, title = MONTH_GRIDS[kind_id]
    return read_grid(grid, typed, f"{month:%Y-%m}", f"{title} {swedish.month_name(month)} ({who}).csv", known)


def read_caseload(typed: pd.DataFrame, month: dt.date, who: str, known: KnownUnits) -> ParsedFile | None:
    """Min del's caseload grid for a month, read as a caseload file (read_grid)."""
    return read_month(CASELOAD.id, typed, month, who, known)


def read_pulse(typed: pd.DataFrame, last_month: dt.date, who: str, known: KnownUnits) -> ParsedFile | None:
    """Min del's pulse grid for the tertial ending `last_month`, read as a pulse file (read_grid)."""
    tertial = swedish.tertial_name(last_month)
    return read_grid(PULSE_GRID, typed, tertial, f"Puls {tertial} ({who}).csv", known)


def grid_problem(grid: Grid, problem, filled: list[str]) -> str:
    """A problem of the grid said by its row's names and columns ('Socialpsykiatri, Handläggare: …',
    'Boendestöd, Bra arbetssituation, Instämmer, Svar: Instämmer är 7, mer än Svar …'), not by the
    row and column letters of the file it was read as (`filled`: row_names)."""
    if not problem.row or not 2 <= problem.row < len(filled) + 2:
        return str(problem)
    headers = ["Enhetskod", "Enhet", grid.period_header, *grid.names[1:], *grid.figures.values()]
    shorts = {header: short for short, header in grid.figures.items()}

    def said(letters: str, header: str | None = None) -> str:
        index = sum((ord(letter) - 64) * 26 ** power for power, letter in enumerate(reversed(letters))) - 1
        header = header or (headers[index] if index < len(headers) else letters)
        return shorts.get(header, header)

    columns = ", ".join(said(letters) for letters in re.findall(r"\b([A-Z]{1,3})\b(?: \('[^']*'\))?",
                                                                problem.column or ""))
    message = re.sub(r"\b([A-Z]{1,3}) \('([^']*)'\)", lambda m: said(m[1], m[2]), problem.message)
    return f"{filled[problem.row - 2]}{', ' + columns if columns else ''}: {message}"


def _typed(value: object) -> str:
    """A cell of the page's grid as text ('' where nothing was typed: None or NaN)."""
    return "" if value is None or value != value else str(value).strip()
