"""A manager's own part of the organisation (the role chef, hrdash/store/roles.py): its units'
sick leave in full, even for a group of 10 or fewer, since the manager already receives every sick
report of her staff; never anyone else's, never a month before a unit came under her, never the
answers of the pulse questions or exit interviews (their protection is above all from the
manager). And the figures she reports herself (the month's caseload, the tertial's pulse answers),
read as a file is read.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from hrdash import swedish
from hrdash.figures import indicators
from hrdash.figures.format import format_value
from hrdash.figures.groups import Group
from hrdash.ingest.columns import Kind
from hrdash.months import shift
from hrdash.store import scopes as scopes_module
from hrdash.store.queries import read

# The sick-leave figures a manager follows for her units (not the splits by gender and age, which
# in a small unit name a person to everyone the manager might show them to).
SHOWN = ("sick_leave_pct", "short_sick_leave_pct", "long_sick_leave_share_pct", "sick_leave_12m_pct",
         "repeated_short_absence_pct")
MONTHS_SHOWN = 12


def own_groups(all_groups: list[Group], own: tuple[str, ...], held_before: frozenset[str] = frozenset()) -> list[Group]:
    """The groups of the manager's parts: each part itself, then the units in it (as they are placed now,
    and those of `held_before`, the ids of units her parts held in an earlier month: see `held_units`)."""
    parts = [g for g in all_groups if g.key in own]
    inside = [g for g in all_groups if g.level == "enhet" and g not in parts
              and (any(scopes_module.parse(key).contains(g) for key in own) or g.group_id in held_before)]
    return parts + inside


def held_units(con: duckdb.DuckDBPyConnection, own: tuple[str, ...], last: dt.date) -> frozenset[str]:
    """The ids of the units the manager's parts held in any of the MONTHS_SHOWN months up to `last`: a
    unit that moved away is still hers in the months before it moved (sick_leave shows only those)."""
    found = read(con, "unit_scopes", "DISTINCT unit_id", since=shift(last, -(MONTHS_SHOWN - 1)), until=last,
                 scope=tuple(own))
    return frozenset(row[0] for row in found.fetchall())


def sick_leave(con: duckdb.DuckDBPyConnection, groups: list[Group], own: tuple[str, ...], indicator_id: str,
               last: dt.date) -> tuple[pd.DataFrame, list[str]]:
    """One row per group, one column per month (the latest MONTHS_SHOWN up to `last`, newest
    first), the value as shown ('7,4 %'; '–' not reported); a unit's month before it came under
    the manager is empty, and a group's month that not all its units reported is marked '*'.
    Beside it, what each '*' means ('Vuxen, nov 2026: 1 av 5 enheter har rapporterat.').
    Unsuppressed: only for the manager's own groups, only for SHOWN."""
    if indicator_id not in SHOWN or not groups:
        return pd.DataFrame(), []
    frame = indicators.fetch(con, unsuppressed=True, first=shift(last, -(MONTHS_SHOWN - 1)), last=last,
                             levels=tuple({g.level for g in groups}), group_ids=tuple(g.group_id for g in groups),
                             indicator_ids=(indicator_id,))
    held = read(con, "unit_scopes", "DISTINCT unit_id, month", scope=tuple(own)).df()
    held = {(u, m.date()) for u, m in zip(held["unit_id"], held["month"])}
    wanted = {(g.level, g.group_id) for g in groups}
    frame = frame[[(level, gid) in wanted and (level != "enhet" or (gid, m) in held or f"enhet:{gid}" in own)
                   for level, gid, m in zip(frame["level"], frame["group_id"], frame["month"])]]
    by_key = frame.set_index(["level", "group_id", "month"])
    table, notes = pd.DataFrame({"Enhet": [g.name for g in groups]}), []
    for month in sorted(set(frame["month"]), reverse=True):
        column = swedish.month_name(month, short=True)
        cells = []
        for g in groups:
            if (g.level, g.group_id, month) not in by_key.index:
                cells.append("")
                continue
            row = by_key.loc[(g.level, g.group_id, month)]
            cell = format_value(indicator_id, None if pd.isna(row["value"]) else row["value"])
            if g.level != "enhet" and 0 < row["units_reported"] < row["units"]:
                cell += "*"
                notes.append(f"{g.name}, {column}: {row['units_reported']:.0f} av {row['units']:.0f} enheter har "
                             "rapporterat.")
            cells.append(cell)
        table[column] = cells
    return table, notes


def reporting_units(con: duckdb.DuckDBPyConnection, groups: list[Group], kind: Kind) -> list[Group]:
    """The manager's units that report a kind (not every unit handles cases or takes the survey)."""
    reporting = {row[0] for row in read(con, "unit_kinds", "unit_id", kind=kind.id).fetchall()}
    return [g for g in groups if g.level == "enhet" and g.group_id in reporting]


def tertial_end(month: dt.date) -> dt.date:
    """The last month of the tertial a month falls in: november 2026 -> december 2026."""
    return dt.date(month.year, (month.month - 1) // 4 * 4 + 4, 1)
