"""Which unit, avdelning or förvaltning each row of a read file means: the one place that matches a
file's names to the organisation, called once per file when every sheet has been read.

- Data rows name a unit: a code and a name in one cell ('4711 Familjebehandling') is the unit with
  that code; a name HR chose a unit for is that unit; a row named after an avdelning or
  förvaltning is a sum (left out when it is the sum of its units in the file, else refused); an
  unknown name close to a known one refuses the file unless new units are accepted (the upload
  page asks instead), and every unknown name is listed for HR.
- Measures name a group: a unit, an avdelning (written 'IFO', or 'IFO (Socialförvaltningen)' where
  two förvaltningar have one), a förvaltning, or the kommun ('Hela kommunen', where the organisation
  has several förvaltningar). Each row gets the group as the figures identify it (level, group_id,
  as queries/marts/group_list.sql); a name that is none refuses the file, with the closest name.

The organisation is what hrdash knows (hrdash/ingest/units.py) plus an organisation sheet in the
same file, which wins.
"""

from __future__ import annotations

import difflib

import pandas as pd

from hrdash.errors import Problem
from hrdash.ingest.columns import (AGE_GROUP, GENDER, MEASURES, MONTH, ORGANISATION, QUESTION, REASON, TERTIAL,
                                   VALUE_TYPES)
from hrdash.ingest.headers import normalize_unit_key
from hrdash.ingest.messages import figure, notice, rows_labelled
from hrdash.ingest.model import ParsedFile, Part, UnknownUnit
from hrdash.ingest.rows import is_sum_of
from hrdash.ingest.units import CLOSE_MATCH, CLOSING_DEPARTMENTS, KnownUnits, Resolution, Unit


def resolve(parsed: ParsedFile, units: KnownUnits | None, new_units: bool) -> None:
    """Match every name of the file's rows to the organisation (see the module's docstring). `units`
    None: data rows' names are not checked (a measure's group still must be found)."""
    known = _with_own_organisation(units, parsed)
    if known:
        _resolve_units(parsed, known, new_units)
    if MEASURES in parsed.kinds:
        _resolve_groups(parsed, known or KnownUnits())


def _with_own_organisation(units: KnownUnits | None, parsed: ParsedFile) -> KnownUnits | None:
    """The organisation's names, and those of an organisation sheet in the file itself."""
    if units is None:
        return None
    own = parsed.frame(ORGANISATION)
    if own.empty or parsed.problems:
        return units
    return units.with_units([Unit(r.unit_name, r.unit_code, r.department, r.administration)
                             for r in own.itertuples() if isinstance(r.unit_name, str)])


# --- Data rows: which unit of the organisation each row means ----------------------------------------------------


def _resolve_units(parsed: ParsedFile, known: KnownUnits, new_units: bool) -> None:
    unknown: dict[tuple[str, str | None], UnknownUnit] = {}
    groups: list[tuple[int, int, Resolution]] = []  # (part, frame position, resolution)
    for number, part in enumerate(parsed.parts):
        if part.kind in (ORGANISATION, MEASURES) or part.frame.empty:
            continue
        frame = part.frame
        pairs = list(zip(frame["unit_name"], frame["unit_code"].where(frame["unit_code"].notna(), None)))
        resolved = {pair: known.resolve(pair[0], pair[1]) for pair in set(pairs) if isinstance(pair[0], str)}
        rewritten = {pair: res for pair, res in resolved.items() if res.status in ("split", "chosen")}
        if rewritten:
            names, codes = list(frame["unit_name"]), list(frame["unit_code"])
            for position, pair in enumerate(pairs):
                res = rewritten.get(pair)
                if res is not None:
                    names[position], codes[position] = res.name, res.code
            frame["unit_name"], frame["unit_code"] = names, codes
            frame["unit_key"] = [normalize_unit_key(n) if isinstance(n, str) else None for n in names]
            _unit_notices(parsed, part, rewritten)
        pending = {pair for pair, res in resolved.items() if res.status in ("group", "conflict", "unknown")}
        source_rows = list(frame["source_row"]) if pending else []
        for position, pair in enumerate(pairs if pending else ()):
            if pair not in pending:
                continue
            res, row = resolved[pair], int(source_rows[position])
            if res.status == "group":
                groups.append((number, position, res))
            elif res.status == "conflict":
                parsed.problems.append(Problem(
                    f"Enhetskoden {res.code} är '{res.unit.name}' i organisationen, men namnet '{res.name}' är en "
                    f"annan enhet ({res.suggestion.label}). Rätta koden eller namnet så att de avser samma enhet.",
                    part.sheet, row, None, res.name))
            elif res.status == "unknown":
                key = (normalize_unit_key(res.name), res.code)
                entry = unknown.setdefault(key, UnknownUnit(res.name, key[0], res.code, [], res.suggestion))
                entry.rows.append((part.sheet, row))
    _check_group_rows(parsed, known, groups)
    parsed.unknown_units = list(unknown.values())
    if not new_units:
        for entry in parsed.unknown_units:
            if entry.suggestion is None:
                continue
            sheet = entry.rows[0][0]
            rows = [row for s, row in entry.rows if s == sheet]
            if entry.code and entry.suggestion.key == entry.key:
                what = (f"Enhetskoden {entry.code} finns inte i organisationen, men namnet '{entry.name}' är "
                        f"{entry.suggestion.label} där. Rätta koden i filen.")
            else:
                written = f"'{entry.name}'" + (f" (kod {entry.code})" if entry.code else "")
                what = (f"Enheten {written} finns inte i organisationen. Menade du '{entry.suggestion.label}'? Rätta "
                        "namnet i filen.")
            parsed.problems.append(Problem(
                f"{what} Är det en ny enhet, välj det när filen laddas upp (på kommandoraden: --new-units); den "
                "räknas då under 'Ej placerad' tills en organisationsfil placerar den.",
                sheet, rows[0], None, entry.name, rows=rows if len(rows) > 1 else None))


def _unit_notices(parsed: ParsedFile, part: Part, rewritten: dict[tuple, Resolution]) -> None:
    split = [(pair, res) for pair, res in rewritten.items() if res.status == "split"]
    chosen = [(pair, res) for pair, res in rewritten.items() if res.status == "chosen"]
    if split:
        (written, _), res = sorted(split, key=lambda item: item[0][0])[0]
        shape = "som enhetskoder" if written.strip() == res.code else "med kod och namn i samma cell"
        notice(parsed, part.sheet, f"enheterna står {shape} (t.ex. '{written}', som är {res.unit.label}); koden "
                                   "kopplar dem till organisationens enheter.")
    for (written, _), res in sorted(chosen, key=lambda item: item[0][0]):
        notice(parsed, part.sheet, f"'{written}' lästes som {res.unit.label}, som valts för det namnet.")


def _check_group_rows(parsed: ParsedFile, known: KnownUnits, groups: list[tuple[int, int, Resolution]]) -> None:
    """A row named after an avdelning or förvaltning is left out when each of its figures is the sum
    of that group's units in the file (same month and sub-group); otherwise it refuses the file."""
    if not groups:
        return
    drop: dict[int, list[int]] = {}
    sums_dropped: dict[str | None, list[tuple[int, str]]] = {}
    for number, position, res in groups:
        part = parsed.parts[number]
        row = part.frame.iloc[position]
        level, name = res.group
        members = known.members(level, name)
        codes = {u.code for u in members if u.code}
        keys = {u.key for u in members}
        fields = [c.field for c in part.kind.columns if c.type in VALUE_TYPES and pd.notna(row.get(c.field))]
        same = [c.field for c in part.kind.columns if c.type in (MONTH, TERTIAL, GENDER, AGE_GROUP, QUESTION, REASON)]
        sums = dict.fromkeys(fields, 0.0)
        found = 0
        for other in parsed.parts:
            if other.kind is not part.kind:
                continue
            frame = other.frame
            mask = frame["unit_code"].isin(codes) | (frame["unit_code"].isna() & frame["unit_key"].isin(keys))
            for field in same:
                mask &= frame[field].eq(row[field]) if pd.notna(row[field]) else frame[field].isna()
            found += int(mask.sum())
            for field in fields:
                sums[field] += float(pd.to_numeric(frame.loc[mask, field], errors="coerce").fillna(0).sum())
        what = f"avdelningen {name}" if level == "avdelning" else f"förvaltningen {name}"
        differ = [f for f in fields if not is_sum_of(sums[f], float(row[f]))]
        if found and not differ:
            drop.setdefault(number, []).append(position)
            sums_dropped.setdefault(part.sheet, []).append((int(row["source_row"]), str(row["unit_name"])))
            continue
        labels = {c.field: c.canonical for c in part.kind.columns}
        if not found:
            reason = "och filen har inga rader för dess enheter att jämföra med"
        else:
            shown = ", ".join(f"{labels[f]} {figure(float(row[f]))} mot enheternas {figure(sums[f])}" for f in differ[:3])
            reason = f"och dess siffror är inte summan av enheterna i filen ({shown})"
        parsed.problems.append(Problem(
            f"Raden '{row['unit_name']}' är {what}, ingen enhet i organisationen, {reason}. hrdash tar emot siffror "
            "per enhet och räknar fram avdelningens och förvaltningens: ta bort raden om den är en summa, eller lägg "
            "in enheten i organisationsfilen om det är en enhet.",
            part.sheet, int(row["source_row"]), None, str(row["unit_name"])))
    for number, positions in drop.items():
        part = parsed.parts[number]
        part.frame = part.frame.drop(part.frame.index[positions]).reset_index(drop=True)
    for sheet, rows in sums_dropped.items():
        notice(parsed, sheet, f"{rows_labelled(sorted(rows))} har namn efter organisationens avdelningar eller "
                              "förvaltning och är inga enheter; var och en är summan av sina enheter i filen och "
                              "importerades inte – summor räknas fram i hrdash.")


# --- Measures: which group of the organisation each row is about ----------------------------------------------

LEVEL_WORDS = {"enhet": "enhet", "avdelning": "avdelning", "förvaltning": "förvaltning", "kommun": "hela kommunen"}
KOMMUN = ("Hela kommunen", "Kommunen")  # the kommun's names; the figures call it 'Hela kommunen'
WHOLE_ADMINISTRATION = "Hela förvaltningen"  # the förvaltning, where the organisation has one


class Groups:
    """The groups a measure may name, by folded name: its units (by the unit lookup of data
    files: codes, older names, HR's choices), avdelningar, förvaltningar and the kommun."""

    def __init__(self, known: KnownUnits):
        self.known = known
        placed = [u for u in known.units if u.administration]
        self.administrations = sorted({u.administration for u in placed}, key=str.casefold)
        self.departments: dict[str, list[tuple[str, str]]] = {}  # folded name -> [(administration, department)]
        for unit in placed:
            if unit.department and unit.department.strip().casefold() not in CLOSING_DEPARTMENTS:
                pair = (unit.administration, unit.department)
                for name in (unit.department, f"{unit.department} ({unit.administration})"):
                    found = self.departments.setdefault(normalize_unit_key(name), [])
                    if pair not in found:
                        found.append(pair)
        self.by_administration = {normalize_unit_key(a): a for a in self.administrations}

    def find(self, name: str) -> tuple[str, str] | str:
        """(level, group_id) of the group a name means, or why it means none (a message's end)."""
        key = normalize_unit_key(name)
        res = self.known.resolve(name, None)
        if res.status in ("known", "split", "chosen"):
            return "enhet", res.unit.group_id
        if res.status == "new":
            return "enhet", self.known.unplaced.get(key) or f"namn:{key}"
        departments = self.departments.get(key, [])
        if len(departments) == 1:
            administration, department = departments[0]
            return "avdelning", f"{administration} / {department}"
        if departments:
            places = " och ".join(a for a, _ in departments)
            return (f"är en avdelning i flera förvaltningar ({places}). Skriv avdelningen med sin förvaltning, "
                    f"t.ex. '{departments[0][1]} ({departments[0][0]})'.")
        if key in self.by_administration:
            return "förvaltning", self.by_administration[key]
        if key in {normalize_unit_key(n) for n in KOMMUN}:
            if len(self.administrations) > 1:
                return "kommun", "kommun"
            if self.administrations:
                return (f"går inte att använda: organisationen har bara en förvaltning och ingen nivå för hela "
                        f"kommunen. Skriv förvaltningens namn, '{self.administrations[0]}'.")
        if key == normalize_unit_key(WHOLE_ADMINISTRATION):
            if len(self.administrations) == 1:
                return "förvaltning", self.administrations[0]
            if self.administrations:
                return (f"säger inte vilken förvaltning som avses: organisationen har flera "
                        f"({', '.join(self.administrations)}). Skriv förvaltningens namn.")
        return self._unknown(key)

    def _unknown(self, key: str) -> str:
        if not self.known.units and not self.known.unplaced:
            return ("är ingen enhet, avdelning eller förvaltning: ingen organisation är inläst ännu. Importera en "
                    "organisationsfil först.")
        names: dict[str, str] = {}  # folded -> 'Barn och unga' (avdelning)
        for unit in self.known.units:
            names.setdefault(unit.key, f"'{unit.name}' (enhet)")
        for departments in self.departments.values():
            for administration, department in departments:
                shown = department if len(self.departments[normalize_unit_key(department)]) == 1 \
                    else f"{department} ({administration})"
                names.setdefault(normalize_unit_key(shown), f"'{shown}' (avdelning)")
        for administration in self.administrations:
            names.setdefault(normalize_unit_key(administration), f"'{administration}' (förvaltning)")
        close = difflib.get_close_matches(key, list(names), n=1, cutoff=CLOSE_MATCH)
        if close:
            return (f"är ingen enhet, avdelning eller förvaltning i organisationen. Menade du {names[close[0]]}? "
                    "Rätta namnet i filen.")
        return ("är ingen enhet, avdelning eller förvaltning i organisationen. Skriv namnet som det står i "
                "organisationen (sidan Data, fliken Organisation).")


def _resolve_groups(parsed: ParsedFile, known: KnownUnits) -> None:
    groups = Groups(known)
    for part in (p for p in parsed.parts if p.kind is MEASURES):
        frame = part.frame
        found = {name: groups.find(name) for name in set(frame["group_name"]) if isinstance(name, str)}
        levels, ids = [], []
        for row, name in zip(frame["source_row"], frame["group_name"]):
            group = found.get(name)
            if isinstance(group, str):
                parsed.problems.append(Problem(f"Värdet '{name}' {group}", part.sheet, int(row),
                                               part.columns.get("group_name"), name, detail=group))
                group = None
            levels.append(group[0] if group else None)
            ids.append(group[1] if group else None)
        frame["level"], frame["group_id"] = levels, ids
