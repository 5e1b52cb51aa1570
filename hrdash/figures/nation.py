"""The year beside the nation: the organisation's own seven statutory figures of a year next to the
same figures Kolada publishes for the whole municipality, for Riket (0000) and for up to five
municipalities HR chooses. Kolada's figures are public (each municipality's annual report): they
are shown as they are. The organisation's own keep their privacy rule (hrdash/figures/year.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb
import pandas as pd

from hrdash import swedish
from hrdash.figures.year import STATUTORY, Disclosure
from hrdash.ingest.kolada import NATION
from hrdash.store import references
from hrdash.store.queries import read

# Kolada's KPIs of the statutory disclosure, with the titles Kolada's own KPI list gives them: the
# answer of api.kolada.se/v2/kpi as saved in github.com/peterk/tableau-kolada-proxy (kpi_all.js,
# September 2021). Kolada renames KPIs now and then; the ids are what a file and the page rely on.
KPIS = {
    "N00090": "Sjukfrånvaro kommunalt anställda totalt, (%)",
    "N00091": "Sjukfrånvaro kommunalt anställda mer än 59 dagar som andel av total sjukfrånvaro, (%)",
    "N00092": "Sjukfrånvaro för kommunalt anställda <30 år, (%)",
    "N00093": "Sjukfrånvaro för kommunalt anställda 30-49 år, (%)",
    "N00094": "Sjukfrånvaro för kommunalt anställda >49 år, (%)",
}
# Each statutory figure as Kolada has it: (KPI, gender). The split by women and men is N00090's
# values for K and M; that N00090 is divided by gender is what Kolada's data answers show (a value
# per T, K and M), not something its KPI list says.
SAME = {
    "sick_leave_12m_pct": ("N00090", "T"),
    "long_sick_leave_share_12m_pct": ("N00091", "T"),
    "sick_leave_women_12m_pct": ("N00090", "K"),
    "sick_leave_men_12m_pct": ("N00090", "M"),
    "sick_leave_age_29_12m_pct": ("N00092", "T"),
    "sick_leave_age_30_49_12m_pct": ("N00093", "T"),
    "sick_leave_age_50_12m_pct": ("N00094", "T"),
}
OWN_LEVELS = ("kommun", "förvaltning")


@dataclass(frozen=True)
class Place:
    """A column of the comparison: one of Kolada's municipalities (or Riket)."""

    municipality_id: str
    name: str
    values: dict[tuple[str, str], float]  # (kpi, gender) -> value


@dataclass(frozen=True)
class Comparison:
    year: int
    own: tuple[tuple[str, dict[str, str]], ...]  # (group name, indicator id -> shown text), hidden kept
    places: tuple[Place, ...]
    own_municipality: str | None
    fetched: dt.date | None  # when the Kolada figures shown were imported (the latest of them)
    kpis: tuple[str, ...]  # the KPIs the places have figures of, in Kolada's order

    @property
    def has_references(self) -> bool:
        return any(p.values for p in self.places)

    def table(self) -> pd.DataFrame:
        """A row per statutory figure; a column per own group, then the municipality, Riket, the chosen."""
        columns = {"Nyckeltal": list(STATUTORY.values())}
        for name, texts in self.own:
            columns[f"{name} (egna siffror)"] = [texts.get(i, "") for i in STATUTORY]
        for place in self.places:
            columns[place.name] = ["" if SAME[i] not in place.values else swedish.percent(place.values[SAME[i]])
                                   for i in STATUTORY]
        return pd.DataFrame(columns)

    def source(self) -> str:
        """'Källa: Kolada (RKA), KPI N00090 … (%); hämtad 4 december 2026.'"""
        kpis = "; ".join(f"{k} {KPIS[k]}" for k in self.kpis)
        fetched = f", hämtad {swedish.date(self.fetched)}" if self.fetched else ""
        return f"Källa: Kolada (RKA), KPI {kpis}{fetched}. Koladas siffror gäller alla kommunens anställda."


def place_name(municipality_id: str, name: str | None) -> str:
    if municipality_id == NATION:
        return "Riket"
    return f"{name} ({municipality_id})" if name else f"Kommun {municipality_id}"


def municipalities(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Every municipality Kolada's imported figures hold, but Riket: id -> its name as shown."""
    rows = read(con, "current_references", "DISTINCT municipality_id, municipality_name").fetchall()
    return dict(sorted((m, place_name(m, n)) for m, n in rows if m != NATION))


def comparison(con: duckdb.DuckDBPyConnection, disclosure: Disclosure) -> Comparison:
    """The year's own figures (from `disclosure`, already suppressed) beside Kolada's."""
    own_id, compared = references.choices(con)
    ids = [m for m in dict.fromkeys([own_id, NATION, *compared]) if m]
    frame = read(con, "current_references", "kpi, municipality_id, municipality_name, gender, value, fetched_at",
                 year=disclosure.year, municipality_id=tuple(ids) or ("",), kpi=tuple(KPIS)).df()
    places = []
    for municipality_id in ids:
        rows = frame[frame["municipality_id"] == municipality_id]
        name = next((n for n in rows["municipality_name"] if isinstance(n, str)), None)
        places.append(Place(municipality_id, place_name(municipality_id, name),
                            {(r.kpi, r.gender): float(r.value) for r in rows.itertuples()}))
    own = []
    for row in disclosure.rows:
        if row.group.level in OWN_LEVELS:
            if not own or own[-1][0] != row.group.name:
                own.append((row.group.name, {}))
            own[-1][1][row.indicator_id] = row.this_year.text
    fetched = None if frame.empty else frame["fetched_at"].max().date()
    return Comparison(disclosure.year, tuple(own), tuple(places), own_id, fetched,
                      tuple(k for k in KPIS if k in set(frame["kpi"])))
