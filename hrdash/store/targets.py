"""Targets per indicator: a default for the förvaltning (or the kommun), overridden per
avdelning or unit where set. Stored in the database and edited on the Data page."""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from hrdash import swedish
from hrdash.catalogue import BY_ID
from hrdash.errors import UserError
from hrdash.ingest.typed import BY_UNIT, Range
from hrdash.store import audit
from hrdash.store.queries import read


def current(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return read(con, "current_targets", "indicator, level, group_id, value", order_by="ALL").df()


def set_target(con: duckdb.DuckDBPyConnection, indicator: str, level: str, group_id: str, value: float | None,
               user: str) -> None:
    """Set (or, with None, remove) the target of one indicator for one group, and log it."""
    if indicator not in BY_ID:
        raise UserError(f"Okänt nyckeltal '{indicator}'.")
    refused = problem(indicator, value)
    if refused:
        raise UserError(refused)
    con.execute("INSERT INTO targets VALUES (?, ?, ?, ?, ?, ?)",
                [indicator, level, group_id, value, user, dt.datetime.now()])
    what = "tog bort målet" if value is None else f"mål {swedish.number(value, 1)}"
    audit.record(con, user, "Mål", f"{BY_ID[indicator].label}, {level} {group_id}: {what}")


def range_of(indicator: str) -> Range:
    """What a target of the indicator may be: a share 0–100 %, a whole count, kronor from 0."""
    return BY_UNIT[BY_ID[indicator].unit]


def problem(indicator: str, value: float | None) -> str | None:
    """Why a target cannot be saved, in Swedish; None when it can (None removes the target)."""
    if value is None:
        return None
    return range_of(indicator).problem(f"Målet för {BY_ID[indicator].label.lower()}", value)


class Targets:
    """The targets that hold now, looked up for a group: its own target, else its avdelning's,
    its förvaltning's, the kommun's."""

    def __init__(self, con: duckdb.DuckDBPyConnection):
        rows = read(con, "current_targets", "indicator, level, group_id, value").fetchall()
        self._values = {(indicator, level, group_id): value for indicator, level, group_id, value in rows}

    def __bool__(self) -> bool:
        return bool(self._values)

    def judged(self, group) -> frozenset[str]:
        """The indicators with a target that holds for the group: each is judged against it on
        Översikt's cards, in the report's key figures, on the overview slide and in the workbook."""
        return frozenset(i for i, *_ in self._values if self.for_group(i, group) is not None)

    def for_group(self, indicator: str, group) -> float | None:
        """`group` is a hrdash.figures.groups.Group (level, group_id, administration, department)."""
        return next((self._values[(indicator, *key)] for key in inherited(group) if (indicator, *key) in self._values),
                    None)


def inherited(group) -> list[tuple[str, str]]:
    """(level, group id) of a group and the groups above it, nearest first: a setting for a group
    holds for the groups under it that have none of their own."""
    chain = [(group.level, group.group_id)]
    if group.level == "enhet" and group.department is not None:
        chain.append(("avdelning", f"{group.administration} / {group.department}"))
    if group.level in ("enhet", "avdelning") and group.administration is not None:
        chain.append(("förvaltning", group.administration))
    chain.append(("kommun", "kommun"))
    return chain
