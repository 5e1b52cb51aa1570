"""The organisation's names as the parser needs them (hrdash/ingest/units.py), and the units HR
chose on the upload page for names the organisation does not know, remembered for the next file."""

from __future__ import annotations

import datetime as dt

import duckdb

from hrdash.ingest.headers import normalize_unit_key
from hrdash.ingest.units import CLOSING_DEPARTMENTS, KnownUnits, Unit
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


def placed_in(con: duckdb.DuckDBPyConnection, month: dt.date) -> list[Unit]:
    """The units the organisation has open in a month, where it places them that month, each with
    its current name and code (what a file may write for it). The placement of a month is chosen as
    queries/staging/unit_placement.sql chooses it (that view covers only the months with figures,
    and a template may be for a month not yet reported): of the placements that hold in the month,
    the latest batch, then the latest valid_from; a unit placed under 'Nedlagd' is closed."""
    current = {unit.unit_id: unit for unit in known(con).units}
    rows = read(con, "organisation_placements", "unit_id, department, administration, batch_id, valid_from, part, "
                "source_row").fetchall()
    holding: dict[str, tuple] = {}
    for unit_id, department, administration, batch_id, valid_from, part, source_row in rows:
        if valid_from is not None and valid_from > month:
            continue
        rank = (batch_id, valid_from or dt.date.min, part or 0, source_row)
        if unit_id not in holding or rank > holding[unit_id][0]:
            holding[unit_id] = (rank, department, administration)
    units = [Unit(current[unit_id].name, current[unit_id].code, department, administration, unit_id)
             for unit_id, (_, department, administration) in holding.items()
             if department.strip().casefold() not in CLOSING_DEPARTMENTS]
    return sorted(units, key=lambda u: (u.department or "", u.name.lower()))


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
