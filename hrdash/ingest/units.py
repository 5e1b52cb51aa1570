"""The organisation's own names, given to the parser as data: which unit a name or code in a file
means, which names are its avdelningar and förvaltningar (a row named after one is a sum, not a
unit), and the closest known unit for a name it does not know.

Pure: hrdash/store/units.py reads these names from the database; a file that holds an
organisation sheet adds its own.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from hrdash.ingest.headers import normalize_unit_key

# An avdelning of these names marks a closed unit (queries/staging/unit_placement.sql): not a group.
CLOSING_DEPARTMENTS = {"nedlagd", "avvecklad", "upphörd"}
CLOSE_MATCH = 0.8  # difflib ratio from which a known name is suggested for an unknown one


@dataclass(frozen=True)
class Unit:
    """A unit of the organisation: its current name and code, and where it sits now."""

    name: str
    code: str | None = None
    department: str | None = None
    administration: str | None = None
    unit_id: str | None = field(default=None, compare=False)  # as queries/staging/ identify it, where known

    @property
    def key(self) -> str:
        return normalize_unit_key(self.name)

    @property
    def group_id(self) -> str:
        """Its id as the figures' groups have it (queries/staging/organisation_placements.sql): by its
        code where it has one, otherwise by its folded name."""
        return self.unit_id or (f"kod:{self.code}" if self.code else f"namn:{self.key}")

    @property
    def label(self) -> str:
        return f"{self.name} ({self.code})" if self.code else self.name


@dataclass
class Resolution:
    """What a unit cell of a file means.

    status: 'known' (a unit of the organisation), 'split' (a code and a name in one cell, the code
    known), 'chosen' (HR chose the unit for this name before), 'new' (decided to be a new unit),
    'group' (the name of an avdelning or förvaltning: a sum), 'conflict' (the code and the name
    name two different units), or 'unknown' (with the closest known unit, if any).
    """

    status: str
    name: str
    code: str | None = None
    unit: Unit | None = None
    suggestion: Unit | None = None
    group: tuple[str, str] | None = None  # ('avdelning' | 'förvaltning', its name as the organisation writes it)


@dataclass
class KnownUnits:
    """The organisation as the parser needs it. `aliases` are older names of the units (key -> unit);
    `new` the folded names already decided to be units of their own; `choices` what HR chose for a
    name (folded) on the upload page: a unit, or None for a new unit."""

    units: list[Unit] = field(default_factory=list)
    aliases: dict[str, Unit] = field(default_factory=dict)
    new: set[str] = field(default_factory=set)
    choices: dict[str, Unit | None] = field(default_factory=dict)
    unplaced: dict[str, str] = field(default_factory=dict)  # folded name -> id of a unit with figures, not placed

    def __post_init__(self):
        self._index()

    def _index(self) -> None:
        self.by_key: dict[str, list[Unit]] = {}
        for unit in self.units:
            self.by_key.setdefault(unit.key, []).append(unit)
        for key, unit in self.aliases.items():
            if unit not in self.by_key.setdefault(key, []):
                self.by_key[key].append(unit)
        self.by_code = {unit.code: unit for unit in self.units if unit.code}
        self.groups: dict[str, tuple[str, str]] = {}
        for unit in self.units:
            if unit.department and unit.department.strip().casefold() not in CLOSING_DEPARTMENTS:
                self.groups.setdefault(normalize_unit_key(unit.department), ("avdelning", unit.department))
        for unit in self.units:
            if unit.administration:
                self.groups.setdefault(normalize_unit_key(unit.administration), ("förvaltning", unit.administration))

    def __bool__(self) -> bool:
        return bool(self.units)

    def with_units(self, units: list[Unit]) -> KnownUnits:
        """These names and the units of an organisation sheet in the same file (which win)."""
        given = {(u.code or u.key) for u in units}
        kept = [u for u in self.units if (u.code or u.key) not in given]
        return KnownUnits(kept + units, dict(self.aliases), set(self.new), dict(self.choices), dict(self.unplaced))

    def with_choices(self, choices: dict[str, Unit | None]) -> KnownUnits:
        """These names and what HR chose for names as a file writes them (a unit, or None for a new unit)."""
        chosen = {normalize_unit_key(written): unit for written, unit in choices.items()}
        return KnownUnits(list(self.units), dict(self.aliases), set(self.new), {**self.choices, **chosen},
                          dict(self.unplaced))

    def members(self, level: str, name: str) -> list[Unit]:
        """The units of an avdelning or förvaltning."""
        key = normalize_unit_key(name)
        if level == "avdelning":
            return [u for u in self.units if u.department and normalize_unit_key(u.department) == key]
        return [u for u in self.units if u.administration and normalize_unit_key(u.administration) == key]

    def closest(self, key: str) -> Unit | None:
        """The known unit whose name is closest to a folded name, if it is close enough to be a
        misspelling of it."""
        names = list(self.by_key)
        found = difflib.get_close_matches(key, names, n=1, cutoff=CLOSE_MATCH)
        return self.by_key[found[0]][0] if found else None

    def means_a_unit(self, name: str, code: str | None) -> bool:
        """Whether a unit cell means a unit: one of the organisation, by code or by a choice HR made,
        or a name decided to be a unit of its own."""
        return self.resolve(name, code).status in ("known", "split", "chosen", "new")

    def resolve(self, name: str, code: str | None) -> Resolution:
        key = normalize_unit_key(name)
        if code:
            unit = self.by_code.get(code)
            if unit is not None:
                return self._with_code(name, key, code, unit, "known")
            if key in self.choices:
                return self._chosen(name, key)
            same_name = self.by_key.get(key, [])
            if len(same_name) == 1 and not same_name[0].code:
                # An organisation without codes: the name decides (queries/staging/unit_aliases.sql).
                return Resolution("known", name, code, unit=same_name[0])
            if key in self.new:
                return Resolution("new", name, code)
            suggestion = same_name[0] if same_name else self.closest(key)
            return Resolution("unknown", name, code, suggestion=suggestion)
        if key in self.choices:
            return self._chosen(name, key)
        if key in self.by_key:
            return Resolution("known", name, None, unit=self.by_key[key][0])
        if key in self.new:
            return Resolution("new", name)
        for split_code, rest in split_code_and_name(name):
            unit = self.by_code.get(split_code)
            if unit is not None:
                return self._with_code(rest or unit.name, normalize_unit_key(rest), split_code, unit, "split")
        if key in self.groups:
            return Resolution("group", name, group=self.groups[key])
        return Resolution("unknown", name, suggestion=self.closest(key))

    def _chosen(self, name: str, key: str) -> Resolution:
        unit = self.choices[key]
        if unit is None:
            return Resolution("new", name)
        return Resolution("chosen", unit.name, unit.code, unit=unit)

    def _with_code(self, name: str, key: str, code: str, unit: Unit, status: str) -> Resolution:
        """A known code wins over the name, unless the name is exactly another unit's: then the file
        says two different things and nothing is guessed."""
        other = [u for u in self.by_key.get(key, []) if u.code != code]
        if key and other and unit not in self.by_key.get(key, []):
            return Resolution("conflict", name, code, unit=unit, suggestion=other[0])
        return Resolution(status, name, code, unit=unit)


_LEADING_CODE = re.compile(r"(?P<code>\d[\w]*)\s*(?:[-–—:|]\s*|\s)(?P<name>\S.*)")
_TRAILING_CODE = re.compile(r"(?P<name>.*?\S)\s*(?:[\(\[]\s*(?P<code>\w*\d\w*)\s*[\)\]]|[-–—:|]\s*(?P<code2>\w*\d\w*)"
                            r"|\s(?P<code3>\d{2,}))")


def split_code_and_name(text: str) -> list[tuple[str, str]]:
    """The ways a cell may hold a code and a name, as payroll systems print units: '4711 Familjebehandling',
    '4711 - Familjebehandling', 'Familjebehandling (4711)', 'Familjebehandling 4711', or the code alone.
    Only a code the organisation knows is taken for one (hrdash/ingest/units.py, resolve)."""
    text = re.sub(r"\s+", " ", text).strip()
    found = []
    if text.isdigit():
        found.append((text, ""))
    leading = _LEADING_CODE.fullmatch(text)
    if leading:
        found.append((leading["code"], leading["name"].strip()))
    trailing = _TRAILING_CODE.fullmatch(text)
    if trailing:
        found.append((trailing["code"] or trailing["code2"] or trailing["code3"], trailing["name"].strip()))
    return found
