"""The monthly committee report as data: summary sentences, key figures with their targets and
what their control charts say, the units that need attention (most serious first), what it
costs, a section per topic with its chart, per-unit table, definitions, footnotes and HR's
comment, and the control charts of the figures that have them. The PDF, the Excel workbook, the
slides and the presentation page all render this one model.

A report is committee-facing: it always reads suppressed figures.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from hrdash import swedish
from hrdash.catalogue import (BY_ID, HEALTH, HEALTH_LIMIT, KEY_FIGURE, KINDS_OF_SOME_UNITS, QUESTIONS, REPORT_TABLE, SIGNALS,
                              TERTIAL, TOPICS, few_answers, few_people, privacy_note, shown_in,
                              shown_or_judged)
from hrdash.charts.trend import Lines, Trend
from hrdash.figures import compare, groups, indicators, narrative, readings, signals
from hrdash.figures import year as year_module
from hrdash.figures import effects as effects_module
from hrdash.figures import measures as measures_module
from hrdash.figures.compare import Funnel
from hrdash.figures.attention import attention
from hrdash.figures.costs import Cost, costs
from hrdash.figures.format import beside_label, change_size, difference, format_value, target_status, value_range
from hrdash.figures.voice import AGREE, RESPONSE, headline, survey_of, voice
from hrdash.figures.groups import Group
from hrdash.figures.series import coverage_note, kinds_held
from hrdash.months import shift as month_shift
from hrdash.months import window
from hrdash.store import comments, settings, targets


@dataclass(frozen=True)
class TopicPlan:
    topic: str
    main: str
    rolling: str | None
    table: tuple[str, ...]  # the indicators of the per-unit table


PLANS = tuple(
    TopicPlan(topic.id, topic.main, topic.rolling,
              shown_in(REPORT_TABLE, topic.id))
    for topic in TOPICS.values()
)


@dataclass
class Section:
    topic: str
    title: str
    headline: str
    chart: Trend | Lines  # the main indicator over the 12 months ending with the month (the pulse: tertials)
    table: pd.DataFrame  # what a reader sees: formatted text, '–' where hidden
    numbers: pd.DataFrame  # the same figures as numbers (None where hidden), for the workbook
    definitions: list[tuple[str, str]]
    footnotes: list[str]
    comment: tuple[str, str, dt.datetime] | None
    comparison: Funnel | None = None  # its units against their whole, for their size (hrdash compare)
    comparison_table: pd.DataFrame | None = None  # the same as a reader reads it


@dataclass
class Report:
    group: Group
    month: dt.date
    made: dt.date
    summary: list[str]
    key_figures: pd.DataFrame  # indicator, this month, last year, change, target and status, control chart
    attention: list[tuple[str, list[str]]]  # unit, reasons: most serious first
    attention_incomplete: list[str] = field(default_factory=list)  # kinds the month covers only partly
    attention_indicators: dict[str, list[str]] = field(default_factory=dict)  # unit -> its reasons' indicators, named
    measures: pd.DataFrame | None = None  # what was done and what the figures say since, most recent first
    effects: pd.DataFrame | None = None  # the same as `hrdash effects` rows, for the workbook
    sections: list[Section] = field(default_factory=list)
    signals: pd.DataFrame | None = None  # per figure with a control chart: value, centre, limits, what it says
    costs: list[Cost] = field(default_factory=list)
    annual: year_module.Disclosure | None = None  # the last year ended by the month: the annual report's figures
    members: list[Group] = field(default_factory=list)  # the group and the avdelningar and units under it
    figures: pd.DataFrame | None = None  # every indicator, long format, suppressed: what the workbook lists
    kinds: set[str] = field(default_factory=set)  # the kinds of figures the database holds: what the report covers
    targets: dict[str, float] = field(default_factory=dict)  # the group's target per key figure that has one
    health_limit: int = HEALTH_LIMIT  # the privacy line that held: no sick-leave figure of this many people or fewer

    @property
    def title(self) -> str:
        return f"HR-nyckeltal {swedish.month_name(self.month)}"


class Figures:
    """The report's figures, looked up by group, month and indicator."""

    def __init__(self, frame: pd.DataFrame):
        self.frame = frame
        self._rows = {
            (g, m, i): (None if v != v else float(v), r if isinstance(r, str) else None, rep, units, bool(hidden))
            for g, m, i, v, r, rep, units, hidden in zip(
                frame["group_id"], frame["month"], frame["indicator"], frame["value"], frame["suppression_reason"],
                frame["units_reported"], frame["units"], frame["suppressed"])
        }

    def value(self, group_id: str, month: dt.date, indicator_id: str) -> float | None:
        return self._rows.get((group_id, month, indicator_id), (None,))[0]

    def reason(self, group_id: str, month: dt.date, indicator_id: str) -> str | None:
        """Why a figure is missing: the suppression reason, or 'inga uppgifter'."""
        row = self._rows.get((group_id, month, indicator_id))
        return "inga uppgifter" if row is None else row[1]

    def suppressed(self, group_id: str, month: dt.date, indicator_id: str) -> bool:
        """Whether the privacy rule hides the figure."""
        row = self._rows.get((group_id, month, indicator_id))
        return row is not None and row[4]

    def coverage(self, group_id: str, month: dt.date, indicator_id: str) -> tuple[int, int] | None:
        """(units reported, units expected); None where there is no figure, or it has no coverage."""
        row = self._rows.get((group_id, month, indicator_id))
        return None if row is None or pd.isna(row[3]) else (int(row[2]), int(row[3]))


def build(con: duckdb.DuckDBPyConnection, group: Group, month: dt.date, made: dt.date | None = None) -> Report:
    all_groups = groups.groups(con)
    members = [group, *groups.descendants(all_groups, group)]
    held = kinds_held(con)
    plans = [plan for plan in PLANS if TOPICS[plan.topic].kind in held]
    first = month_shift(month, -24)
    frame = indicators.fetch(con, unsuppressed=False, levels=tuple({g.level for g in members}),
                             group_ids=tuple(g.group_id for g in members), first=first, last=month)
    figures = Figures(frame)
    held_targets = targets.Targets(con)
    target = held_targets.for_group
    charts = {(s.group_id, s.indicator_id): s for s in signals.all_series(con, level=group.level,
                                                                          group_id=group.group_id)}

    # Key figures and the summary.
    rows, summary, goals = [], [], {}
    last_year = month_shift(month, -12)
    # The key figures, and every indicator with a target for the group: a target set is a target reported.
    for indicator_id in (i for i in shown_or_judged(KEY_FIGURE, held_targets.judged(group)) if BY_ID[i].kind in held):
        now = figures.value(group.group_id, month, indicator_id)
        before = figures.value(group.group_id, last_year, indicator_id)
        goal = target(indicator_id, group)
        if goal is not None:
            goals[indicator_id] = goal
        change = difference(indicator_id, now, before)
        rows.append({
            "Nyckeltal": BY_ID[indicator_id].label,
            swedish.month_name(month, short=True).capitalize(): beside_label(indicator_id, now),
            swedish.month_name(last_year, short=True).capitalize(): beside_label(indicator_id, before),
            "Förändring": _change_text(indicator_id, change),
            "Mål": target_status(indicator_id, now, goal)[0],
            "Styrdiagram": control_word(indicator_id, charts.get((group.group_id, indicator_id)), month, goal,
                                        figures.value(group.group_id, month_shift(month, -1), indicator_id)),
        })

    findings = attention(con, all_groups, group, month, unsuppressed=False)
    needing = [(unit.name, [a.reason for a in items]) for unit, items in findings.units]
    report = Report(group, month, made or dt.date.today(), summary, pd.DataFrame(rows), needing,
                    members=members, figures=frame, kinds=held,
                    signals=_signals(charts, group, month, target, held),
                    costs=costs(con, group, month), targets=goals, health_limit=settings.health_limit(con),
                    attention_incomplete=findings.incomplete,
                    attention_indicators={unit.name: [BY_ID[a.indicator_id].label for a in items]
                                          for unit, items in findings.units})
    # What was done, for the group, the groups under it and those above it (started by the month).
    lineage = groups.lineage(all_groups, group)
    mine = {(g.level, g.group_id) for g in lineage}
    done = [m for m in measures_module.measures(con)
            if (m.level, m.group_id) in mine | {(g.level, g.group_id) for g in members} and m.start <= month]
    report.measures, report.effects = _measures(con, done, report.health_limit)
    if "sick_leave" in held:
        report.annual = year_module.disclosure(con, month.year if month.month == 12 else month.year - 1, group)
    for plan in plans:
        if plan.topic == "voice":
            report.sections.append(_voice_section(con, figures, plan, group, members, month))
        else:
            points = {p.month: shown for p, shown in zip(charts[(group.group_id, plan.main)].points,
                                                      charts[(group.group_id, plan.main)].shown(False))
                      if shown is not None} if (group.group_id, plan.main) in charts else {}
            # Every measure the report lists is marked on its topic's chart: the group's, those above and below it.
            marks = measures_module.marks([m for m in done if m.topic == plan.topic and m.start <= month])
            report.sections.append(_section(con, figures, plan, group, members, month, target, points, marks))
    compared = groups.member_units(all_groups, group) if group.level != "enhet" else []
    limit = settings.health_limit(con)
    for section in report.sections:
        indicator_id = TOPICS[section.topic].compare_by
        if indicator_id is None or not compared:
            continue
        when = survey_of(month) if BY_ID[indicator_id].window == TERTIAL else month
        found = compare.topic_funnel(con, compared, when, indicator_id, False)
        if found is not None:
            hidden = few_people(limit) if BY_ID[found.indicator_id].privacy == HEALTH else few_answers()
            section.comparison, section.comparison_table = found, readings.funnel_table(found, hidden)
    # The summary opens with each topic's headline, the sentence its page and its slide also show.
    report.summary += [section.headline for section in report.sections]
    report.summary += _notable_changes(figures, members[1:], month)
    report.summary += _coverage_sentences(figures, group, month, plans)
    return report


def control_word(indicator_id: str, series: signals.Series | None, month: dt.date, goal: float | None,
                 previous: float | None = None) -> str:
    """What a figure's control chart says of the month, with what it compares with, and whether it
    meets its target: 'Högre än det normala för årstiden, mätt mot 2024; klarar målet ibland'.
    '' for a figure without one (or whose limits are hidden)."""
    point = signals.point_at(series, month, False)
    if point is None or not point.has_limits:
        return ""
    text = readings.card_reading(point, indicator_id, series.baseline, goal, previous, month_shift(month, -1))
    capability = signals.capability(point, goal, signals.worse_when_higher(indicator_id))
    return text + (f"; {capability[0].lower()}{capability[1:]}" if capability else "")


def _signals(charts: dict, group: Group, month: dt.date, target, held: set[str]) -> pd.DataFrame:
    """Per figure with a control chart: its value, centre and limits this month (for the time of
    year, where they follow the season), and what the chart says, in words."""
    rows = []
    for indicator_id in (i for i in shown_in(SIGNALS) if BY_ID[i].kind in held):
        series = charts.get((group.group_id, indicator_id))
        point = signals.point_at(series, month, False)
        limits = point is not None and point.has_limits
        said = readings.rule_texts(point, indicator_id) if limits else []
        rows.append({
            "Nyckeltal": BY_ID[indicator_id].label,
            swedish.month_name(month, short=True).capitalize(): beside_label(indicator_id, point and point.value),
            "Mittlinje": beside_label(indicator_id, point.centre) if limits else "–",
            "Normal variation": value_range(indicator_id, point.lower, point.upper) if limits else "–",
            "Vad diagrammet säger": (control_word(indicator_id, series, month, target(indicator_id, group))
                                     + (f" ({'; '.join(s[0].lower() + s[1:] for s in said)})" if said else "")
                                     if limits else "För få månader, eller dold"),
        })
    return pd.DataFrame(rows)


def _change_text(indicator_id: str, change: float | None) -> str:
    if change is None:
        return "–"
    if abs(change) < 0.05:
        return "oförändrad"
    return ("+" if change > 0 else swedish.MINUS) + change_size(indicator_id, change)


def _notable_changes(figures: Figures, members: list[Group], month: dt.date) -> list[str]:
    """The avdelning (or unit) where short sick leave and turnover rose or fell most since last month;
    a group whose month or the month before covers only some of its units is not compared."""
    sentences = []
    candidates = [g for g in members if g.level == "avdelning"] or members
    previous = month_shift(month, -1)
    for indicator_id, noun in (("short_sick_leave_pct", "Korttidssjukfrånvaron"),
                               ("turnover_12m_pct", "Personalomsättningen de senaste 12 månaderna")):
        changes = []
        for g in candidates:
            if any(c and c[0] < c[1] for c in (figures.coverage(g.group_id, m, indicator_id) for m in (month, previous))):
                continue
            now, before = figures.value(g.group_id, month, indicator_id), figures.value(g.group_id, previous, indicator_id)
            change = difference(indicator_id, now, before)
            if change is not None and abs(change) >= 0.3:
                changes.append((change, g, now, before))
        if changes:
            change, g, now, before = max(changes, key=lambda c: abs(c[0]))
            verb = "ökade" if change > 0 else "minskade"
            sentences.append(f"{noun} {verb} mest i {g.name}, från {format_value(indicator_id, before)} i "
                             f"{swedish.MONTHS[previous.month - 1]} till {format_value(indicator_id, now)} i "
                             f"{swedish.MONTHS[month.month - 1]}.")
    return sentences


def _coverage_sentences(figures: Figures, group: Group, month: dt.date, plans: list[TopicPlan]) -> list[str]:
    sentences = []
    for plan in plans:
        coverage = figures.coverage(group.group_id, month, plan.main)
        if coverage and coverage[0] == 0:
            sentences.append(f"{TOPICS[plan.topic].title}: ingen av {coverage[1]} enheter har rapporterat för "
                             f"{swedish.month_name(month)} ännu.")
        elif coverage and coverage[0] < coverage[1]:
            sentences.append(f"{TOPICS[plan.topic].title}: {coverage[0]} av {coverage[1]} enheter har rapporterat för "
                             f"{swedish.month_name(month)}; siffran gäller bara dem.")
    return sentences


def _section(con, figures: Figures, plan: TopicPlan, group: Group, members: list[Group], month: dt.date, target,
             points: dict, marks: tuple = ()) -> Section:
    ids = list(dict.fromkeys([plan.main, *([plan.rolling] if plan.rolling else []), *plan.table]))
    frame = figures.frame
    mine = frame[(frame["group_id"] == group.group_id) & frame["indicator"].isin(ids)]
    wide = mine.pivot(index="month", columns="indicator", values="value").reset_index()
    for indicator_id in ids:
        if indicator_id not in wide:
            wide[indicator_id] = float("nan")
    notes = mine.assign(note=[
        reason if isinstance(reason, str) else coverage_note(rep, units)
        for reason, rep, units in zip(mine["suppression_reason"], mine["units_reported"], mine["units"])
    ]).pivot(index="month", columns="indicator", values="note").add_prefix("note_").reset_index()
    coverage_parts = [mine.pivot(index="month", columns="indicator", values=column).add_prefix(prefix).reset_index()
                      for column, prefix in (("units_reported", "reported_"), ("units", "units_"))]
    series = wide.merge(notes, on="month", how="left")
    for part in coverage_parts:  # so that the chart draws a month of only some units as such
        series = series.merge(part, on="month", how="left")
    series = series.sort_values("month").reset_index(drop=True)
    first_shown = month_shift(month, -11)
    chart = Trend(series, plan.main, plan.rolling, target(plan.main, group), first_shown, points, marks)

    footnotes: list[str] = [note for note in (readings.marks_note(chart),) if note]
    for m in window(month, 12):
        covered = figures.coverage(group.group_id, m, plan.main)
        if covered and covered[0] < covered[1]:
            footnotes.append(f"{swedish.month_name(m).capitalize()}: {coverage_note(*covered)}.")

    table_rows, number_rows, hidden = [], [], False
    if TOPICS[plan.topic].kind in KINDS_OF_SOME_UNITS:  # not every unit handles cases
        members = [members[0], *groups.reporting(con, members[1:], TOPICS[plan.topic].kind)]
    for member in members:
        row = {"Enhet": _indent(member), "Nivå": member.level}
        numbers = {"Nivå": member.level, "Namn": member.name}
        for indicator_id in plan.table:
            value = figures.value(member.group_id, month, indicator_id)
            if figures.suppressed(member.group_id, month, indicator_id):
                hidden = True
                row[BY_ID[indicator_id].label] = "–*"
            else:
                row[BY_ID[indicator_id].label] = beside_label(indicator_id, value)
            numbers[indicator_id] = value
        table_rows.append(row)
        number_rows.append(numbers)
    if hidden:
        footnotes += [f"* {note}" for note in privacy_note(plan.table, settings.health_limit(con))]
    found = comments.current(con, plan.topic, group.level, group.group_id, month)
    return Section(
        topic=plan.topic,
        title=TOPICS[plan.topic].title,
        headline=narrative.headline(series, plan.main, month, group.name),
        chart=chart,
        table=pd.DataFrame(table_rows),
        numbers=pd.DataFrame(number_rows),
        definitions=[(BY_ID[i].label, BY_ID[i].definition) for i in ids],
        footnotes=footnotes,
        comment=found,
    )


def _voice_section(con, figures: Figures, plan: TopicPlan, group: Group, members: list[Group],
                   month: dt.date) -> Section:
    """The staff's voice: the three questions of the latest survey up to the month, per group,
    against the nollmätning, and over the tertials of the last two years."""
    shown = [group, *groups.reporting(con, members[1:], "pulse")]
    found = voice(con, group, shown[1:], month, unsuppressed=False)
    frame = figures.frame
    mine = frame[(frame["group_id"] == group.group_id) & frame["indicator"].isin(AGREE)]
    series = mine.pivot(index="month", columns="indicator", values="value").reset_index()
    for indicator_id in AGREE:
        if indicator_id not in series:
            series[indicator_id] = float("nan")
    chart = Lines(series.sort_values("month").reset_index(drop=True), AGREE,
                  {f"pulse_{q.id}_agree_pct": q.short for q in QUESTIONS},
                  {i: v for i, v in found.reference.items() if i in AGREE and v is not None}, "nollmätning",
                  tertials=True)
    table_rows, number_rows, hidden = [], [], False
    labels = {**{f"pulse_{q.id}_agree_pct": q.short for q in QUESTIONS}, RESPONSE: "Svarsfrekvens"}
    for member in shown:
        row = {"Enhet": _indent(member), "Nivå": member.level}
        numbers = {"Nivå": member.level, "Namn": member.name}
        for indicator_id in (*AGREE, RESPONSE):
            value = figures.value(member.group_id, found.survey, indicator_id)
            hidden_here = figures.suppressed(member.group_id, found.survey, indicator_id)
            hidden = hidden or hidden_here
            row[labels[indicator_id]] = "–*" if hidden_here else format_value(indicator_id, value)
            numbers[indicator_id] = value
        table_rows.append(row)
        number_rows.append(numbers)
    footnotes = [f"Svaren från {swedish.tertial_name(found.survey)} ({swedish.tertial_months(found.survey)})."]
    if hidden:
        footnotes += [f"* {note}" for note in privacy_note(AGREE, settings.health_limit(con))]
    return Section(
        topic=plan.topic,
        title=TOPICS[plan.topic].title,
        headline=headline(group.name, found),
        chart=chart,
        table=pd.DataFrame(table_rows),
        numbers=pd.DataFrame(number_rows),
        definitions=[(BY_ID[i].label, BY_ID[i].definition) for i in (*AGREE, RESPONSE)],
        footnotes=footnotes,
        comment=comments.current(con, plan.topic, group.level, group.group_id, month),
    )


def _indent(group: Group) -> str:
    return {"kommun": "", "förvaltning": "", "avdelning": "", "enhet": "   "}[group.level] + group.name


def _measures(con, done: list, health_limit: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """What was done and what the figures say since, as a reader reads it (most recent first) and as
    `hrdash effects` rows with Swedish headings (for the workbook); the privacy rule holds."""
    found = [e.shown(False) for e in effects_module.effects(con, done)] if done else []
    said, rows = [], []
    for measure in done:
        own = [e for e in found if e.measure.key == measure.key]
        hidden = few_answers() if measure.topic == "voice" else few_people(health_limit)
        said.append({
            "Åtgärd": f"{measure.title} ({measure.group_name})", "Område": measure.topic_title,
            "Start": swedish.month_name(measure.start, short=True), "Status": measure.status_label,
            "Vad siffrorna säger sedan": "; ".join(
                (f"{BY_ID[e.indicator_id].label}: " if e.indicator_id else "")
                + readings.effect_words(e, hidden).lower() if e.indicator_id else readings.effect_words(e, hidden)
                for e in own),
        })
        for e in own:
            rows.append({"Gäller": measure.group_name, "Nivå": measure.level, "Start": swedish.month_name(measure.start),
                         "Åtgärd": measure.title, "Område": measure.topic_title,
                         "Nyckeltal": BY_ID[e.indicator_id].label if e.indicator_id else "",
                         "Före": e.before, "Efter": e.after, "Förändring": e.change, "Punkter efter": e.points_after,
                         "Bedömning": readings.effect_words(e, hidden), "Sedan": swedish.month_name(e.since)
                         if e.since else ""})
    return pd.DataFrame(said), pd.DataFrame(rows)
