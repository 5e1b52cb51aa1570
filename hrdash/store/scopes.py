"""The part of the organisation a role holds for (issue: every manager their own part).

A scope is written as the key of its group (hrdash/figures/groups.py): 'förvaltning:<name>',
'avdelning:<förvaltning> / <avdelning>', 'enhet:<unit id>'; WHOLE ('kommun:kommun') is the whole
organisation, which every assignment of an older release holds. Which units a scope holds in a
month follows the units' placements that month (queries/staging/unit_scopes.sql).

HR of a part imports, undoes and sets targets, comments and measures only inside it: an import or
an undo that touches a unit outside is refused, naming the units (`refused_units`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb

from hrdash import swedish
from hrdash.errors import Problem
from hrdash.store.queries import read

WHOLE = "kommun:kommun"
LEVEL_WORDS = {"kommun": "hela organisationen", "förvaltning": "förvaltningen", "avdelning": "avdelningen",
               "enhet": "enheten"}


@dataclass(frozen=True)
class Scope:
    """A part of the organisation, by its group's key."""

    key: str

    @property
    def level(self) -> str:
        return self.key.split(":", 1)[0]

    @property
    def group_id(self) -> str:
        return self.key.split(":", 1)[1]

    @property
    def whole(self) -> bool:
        return self.key == WHOLE

    @property
    def administration(self) -> str | None:
        if self.level == "förvaltning":
            return self.group_id
        if self.level == "avdelning":
            return self.group_id.split(" / ", 1)[0]
        return None

    def contains_key(self, key: str, department_key: str | None = None, administration: str | None = None) -> bool:
        """Whether the group of `key` lies in this scope; a unit's own avdelning and förvaltning
        (as it is placed in the month that matters) are given beside it."""
        if self.whole or key == self.key:
            return True
        level, group_id = key.split(":", 1)
        if level == "kommun":
            return False
        if self.level == "förvaltning":
            if level == "avdelning":
                return group_id.split(" / ", 1)[0] == self.group_id
            return level == "enhet" and administration == self.group_id
        if self.level == "avdelning":
            return level == "enhet" and department_key == self.key
        return False

    def contains(self, group) -> bool:
        """Whether a Group (hrdash/figures/groups.py) lies in this scope, by where it sits in its latest month."""
        department = (f"avdelning:{group.administration} / {group.department}"
                      if group.level == "enhet" and group.department else None)
        return self.contains_key(group.key, department, group.administration)


def parse(key: str | None) -> Scope:
    """The scope an assignment stores (NULL, or a frame's missing value: the whole organisation)."""
    return Scope(key if isinstance(key, str) and key else WHOLE)


def name(con: duckdb.DuckDBPyConnection, key: str | None) -> str:
    """A scope in words: 'hela organisationen', or its group's name with what it is."""
    scope = parse(key)
    if scope.whole:
        return "hela organisationen"
    if scope.level == "avdelning":
        return f"{scope.group_id.split(' / ', 1)[1]} (avdelning i {scope.administration})"
    if scope.level == "enhet":
        found = read(con, "unit_names", "unit_name", unit_id=scope.group_id).fetchone()
        return f"{found[0] if found else scope.group_id.split(':', 1)[1]} (enhet)"
    return f"{scope.group_id} (förvaltning)"


def anywhere(scopes: tuple[str, ...] | None) -> bool:
    """Whether these scopes hold the whole organisation (None: no limit, as for the CLI)."""
    return scopes is None or WHOLE in scopes


def words(con: duckdb.DuckDBPyConnection, scopes: tuple[str, ...]) -> str:
    """'Barn och unga (avdelning i Socialförvaltningen)', or several joined in Swedish."""
    return swedish.join_words([name(con, key) for key in scopes])


def refused_units(con: duckdb.DuckDBPyConnection, batch_id: int, scopes: tuple[str, ...] | None) -> list[Problem]:
    """The units of a batch's rows that lie outside `scopes` in the rows' months: one problem per
    unit, naming it and the first month. None when the scopes hold the whole organisation."""
    if anywhere(scopes):
        return []
    rows = read(con, "batch_unit_scopes", "unit_name, month, scope", batch_id=batch_id).df()
    if rows.empty:
        return []
    inside = rows["scope"].isin(scopes)
    held = rows[inside][["unit_name", "month"]].drop_duplicates()
    pairs = rows[["unit_name", "month"]].drop_duplicates()
    outside = pairs.merge(held, how="left", indicator=True)
    outside = outside[outside["_merge"] == "left_only"]
    problems = []
    for unit_name, months in outside.groupby("unit_name", sort=True)["month"]:
        first = min(months)
        first = first.date() if hasattr(first, "date") else first
        problems.append(Problem(
            f"Enheten '{unit_name}' hör inte till {words(con, scopes)} i {swedish.month_name(first)}"
            + (f" (och {len(months) - 1} månader till)" if len(months) > 1 else "")
            + ". Du kan bara läsa in uppgifter för enheter i din del av organisationen: ta bort raderna för "
              "enheten eller be HR för den delen läsa in dem.", value=unit_name))
    return problems


def measure_outside(con: duckdb.DuckDBPyConnection, level: str, group_id: str, month: dt.date,
                    scopes: tuple[str, ...] | None) -> bool:
    """Whether a measure's group, in its start month, lies outside every one of `scopes`."""
    if anywhere(scopes):
        return False
    key = f"{level}:{group_id}"
    if level == "enhet":
        held = {row[0] for row in read(con, "unit_scopes", "scope", unit_id=group_id, month=month).fetchall()}
        return not any(key == scope or scope in held for scope in scopes)
    return not any(parse(scope).contains_key(key) for scope in scopes)
