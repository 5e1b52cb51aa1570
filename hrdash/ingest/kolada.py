"""A file of Kolada's figures (RKA's open database of every municipality's key figures) → reference
rows, or a Swedish message per problem and nothing read.

Kolada's API answers `/v2/data/kpi/{kpi}/municipality/{ids}/year/{years}` with
`{"values": [{"kpi", "municipality", "period", "values": [{"gender", "value", "count", "status"}]}],
"count", "next_page"}` (github.com/Hypergene/kolada, README "Query data"). Version 3 of the API
keeps `values` and its records and names the next page `next_url`; its `period` may be a number,
and some clients write the period on each value instead of the record. Both are read, as is a
saved page that is a list of records, and a CSV of the same fields (one row per value), as a user
saves what she fetched in a spreadsheet. A value Kolada has not got (`null`, status 'Missing') is
no figure and is skipped.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from dataclasses import dataclass, field

from hrdash.errors import Problem

GENDERS = {"T": "T", "K": "K", "M": "M"}  # totalt, kvinnor, män, as Kolada writes them
NATION = "0000"  # Riket: Kolada's id for the whole country
KPI_ID = re.compile(r"^[A-Z]\d{5}$")
MUNICIPALITY_ID = re.compile(r"^\d{1,4}$")
FIELDS = ("kpi", "municipality", "period", "gender", "value")
NAME_FIELDS = ("municipality_name", "municipality_title", "title", "kommun")
DO = ("Spara svaret från Kolada som det kom (JSON från /v2/data/kpi/… eller /v3/data/kpi/…), eller en CSV med "
      "kolumnerna kpi, municipality, period, gender och value.")


@dataclass(frozen=True)
class Reference:
    """One published figure: a KPI of a municipality (or Riket) for a year and gender."""

    source_row: int  # the record (JSON) or line (CSV) it came from, as a message names it
    kpi: str
    municipality_id: str
    municipality_name: str | None
    year: int
    gender: str
    value: float
    status: str | None


@dataclass
class ParsedReferences:
    file_name: str
    sha256: str
    rows: list[Reference] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped: int = 0  # values Kolada has not got (null)

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.rows)

    @property
    def row_count(self) -> int:
        return len(self.rows)


def parse_references(content: bytes, file_name: str) -> ParsedReferences:
    """Read a saved Kolada answer (JSON) or a CSV of its fields; a problem per thing wrong."""
    parsed = ParsedReferences(file_name, hashlib.sha256(content).hexdigest())
    text = _text(content)
    if text is None:
        parsed.problems.append(Problem(f"Filen går inte att läsa som text (UTF-8 eller Windows-1252). {DO}"))
        return parsed
    stripped = text.lstrip("\ufeff \r\n\t")
    if stripped[:1] in ("{", "["):
        records = _json_records(stripped, parsed)
    else:
        records = _csv_records(stripped, parsed)
    if parsed.problems:
        return parsed
    place = "post" if stripped[:1] in ("{", "[") else "rad"  # a JSON record, or a line of the CSV
    seen: dict[tuple[str, str, int, str], int] = {}
    for row, record in records:
        reference = _reference(row, record, parsed, place)
        if reference is None:
            continue
        key = (reference.kpi, reference.municipality_id, reference.year, reference.gender)
        if key in seen:
            parsed.problems.append(_problem(
                place, row, f"{reference.kpi} för {reference.municipality_id} {reference.year} ({reference.gender}) "
                f"finns redan på {place} {seen[key]}. Ta bort dubbletten.", None))
            continue
        seen[key] = row
        parsed.rows.append(reference)
    if not parsed.problems and not parsed.rows:
        parsed.problems.append(Problem(
            "Filen innehåller inga värden från Kolada" + (f" ({parsed.skipped} saknade värden)" if parsed.skipped
                                                           else "") + f". {DO}"))
    if parsed.problems:
        parsed.rows.clear()
    return parsed


def _text(content: bytes) -> str | None:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _json_records(text: str, parsed: ParsedReferences) -> list[tuple[int, dict]]:
    """Each value of the answer as a flat record (kpi, municipality, period, gender, value, …),
    numbered by the answer's record it belongs to."""
    try:
        answer = json.loads(text)
    except json.JSONDecodeError as error:
        parsed.problems.append(Problem(f"Filen är inte giltig JSON (rad {error.lineno}: {error.msg}). {DO}"))
        return []
    records = answer.get("values") if isinstance(answer, dict) else answer
    if not isinstance(records, list):
        seen = ", ".join(sorted(answer)) if isinstance(answer, dict) else type(answer).__name__
        parsed.problems.append(Problem(f"JSON-filen har ingen lista 'values' med Koladas poster (den har: {seen}). {DO}"))
        return []
    flat = []
    for number, record in enumerate(records, start=1):
        if not isinstance(record, dict) or not isinstance(record.get("values"), list):
            parsed.problems.append(Problem(
                f"Post {number}: posten har inga värden ('values' med gender och value per kön), som Koladas svar "
                f"på /data/kpi/… har. {DO}"))
            continue
        outer = {k: v for k, v in record.items() if k != "values"}
        for value in record["values"]:
            flat.append((number, {**outer, **value} if isinstance(value, dict) else {**outer, "value": value}))
    return flat


def _csv_records(text: str, parsed: ParsedReferences) -> list[tuple[int, dict]]:
    """Each line as a record by its header (lowercase); `;` with decimal commas as Excel saves it, or `,`."""
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = ";" if first.count(";") > first.count(",") else ("\t" if "\t" in first else ",")
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [h.strip().lower() for h in next(reader, [])]
    missing = [f for f in FIELDS if f not in header and not (f == "period" and "year" in header)]
    if missing:
        parsed.problems.append(Problem(
            f"Kolumnerna {', '.join(missing)} saknas (filen har: {', '.join(h for h in header if h) or 'inga rubriker'})."
            f" {DO}", row=1))
        return []
    records = []
    for line, cells in enumerate(reader, start=2):
        if not any(c.strip() for c in cells):
            continue
        record = {h: c.strip() for h, c in zip(header, cells)}
        record.setdefault("period", record.get("year", ""))
        if delimiter == ";" and isinstance(record.get("value"), str):
            record["value"] = record["value"].replace("\u00a0", "").replace(" ", "").replace(",", ".")
        records.append((line, record))
    return records


def _problem(place: str, row: int, message: str, value) -> Problem:
    """A CSV's problem names its line as every file's does; a JSON answer's names the record of
    its list 'values' ('Post 2: …'), counted from 1."""
    value = None if value is None else str(value)
    if place == "rad":
        return Problem(message, row=row, value=value)
    return Problem(f"Post {row}: {message}", value=value)


def _reference(row: int, record: dict, parsed: ParsedReferences, place: str) -> Reference | None:
    def problem(message: str, value) -> None:
        parsed.problems.append(_problem(place, row, message, value))

    kpi = str(record.get("kpi") or "").strip().upper()
    municipality = str(record.get("municipality") or record.get("municipality_id") or "").strip()
    period = str(record.get("period") or "").strip()
    gender = str(record.get("gender") or "T").strip().upper()
    raw = record.get("value")
    if not KPI_ID.match(kpi):
        problem(f"'{kpi}' är inget nyckeltal i Kolada: ett id är en bokstav och fem siffror, som N00090.", kpi)
        return None
    if not MUNICIPALITY_ID.match(municipality):
        problem(f"'{municipality}' är inget kommun-id: Kolada skriver fyra siffror, som 0380 (0000 är Riket).",
                municipality)
        return None
    if not re.fullmatch(r"(19|20)\d\d", period):
        problem(f"'{period}' är inget år: Kolada skriver året med fyra siffror, som 2025.", period)
        return None
    if gender not in GENDERS:
        problem(f"Könet '{gender}' finns inte i Kolada: T (totalt), K (kvinnor) eller M (män).", gender)
        return None
    if raw is None or (isinstance(raw, str) and raw.strip() in ("", "null")):
        parsed.skipped += 1
        return None
    try:
        value = float(raw)
    except (TypeError, ValueError):
        problem(f"Värdet '{raw}' är inget tal.", raw)
        return None
    if value != value or value in (float("inf"), float("-inf")):
        problem(f"Värdet '{raw}' är inget tal.", raw)
        return None
    name = next((str(record[k]).strip() for k in NAME_FIELDS if record.get(k)), None)
    municipality = municipality.zfill(4)  # a spreadsheet drops the leading zero of 0380
    return Reference(row, kpi, municipality, "Riket" if municipality == NATION else name, int(period), gender,
                     value, str(record["status"]).strip() or None if record.get("status") else None)
