"""The organisation's names as the parser needs them (hrdash/ingest/units.py), and the units HR
chose on the upload page for names the organisation does not know, remembered for the next file."""

from __future__ import annotations

import datetime as dt

import duckdb

from hrdash.ingest.headers import normalize_unit_key
from hrdash.ingest.units import KnownUnits, Unit
from hrdash.store import audit
from hrdash.store.queries import read


def known(con: duckdb.DuckDBPyConnection) -> KnownUnits:
    """Every unit of the organisation with its current name, code, place and id; its older names; the
    names already imported as units of their own (with their ids); and the choices HR made."""
    placements = read(con, "organisation_placements", "unit_id, unit_name, unit_key, unit_code, department, "
                      "administration, batch_id, valid_from, part, source_row").fetchall()
    latest: dict[str, tuple] = {}
    for row in placements:
        unit_id, *_, batch_id, valid_from, part, source_row = row
        rank = (batch_id, valid_from or dt.date.min, part or 0, source_row)
        if unit_id not in latest or rank > latest[unit_id][0]:
            latest[unit_id] = (rank, row)
    units = {unit_id: Unit(row[1], row[3], row[4], row[5], unit_id) for unit_id, (_, row) in latest.items()}
    aliases = {row[2]: units[row[0]] for row in placements if row[2] != units[row[0]].key}
    # Names already imported as units of their own (under 'Ej placerad'): decided before.
    unplaced = dict(con.execute(
        """SELECT d.unit_key, min(a.unit_id)
           FROM data_rows d
           JOIN active_batches USING (batch_id)
           JOIN unit_aliases a ON a.unit_key = d.unit_key AND a.unit_code IS NOT DISTINCT FROM d.unit_code
           WHERE a.unit_id NOT IN (SELECT unit_id FROM organisation_placements)
           GROUP BY d.unit_key"""
    ).fetchall())
    return KnownUnits(sorted(units.values(), key=lambda u: (u.department or "", u.name.lower())), aliases,
                      set(unplaced), remembered_choices(con), unplaced)


def remembered_choices(con: duckdb.DuckDBPyConnection) -> dict[str, Unit | None]:
    """written name (folded) -> the unit HR chose for it, or None for a new unit; the latest choice holds."""
    rows = con.execute(
        """SELECT written_key, unit_name, unit_code FROM unit_choices
           QUALIFY row_number() OVER (PARTITION BY written_key ORDER BY set_at DESC) = 1"""
    ).fetchall()
    return {key: (Unit(name, code) if name else None) for key, name, code in rows}


def remember_choices(con: duckdb.DuckDBPyConnection, choices: dict[str, Unit | None], user: str) -> None:
    """Keep what HR chose for each unknown name, so the next file with it is read the same way."""
    if not choices:
        return
    now = dt.datetime.now()
    for written, unit in choices.items():
        con.execute("INSERT INTO unit_choices VALUES (?, ?, ?, ?, ?)",
                    [normalize_unit_key(written), unit.name if unit else None, unit.code if unit else None, user, now])
    audit.record(con, user, "Enhetsval", ", ".join(
        f"'{written}' → {unit.label if unit else 'ny enhet'}" for written, unit in choices.items()))
