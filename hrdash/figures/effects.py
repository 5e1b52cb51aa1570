"""Whether what was done worked (domain.md, Part 3: `hrdash effects`): for each measure and each
indicator of its topic, the group's figure before the measure and after it, and a verdict.

- The five control-chart indicators: the group's series as its control chart has it (seasonally
  adjusted for sick leave, hrdash/figures/signals.py). The **pre** points are the last 12 before
  the start month; their centre, moving range and limits are the chart's baseline. The **post**
  points are those from the start month on. An improvement is a run of 7 or more post points
  strictly below the pre centre, or 2 in a row below the pre lower limit; a deterioration the same
  above (all five are worse when higher).
- The pulse questions: the share who agree in the last survey before the start against the latest
  survey since, with a two-proportion test.
- Turnover: leavers are rare events, which give no monthly verdict: a row without an indicator.

A verdict is a sign, not proof that the measure caused it: the pages word it so.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import duckdb
import numpy as np

from hrdash.figures import indicators, signals
from hrdash.figures.measures import Measure, measures
from hrdash.figures.voice import AGREE, ANSWERS

TOPIC_INDICATORS = {
    "sick_leave": ("sick_leave_pct", "short_sick_leave_pct"),
    "vacancies": ("vacancy_rate_pct",),
    "recruitment": ("recruitment_need",),
    "workload": ("caseload_per_worker",),
    "voice": AGREE,
    "turnover": (None,),
}
PRE_POINTS, RUN_POINTS, BEYOND_POINTS = 12, 7, 2
Z_TEST = 1.959964
IMPROVEMENT, DETERIORATION, MIXED = "improvement", "deterioration", "mixed"
TOO_EARLY, NO_CHANGE, NO_BASELINE = "too_early", "no_change", "no_baseline"


@dataclass(frozen=True)
class Effect:
    measure: Measure
    indicator_id: str | None
    before: float | None = None
    after: float | None = None
    points_after: int | None = None
    verdict: str | None = None
    since: dt.date | None = None
    hidden: bool = False  # a value before or after is hidden by the privacy rule: no figures shown
    baseline: tuple[dt.date, dt.date] | None = None  # the pre points' first and last month (or the surveys)

    @property
    def change(self) -> float | None:
        return None if self.before is None or self.after is None else self.after - self.before

    def shown(self, unsuppressed: bool) -> Effect:
        """As a reader may see it: where a value is hidden, no before, after, verdict or since."""
        if unsuppressed or not self.hidden:
            return self
        return Effect(self.measure, self.indicator_id, points_after=self.points_after, hidden=True)


def _first_run(flags: np.ndarray, length: int) -> int | None:
    """The position of the first point of the first run of `length` or more true flags."""
    run = 0
    for position, flag in enumerate(flags):
        run = run + 1 if flag else 0
        if run == length:
            return position - length + 1
    return None


def judge(pre: np.ndarray, post: np.ndarray) -> tuple[str, int | None]:
    """The verdict of a control-chart indicator from its adjusted pre and post values, and the
    position in `post` of the first point of the first run that decides it."""
    centre = float(np.mean(pre))
    moving_range = float(np.mean(np.abs(np.diff(pre))))
    upper = centre + signals.LIMIT_FACTOR * moving_range
    lower = max(0.0, centre - signals.LIMIT_FACTOR * moving_range)
    found = {}
    for kind, side, beyond in ((IMPROVEMENT, post < centre - signals.ON_CENTRE, post < lower),
                               (DETERIORATION, post > centre + signals.ON_CENTRE, post > upper)):
        starts = [s for s in (_first_run(side, RUN_POINTS), _first_run(beyond, BEYOND_POINTS)) if s is not None]
        if starts:
            found[kind] = min(starts)
    if len(found) == 2:
        return MIXED, min(found.values())
    if found:
        kind, start = next(iter(found.items()))
        return kind, start
    return (TOO_EARLY if len(post) < RUN_POINTS else NO_CHANGE), None


def _control_effect(measure: Measure, indicator_id: str, series: signals.Series | None) -> Effect:
    points = series.points if series else []
    pre = [i for i, p in enumerate(points) if p.month < measure.start][-PRE_POINTS:]
    post = [i for i, p in enumerate(points) if p.month >= measure.start]
    raw = np.array([p.value for p in points], float)
    adjusted = np.array([p.value / (p.seasonal or 1.0) for p in points], float)
    after = float(np.mean(raw[post])) if post else None
    hidden = bool(series) and any(series.hidden[i] for i in pre + post)
    if len(pre) < PRE_POINTS:
        return Effect(measure, indicator_id, None, after, len(post), NO_BASELINE, hidden=hidden)
    verdict, start = judge(adjusted[pre], adjusted[post])
    return Effect(measure, indicator_id, float(np.mean(raw[pre])), after, len(post), verdict,
                  points[post[start]].month if start is not None else None, hidden,
                  (points[pre[0]].month, points[pre[-1]].month))


def two_proportions(agree_before: float, answers_before: float, agree_after: float, answers_after: float) -> str:
    """improvement (a higher share who agree), deterioration or no_change: |z| > 1,959964 with the
    pooled share p̄ = (a₁ + a₂) / (n₁ + n₂)."""
    pooled = (agree_before + agree_after) / (answers_before + answers_after)
    spread = pooled * (1 - pooled) * (1 / answers_before + 1 / answers_after)
    if spread <= 0:
        return NO_CHANGE
    z = (agree_after / answers_after - agree_before / answers_before) / math.sqrt(spread)
    if abs(z) <= Z_TEST:
        return NO_CHANGE
    return IMPROVEMENT if z > 0 else DETERIORATION


def _pulse_effect(measure: Measure, indicator_id: str, surveys: list[tuple[dt.date, float, float, bool]]) -> Effect:
    """`surveys`: (the tertial's last month, share who agree, answers, hidden), in month order."""
    pre = [s for s in surveys if s[0] < measure.start]
    post = [s for s in surveys if s[0] >= measure.start]
    if not pre:
        latest = post[-1] if post else None
        return Effect(measure, indicator_id, None, latest[1] if latest else None, len(post), NO_BASELINE,
                      hidden=bool(latest and latest[3]))
    before = pre[-1]
    if not post:
        return Effect(measure, indicator_id, before[1], None, 0, TOO_EARLY, hidden=before[3],
                      baseline=(before[0], before[0]))
    after = post[-1]
    verdict = two_proportions(before[1] * before[2] / 100, before[2], after[1] * after[2] / 100, after[2])
    return Effect(measure, indicator_id, before[1], after[1], len(post), verdict, hidden=before[3] or after[3],
                  baseline=(before[0], before[0]))


def effects(con: duckdb.DuckDBPyConnection, measures_: list[Measure] | None = None) -> list[Effect]:
    """One effect per measure and indicator of its topic, unsuppressed (see Effect.shown)."""
    found_measures = measures(con) if measures_ is None else measures_
    if not found_measures:
        return []
    groups = {(m.level, m.group_id) for m in found_measures}
    charted = sorted({i for m in found_measures for i in TOPIC_INDICATORS[m.topic] if i and i not in AGREE})
    series = {}
    if charted:
        for one in signals.all_series(con, level=tuple({g[0] for g in groups}),
                                      group_id=tuple({g[1] for g in groups}), indicator=tuple(charted)):
            series[one.level, one.group_id, one.indicator_id] = one
    pulse = {}
    if any(m.topic == "voice" for m in found_measures):
        frame = indicators.fetch(con, unsuppressed=True, levels=tuple({g[0] for g in groups}),
                                 group_ids=tuple({g[1] for g in groups}), indicator_ids=(*AGREE, *ANSWERS))
        frame = frame[frame["value"].notna()].sort_values("month")
        answers = {(r.level, r.group_id, r.month, r.indicator.replace("_answers", "_agree_pct")): r.value
                   for r in frame.itertuples() if r.indicator in ANSWERS}
        for r in frame.itertuples():
            if r.indicator in AGREE and (r.level, r.group_id, r.month, r.indicator) in answers:
                pulse.setdefault((r.level, r.group_id, r.indicator), []).append(
                    (r.month, r.value, answers[r.level, r.group_id, r.month, r.indicator], bool(r.suppressed)))
    found = []
    for measure in found_measures:
        for indicator_id in TOPIC_INDICATORS[measure.topic]:
            if indicator_id is None:
                found.append(Effect(measure, None))
            elif indicator_id in AGREE:
                found.append(_pulse_effect(measure, indicator_id,
                                           pulse.get((measure.level, measure.group_id, indicator_id), [])))
            else:
                found.append(_control_effect(measure, indicator_id,
                                             series.get((measure.level, measure.group_id, indicator_id))))
    return found
