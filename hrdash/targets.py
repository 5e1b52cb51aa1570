"""Targets per indicator: a default for the förvaltning (or the kommun), overridden per
avdelning or unit where set. Stored in the database and edited on the Data page."""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from hrdash import audit, swedish
from hrdash.indicators import BY_ID


def current(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return con.execute("SELECT indicator, level, group_id, value FROM current_targets ORDER BY ALL").df()


def set_target(con: duckdb.DuckDBPyConnection, indicator: str, level: str, group_id: str, value: float | None,
               user: str) -> None:
    """Set (or, with None, remove) the target of one indicator for one group, and log it."""
    if indicator not in BY_ID:
        raise ValueError(f"Okänt nyckeltal '{indicator}'.")
    if value is not None and value < 0:
        raise ValueError("Ett mål kan inte vara negativt.")
    con.execute("INSERT INTO targets VALUES (?, ?, ?, ?, ?, ?)",
                [indicator, level, group_id, value, user, dt.datetime.now()])
    what = "tog bort målet" if value is None else f"mål {swedish.number(value, 1)}"
    audit.record(con, user, "Mål", f"{BY_ID[indicator].label}, {level} {group_id}: {what}")


def lookup(targets: pd.DataFrame, indicator: str, level: str, group_id: str, administration: str | None,
           department: str | None) -> float | None:
    """The target that holds for a group: its own, else its avdelning's, its förvaltning's, the kommun's."""
    chain = [(level, group_id)]
    if level == "enhet" and department is not None:
        chain.append(("avdelning", f"{administration} / {department}"))
    if level in ("enhet", "avdelning") and administration is not None:
        chain.append(("förvaltning", administration))
    chain.append(("kommun", "kommun"))
    rows = targets[targets["indicator"] == indicator]
    for key in chain:
        match = rows[(rows["level"] == key[0]) & (rows["group_id"] == key[1])]
        if not match.empty:
            return float(match["value"].iloc[0])
    return None
