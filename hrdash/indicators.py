"""The indicators: their ids, Swedish labels and plain-language definitions, and how to read
their values. The formulas themselves live in queries/group_month_indicators.sql.

Every reader of figures goes through `fetch`, which reads the suppressed view unless it is
explicitly asked for unsuppressed figures (HR staff who signed in with that role). Reading
first stores the computed figures (queries/group_month_values.sql) as a table, once per
change of the batches, so that no page view computes them again.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from hrdash import database

if TYPE_CHECKING:  # pandas is loaded by DuckDB when a frame is asked for; `hrdash indicators` never needs it
    import pandas as pd


@dataclass(frozen=True)
class Indicator:
    id: str
    label: str  # short Swedish label for cards and tables
    topic: str  # sick_leave, turnover, vacancies, recruitment
    unit: str  # "%" or "st" or "kr" or "tjänster"
    definition: str  # plain Swedish, for committee members
    higher_is_worse: bool | None  # for arrows and colours; None where neither is better

    @property
    def short_label(self) -> str:
        """For narrow table columns."""
        return SHORT_LABELS.get(self.id, self.label)


INDICATORS: tuple[Indicator, ...] = (
    Indicator("sick_leave_pct", "Sjukfrånvaro", "sick_leave", "%",
              "Sjuktimmar som andel av de ordinarie (schemalagda) arbetstimmarna under månaden.", True),
    Indicator("sick_leave_12m_pct", "Sjukfrånvaro, 12 månader", "sick_leave", "%",
              "Sjuktimmar som andel av ordinarie arbetstimmar under de senaste 12 månaderna. "
              "Visas bara när alla enheter har rapporterat alla 12 månaderna.", True),
    Indicator("short_sick_leave_pct", "Korttidssjukfrånvaro (dag 1–14)", "sick_leave", "%",
              "Sjuktimmar under dag 1–14 av ett sjukfall (sjuklöneperioden) som andel av de ordinarie arbetstimmarna.",
              True),
    Indicator("long_sick_leave_share_pct", "Andel långa sjukfall (60 dagar eller mer)", "sick_leave", "%",
              "Hur stor del av sjuktimmarna som hör till sjukfall som pågått 60 dagar eller mer.", True),
    Indicator("sick_leave_women_pct", "Sjukfrånvaro, kvinnor", "sick_leave", "%",
              "Kvinnornas sjuktimmar som andel av kvinnornas ordinarie arbetstimmar.", True),
    Indicator("sick_leave_men_pct", "Sjukfrånvaro, män", "sick_leave", "%",
              "Männens sjuktimmar som andel av männens ordinarie arbetstimmar.", True),
    Indicator("sick_leave_age_29_pct", "Sjukfrånvaro, 29 år eller yngre", "sick_leave", "%",
              "Sjuktimmar som andel av ordinarie arbetstimmar för medarbetare som är 29 år eller yngre.", True),
    Indicator("sick_leave_age_30_49_pct", "Sjukfrånvaro, 30–49 år", "sick_leave", "%",
              "Sjuktimmar som andel av ordinarie arbetstimmar för medarbetare som är 30–49 år.", True),
    Indicator("sick_leave_age_50_pct", "Sjukfrånvaro, 50 år eller äldre", "sick_leave", "%",
              "Sjuktimmar som andel av ordinarie arbetstimmar för medarbetare som är 50 år eller äldre.", True),
    Indicator("turnover_pct", "Personalomsättning", "turnover", "%",
              "Tillsvidareanställda som slutat på enheten under månaden, som andel av antalet tillsvidareanställda. "
              "Räknar även dem som flyttat till en annan enhet i förvaltningen.", True),
    Indicator("turnover_12m_pct", "Personalomsättning, 12 månader", "turnover", "%",
              "Avgångar under de senaste 12 månaderna som andel av det genomsnittliga antalet tillsvidareanställda "
              "under samma tid.", True),
    Indicator("external_turnover_pct", "Lämnat förvaltningen", "turnover", "%",
              "Avgångar utom flyttar till en annan enhet i förvaltningen, som andel av antalet tillsvidareanställda: "
              "de som lämnat förvaltningen.", True),
    Indicator("external_turnover_12m_pct", "Lämnat förvaltningen, 12 månader", "turnover", "%",
              "Avgångar ur förvaltningen under de senaste 12 månaderna som andel av det genomsnittliga antalet "
              "tillsvidareanställda.", True),
    Indicator("turnover_excl_retirement_pct", "Personalomsättning utom pension", "turnover", "%",
              "Avgångar ur förvaltningen utom pensionsavgångar, som andel av antalet tillsvidareanställda.", True),
    Indicator("vacancies", "Vakanta tjänster", "vacancies", "tjänster",
              "Budgeterade tjänster minus besatta tjänster.", True),
    Indicator("vacancy_rate_pct", "Andel vakanta tjänster", "vacancies", "%",
              "Vakanta tjänster som andel av de budgeterade tjänsterna.", True),
    Indicator("consultants", "Inhyrda konsulter", "vacancies", "st",
              "Antal inhyrda konsulter under månaden.", True),
    Indicator("consultant_cost_sek", "Konsultkostnad", "vacancies", "kr",
              "Kostnaden för inhyrda konsulter under månaden, i kronor.", True),
    Indicator("recruitment_need", "Rekryteringsbehov", "recruitment", "tjänster",
              "Tjänster som behöver rekryteras nu.", None),
    Indicator("recruitments_ongoing", "Pågående rekryteringar", "recruitment", "st",
              "Rekryteringar som pågår.", None),
    Indicator("positions_filled", "Tillsatta tjänster", "recruitment", "st",
              "Tjänster som tillsattes under månaden.", None),
)
BY_ID = {i.id: i for i in INDICATORS}
SHORT_LABELS = {
    "sick_leave_12m_pct": "Sjukfrånvaro 12 mån",
    "short_sick_leave_pct": "Kort (dag 1–14)",
    "long_sick_leave_share_pct": "Andel långa sjukfall",
    "turnover_pct": "Omsättning, månaden",
    "turnover_12m_pct": "Omsättning 12 mån",
    "external_turnover_pct": "Lämnat förv., månaden",
    "external_turnover_12m_pct": "Lämnat förv. 12 mån",
    "turnover_excl_retirement_pct": "Utom pension, månaden",
    "vacancy_rate_pct": "Andel vakanta",
    "recruitments_ongoing": "Pågående",
    "positions_filled": "Tillsatta",
}
LEVELS = ("enhet", "avdelning", "förvaltning", "kommun")
TOPICS = {
    "sick_leave": "Sjukfrånvaro",
    "turnover": "Personalomsättning",
    "vacancies": "Vakanser",
    "recruitment": "Rekryteringsbehov",
}
SUPPRESSED_NOTE = "Färre än 10 personer – uppgiften visas inte för att skydda enskildas hälsouppgifter."


_snapshot_lock = threading.Lock()


def data_version(con: duckdb.DuckDBPyConnection) -> str:
    """Changes whenever a batch is imported or undone: the key for every cache of figures."""
    count, last, undone = con.execute(
        "SELECT count(*), coalesce(max(batch_id), 0), count(undone_at) FROM batches"
    ).fetchone()
    return f"{count}:{last}:{undone}"


def refresh(con: duckdb.DuckDBPyConnection) -> str:
    """Store group_month_values as group_month_snapshot again if the batches or queries/
    changed since it was stored. Everything that reads figures calls this first."""
    version = f"{data_version(con)}:{database.queries_version()}"
    if con.execute("SELECT version FROM snapshot_state").fetchone() == (version,):
        return version
    with _snapshot_lock:
        if con.execute("SELECT version FROM snapshot_state").fetchone() == (version,):
            return version  # another thread stored it while this one waited
        with database.transaction(con) as cur:
            # Stored in the order `hrdash indicators` prints (see export).
            cur.execute(f"CREATE OR REPLACE TABLE {database.SNAPSHOT} AS "
                        f"SELECT * FROM {database.SNAPSHOT_OF} ORDER BY {LEVEL_RANK}, group_id, month")
            cur.execute("DELETE FROM snapshot_state")
            cur.execute("INSERT INTO snapshot_state VALUES (?)", [version])
    return version


@dataclass(frozen=True)
class Selection:
    """Which figures to read: by unit name (any level), months from `first` to `last`, and
    lists of levels, group ids and indicator ids. Empty: everything."""

    unit: str | None = None
    first: dt.date | None = None
    last: dt.date | None = None
    levels: tuple[str, ...] | None = None
    group_ids: tuple[str, ...] | None = None
    indicator_ids: tuple[str, ...] | None = None

    def where(self) -> tuple[str, list[object]]:
        """SQL conditions with their parameters. The kommun level is only there when the
        organisation has several förvaltningar."""
        where = ["(level <> 'kommun' OR (SELECT count(DISTINCT administration) > 1 FROM group_month_snapshot))"]
        params: list[object] = []
        if self.unit:
            where.append("lower(trim(group_name)) = lower(trim(?))")
            params.append(self.unit)
        if self.first:
            where.append("month >= ?")
            params.append(self.first)
        if self.last:
            where.append("month <= ?")
            params.append(self.last)
        for column, values in (("level", self.levels), ("group_id", self.group_ids),
                               ("indicator", self.indicator_ids)):
            if values is not None:
                where.append(f"{column} IN ({', '.join('?' for _ in values) or 'NULL'})")
                params.extend(values)
        return " AND ".join(where), params


LEVEL_RANK = "CASE level WHEN 'enhet' THEN 1 WHEN 'avdelning' THEN 2 WHEN 'förvaltning' THEN 3 ELSE 4 END"
ORDER = f"{LEVEL_RANK}, group_id, month, indicator"


def fetch(
    con: duckdb.DuckDBPyConnection,
    unsuppressed: bool = False,
    unit: str | None = None,
    first: dt.date | None = None,
    last: dt.date | None = None,
    levels: tuple[str, ...] | None = None,
    group_ids: tuple[str, ...] | None = None,
    indicator_ids: tuple[str, ...] | None = None,
) -> pd.DataFrame:
    """Indicator values in long format, suppressed unless `unsuppressed` (see Selection)."""
    refresh(con)
    where, params = Selection(unit, first, last, levels, group_ids, indicator_ids).where()
    frame = con.execute(
        f"""
        SELECT level, group_id, group_name, administration, department, unit_id, month, indicator, value,
               suppressed, suppression_reason, units_reported, units
        FROM {"indicator_values" if unsuppressed else "indicators_public"}
        WHERE {where}
        ORDER BY {ORDER}
        """,
        params,
    ).df()
    frame["month"] = frame["month"].dt.date
    return frame


def export(con: duckdb.DuckDBPyConnection, path: Path, file_format: str, unsuppressed: bool,
           selection: Selection) -> None:
    """Write `level,unit,month,indicator,value` as CSV or a JSON array, the way `hrdash
    indicators` prints them: month YYYY-MM, value with six decimals, empty (null) where hidden
    or not computable. DuckDB writes the file itself: two million rows in about a second.

    The rows come in the snapshot's order (units, avdelningar, förvaltningar, by group and
    month; the indicators as queries/indicator_values.sql lists them): DuckDB keeps a table's
    insertion order when a query has no ORDER BY, and sorting two million rows again would
    take longer than writing them."""
    refresh(con)
    where, params = selection.where()
    options = "FORMAT json, ARRAY true" if file_format == "json" else "FORMAT csv, HEADER true"
    target = "'" + str(path).replace("'", "''") + "'"
    con.execute(
        f"""
        COPY (
            SELECT level, group_name AS unit, strftime(month, '%Y-%m') AS month, indicator,
                   value::DECIMAL(20, 6) AS value
            FROM {"indicator_values" if unsuppressed else "indicators_public"}
            WHERE {where}
        ) TO {target} ({options})
        """,
        params,
    )
