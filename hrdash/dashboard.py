"""The figures each page shows, shaped from the indicator layer: the organisation to choose
from, the months, cards, series for charts, rankings and the units that need attention.

Everything here reads `indicators.fetch`, so suppression holds unless HR asked otherwise.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from hrdash import indicators, targets
from hrdash.charts import format_value
from hrdash.indicators import BY_ID, TOPICS

LEVEL_ORDER = {"kommun": 0, "förvaltning": 1, "avdelning": 2, "enhet": 3}


@dataclass(frozen=True)
class Group:
    """A unit, avdelning, förvaltning or the kommun: anything a figure can be about."""

    level: str
    group_id: str
    name: str
    administration: str | None = None
    department: str | None = None

    @property
    def key(self) -> str:
        """Stable text for the URL and the selectors."""
        return f"{self.level}:{self.group_id}"

    @property
    def label(self) -> str:
        """How the selector shows it; the avdelning is part of a unit's label so search finds it."""
        if self.level == "enhet":
            return f"{self.name} – enhet i {self.department}"
        if self.level == "avdelning":
            return f"{self.name} – avdelning"
        if self.level == "förvaltning":
            return f"{self.name} – hela förvaltningen"
        return self.name


def groups(con: duckdb.DuckDBPyConnection) -> list[Group]:
    """Every group with figures, as a tree in reading order: förvaltning, its avdelningar each
    followed by its units. A unit appears under the avdelning it belongs to in its latest month."""
    indicators.refresh(con)
    rows = con.execute(
        """
        SELECT level, group_id, arg_max(group_name, month), arg_max(administration, month), arg_max(department, month)
        FROM group_month_snapshot
        WHERE level <> 'kommun' OR (SELECT count(DISTINCT administration) > 1 FROM group_month_snapshot)
        GROUP BY level, group_id
        """
    ).fetchall()
    found = [Group(*row) for row in rows]  # names are unique per level (see queries/unit_names.sql)

    def order(g: Group) -> tuple:
        if g.level == "kommun":
            return ("",)
        department = g.department or ""
        unplaced = department == "Ej placerad"
        return (g.administration or "", g.level != "förvaltning", unplaced, department.casefold(),
                g.level == "enhet", g.name.casefold())

    return sorted(found, key=order)


def find_group(all_groups: list[Group], key: str | None) -> Group | None:
    return next((g for g in all_groups if g.key == key), None)


def find_by_name(all_groups: list[Group], name: str) -> Group | None:
    """A group by its name, case and spacing ignored; the highest level wins when names repeat."""
    wanted = " ".join(name.split()).casefold()
    found = [g for g in all_groups if " ".join(g.name.split()).casefold() == wanted]
    return min(found, key=lambda g: LEVEL_ORDER[g.level], default=None)


def top_group(all_groups: list[Group]) -> Group | None:
    """The default choice: the kommun when there are several förvaltningar, else the förvaltning."""
    return min(all_groups, key=lambda g: LEVEL_ORDER[g.level], default=None)


def months(con: duckdb.DuckDBPyConnection) -> list[dt.date]:
    """Months with figures, newest first."""
    indicators.refresh(con)
    return [row[0] for row in con.execute("SELECT DISTINCT month FROM group_month_snapshot ORDER BY month DESC").fetchall()]


def default_month(con: duckdb.DuckDBPyConnection) -> dt.date | None:
    """The latest month in which every unit reported every kind of figure the database holds;
    the latest month at all if no month is complete."""
    indicators.refresh(con)
    row = con.execute(
        """
        WITH held AS (  -- the kinds of figures the database holds at all
            SELECT max(sick_leave_units_reported) > 0 AS sick_leave, max(turnover_units_reported) > 0 AS turnover,
                   max(vacancies_units_reported) > 0 AS vacancies, max(recruitment_units_reported) > 0 AS recruitment
            FROM group_month_snapshot
        ),
        months AS (
            SELECT
                month,
                bool_and((NOT held.sick_leave OR sick_leave_units_reported = sick_leave_units)
                         AND (NOT held.turnover OR turnover_units_reported = turnover_units)
                         AND (NOT held.vacancies OR vacancies_units_reported = vacancies_units)
                         AND (NOT held.recruitment OR recruitment_units_reported = recruitment_units)) AS complete
            FROM group_month_snapshot, held
            WHERE level = 'förvaltning'
            GROUP BY month
        )
        SELECT max(month) FILTER (complete), max(month) FROM months
        """
    ).fetchone()
    return row[0] or row[1]


def coverage_note(reported: int, units: int) -> str:
    return "" if reported >= units else f"{reported} av {units} enheter har rapporterat"


def series(con: duckdb.DuckDBPyConnection, group: Group, indicator_ids: list[str], unsuppressed: bool,
           first: dt.date | None = None, last: dt.date | None = None) -> pd.DataFrame:
    """One row per month: the indicators' values, and per indicator a note (why it is missing,
    or how many units it covers) and the coverage counts."""
    frame = indicators.fetch(con, unsuppressed=unsuppressed, levels=(group.level,), group_ids=(group.group_id,),
                             indicator_ids=tuple(indicator_ids), first=first, last=last)
    if frame.empty:
        return pd.DataFrame(columns=["month", *indicator_ids])
    frame["note"] = [
        reason if isinstance(reason, str) and value != value else coverage_note(reported, units)
        for value, reason, reported, units in zip(frame["value"], frame["suppression_reason"],
                                                  frame["units_reported"], frame["units"])
    ]
    values = frame.pivot(index="month", columns="indicator", values="value")
    notes = frame.pivot(index="month", columns="indicator", values="note").add_prefix("note_")
    reported = frame.pivot(index="month", columns="indicator", values="units_reported").add_prefix("reported_")
    units = frame.pivot(index="month", columns="indicator", values="units").add_prefix("units_")
    wide = pd.concat([values, notes, reported, units], axis=1).reset_index()
    for indicator_id in indicator_ids:
        if indicator_id not in wide:
            wide[indicator_id] = float("nan")
            wide[f"note_{indicator_id}"] = ""
    return wide.sort_values("month").reset_index(drop=True)


def member_units(all_groups: list[Group], group: Group) -> list[Group]:
    """The groups to rank for `group`: its units (for a unit: the units of its avdelning); the
    förvaltningar for the kommun; the avdelningar when a förvaltning has more than 30 units."""
    if group.level == "kommun":
        return [g for g in all_groups if g.level == "förvaltning"]
    if group.level == "förvaltning":
        units = [g for g in all_groups if g.level == "enhet" and g.administration == group.administration]
        if len(units) <= 30:
            return units
        return [g for g in all_groups if g.level == "avdelning" and g.administration == group.administration]
    return [g for g in all_groups if g.level == "enhet" and g.administration == group.administration
            and g.department == group.department]


def ranking(con: duckdb.DuckDBPyConnection, members: list[Group], indicator_id: str, month: dt.date,
            unsuppressed: bool) -> pd.DataFrame:
    """name, value, note for each member group in one month."""
    if not members:
        return pd.DataFrame(columns=["name", "value", "note", "key"])
    frame = indicators.fetch(con, unsuppressed=unsuppressed, levels=tuple({g.level for g in members}),
                             group_ids=tuple(g.group_id for g in members), indicator_ids=(indicator_id,),
                             first=month, last=month)
    by_id = {row.group_id: row for row in frame.itertuples()}
    rows = []
    for member in members:
        row = by_id.get(member.group_id)
        if row is None:
            rows.append((member.name, None, "ingen uppgift", member.key))
            continue
        note = row.suppression_reason if row.value != row.value and isinstance(row.suppression_reason, str) else (
            "ingen uppgift" if row.value != row.value else "")
        rows.append((member.name, None if row.value != row.value else row.value, note, member.key))
    return pd.DataFrame(rows, columns=["name", "value", "note", "key"])


@dataclass
class Card:
    indicator_id: str
    value: float | None
    previous: float | None  # the month before
    last_year: float | None  # the same month a year earlier
    target: float | None
    note: str  # suppression reason or coverage
    spark: list[float | None] = field(default_factory=list)  # the 12 months ending with the month

    @property
    def label(self) -> str:
        return BY_ID[self.indicator_id].label

    @property
    def text(self) -> str:
        return format_value(self.indicator_id, self.value)

    def change(self, other: float | None) -> float | None:
        return None if self.value is None or other is None else self.value - other

    @property
    def above_target(self) -> bool:
        worse_up = BY_ID[self.indicator_id].higher_is_worse
        return bool(self.target is not None and self.value is not None and worse_up and self.value > self.target)


CARD_INDICATORS = ("sick_leave_pct", "short_sick_leave_pct", "long_sick_leave_share_pct", "sick_leave_12m_pct",
                   "turnover_12m_pct", "external_turnover_12m_pct", "vacancies", "vacancy_rate_pct",
                   "consultant_cost_sek", "recruitment_need", "recruitments_ongoing", "positions_filled")


def month_shift(month: dt.date, months: int) -> dt.date:
    index = month.year * 12 + month.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def value_at(by_month: pd.DataFrame, indicator_id: str, month: dt.date) -> float | None:
    """One figure of a series indexed by month; None where there is none (or it is hidden)."""
    if month not in by_month.index:
        return None
    value = by_month.loc[month, indicator_id]
    return None if value != value else float(value)


def cards(con: duckdb.DuckDBPyConnection, group: Group, month: dt.date, unsuppressed: bool,
          indicator_ids: tuple[str, ...] = CARD_INDICATORS) -> list[Card]:
    wide = series(con, group, list(indicator_ids), unsuppressed, first=month_shift(month, -12), last=month)
    by_month = wide.set_index("month")
    goals = targets.Targets(con)
    result = []
    for indicator_id in indicator_ids:
        note = by_month.loc[month, f"note_{indicator_id}"] if month in by_month.index else "ingen uppgift"
        result.append(Card(
            indicator_id,
            value_at(by_month, indicator_id, month),
            value_at(by_month, indicator_id, month_shift(month, -1)),
            value_at(by_month, indicator_id, month_shift(month, -12)),
            goals.for_group(indicator_id, group),
            note if isinstance(note, str) else "",
            [value_at(by_month, indicator_id, month_shift(month, -k)) for k in range(11, -1, -1)],
        ))
    return result


ATTENTION_INDICATORS = ("sick_leave_pct", "short_sick_leave_pct", "turnover_12m_pct", "vacancy_rate_pct")


@dataclass
class Attention:
    unit: Group
    indicator_id: str
    reason: str


def attention(con: duckdb.DuckDBPyConnection, all_groups: list[Group], group: Group, month: dt.date,
              unsuppressed: bool) -> list[tuple[Group, list[Attention]]]:
    """Units of `group` above their target, or rising three months in a row, in `month`; per
    unit, its reasons in the order of ATTENTION_INDICATORS."""
    units = [g for g in all_groups if g.level == "enhet" and (
        group.level == "kommun" or g.administration == group.administration) and (
        group.level in ("kommun", "förvaltning") or g.department == group.department)]
    if not units:
        return []
    frame = indicators.fetch(con, unsuppressed=unsuppressed, levels=("enhet",),
                             group_ids=tuple(u.group_id for u in units), indicator_ids=ATTENTION_INDICATORS,
                             first=month_shift(month, -3), last=month)
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
        if target is not None and now > target:
            found.append(Attention(unit, indicator_id,
                                   f"{BY_ID[indicator_id].label} {format_value(indicator_id, now)}, över målet "
                                   f"{format_value(indicator_id, target)}"))
            continue
        history = [values.get(month_shift(month, -k)) for k in (3, 2, 1, 0)]
        if None not in history and all(a < b for a, b in zip(history, history[1:])):
            found.append(Attention(unit, indicator_id, f"{BY_ID[indicator_id].label} har ökat tre månader i rad, "
                                                       f"till {format_value(indicator_id, now)}"))
    by_unit: dict[str, list[Attention]] = {}
    for item in sorted(found, key=lambda a: (a.unit.name.casefold(), ATTENTION_INDICATORS.index(a.indicator_id))):
        by_unit.setdefault(item.unit.key, []).append(item)
    return [(items[0].unit, items) for items in by_unit.values()]


def topic_coverage(con: duckdb.DuckDBPyConnection, group: Group, month: dt.date) -> dict[str, tuple[int, int]]:
    """topic -> (units reported, units) for the group and month."""
    indicators.refresh(con)
    row = con.execute(
        """SELECT sick_leave_units_reported, sick_leave_units, turnover_units_reported, turnover_units,
                  vacancies_units_reported, vacancies_units, recruitment_units_reported, recruitment_units
           FROM group_month_snapshot WHERE level = ? AND group_id = ? AND month = ?""",
        [group.level, group.group_id, month],
    ).fetchone()
    if row is None:
        return {}
    return {topic: (row[2 * i], row[2 * i + 1]) for i, topic in enumerate(TOPICS)}



def descendants(all_groups: list[Group], group: Group) -> list[Group]:
    """The avdelningar and units under a group, in tree order; only the avdelningar (or
    förvaltningar, for the kommun) when there would be more than 60 rows."""
    if group.level == "kommun":
        below = [g for g in all_groups if g.level in ("förvaltning", "avdelning")]
    elif group.level == "förvaltning":
        below = [g for g in all_groups if g.level in ("avdelning", "enhet") and g.administration == group.administration]
    elif group.level == "avdelning":
        below = [g for g in all_groups if g.level == "enhet" and g.administration == group.administration
                 and g.department == group.department]
    else:
        return []
    if len(below) > 60:
        top = min(LEVEL_ORDER[g.level] for g in below)
        below = [g for g in below if LEVEL_ORDER[g.level] == top]
    return below


SPARK_INDICATORS = ("sick_leave_pct", "turnover_12m_pct", "vacancies", "recruitment_need")


def sparklines(con: duckdb.DuckDBPyConnection, members: list[Group], month: dt.date, unsuppressed: bool) -> pd.DataFrame:
    """Per member group: the month's value of each key indicator and its 12 months before."""
    if not members:
        return pd.DataFrame()
    frame = indicators.fetch(con, unsuppressed=unsuppressed, levels=tuple({g.level for g in members}),
                             group_ids=tuple(g.group_id for g in members), indicator_ids=SPARK_INDICATORS,
                             first=month_shift(month, -11), last=month)
    values = {(r.group_id, r.indicator, r.month): (None if r.value != r.value else r.value) for r in frame.itertuples()}
    window = [month_shift(month, -k) for k in range(11, -1, -1)]
    rows = []
    for member in members:
        row = {"Grupp": member.name if member.level != "enhet" else f"   {member.name}", "Nivå": member.level}
        for indicator_id in SPARK_INDICATORS:
            trend = [values.get((member.group_id, indicator_id, m)) for m in window]
            row[indicator_id] = format_value(indicator_id, trend[-1])
            row[f"{indicator_id}_trend"] = [v for v in trend if v is not None]
        rows.append(row)
    return pd.DataFrame(rows)
