"""Write parsed files into the database as batches, undo them, list them.

An import is one transaction: either every row of the file is stored with its batch, or
nothing is. Rows are never updated or deleted; undo marks the batch, and the views fall
back to what it replaced.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

import duckdb

from hrdash import logs, swedish
from hrdash.errors import Problem, UserError
from hrdash.ingest.columns import DATA_KINDS, KINDS, MEASURES, Kind
from hrdash.store import audit
from hrdash.store import scopes as scopes_module
from hrdash.store.database import transaction

if TYPE_CHECKING:  # parsing needs pandas; listing and undoing batches does not
    import pandas as pd

    from hrdash.ingest.parse import ParsedFile


# The kind of a batch of Kolada's figures (hrdash/store/references.py): not a file kind of the organisation.
REFERENCES, REFERENCES_NAME = "kolada", "Kolada (jämförelse)"
# What a batch of each kind is called in a sentence; the kinds whose rows are about units.
KIND_NAMES = {**{k.id: k.name for k in KINDS}, REFERENCES: REFERENCES_NAME}
DATA_KIND_IDS = {k.id for k in DATA_KINDS}


def refused(problems: list[Problem]) -> UserError:
    """The error that refuses a file: nothing of it was imported."""
    return UserError(f"Filen importerades inte: {len(problems)} fel att rätta.", problems)


@dataclass
class Batch:
    batch_id: int
    kind: str
    file_name: str
    sha256: str
    sheets: str | None
    row_count: int
    imported_at: dt.datetime
    imported_by: str
    undone_at: dt.datetime | None
    undone_by: str | None

    @property
    def rows_text(self) -> str:
        return swedish.count(self.row_count, "rad", "rader")

    @property
    def kind_names(self) -> str:
        """The Swedish names of the kinds in the batch, as users call them."""
        ids = self.kind.split(",")
        return ", ".join([k.name for k in KINDS if k.id in ids] + ([REFERENCES_NAME] if REFERENCES in ids else []))


def _table_columns(kind: Kind) -> list[str]:
    fields = [c.field for c in kind.columns if c.type != "year"]
    return ["part", "source_row", *kind.derived, *dict.fromkeys(fields)]


def find_same_file(con: duckdb.DuckDBPyConnection, sha256: str) -> Batch | None:
    """The active batch that imported exactly this file before and whose figures still all hold.

    A file whose figures a later import has replaced in part may be imported again: then it
    wins again, as latest-wins says.
    """
    batch = imported_before(con, sha256)
    return batch if batch and _still_current(con, batch) else None


def imported_before(con: duckdb.DuckDBPyConnection, sha256: str) -> Batch | None:
    """The latest active batch that imported exactly this file, whether or not later imports have
    replaced its figures since."""
    row = con.execute(
        "SELECT * FROM batches WHERE sha256 = ? AND undone_at IS NULL ORDER BY batch_id DESC LIMIT 1", [sha256]
    ).fetchone()
    return Batch(*row) if row else None


def _still_current(con: duckdb.DuckDBPyConnection, batch: Batch) -> bool:
    """Whether every unit-month (or, for an organisation file, every placement; for measures, every
    measure, for Kolada's figures every value) of the batch still holds."""
    if batch.kind == REFERENCES:
        stored, holding = con.execute(
            """SELECT (SELECT count(*) FROM reference_rows WHERE batch_id = $1),
                      (SELECT count(*) FROM current_references WHERE batch_id = $1)""", [batch.batch_id]).fetchone()
        return holding == stored
    if "measures" in batch.kind.split(","):
        stored, holding = con.execute(
            """SELECT (SELECT count(*) FROM measure_rows WHERE batch_id = $1),
                      (SELECT count(*) FROM current_measures WHERE batch_id = $1)""", [batch.batch_id]).fetchone()
        if holding < stored:
            return False
    if "organisation" in batch.kind.split(","):
        later = con.execute(
            "SELECT count(*) FROM active_batches WHERE batch_id > ? AND kind LIKE '%organisation%'", [batch.batch_id]
        ).fetchone()[0]
        if later:
            return False
    replaced = con.execute(
        """
        SELECT count(*)
        FROM data_rows d
        JOIN unit_aliases a ON a.unit_key = d.unit_key AND a.unit_code IS NOT DISTINCT FROM d.unit_code
        JOIN current_rows c ON c.kind = d.kind AND c.unit_id = a.unit_id AND c.month = d.month
        WHERE d.batch_id = $1 AND c.batch_id <> $1
        """,
        [batch.batch_id],
    ).fetchone()[0]
    return not replaced


def unplaced_units(con: duckdb.DuckDBPyConnection, batch_id: int) -> list[str]:
    """The units of a batch that the organisation does not place (they count under 'Ej placerad'):
    those whose figures, of any kind, have a month that no placement holds for. Only the rows of
    the batch's units are read, and names only where a unit is unplaced (unit_month_parts and
    unit_names read every row: at a city's scale 30 s after each import)."""
    unplaced = [row[0] for row in con.execute(
        """
        WITH batch_units AS (
            SELECT DISTINCT a.unit_id
            FROM data_rows d
            JOIN unit_aliases a ON a.unit_key = d.unit_key AND a.unit_code IS NOT DISTINCT FROM d.unit_code
            WHERE d.batch_id = $1
        ),
        held AS (
            SELECT d.kind, d.batch_id, a.unit_id, d.month
            FROM data_rows d
            JOIN active_batches USING (batch_id)
            JOIN unit_aliases a ON a.unit_key = d.unit_key AND a.unit_code IS NOT DISTINCT FROM d.unit_code
            WHERE a.unit_id IN (SELECT unit_id FROM batch_units)
        ),
        current_units AS (  -- where the batch's figures hold (latest wins), as in current_rows
            SELECT DISTINCT unit_id
            FROM (SELECT unit_id, max(batch_id) AS latest FROM held GROUP BY kind, unit_id, month)
            WHERE latest = $1
        )
        SELECT DISTINCT u.unit_id
        FROM (SELECT DISTINCT unit_id, month FROM held WHERE unit_id IN (SELECT unit_id FROM current_units)) u
        WHERE NOT EXISTS (SELECT 1 FROM unit_placement p WHERE p.unit_id = u.unit_id AND p.month = u.month)
        """,
        [batch_id],
    ).fetchall()]
    if not unplaced:
        return []
    return [row[0] for row in con.execute(
        "SELECT DISTINCT unit_name FROM unit_names WHERE unit_id IN (SELECT unnest($1)) ORDER BY 1", [unplaced]
    ).fetchall()]


# Imports and undos in one server process run one after the other: two HR users confirming at
# the same moment both land, in turn, and the identical-file check sees the other's batch.
_write_lock = threading.Lock()


def writes_waiting() -> threading.Lock:
    """`with writes_waiting():` holds imports and undos of this process back until the block
    ends: a backup takes its copy in between two imports, never during one."""
    return _write_lock


def import_file(con: duckdb.DuckDBPyConnection, parsed: ParsedFile, user: str, action: str = "Import",
                scopes: tuple[str, ...] | None = None) -> Batch:
    """Store a parsed file as a new batch, or refuse it and leave the database unchanged. `action`
    is what the audit log calls it (a measure saved on the page Data is an import of one row).
    `scopes`: the parts of the organisation the user may import for (hrdash/store/scopes.py;
    None: all of it); a file with a row outside them is refused, naming the units."""
    with _write_lock:
        try:
            batch = _import_file(con, parsed, user, action, scopes)
        except UserError as error:
            logs.event("import nekad", fel=len(error.problems) or 1, av=logs.pseudonym(user))
            raise
    logs.event("import", batch=batch.batch_id, typ=",".join(batch.kind_names.split(", ")), rader=batch.row_count,
               av=logs.pseudonym(user))
    return batch


def _import_file(con: duckdb.DuckDBPyConnection, parsed: ParsedFile, user: str, action: str,
                 scopes: tuple[str, ...] | None) -> Batch:
    if not parsed.ok:
        raise refused(parsed.problems or [Problem("Filen innehåller inga rader att importera.")])
    same = find_same_file(con, parsed.sha256)
    if same:
        raise refused([Problem(f"Filen '{parsed.file_name}' är redan importerad, oförändrad, som import nr "
                               f"{same.batch_id} ({swedish.clock(same.imported_at)} av {same.imported_by}). "
                               "Inget importerades igen.")])
    with transaction(con) as cur:
        batch_id = write_batch(cur, parsed, user)
        outside = _outside(cur, batch_id, [k.id for k in parsed.kinds], scopes)
        if outside:
            raise refused(outside)
        rows = swedish.count(parsed.row_count, "rad", "rader")
        audit.record(cur, user, action, f"Import nr {batch_id}: {parsed.file_name} ({rows})")
    return get_batch(con, batch_id)


def _outside(cur: duckdb.DuckDBPyConnection, batch_id: int, kinds: list[str],
             scopes: tuple[str, ...] | None) -> list[Problem]:
    """Why a batch lies outside the user's parts of the organisation (none: it lies inside): a
    kind that holds for the whole organisation (the organisation itself, Kolada's figures), a row
    of a unit outside them in its month, a measure for a group outside them."""
    if scopes_module.anywhere(scopes):
        return []
    whole = [k for k in kinds if k not in DATA_KIND_IDS and k != MEASURES.id]
    if whole:
        return [Problem(f"Uppgifter om {KIND_NAMES.get(whole[0], whole[0])} gäller hela organisationen: bara HR för hela "
                        "organisationen eller en administratör kan läsa in eller ångra sådana uppgifter.")]
    rows = cur.execute("SELECT source_row, group_name, level, group_id, start_month FROM measure_rows "
                       "WHERE batch_id = ? ORDER BY source_row", [batch_id]).fetchall()
    measures = [Problem(f"Åtgärden för '{name}' gäller en del av organisationen utanför din "
                        f"({scopes_module.words(cur, scopes)}). Ta bort raden eller be HR för den delen lägga in den.",
                        row=row, value=name)
                for row, name, level, group_id, month in rows
                if scopes_module.measure_outside(cur, level, group_id, month, scopes)]
    return scopes_module.refused_units(cur, batch_id, scopes) + measures


def write_batch(cur: duckdb.DuckDBPyConnection, parsed: ParsedFile, user: str, batch_id: int | None = None) -> int:
    """Insert the batch and its rows; the caller holds the transaction (and the write lock).
    Batch ids run 1, 2, 3 … without gaps. Returns the batch id."""
    if batch_id is None:
        batch_id = cur.execute("SELECT coalesce(max(batch_id), 0) + 1 FROM batches").fetchone()[0]
    sheets = ", ".join(dict.fromkeys(p.sheet for p in parsed.parts if p.sheet is not None)) or None
    cur.execute(
        "INSERT INTO batches VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)",
        [batch_id, ",".join(k.id for k in parsed.kinds), parsed.file_name, parsed.sha256, sheets,
         parsed.row_count, dt.datetime.now().replace(microsecond=0), user],
    )
    for kind in parsed.kinds:
        rows = parsed.frame(kind)[_table_columns(kind)].assign(batch_id=batch_id)
        columns = ", ".join(rows.columns)
        cur.register("incoming_rows", rows)
        cur.execute(f"INSERT INTO {kind.table} ({columns}) SELECT {columns} FROM incoming_rows")
        cur.unregister("incoming_rows")
    clashes = _rows_meaning_the_same_unit(cur, batch_id, parsed.kinds)
    if clashes:
        raise refused(clashes)
    return batch_id


def _rows_meaning_the_same_unit(cur: duckdb.DuckDBPyConnection, batch_id: int, kinds: list[Kind]) -> list[Problem]:
    """Two rows of one file that name a unit differently (code on one, name on the other) but
    resolve to the same unit and month would be counted twice: refuse them."""
    problems = []
    for kind in (k for k in DATA_KINDS if k in kinds):
        for unit_name, month, rows in cur.execute(
            f"""
            SELECT any_value(r.unit_name), r.month, list(r.source_row ORDER BY r.source_row)
            FROM {kind.table} r
            JOIN unit_aliases a ON a.unit_key = r.unit_key AND a.unit_code IS NOT DISTINCT FROM r.unit_code
            WHERE r.batch_id = ?
            GROUP BY a.unit_id, r.month{''.join(f', r.{key}' for key in kind.row_keys)}
            HAVING count(*) > 1
            """,
            [batch_id],
        ).fetchall():
            problems.append(
                Problem(
                    f"Raderna {', '.join(map(str, rows))} avser alla enheten '{unit_name}' för "
                    f"{month:%Y-%m} (en med enhetskod, en utan, eller olika stavning av samma enhet). "
                    "Ta bort dubbletterna.",
                    row=rows[1],
                    value=unit_name,
                )
            )
    return problems


def get_batch(con: duckdb.DuckDBPyConnection, batch_id: int) -> Batch:
    row = con.execute("SELECT * FROM batches WHERE batch_id = ?", [batch_id]).fetchone()
    if row is None:
        raise UserError(f"Det finns ingen import nr {batch_id}.")
    return Batch(*row)


def list_batches(con: duckdb.DuckDBPyConnection) -> list[Batch]:
    return [Batch(*row) for row in con.execute("SELECT * FROM batches ORDER BY batch_id DESC").fetchall()]


def undo(con: duckdb.DuckDBPyConnection, batch_id: int, user: str, scopes: tuple[str, ...] | None = None) -> Batch:
    """Mark a batch undone: its rows stay stored but no longer count, so what it replaced is back.
    `scopes` as for import_file: a batch with a row outside them is not undone."""
    with _write_lock:
        batch = _undo(con, batch_id, user, scopes)
    logs.event("ångrad import", batch=batch.batch_id, av=logs.pseudonym(user))
    return batch


def _undo(con: duckdb.DuckDBPyConnection, batch_id: int, user: str, scopes: tuple[str, ...] | None) -> Batch:
    batch = get_batch(con, batch_id)
    if batch.undone_at is not None:
        raise UserError(f"Import nr {batch_id} är redan ångrad ({swedish.clock(batch.undone_at)} av {batch.undone_by}).")
    outside = _outside(con, batch_id, batch.kind.split(","), scopes)
    if outside:
        message = (f"Import nr {batch_id} ångrades inte: den gäller mer än din del av organisationen "
                   f"({scopes_module.words(con, scopes)}). Be HR för hela organisationen ångra den.")
        raise UserError(message, problems=[message, *outside])
    with transaction(con) as cur:
        cur.execute(
            "UPDATE batches SET undone_at = ?, undone_by = ? WHERE batch_id = ?",
            [dt.datetime.now().replace(microsecond=0), user, batch_id],
        )
        audit.record(cur, user, "Ångrad import", f"Import nr {batch_id}: {batch.file_name}")
    return get_batch(con, batch_id)


def batch_rows(con: duckdb.DuckDBPyConnection, batch: Batch) -> dict[str, pd.DataFrame]:
    """The rows a batch stored, per kind id."""
    return {
        kind.id: con.execute(f"SELECT * FROM {kind.table} WHERE batch_id = ? ORDER BY source_row", [batch.batch_id]).df()
        for kind in KINDS
        if kind.id in batch.kind.split(",")
    }
