"""A parsed file shaped for the upload page: its problems, how its columns were read, its rows."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from hrdash import swedish
from hrdash.ingest.columns import KINDS, Kind
from hrdash.ingest.parse import HeaderRow, ParsedFile, UnknownUnit
from hrdash.ingest.units import Unit
from hrdash.store.preview import STORED_LABELS


def problems_table(parsed: ParsedFile) -> pd.DataFrame:
    """One line per problem, in the order of the file; a problem repeating in a column once, with its rows
    ('2–97')."""
    return pd.DataFrame(
        [(p.sheet or "", p.rows_text or "", p.column or "", p.value or "", p.message) for p in parsed.problems],
        columns=["Blad", "Rad", "Kolumn", "Värde", "Fel"],
    )


def column_table(header: HeaderRow) -> tuple[pd.DataFrame, list[tuple[str, str]]]:
    """How each column of a header row was read, and the (letter, text) of those not recognised."""
    rows, unrecognised = [], []
    for letter, text in header.cells.items():
        canonical = header.read_as.get(letter)
        rows.append((letter, text, canonical or "importeras inte"))
        if not canonical:
            unrecognised.append((letter, text))
    return pd.DataFrame(rows, columns=["Kolumn", "Rubrik i filen", "Läses som"]), unrecognised


def canonical_names(kind: Kind | None) -> list[str]:
    """The columns a header can be mapped to, for one kind or all."""
    return sorted({c.canonical for k in ([kind] if kind else KINDS) for c in k.columns})


def rows_table(parsed: ParsedFile, kind: Kind, limit: int = 500) -> pd.DataFrame:
    """The rows of one kind as they will be stored, with the canonical column names."""
    frame = parsed.frame(kind).head(limit)
    columns = ["source_row"] + [c.field for c in kind.columns if c.field in frame and c.type != "year"]
    shown = frame[columns].rename(columns={"source_row": "rad", **STORED_LABELS})
    for name in ("månad",):
        if name in shown:
            shown[name] = [swedish.month_name(m) if isinstance(m, dt.date) else "" for m in shown[name]]
    return shown.dropna(axis=1, how="all")


def last_month(parsed: ParsedFile) -> dt.date | None:
    """The newest month in a file: where the receipt's links lead."""
    months = [m for p in parsed.parts if "month" in p.frame for m in p.frame["month"] if isinstance(m, dt.date)]
    return max(months, default=None)


# --- Unit names the organisation does not know: HR chooses what each one is -----------------------------------

NEW_UNIT = "En ny enhet (räknas under 'Ej placerad' tills en organisationsfil placerar den)"


def unit_options(unknown: UnknownUnit, units: list[Unit]) -> list[str]:
    """What an unknown name may be: the closest known unit first, a new unit, then every other unit."""
    first = [unknown.suggestion.label] if unknown.suggestion else []
    return [*first, NEW_UNIT, *(u.label for u in units if u.label not in first)]


def chosen_unit(choice: str, units: list[Unit]) -> Unit | None:
    """The unit a choice names; None for a new unit."""
    return None if choice == NEW_UNIT else next(u for u in units if u.label == choice)
