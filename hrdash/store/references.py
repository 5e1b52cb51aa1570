"""Kolada's figures stored as reference values, each import a batch of kind 'kolada' in the same
list as every other import (so `hrdash batches`, `hrdash undo` and the page Data list and undo it,
and the audit log records it); and the municipalities the yearly view compares with.

A Kolada file is not one of the organisation's file kinds (hrdash/ingest/columns.py): it names
no unit and no month, so it has a reader of its own (hrdash/ingest/kolada.py) and this writer."""

from __future__ import annotations

import datetime as dt
import re

import duckdb

from hrdash import logs, swedish
from hrdash.errors import Problem, UserError
from hrdash.ingest.kolada import NATION, ParsedReferences
from hrdash.store import audit, batches
from hrdash.store.database import transaction
from hrdash.store.queries import read

KIND = batches.REFERENCES
MAX_COMPARED = 5
_ID = re.compile(r"^\d{4}$")


def import_references(con: duckdb.DuckDBPyConnection, parsed: ParsedReferences, user: str) -> batches.Batch:
    """Store a read Kolada file as a new batch, or refuse it and store nothing."""
    with batches.writes_waiting():
        try:
            batch = _import(con, parsed, user)
        except UserError as error:
            logs.event("import nekad", fel=len(error.problems) or 1, av=logs.pseudonym(user))
            raise
    logs.event("import", batch=batch.batch_id, typ=KIND, rader=batch.row_count, av=logs.pseudonym(user))
    return batch


def _import(con: duckdb.DuckDBPyConnection, parsed: ParsedReferences, user: str) -> batches.Batch:
    if not parsed.ok:
        raise batches.refused(parsed.problems or [Problem("Filen innehåller inga värden från Kolada.")])
    same = batches.find_same_file(con, parsed.sha256)
    if same:
        raise batches.refused([Problem(f"Filen '{parsed.file_name}' är redan importerad, oförändrad, som import nr "
                                       f"{same.batch_id} ({swedish.clock(same.imported_at)} av {same.imported_by}). "
                                       "Inget importerades igen.")])
    with transaction(con) as cur:
        batch_id = cur.execute("SELECT coalesce(max(batch_id), 0) + 1 FROM batches").fetchone()[0]
        cur.execute("INSERT INTO batches VALUES (?, ?, ?, ?, NULL, ?, ?, ?, NULL, NULL)",
                    [batch_id, KIND, parsed.file_name, parsed.sha256, parsed.row_count,
                     dt.datetime.now().replace(microsecond=0), user])
        cur.executemany("INSERT INTO reference_rows VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        [[batch_id, r.source_row, r.kpi, r.municipality_id, r.municipality_name, r.year, r.gender,
                          r.value, r.status] for r in parsed.rows])
        rows = f"{parsed.row_count} värde" if parsed.row_count == 1 else f"{parsed.row_count} värden"
        audit.record(cur, user, "Import", f"Import nr {batch_id}: {parsed.file_name} ({rows} från Kolada)")
    return batches.get_batch(con, batch_id)


def choices(con: duckdb.DuckDBPyConnection) -> tuple[str | None, list[str]]:
    """(the organisation's own municipality id or None, the ids compared with)."""
    row = read(con, "current_reference_choices", "municipality_id, compared").fetchone()
    if row is None:
        return None, []
    return row[0], [m for m in row[1].split(",") if m]


def choose(con: duckdb.DuckDBPyConnection, own: str | None, compared: list[str], user: str) -> None:
    """Save which municipality is the organisation's own and which (at most five) it compares with."""
    own = (own or "").strip() or None
    if own is not None:
        if not (own.isdigit() and len(own) <= 4):
            raise UserError(f"'{own}' är inget kommun-id i Kolada: fyra siffror, som 0380 för Uppsala. Inget är sparat.")
        own = own.zfill(4)  # '380' as a spreadsheet shows 0380
    compared = [c for c in dict.fromkeys(compared) if c not in (own, NATION)]
    if len(compared) > MAX_COMPARED:
        raise UserError(f"Välj högst {MAX_COMPARED} kommuner att jämföra med (du valde {len(compared)}). "
                        "Inget är sparat.")
    wrong = [c for c in compared if not _ID.match(c)]
    if wrong:
        raise UserError(f"{', '.join(wrong)} är inga kommun-id i Kolada. Inget är sparat.")
    con.execute("INSERT INTO reference_choices VALUES (?, ?, ?, ?)", [own, ",".join(compared), user, dt.datetime.now()])
    audit.record(con, user, "Inställning", f"Kommunens id i Kolada: {own or 'inget'}; jämförs med: "
                                           f"{', '.join(compared) or 'inga'}")
