"""Stockholm's tertial cycle for the staff's voice (seed 004): at T1 the three questions are asked,
by T2 a plan for the next step is presented, at T3 the work is followed up. For each unit and year:
whether T1's answers are in, whether a plan (a measure on medarbetarnas röst for the unit or a group
above it, starting January–August) was registered, and the T3 follow-up with what the answers say
since the plan began (hrdash/figures/effects.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import duckdb

from hrdash.figures import effects, indicators
from hrdash.figures.groups import Group, lineage
from hrdash.figures.measures import Measure, measures
from hrdash.figures.voice import AGREE, ANSWERS


@dataclass(frozen=True)
class Step:
    """One unit's cycle in a year. `asked` and `followed_up` are None while the tertial has not ended;
    `plan_due` says whether T2 has ended."""

    unit: Group
    asked: bool | None  # T1's answers are in
    plan: Measure | None  # the plan registered by T2 (the unit's own first, else its avdelning's or above)
    plan_due: bool
    followed_up: bool | None  # T3's answers are in
    results: tuple[effects.Effect, ...]  # the unit's answers since the plan began, by question

    @property
    def missing(self) -> str | None:
        """The first step that is due and not done, in words; None where none is."""
        if self.asked is False:
            return "T1-svaren saknas"
        if self.plan is None and self.plan_due:
            return "ingen plan registrerad till T2"
        if self.followed_up is False:
            return "T3-svaren saknas"
        return None


def cycle(con: duckdb.DuckDBPyConnection, all_groups: list[Group], units: list[Group], year: int,
          until: dt.date) -> list[Step]:
    """The cycle of `year` for each unit, as far as `until` (a step not due yet is not missing)."""
    if not units:
        return []
    t1, t2, t3 = (dt.date(year, m, 1) for m in (4, 8, 12))
    frame = indicators.fetch(con, unsuppressed=True, levels=("enhet",), group_ids=tuple(u.group_id for u in units),
                             indicator_ids=ANSWERS, first=t1, last=t3)
    answered = {(r.group_id, r.month) for r in frame.itertuples() if r.value == r.value and r.value > 0}
    plans = [m for m in measures(con, "voice") if dt.date(year, 1, 1) <= m.start <= t2]
    chosen = {}
    for unit in units:
        above = {(g.level, g.group_id) for g in lineage(all_groups, unit)}
        chosen[unit.group_id] = next((m for m in sorted(plans, key=lambda m: (m.level != "enhet", m.start))
                                      if (m.level, m.group_id) in above), None)
    # Each unit's own answers since its plan began, as if the plan were the unit's (it covers the unit).
    own = [replace(plan, level=unit.level, group_id=unit.group_id, group_name=unit.name)
           for unit in units if (plan := chosen[unit.group_id]) is not None]
    results: dict[str, list[effects.Effect]] = {}
    for found in effects.effects(con, own) if own else []:
        if found.indicator_id in AGREE:
            results.setdefault(found.measure.group_id, []).append(found)
    return [Step(unit,
                 (unit.group_id, t1) in answered if until >= t1 else None,
                 chosen[unit.group_id], until >= t2,
                 (unit.group_id, t3) in answered if until >= t3 else None,
                 tuple(results.get(unit.group_id, ())))
            for unit in units]
