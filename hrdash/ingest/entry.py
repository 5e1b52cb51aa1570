"""A measure entered on a page instead of in a file: the form's fields read as one row of a
measures file, by the same code and the same rules as a file's row (hrdash/ingest/sheets.py), so a
month typed by hand takes every shape a file may hold ('mars 2026', '2026-03'). Only the group is
not read from a name: it is chosen from the organisation, as (level, group_id).

What it gives is a parsed file of one row, imported as a batch like any other (and undone like one).
"""

from __future__ import annotations

import csv
import hashlib
import io
import re

from hrdash.ingest.cells import missing
from hrdash.ingest.columns import MEASURES, MEASURE_TOPICS, STATUSES
from hrdash.ingest.headers import match_header
from hrdash.ingest.messages import in_order
from hrdash.ingest.model import ParsedFile
from hrdash.ingest.rows import Table
from hrdash.ingest.sheets import part_of, read_rows

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
