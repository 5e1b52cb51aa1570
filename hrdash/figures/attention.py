"""The units that need attention, most serious first, each with the reason in one sentence.

A unit is listed for a real change for the worse in the latest month (a concern signal of its
control chart, seasonally adjusted for sick leave), or for a figure clearly worse than its
förvaltning's, beyond what chance gives a unit of its size (an `above` verdict of the fair
comparison, hrdash/figures/compare.py). A figure a little over its target, within its normal
variation and within what chance does to a unit of its size, is not listed: ranking small units
by their raw figure blames them for chance.

Total sick leave is judged over 12 months against the unit's peers, not by a run of monthly
signals: one person ill for months keeps a small unit's monthly total on one side of its centre
by nature. A monthly concern of the total only counts when its 12-month figure is also higher
than the förvaltning's (`high` or `above`). Short-term sick leave (day 1–14) is the early signal (seed 003:
"tidiga signaler såsom upprepad korttidsfrånvaro").

Severity: 3 for an `above` verdict, 2 for a month above the upper limit, 1,5 for any other
concern signal, plus how far over its target the figure is as a share of the target (at most 1).
A month that covers only some units is said to be so, not judged.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import duckdb

from hrdash import swedish
from hrdash.catalogue import ATTENTION, BY_ID, SIGNALS, TERTIAL_END_MONTHS, TOPICS, shown_in
from hrdash.figures import compare, readings, signals
from hrdash.figures.format import format_value, labelled, shown
from hrdash.figures.groups import Group, units_under
from hrdash.figures.series import coverage
from hrdash.store import targets

EXPLAINED = ("En verklig förändring till det sämre i senaste månaden enligt styrdiagrammet, eller ett nyckeltal "
             "klart sämre än förvaltningens, mer än slumpen ger en enhet av den storleken. Det allvarligaste först.")
NOTHING = ("Ingen enhet har en oroande förändring eller ett nyckeltal som är klart sämre än förvaltningens för en "
           "enhet av den storleken.")
COMPARED = ("sick_leave_12m_pct", "short_sick_leave_pct", "vacancy_rate_pct", "turnover_12m_pct",
            "pulse_work_situation_agree_pct", "pulse_good_work_agree_pct", "pulse_recommend_agree_pct")
TOTAL, TOTAL_12M = "sick_leave_pct", "sick_leave_12m_pct"


@dataclass
class Attention:
    unit: Group
    indicator_id: str
    reason: str  # one sentence, plain Swedish: the figure, what it is compared with, and what it says
    severity: float


@dataclass
class Findings:
    """The units that need attention, most serious first, each with its reasons (most serious
    first), and the kinds of figures the month covers only partly (which are then not judged)."""

    units: list[tuple[Group, list[Attention]]] = field(default_factory=list)
    incomplete: list[str] = field(default_factory=list)  # 'Sjukfrånvaro: 2 av 15 enheter har rapporterat …'

    def __bool__(self) -> bool:
        return bool(self.units)

    def __len__(self) -> int:
        return len(self.units)


def _target_words(indicator_id: str, value: float, target: float | None) -> tuple[str, float]:
    """', över målet 7,0 %' and how far over it, as a share of the target (at most 1)."""
    if target is None or not target:
        return "", 0.0
    worse_up = signals.worse_when_higher(indicator_id)
    gap = (shown(indicator_id, value) - target) * (1 if worse_up else -1)
    if gap <= 0:
        return "", 0.0
    return f", {'över' if worse_up else 'under'} målet {format_value(indicator_id, target)}", min(1.0, gap / target)


def _since(series: signals.Series, month: dt.date, worse_up: bool) -> dt.date:
    """The first month of the run of concern points that ends with `month`."""
    points = [p for p in series.points if p.month <= month]
    first = month
    for point in reversed(points):
        if point.variation(worse_up) != signals.CONCERN:
            break
        first = point.month
    return first


def _signal_reason(point: signals.Point, series: signals.Series, indicator_id: str, month: dt.date) -> str:
    """'Korttidssjukfrånvaro (dag 1–14) 4,1 %: högre än det normala för årstiden sedan augusti 2026,
    mätt mot 2024 (ovanligt hög för årstiden: …)'."""
    worse_up = signals.worse_when_higher(indicator_id)
    since = _since(series, month, worse_up)
    said = readings.chart_says(point, indicator_id, series.baseline)
    what, _, against = said.partition(", mätt mot ")
    when = f" sedan {swedish.month_name(since)}" if since != month else f" i {swedish.month_name(month)}"
    rules = readings.rule_texts(point, indicator_id)
    detail = f" ({rules[0][0].lower()}{rules[0][1:]})" if rules else ""
    return f"{labelled(indicator_id, point.value)}: {what.lower()}{when}" + (
        f", mätt mot {against}" if against else "") + detail


def _verdict_reason(row, level: str) -> str:
    """'Personalomsättning, 12 månader 49,2 %: klart högre än förvaltningen (15,1 %), mer än slumpen ger en
    enhet med 21 tillsvidareanställda'."""
    indicator_id = row.indicator
    words = readings.verdict_words(row.verdict, level, "förvaltning")
    return (f"{labelled(indicator_id, row.value)}: {words} ({format_value(indicator_id, row.target)}), mer än "
            f"slumpen ger en enhet med {readings.size_words(indicator_id, row.n)}")


def attention(con: duckdb.DuckDBPyConnection, all_groups: list[Group], group: Group, month: dt.date,
              unsuppressed: bool) -> Findings:
    """The units of `group` that need attention in `month` (see the module's docstring)."""
    units = units_under(all_groups, group)
    findings = Findings()
    if not units:
        return findings
    by_id = {u.group_id: u for u in units}
    covered = coverage(con, group, month)
    partial = {kind for kind, (reported, expected) in covered.items() if 0 < reported < expected}
    for topic in TOPICS.values():
        if topic.kind in partial:
            reported, expected = covered[topic.kind]
            findings.incomplete.append(
                f"{topic.title}: {reported} av {expected} enheter har rapporterat för {swedish.month_name(month)}; "
                "de övriga kan inte bedömas förrän de rapporterat.")
    judged = [i for i in shown_in(ATTENTION) if BY_ID[i].kind not in partial]
    goals = targets.Targets(con)
    found: list[Attention] = []

    verdicts = {}
    pulse_month = dt.date(month.year, max(m for m in TERTIAL_END_MONTHS if m <= month.month), 1) \
        if month.month >= min(TERTIAL_END_MONTHS) else dt.date(month.year - 1, max(TERTIAL_END_MONTHS), 1)
    for when, ids in ((month, [i for i in COMPARED if not i.startswith("pulse_")]),
                      (pulse_month, [i for i in COMPARED if i.startswith("pulse_")])):
        ids = [i for i in ids if BY_ID[i].kind not in partial]
        if not ids:
            continue
        rows = compare.compare(con, when, tuple(ids), unsuppressed)
        for row in rows[(rows["level"] == "enhet") & rows["group_id"].isin(list(by_id))].itertuples():
            verdicts[row.group_id, row.indicator] = row
            if row.verdict != compare.ABOVE and row.verdict != compare.BELOW:
                continue
            if not readings.verdict_is_worse(row.indicator, row.verdict):
                continue
            target = goals.for_group(row.indicator, by_id[row.group_id])
            words, excess = _target_words(row.indicator, row.value, target)
            reason = _verdict_reason(row, "enhet") + words
            if row.indicator.startswith("pulse_"):
                reason += f" ({swedish.tertial_name(when)})"
            found.append(Attention(by_id[row.group_id], row.indicator, reason, 3.0 + excess))

    charted = [i for i in judged if SIGNALS in BY_ID[i].shown]
    for series in signals.all_series(con, level="enhet", group_id=tuple(by_id), indicator=tuple(charted)):
        point = signals.point_at(series, month, unsuppressed)
        indicator_id = series.indicator_id
        if point is None or point.variation(signals.worse_when_higher(indicator_id)) != signals.CONCERN:
            continue
        if indicator_id == TOTAL:  # judged over 12 months against its peers, not by its monthly run
            twelve = verdicts.get((series.group_id, TOTAL_12M))
            if twelve is None or twelve.verdict not in (compare.HIGH, compare.ABOVE):
                continue
        severity = 2.0 if any(rule == "outside" for rule, _ in point.rules) else 1.5
        unit = by_id[series.group_id]
        words, excess = _target_words(indicator_id, point.value, goals.for_group(indicator_id, unit))
        found.append(Attention(unit, indicator_id, _signal_reason(point, series, indicator_id, month) + words,
                               severity + excess))

    by_unit: dict[str, list[Attention]] = {}
    for item in sorted(found, key=lambda a: -a.severity):
        by_unit.setdefault(item.unit.key, []).append(item)
    findings.units = sorted(((items[0].unit, items) for items in by_unit.values()),
                            key=lambda pair: (-pair[1][0].severity, pair[0].name.casefold()))
    return findings
