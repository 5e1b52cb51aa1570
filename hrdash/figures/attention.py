"""The units that need attention, most serious first: a change that is real and for the worse (a
concern signal of its control chart), or a figure over its target that the unit will not meet
without a change. A figure a little over its target, within its normal variation, is not listed:
it is as likely to be under it next month.

Severity: 1 for a concern signal, plus how far over the target the figure is, as a share of the
target (49,2 % against 15 % counts 2,3). A unit is ranked by its most serious figure.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb

from hrdash.catalogue import ATTENTION, BY_ID, SIGNALS, shown_in
from hrdash.figures import indicators, signals
from hrdash.figures.format import format_value, labelled, shown
from hrdash.figures.groups import Group, units_under
from hrdash.store import targets

NEVER_MEETS = "Klarar inte målet utan förändring"


@dataclass
class Attention:
    unit: Group
    indicator_id: str
    reason: str  # plain Swedish: the figure, what its chart says, its target
    severity: float


def _reason(indicator_id: str, value: float, said: list[str], target: float | None, capability: str | None) -> str:
    """'Sjukfrånvaro 13,3 %, ovanligt hög (över den övre gränsen 11,0 %), över målet 7,0 %'."""
    text = labelled(indicator_id, value)
    if said:
        what, _, detail = said[0].partition(": ")
        text += f", {what[0].lower()}{what[1:]}" + (f" ({detail})" if detail else "")
    if _over(indicator_id, value, target):
        text += f", över målet {format_value(indicator_id, target)}"
        if capability == NEVER_MEETS:
            text += " (klaras inte utan förändring)"
    return text


def attention(con: duckdb.DuckDBPyConnection, all_groups: list[Group], group: Group, month: dt.date,
              unsuppressed: bool) -> list[tuple[Group, list[Attention]]]:
    """The units of `group` that need attention in `month`, most serious first, each with its
    reasons, most serious first."""
    units = units_under(all_groups, group)
    if not units:
        return []
    by_id = {u.group_id: u for u in units}
    goals = targets.Targets(con)
    checked = shown_in(ATTENTION)
    charted = [i for i in checked if SIGNALS in BY_ID[i].shown]
    found: list[Attention] = []
    for series in signals.all_series(con, level="enhet", group_id=tuple(by_id), indicator=tuple(charted)):
        point = signals.point_at(series, month, unsuppressed)
        if point is None:
            continue
        unit, indicator_id = by_id[series.group_id], series.indicator_id
        target = goals.for_group(indicator_id, unit)
        concern = point.variation(signals.worse_when_higher(indicator_id)) == signals.CONCERN
        capability = signals.capability(point, target)
        over = _over(indicator_id, point.value, target)
        if concern or (over and capability == NEVER_MEETS):
            said = signals.explain(point, indicator_id, format_value) if concern else []
            found.append(Attention(unit, indicator_id, _reason(indicator_id, point.value, said, target, capability),
                                   (1.0 if concern else 0.0) + _excess(point.value, target)))
    uncharted = [i for i in checked if i not in charted]
    frame = indicators.fetch(con, unsuppressed=unsuppressed, levels=("enhet",), group_ids=tuple(by_id),
                             indicator_ids=tuple(uncharted), first=month, last=month)
    for group_id, indicator_id, value in zip(frame["group_id"], frame["indicator"], frame["value"]):
        target = goals.for_group(indicator_id, by_id[group_id])
        if value == value and _over(indicator_id, value, target):
            found.append(Attention(by_id[group_id], indicator_id, _reason(indicator_id, value, [], target, None),
                                   _excess(value, target)))
    by_unit: dict[str, list[Attention]] = {}
    for item in sorted(found, key=lambda a: -a.severity):
        by_unit.setdefault(item.unit.key, []).append(item)
    return sorted(((items[0].unit, items) for items in by_unit.values()),
                  key=lambda pair: (-pair[1][0].severity, pair[0].name.casefold()))


def _over(indicator_id: str, value: float, target: float | None) -> bool:
    """Over the target as the figure is shown: 7,04 % is not over a target of 7,0 %."""
    return target is not None and shown(indicator_id, value) > target


def _excess(value: float, target: float | None) -> float:
    """How far over the target, as a share of it."""
    return max(0.0, (value - target) / target) if target else 0.0
