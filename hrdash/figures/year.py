"""The annual report's sick-leave disclosure (domain.md, Part 3, "The year"): the seven statutory
figures over the 12 months ending in December, for the kommun, each förvaltning and each
avdelning, beside last year's. The page Årsredovisning and the workbook's sheet of the same name
show this one table. It is committee-facing: it always reads suppressed figures."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb
import pandas as pd

from hrdash import swedish
from hrdash.catalogue import few_people
from hrdash.figures import groups, indicators
from hrdash.figures.groups import Group
from hrdash.figures.series import months
from hrdash.store import settings

# The law's seven figures, in the order annual reports give them, with the name of each row.
STATUTORY = {
    "sick_leave_12m_pct": "Total sjukfrånvaro",
    "long_sick_leave_share_12m_pct": "Andel av sjukfrånvaron som avser 60 dagar eller mer",
    "sick_leave_women_12m_pct": "Sjukfrånvaro kvinnor",
    "sick_leave_men_12m_pct": "Sjukfrånvaro män",
    "sick_leave_age_29_12m_pct": "Sjukfrånvaro 29 år eller yngre",
    "sick_leave_age_30_49_12m_pct": "Sjukfrånvaro 30–49 år",
    "sick_leave_age_50_12m_pct": "Sjukfrånvaro 50 år eller äldre",
}
LAW = ("Sjukfrånvaron redovisas enligt lagen om kommunal bokföring och redovisning, som för vidare 4 kap. 1 a § "
       "i den tidigare lagen om kommunal redovisning (SFS 2002:1065): den totala sjukfrånvaron i procent av de "
       "anställdas sammanlagda ordinarie arbetstid, den andel av sjukfrånvaron som avser frånvaro under en "
       "sammanhängande tid av 60 dagar eller mer, sjukfrånvaron för kvinnor och män och för anställda i åldrarna "
       "29 år eller yngre, 30–49 år och 50 år eller äldre, var och en i procent av gruppens sammanlagda ordinarie "
       "arbetstid. Siffrorna gäller januari–december.")
LEVELS = ("kommun", "förvaltning", "avdelning")


@dataclass(frozen=True)
class Figure:
    value: float | None  # None where hidden or not computable
    hidden: bool
    reason: str | None  # why it is hidden, as a reader is told

    @property
    def text(self) -> str:
        """'6,9 %', '–' where hidden, '' where there is no figure."""
        if self.hidden:
            return swedish.DASH
        return "" if self.value is None else swedish.percent(self.value)


@dataclass(frozen=True)
class Row:
    group: Group
    indicator_id: str
    year: int
    this_year: Figure
    last_year: Figure

    @property
    def label(self) -> str:
        return STATUTORY[self.indicator_id]

    @property
    def comment(self) -> str:
        """The reason of each hidden figure of the row, by year: '2025: 10 personer eller färre'."""
        return "; ".join(f"{year}: {figure.reason}" for year, figure in
                         ((self.year, self.this_year), (self.year - 1, self.last_year)) if figure.hidden)


@dataclass(frozen=True)
class Disclosure:
    year: int
    rows: tuple[Row, ...]
    health_limit: int

    @property
    def columns(self) -> list[str]:
        return ["Organisation", "Nyckeltal", str(self.year), str(self.year - 1), "Kommentar"]

    def table(self) -> pd.DataFrame:
        """What a reader sees: one row per group and figure, Swedish formats, '–' where hidden."""
        return pd.DataFrame([[r.group.name, r.label, r.this_year.text, r.last_year.text, r.comment]
                             for r in self.rows], columns=self.columns)

    @property
    def has_figures(self) -> bool:
        return any(r.this_year.value is not None for r in self.rows)

    def note(self) -> str:
        """What '–' and an empty cell mean."""
        return (f"– Uppgiften visas inte: gruppen har {few_people(self.health_limit)} i någon månad av året, eller "
                "den döljs så att en sådan grupp inte kan räknas fram ur de andra och totalen. En tom ruta: uppgiften "
                "finns inte, för att alla enheter inte har rapporterat alla 12 månaderna eller för att filerna inte "
                "delar upp sjukfrånvaron på kön eller ålder.")


def years(con: duckdb.DuckDBPyConnection) -> list[int]:
    """The years whose December has figures, newest first: the first is the one a page opens with."""
    return [m.year for m in months(con) if m.month == 12]


def members(all_groups: list[Group], within: Group | None) -> list[Group]:
    """The kommun, förvaltningar and avdelningar; `within` a group: those above it, it and under it."""
    chosen = [g for g in all_groups if g.level in LEVELS]
    if within is None or within.level == "kommun":
        return chosen
    near = {g.key for g in groups.lineage(all_groups, within)} | {
        g.key for g in groups.descendants(all_groups, within)} | {within.key}
    return [g for g in chosen if g.key in near]


def disclosure(con: duckdb.DuckDBPyConnection, year: int, within: Group | None = None) -> Disclosure:
    """The seven figures of `year` and the year before for the groups of `members`, suppressed."""
    chosen = members(groups.groups(con), within)
    decembers = (dt.date(year - 1, 12, 1), dt.date(year, 12, 1))
    frame = indicators.fetch(con, unsuppressed=False, levels=tuple({g.level for g in chosen}) or ("kommun",),
                             group_ids=tuple(g.group_id for g in chosen) or ("",), first=decembers[0],
                             last=decembers[1], indicator_ids=tuple(STATUTORY))
    found = {(r.level, r.group_id, r.month, r.indicator): Figure(
        None if r.value != r.value else float(r.value), bool(r.suppressed),
        r.suppression_reason if isinstance(r.suppression_reason, str) else None) for r in frame.itertuples()}
    none = Figure(None, False, None)
    rows = tuple(Row(g, i, year, found.get((g.level, g.group_id, decembers[1], i), none),
                     found.get((g.level, g.group_id, decembers[0], i), none))
                 for g in chosen for i in STATUTORY)
    return Disclosure(year, rows, settings.health_limit(con))
