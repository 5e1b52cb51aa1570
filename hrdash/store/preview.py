"""What importing a file would change, computed by importing it for real inside a transaction
that is rolled back: new and replaced unit-months with old → new values, units the
organisation does not place, and for an organisation file who moves where."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from hrdash import swedish
from hrdash.errors import UserError
from hrdash.ingest.columns import KINDS, ORGANISATION
from hrdash.ingest.parse import ParsedFile
from hrdash.store import batches

STORED_LABELS = {c.field: c.canonical for k in KINDS for c in k.columns}


@dataclass
class Preview:
    changes: dict[str, pd.DataFrame] = field(default_factory=dict)  # kind id -> one row per unit-month
    unplaced: list[str] = field(default_factory=list)  # units the organisation does not know
    placements: pd.DataFrame | None = None  # for an organisation file
    problems: list = field(default_factory=list)  # found only when the rows meet the database


VALUE_FIELDS = {
    "sick_leave": ["employees", "ordinary_hours", "sick_hours", "sick_hours_day_1_14", "sick_hours_60_days"],
    "turnover": ["permanent_employees", "leavers", "internal_moves", "retirements"],
    "vacancies": ["budgeted_positions", "filled_positions", "consultants", "consultant_cost_sek"],
    "recruitment": ["recruitment_need", "recruitments_ongoing", "positions_filled"],
}
VIEWS = batches.CURRENT_VIEWS


def _number(value: object) -> str:
    if value is None or value != value:
        return "–"
    return swedish.number(float(value), 0 if float(value).is_integer() else 1)


PREVIEW_BATCH = 2**31 - 1  # larger than any real batch, so it wins every unit-month it touches


def preview(con: duckdb.DuckDBPyConnection, parsed: ParsedFile) -> Preview:
    """What importing `parsed` would change (see the module's docstring)."""
    result = Preview()
    cur = con.cursor()
    cur.execute("BEGIN TRANSACTION")
    try:
        for kind in parsed.kinds:
            if kind is ORGANISATION:
                cur.execute("CREATE TEMP TABLE before_placement AS SELECT * FROM unit_placement")
            else:
                cur.execute(f"CREATE TEMP TABLE before_{kind.id} AS SELECT * FROM {VIEWS[kind.id]}")
        try:
            batch_id = batches.write_batch(cur, parsed, "förhandsvisning", PREVIEW_BATCH)
        except UserError as refused:
            result.problems = refused.problems
            return result
        for kind in parsed.kinds:
            if kind is ORGANISATION:
                result.placements = _placement_changes(cur)
                continue
            fields = VALUE_FIELDS[kind.id]
            rows = cur.execute(
                f"""
                SELECT n.unit_name, a.month, b.unit_id IS NULL AS is_new,
                       {', '.join(f'b.{f} AS old_{f}, a.{f} AS new_{f}' for f in fields)}
                FROM {VIEWS[kind.id]} a
                JOIN unit_names n USING (unit_id)
                LEFT JOIN before_{kind.id} b USING (unit_id, month)
                WHERE a.batch_id = ?
                ORDER BY n.unit_name, a.month
                """,
                [batch_id],
            ).fetchall()
            labels = [STORED_LABELS[f] for f in fields]
            table = []
            for unit, month, is_new, *values in rows:
                olds, news = values[0::2], values[1::2]
                changed = [label for label, old, new in zip(labels, olds, news) if old != new]
                status = "Ny" if is_new else ("Ersätter" if changed else "Oförändrad")
                entry = {"Enhet": unit, "Månad": swedish.month_name(month), "Ändring": status}
                for label, old, new in zip(labels, olds, news):
                    entry[label] = _number(new) if is_new or old == new else f"{_number(old)} → {_number(new)}"
                table.append(entry)
            result.changes[kind.id] = pd.DataFrame(table)
        result.unplaced = batches.unplaced_units(cur, batch_id)
    finally:
        cur.execute("ROLLBACK")
        cur.close()
    return result


def _placement_changes(cur: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    rows = cur.execute(
        """
        WITH after AS (SELECT * FROM unit_placement)
        SELECT n.unit_name, a.month, b.department AS old_department, a.department AS new_department
        FROM after a
        JOIN unit_names n USING (unit_id)
        LEFT JOIN before_placement b USING (unit_id, month)
        WHERE b.department IS DISTINCT FROM a.department OR b.administration IS DISTINCT FROM a.administration
        ORDER BY n.unit_name, a.month
        """
    ).fetchall()
    moves: dict[tuple, list[dt.date]] = {}
    for unit, month, old, new in rows:
        moves.setdefault((unit, old, new), []).append(month)
    return pd.DataFrame(
        [(unit, old or "(ny i organisationen)", new, swedish.month_name(min(months)))
         for (unit, old, new), months in moves.items()],
        columns=["Enhet", "Från", "Till", "Från och med"],
    )
