"""The figures each page shows, shaped from the indicator values: the months to choose from,
series for charts, rankings, cards and sparklines.

Everything here reads `indicators.fetch`, so suppression holds unless HR asked otherwise.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from hrdash import months as month_math
from hrdash import swedish
from hrdash.catalogue import BY_ID, CARD, SPARKLINE, shown_in, shown_or_judged
from hrdash.figures import indicators, readings, signals
from hrdash.figures.format import beside_label, difference, format_value, target_status, together
from hrdash.figures.groups import Group
from hrdash.store import targets
from hrdash.store.queries import read


def months(con: duckdb.DuckDBPyConnection) -> list[dt.date]:
    """Months with figures, newest first."""
    return [row[0] for row in read(con, "report_months").fetchall()]


def default_month(con: duckdb.DuckDBPyConnection) -> dt.date | None:
    """The latest month every unit has reported every kind of figures for (queries/marts/default_month.sql)."""
    return read(con, "default_month").fetchone()[0]


def kinds_held(con: duckdb.DuckDBPyConnection) -> set[str]:
    """The kinds of figures the database holds at all: pages leave out the others."""
    return {row[0] for row in read(con, "kinds_with_data").fetchall()}


def coverage(con: duckdb.DuckDBPyConnection, group: Group, month: dt.date) -> dict[str, tuple[int, int]]:
    """kind -> (units reported, units expected) for the group and month."""
    rows = read(con, "group_coverage", "kind, units_reported, units", level=group.level, group_id=group.group_id,
                month=month).fetchall()
    return {kind: (reported, units) for kind, reported, units in rows}


def coverage_note(reported: int | None, units: int | None) -> str:
    """'3 av 15 enheter har rapporterat', or nothing where all did or the figure has no coverage."""
    if pd.isna(reported) or pd.isna(units) or reported >= units:
        return ""
    return f"{int(reported)} av {int(units)} enheter har rapporterat"


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


def why_empty(frame: pd.DataFrame, indicator_id: str, group_name: str, what: str) -> tuple[str, bool]:
    """Why a group's series of an indicator shows nothing, in a sentence, and whether the files
    lack it (so HR can upload them) rather than the privacy rule hiding it or no unit reporting it."""
    reported, units = f"reported_{indicator_id}", f"units_{indicator_id}"
    if frame.empty or reported not in frame:
        return f"Det finns inga uppgifter om {what} i de uppladdade filerna ännu.", True
    hidden = frame[(frame[reported].fillna(0) > 0) & frame[indicator_id].isna()]
    notes = [n for n in hidden.get(f"note_{indicator_id}", []) if isinstance(n, str) and n]
    if notes:
        return (f"Siffrorna för {group_name} visas inte: {notes[-1][0].lower()}{notes[-1][1:]}. "
                "Det är integritetsskyddet (se Om siffrorna), inte en uppgift som saknas."), False
    if (frame[units].fillna(0) == 0).all():
        return f"{group_name} har inga enheter som rapporterar {what}.", False
    return f"{group_name} har inte rapporterat {what} för de valda månaderna.", True


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
    variation: str | None = None  # what its control chart says of the month: concern, improvement, common
    capability: str | None = None  # whether the process meets its target: every month, sometimes, not
    reading: str = ""  # what the chart says, with what it compares with (hrdash/figures/readings.py)
    incomplete: str = ""  # '12 av 13 enheter har rapporterat' where the month covers only some units
    previous_incomplete: bool = False  # the month before, or the same month last year, covers only some
    last_year_incomplete: bool = False

    @property
    def label(self) -> str:
        return BY_ID[self.indicator_id].label

    @property
    def figures(self) -> list[float | None]:
        """The figures the card shows side by side: its own, last month's and last year's."""
        return [self.value, self.previous, self.last_year]

    @property
    def text(self) -> str:
        """The card's figure: amounts in tkr or mnkr, the unit left out where the label says it, and as
        many decimals as the figures beside it ('8,0' above '24,5')."""
        if BY_ID[self.indicator_id].unit == "kr":
            return swedish.kronor_rounded(self.value)
        text = together(self.indicator_id, self.value, self.value, self.figures)
        unit_in_label = beside_label(self.indicator_id, self.value) != format_value(self.indicator_id, self.value)
        return text.split(" ", 1)[0] if unit_in_label else text

    def change(self, other: float | None) -> float | None:
        return difference(self.indicator_id, self.value, other)

    @property
    def target_status(self) -> tuple[str, bool | None]:
        return target_status(self.indicator_id, self.value, self.target)


def value_at(by_month: pd.DataFrame, indicator_id: str, month: dt.date) -> float | None:
    """One figure of a series indexed by month; None where there is none (or it is hidden)."""
    if month not in by_month.index:
        return None
    value = by_month.loc[month, indicator_id]
    return None if value != value else float(value)


def cards(con: duckdb.DuckDBPyConnection, group: Group, month: dt.date, unsuppressed: bool,
          indicator_ids: tuple[str, ...] | None = None) -> list[Card]:
    """A card for each indicator shown on Översikt's cards (hrdash/catalogue.py) or with a target for
    the group, of the kinds of figures the database holds."""
    held = kinds_held(con)
    goals = targets.Targets(con)
    indicator_ids = indicator_ids or tuple(i for i in shown_or_judged(CARD, goals.judged(group))
                                           if BY_ID[i].kind in held)
    wide = series(con, group, list(indicator_ids), unsuppressed, first=month_math.shift(month, -12), last=month)
    by_month = wide.set_index("month")
    charts = {s.indicator_id: s for s in signals.all_series(con, level=group.level, group_id=group.group_id)}
    result = []
    for indicator_id in indicator_ids:
        note = by_month.loc[month, f"note_{indicator_id}"] if month in by_month.index else "ingen uppgift"
        target = goals.for_group(indicator_id, group)
        chart = charts.get(indicator_id)
        point = signals.point_at(chart, month, unsuppressed)
        previous = value_at(by_month, indicator_id, month_math.shift(month, -1))
        partial = {m: partial_note(by_month, indicator_id, m)
                   for m in (month, month_math.shift(month, -1), month_math.shift(month, -12))}
        result.append(Card(
            indicator_id,
            value_at(by_month, indicator_id, month),
            previous,
            value_at(by_month, indicator_id, month_math.shift(month, -12)),
            target,
            note if isinstance(note, str) else "",
            [value_at(by_month, indicator_id, m) for m in month_math.window(month, 12)],
            point.variation(signals.worse_when_higher(indicator_id)) if point else None,
            signals.capability(point, target, signals.worse_when_higher(indicator_id)) if point else None,
            readings.card_reading(point, indicator_id, chart.baseline, target, previous, month_math.shift(month, -1))
            if point is not None and point.has_limits else "",
            partial.get(month, ""),
            bool(partial.get(month_math.shift(month, -1))),
            bool(partial.get(month_math.shift(month, -12))),
        ))
    return result


def partial_note(by_month: pd.DataFrame, indicator_id: str, month: dt.date) -> str:
    """'12 av 13 enheter har rapporterat' where a month of a series covers only some units, else ''."""
    reported, units = f"reported_{indicator_id}", f"units_{indicator_id}"
    if month not in by_month.index or reported not in by_month or units not in by_month:
        return ""
    return coverage_note(by_month.loc[month, reported], by_month.loc[month, units])


def sparklines(con: duckdb.DuckDBPyConnection, members: list[Group], month: dt.date, unsuppressed: bool) -> pd.DataFrame:
    """Per member group: the month's value of each indicator of the grid ('–*' where the privacy
    rules hide it) and its 12 months before."""
    if not members:
        return pd.DataFrame()
    indicator_ids = shown_in(SPARKLINE)
    frame = indicators.fetch(con, unsuppressed=unsuppressed, levels=tuple({g.level for g in members}),
                             group_ids=tuple(g.group_id for g in members), indicator_ids=indicator_ids,
                             first=month_math.shift(month, -11), last=month)
    values = {(r.group_id, r.indicator, r.month): (None if r.value != r.value else r.value) for r in frame.itertuples()}
    hidden = {(r.group_id, r.indicator) for r in frame.itertuples() if r.month == month and r.suppressed}
    window = month_math.window(month, 12)
    rows = []
    for member in members:
        row = {"Grupp": member.name if member.level != "enhet" else f"   {member.name}", "Nivå": member.level}
        for indicator_id in indicator_ids:
            trend = [values.get((member.group_id, indicator_id, m)) for m in window]
            # The column's header names the unit; '–*' is hidden by the privacy rules, '–' missing.
            row[indicator_id] = "–*" if (member.group_id, indicator_id) in hidden else beside_label(indicator_id,
                                                                                                   trend[-1])
            row[f"{indicator_id}_trend"] = [v for v in trend if v is not None]
        rows.append(row)
    return pd.DataFrame(rows)
