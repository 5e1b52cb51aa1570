"""Recognise a header row: normalise header text, map it to canonical columns, detect the kind."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from hrdash.ingest.columns import CODE_OR_UNIT, KINDS, ORGANISATION, Column, Kind

_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u"})
# Parenthesised unit suffixes like "(tim)" or "[kr]" carry no meaning for the mapping, but a
# percentage or thousands-of-kronor column must not be taken for hours or kronor.
_SUFFIX = re.compile(r"[\(\[]([^\)\]]*)[\)\]]")
_MEANINGFUL_SUFFIX = re.compile(r"%|procent|tkr|tusen", re.IGNORECASE)


def normalize_header(text: object) -> str:
    """'Ordinarie tid (tim)' -> 'ordinarie tid'; 'Månad/år' -> 'manad ar'; 'SJUKTIMMAR_DAG_1_14' -> 'sjuktimmar dag 1 14'."""
    if text is None:
        return ""
    value = unicodedata.normalize("NFC", str(text)).strip().lower()
    value = _SUFFIX.sub(lambda m: m.group(0) if _MEANINGFUL_SUFFIX.search(m.group(1)) else " ", value)
    value = value.translate(_FOLD)
    value = re.sub(r"[\s_\-–—/\\.,:;*'\"]+", " ", value)
    return value.strip()


def signature(header: list[object]) -> str:
    """The header row as a key: a file with the same headers gets the same hand-made mapping."""
    return "|".join(normalize_header(cell) for cell in header)


def normalize_unit_key(name: str) -> str:
    """Unit names match case-insensitively, ignoring surrounding and repeated whitespace."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", name)).strip().casefold()


def _synonym_table() -> dict[str, dict[str, Column]]:
    """normalised header -> {kind id -> column}."""
    table: dict[str, dict[str, Column]] = {}
    for kind in KINDS:
        for column in kind.columns:
            for name in (column.canonical, *column.synonyms, *column.also):
                table.setdefault(normalize_header(name), {})[kind.id] = column
    return table


SYNONYMS = _synonym_table()


@dataclass
class HeaderMatch:
    """How the cells of one row map to canonical columns, for one kind."""

    kind: Kind
    row_index: int  # 0-based index of the header row in the sheet
    columns: dict[int, Column]  # sheet column index -> column
    headers: dict[int, str]  # sheet column index -> header text as written
    ignored: dict[int, str] = field(default_factory=dict)  # unrecognised non-empty headers
    duplicates: list[tuple[Column, list[int]]] = field(default_factory=list)

    @property
    def missing(self) -> list[Column]:
        present = {c.canonical for c in self.columns.values()}
        return [c for c in self.kind.columns if c.required and c.canonical not in present]

    def index_of(self, canonical: str) -> int | None:
        return next((i for i, c in self.columns.items() if c.canonical == canonical), None)


def _found_columns(header: list[object], overrides: dict[str, str] | None) -> dict[str, set[str]]:
    """kind id -> canonical names of that kind the header row names."""
    found: dict[str, set[str]] = {kind.id: set() for kind in KINDS}
    overrides = {normalize_header(k): v for k, v in (overrides or {}).items()}
    for cell in header:
        key = normalize_header(cell)
        if key in overrides:
            for kind in KINDS:
                if any(c.canonical == overrides[key] for c in kind.columns):
                    found[kind.id].add(overrides[key])
        elif key in SYNONYMS:
            for kind_id, column in SYNONYMS[key].items():
                found[kind_id].add(column.canonical)
    return found


_SHARED = {"enhet", "enhetskod", "månad", "år"}


def detect_kinds(header: list[object], overrides: dict[str, str] | None = None) -> list[Kind]:
    """The kinds a header row holds.

    Every data kind whose required columns are all there (an export may carry several);
    otherwise the organisation if complete; otherwise the kind it names most of its own
    columns of, so that the missing ones can be pointed out. Empty when it names none.
    """
    found = _found_columns(header, overrides)

    def complete(kind: Kind) -> bool:
        return all(c.canonical in found[kind.id] for c in kind.columns if c.required)

    data_kinds = [k for k in KINDS if k is not ORGANISATION and complete(k)]
    if data_kinds:
        return data_kinds
    if complete(ORGANISATION):
        return [ORGANISATION]
    own = {k.id: len(found[k.id] - _SHARED) for k in KINDS}
    best = max(KINDS, key=lambda k: own[k.id])
    return [best] if own[best.id] else []


def match_header(
    header: list[object], row_index: int, kind: Kind, overrides: dict[str, str] | None = None
) -> HeaderMatch:
    """Map each cell of a header (the header row at `row_index`, or two header rows combined,
    hrdash/ingest/layout.py) to a column of `kind`.

    `overrides` maps a header text (as written) to a canonical column name: the hand-made
    mappings from the upload page.
    """
    overrides = {normalize_header(k): v for k, v in (overrides or {}).items()}
    match = HeaderMatch(kind, row_index, {}, {})
    by_canonical: dict[str, list[int]] = {}
    for index, cell in enumerate(header):
        text = "" if cell is None else str(cell).strip()
        if not text:
            continue
        key = normalize_header(text)
        match.headers[index] = text
        column = None
        if key in overrides:
            column = next((c for c in kind.columns if c.canonical == overrides[key]), None)
        elif key in SYNONYMS:
            column = SYNONYMS[key].get(kind.id)
        if column is None:
            match.ignored[index] = text
            continue
        match.columns[index] = column
        by_canonical.setdefault(column.canonical, []).append(index)
    units = by_canonical.get("enhet", [])
    coded = [i for i in units if normalize_header(match.headers[i]) in _CODE_OR_UNIT]
    if len(units) == 2 and len(coded) == 1 and "enhetskod" not in by_canonical:
        # "Ansvar" beside "Ansvar benämning": the first holds the code, the second the name.
        match.columns[coded[0]] = kind.column("enhetskod")
        by_canonical["enhet"] = [i for i in units if i != coded[0]]
        by_canonical["enhetskod"] = coded
    match.duplicates = [(kind.column(c), idx) for c, idx in by_canonical.items() if len(idx) > 1]
    return match


_CODE_OR_UNIT = {normalize_header(name) for name in CODE_OR_UNIT}
