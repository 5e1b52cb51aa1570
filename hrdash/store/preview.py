"""What importing a file would change, computed by importing it for real inside a transaction
that is rolled back: new and replaced unit-months with old → new values, units the
organisation does not place, for an organisation file who moves where, and for measures which
are new and which replace one (old → new)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from hrdash import swedish
from hrdash.catalogue import QUESTIONS, TOPICS
from hrdash.errors import UserError
from hrdash.ingest.columns import DATA_KINDS, KINDS, MEASURES, ORGANISATION, STATUSES
from hrdash.ingest.parse import ParsedFile
from hrdash.store import batches

STORED_LABELS = {c.field: c.label for k in KINDS for c in k.columns}  # in words: never a code name on a page
# The columns of a unit's current pulse answers and exit interviews (queries/staging/), as the preview names them.
SUMMED_LABELS = {**{f"pulse_{q.id}_answers": f"svar: {q.texts[-1]}" for q in QUESTIONS},
                 "pulse_asked": "tillfrågade", "exit_interviews": "avgångssamtal"}


@dataclass
class Preview:
    changes: dict[str, pd.DataFrame] = field(default_factory=dict)  # kind id -> one row per unit-month (or measure)
    unplaced: list[str] = field(default_factory=list)  # units the organisation does not know
    placements: pd.DataFrame | None = None  # for an organisation file
    problems: list = field(default_factory=list)  # found only when the rows meet the database


VALUE_FIELDS = {
    "sick_leave": ["employees", "ordinary_hours", "sick_hours", "sick_hours_day_1_14", "sick_hours_60_days"],
    "turnover": ["permanent_employees", "leavers", "internal_moves", "retirements"],
    "vacancies": ["budgeted_positions", "filled_positions", "consultants", "consultant_cost_sek"],
    "recruitment": ["recruitment_need", "recruitments_ongoing", "positions_filled"],
    "caseload": ["open_cases", "case_workers", "new_cases", "closed_cases"],
    "pulse": ["pulse_work_situation_answers", "pulse_good_work_answers", "pulse_recommend_answers", "pulse_asked"],
    "exit_reasons": ["exit_interviews"],
}


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
        if ORGANISATION in parsed.kinds:
            cur.execute("CREATE TEMP TABLE before_placement AS SELECT * FROM unit_placement")
        if any(kind in DATA_KINDS for kind in parsed.kinds):
            cur.execute("CREATE TEMP TABLE before_figures AS SELECT * FROM current_unit_figures")
        if MEASURES in parsed.kinds:
            cur.execute("CREATE TEMP TABLE before_measures AS SELECT * FROM current_measures")
        try:
            batch_id = batches.write_batch(cur, parsed, "förhandsvisning", PREVIEW_BATCH)
        except UserError as refused:
            result.problems = refused.problems
            return result
        for kind in parsed.kinds:
            if kind is ORGANISATION:
                result.placements = _placement_changes(cur)
                continue
            if kind is MEASURES:
                result.changes[kind.id] = _measure_changes(cur, batch_id)
                continue
            fields = VALUE_FIELDS[kind.id]
            rows = cur.execute(
                f"""
                SELECT n.unit_name, a.month, b.{kind.id}_batch IS NULL AS is_new,
                       {', '.join(f'b.{f} AS old_{f}, a.{f} AS new_{f}' for f in fields)}
                FROM current_unit_figures a
                JOIN unit_names n USING (unit_id)
                LEFT JOIN before_figures b USING (unit_id, month)
                WHERE a.{kind.id}_batch = ?
                ORDER BY n.unit_name, a.month
                """,
                [batch_id],
            ).fetchall()
            labels = [STORED_LABELS.get(f) or SUMMED_LABELS[f] for f in fields]
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


MEASURE_FIELDS = {"topic": "Område", "responsible": "Ansvarig", "status": "Status", "follow_up": "Uppföljning",
                  "description": "Beskrivning"}


def _measure_text(field: str, value: object) -> str:
    if value is None or value != value:
        return "–"
    if field == "topic":
        return TOPICS[value].title
    if field == "status":
        return next(s.label for s in STATUSES if s.id == value)
    if field == "follow_up":
        return swedish.month_name(value)
    return str(value)


def _measure_changes(cur: duckdb.DuckDBPyConnection, batch_id: int) -> pd.DataFrame:
    """Each measure of the file: new, replacing one (its fields old → new), or unchanged."""
    fields = list(MEASURE_FIELDS)
    rows = cur.execute(
        f"""
        SELECT a.group_name, a.start_month, a.title, b.batch_id IS NULL AS is_new,
               {', '.join(f'b.{f} AS old_{f}, a.{f} AS new_{f}' for f in fields)}
        FROM current_measures a
        LEFT JOIN before_measures b USING (level, group_id, start_month, title_key)
        WHERE a.batch_id = ?
        ORDER BY lower(a.group_name), a.start_month, lower(a.title)
        """,
        [batch_id],
    ).fetchall()
    table = []
    for group, start, title, is_new, *values in rows:
        olds = [_measure_text(f, v) for f, v in zip(fields, values[0::2])]
        news = [_measure_text(f, v) for f, v in zip(fields, values[1::2])]
        changed = olds != news
        entry = {"Gäller": group, "Startmånad": swedish.month_name(start), "Åtgärd": title,
                 "Ändring": "Ny" if is_new else ("Ersätter" if changed else "Oförändrad")}
        for label, old, new in zip(MEASURE_FIELDS.values(), olds, news):
            entry[label] = new if is_new or old == new else f"{old} → {new}"
        table.append(entry)
    return pd.DataFrame(table, columns=["Gäller", "Startmånad", "Åtgärd", "Ändring", *MEASURE_FIELDS.values()])
