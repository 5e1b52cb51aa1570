"""The units that need attention: above their target, or rising three months in a row, on the
indicators the catalogue checks for it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb

from hrdash import months as month_math
from hrdash.catalogue import ATTENTION, BY_ID, shown_in
from hrdash.figures import indicators
from hrdash.figures.format import format_value
from hrdash.figures.groups import Group, units_under
from hrdash.store import targets


@dataclass
class Attention:
    unit: Group
    indicator_id: str
    reason: str


def attention(con: duckdb.DuckDBPyConnection, all_groups: list[Group], group: Group, month: dt.date,
              unsuppressed: bool) -> list[tuple[Group, list[Attention]]]:
    """Units of `group` above their target, or rising three months in a row, in `month`; per
    unit, its reasons in catalogue order."""
    units = units_under(all_groups, group)
    if not units:
        return []
    checked = shown_in(ATTENTION)
    frame = indicators.fetch(con, unsuppressed=unsuppressed, levels=("enhet",),
                             group_ids=tuple(u.group_id for u in units), indicator_ids=checked,
                             first=month_math.shift(month, -3), last=month)
    goals = targets.Targets(con)
    by_id = {u.group_id: u for u in units}
    series: dict[tuple[str, str], dict[dt.date, float]] = {}
    for group_id, indicator_id, month_of_value, value in zip(frame["group_id"], frame["indicator"], frame["month"],
                                                              frame["value"]):
        if value == value:
            series.setdefault((group_id, indicator_id), {})[month_of_value] = float(value)
    found = []
    for (group_id, indicator_id), values in series.items():
        now = values.get(month)
        if now is None:
            continue
        unit = by_id[group_id]
        target = goals.for_group(indicator_id, unit)
        label = BY_ID[indicator_id].label
        if target is not None and now > target:
            found.append(Attention(unit, indicator_id, f"{label} {format_value(indicator_id, now)}, över målet "
                                                       f"{format_value(indicator_id, target)}"))
            continue
        history = [values.get(month_math.shift(month, -k)) for k in (3, 2, 1, 0)]
        if None not in history and all(a < b for a, b in zip(history, history[1:])):
            found.append(Attention(unit, indicator_id, f"{label} har ökat tre månader i rad, "
                                                       f"till {format_value(indicator_id, now)}"))
    by_unit: dict[str, list[Attention]] = {}
    for item in sorted(found, key=lambda a: (a.unit.name.casefold(), checked.index(a.indicator_id))):
        by_unit.setdefault(item.unit.key, []).append(item)
    return [(items[0].unit, items) for items in by_unit.values()]
