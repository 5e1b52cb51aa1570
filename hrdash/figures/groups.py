"""The organisation as the figures see it: every unit, avdelning, förvaltning (and the kommun)
that has figures, in reading order, and the groups under a group."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from hrdash.store.queries import read

LEVELS = ("enhet", "avdelning", "förvaltning", "kommun")
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
    found = [Group(*row) for row in read(con, "group_list").fetchall()]  # names are unique per level

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


def parent(all_groups: list[Group], group: Group) -> Group:
    """The avdelning of a unit; any other group is its own parent (what its members are compared with)."""
    if group.level != "enhet":
        return group
    return next(g for g in all_groups if g.level == "avdelning" and g.administration == group.administration
                and g.department == group.department)


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


def reporting(con: duckdb.DuckDBPyConnection, members: list[Group], kind: str) -> list[Group]:
    """The members that report a kind of figures: units that have reported it at least once, and
    every group above a unit (its figures are sums)."""
    units = {row[0] for row in read(con, "unit_kinds", "unit_id", kind=kind).fetchall()}
    return [m for m in members if m.level != "enhet" or m.group_id in units]


def units_under(all_groups: list[Group], group: Group) -> list[Group]:
    """The units under a group; for a unit, the units of its avdelning."""
    return [g for g in all_groups if g.level == "enhet" and (
        group.level == "kommun" or g.administration == group.administration) and (
        group.level in ("kommun", "förvaltning") or g.department == group.department)]


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


def lineage(all_groups: list[Group], group: Group) -> list[Group]:
    """The group and every group above it: its avdelning, its förvaltning and the kommun, where they exist."""
    above = [group]
    for g in all_groups:
        if g.level == "kommun" and group.level != "kommun":
            above.append(g)
        elif g.level == "förvaltning" and group.level in ("avdelning", "enhet") and g.administration == group.administration:
            above.append(g)
        elif (g.level == "avdelning" and group.level == "enhet" and g.administration == group.administration
              and g.department == group.department):
            above.append(g)
    return above
