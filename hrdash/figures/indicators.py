"""The one way to read indicator values: suppressed (queries/marts/indicators_public.sql)
unless explicitly asked for unsuppressed figures, which only HR staff who signed in with that
role may see. What each indicator means is in hrdash/catalogue.py."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from hrdash.store import queries, snapshot

if TYPE_CHECKING:  # pandas is loaded by DuckDB when a frame is asked for; `hrdash indicators` never needs it
    import pandas as pd

COLUMNS = ("level, group_id, group_name, administration, department, unit_id, month, indicator, value, "
           "suppressed, suppression_reason, units_reported, units")


def view(unsuppressed: bool) -> str:
    return "indicator_values" if unsuppressed else "indicators_public"


@dataclass(frozen=True)
class Selection:
    """Which figures to read: by group name (any level, case and spacing ignored), months from
    `first` to `last`, and lists of levels, group ids and indicator ids. Empty: everything."""

    unit: str | None = None
    first: dt.date | None = None
    last: dt.date | None = None
    levels: tuple[str, ...] | None = None
    group_ids: tuple[str, ...] | None = None
    indicator_ids: tuple[str, ...] | None = None

    def filters(self) -> dict[str, object]:
        found: dict[str, object] = {"since": self.first, "until": self.last}
        if self.unit:
            found["group_key"] = " ".join(self.unit.split()).lower()
        for column, values in (("level", self.levels), ("group_id", self.group_ids), ("indicator", self.indicator_ids)):
            if values is not None:
                found[column] = tuple(values)
        return found


def fetch(con: duckdb.DuckDBPyConnection, unsuppressed: bool = False, unit: str | None = None,
          first: dt.date | None = None, last: dt.date | None = None, levels: tuple[str, ...] | None = None,
          group_ids: tuple[str, ...] | None = None, indicator_ids: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Indicator values in long format, suppressed unless `unsuppressed` (see Selection)."""
    selection = Selection(unit, first, last, levels, group_ids, indicator_ids)
    frame = queries.read(con, view(unsuppressed), COLUMNS, order_by="level_rank, group_id, month, indicator",
                         **selection.filters()).df()
    frame["month"] = frame["month"].dt.date
    return frame


def export(con: duckdb.DuckDBPyConnection, path: Path, file_format: str, unsuppressed: bool,
           selection: Selection) -> None:
    """Write `level,unit,month,indicator,value` as CSV or a JSON array, the way `hrdash
    indicators` prints them: month YYYY-MM, value with six decimals, empty (null) where hidden
    or not computable. DuckDB writes the file itself: two million rows in about a second.

    The rows come in the stored order (units, avdelningar, förvaltningar, by group and month;
    the indicators in catalogue order): DuckDB keeps a table's insertion order when a query has
    no ORDER BY, and sorting two million rows again would take longer than writing them."""
    snapshot.refresh(con)
    sql, params = queries.select(view(unsuppressed), "level, group_name AS unit, strftime(month, '%Y-%m') AS month, "
                                 "indicator, value::DECIMAL(20, 6) AS value", **selection.filters())
    options = "FORMAT json, ARRAY true" if file_format == "json" else "FORMAT csv, HEADER true"
    target = "'" + str(path).replace("'", "''") + "'"
    con.execute(f"COPY ({sql}) TO {target} ({options})", params)
