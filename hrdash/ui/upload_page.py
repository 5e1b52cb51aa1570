"""A parsed file shaped for the upload page: its problems, how its columns were read, its rows."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pandas as pd

from hrdash import months, swedish
from hrdash.errors import UserError
from hrdash.catalogue import TOPICS
from hrdash.ingest.columns import (CASELOAD, COUNT, FTE, HOURS, KINDS, MEASURES, MONTH, RECRUITMENT, SEK, SICK_LEAVE,
                                   STATUS, STATUSES, TOPIC, TURNOVER, VACANCIES, Column, Kind)
from hrdash.ingest import typed
from hrdash.ingest.parse import HeaderRow, ParsedFile, UnknownUnit
from hrdash.ingest.units import CLOSING_DEPARTMENTS, Unit
from hrdash.store.preview import STORED_LABELS


def problems_table(parsed: ParsedFile) -> pd.DataFrame:
    """One line per problem, in the order of the file; a problem repeating in a column once, with its rows
    ('2–97'). No column Blad for a file without sheets (a CSV)."""
    table = pd.DataFrame(
        [(p.sheet or "", p.rows_text or "", p.column or "", p.value or "", p.message) for p in parsed.problems],
        columns=["Blad", "Rad", "Kolumn", "Värde", "Fel"],
    )
    return table if table["Blad"].any() else table.drop(columns="Blad")


def column_table(header: HeaderRow) -> tuple[pd.DataFrame, list[tuple[str, str]]]:
    """How each column of a header row was read, and the (letter, text) of those not recognised."""
    rows, unrecognised = [], []
    for letter, text in header.cells.items():
        canonical = header.read_as.get(letter)
        rows.append((letter, text, label(canonical) if canonical else "importeras inte"))
        if not canonical:
            unrecognised.append((letter, text))
    return pd.DataFrame(rows, columns=["Kolumn", "Rubrik i filen", "Läses som"]), unrecognised


def label(canonical: str) -> str:
    """A column's name in words ('Sjuktimmar dag 1–14'), from the name a file may use ('sjuktimmar_dag_1_14')."""
    return next((c.label for k in KINDS for c in k.columns if c.canonical == canonical), canonical)


def canonical_names(kind: Kind | None) -> list[str]:
    """The columns a header can be mapped to, for one kind or all."""
    return sorted({c.canonical for k in ([kind] if kind else KINDS) for c in k.columns})


def rows_table(parsed: ParsedFile, kind: Kind, limit: int = 500) -> pd.DataFrame:
    """The rows of one kind as they will be stored, with the canonical column names and the figures in
    Swedish format."""
    frame = parsed.frame(kind).head(limit)
    columns = ["source_row"] + [c.field for c in kind.columns if c.field in frame and c.type != "year"]
    shown = frame[columns].copy()
    words = {TOPIC: {t.id: t.title for t in TOPICS.values()}, STATUS: {s.id: s.label for s in STATUSES}}
    for column in kind.columns if kind is MEASURES else ():  # its months and words as users write them
        if column.type == MONTH:
            shown[column.field] = [swedish.month_name(m) if isinstance(m, dt.date) else None for m in shown[column.field]]
        elif column.type in words:
            shown[column.field] = [words[column.type].get(v) for v in shown[column.field]]
    for column in kind.columns:  # the figures as read, as Swedes write them: a typed '35.5' shows as '35,5'
        if column.type in (COUNT, HOURS, FTE, SEK) and column.field in shown:
            shown[column.field] = [typed.shown(float(v)) if pd.notna(v) else None for v in shown[column.field]]
    shown = shown.rename(columns={"source_row": "Rad", **STORED_LABELS})
    for name in ("Månad",):
        if name in shown:
            shown[name] = [swedish.month_name(m) if isinstance(m, dt.date) else "" for m in shown[name]]
    return shown.dropna(axis=1, how="all")


def change_words(kind_id: str) -> tuple[str, str]:
    """How the preview counts what a file brings: new (unit-months or measures), and what it replaces."""
    if kind_id == MEASURES.id:
        return "nya åtgärder", "tidigare uppgifter om åtgärden"
    return "nya enhetsmånader", "tidigare siffror"


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


# --- Typing one month's figures instead of uploading a file ------------------------------------------------------

TYPED_KINDS = (SICK_LEAVE, TURNOVER, VACANCIES, RECRUITMENT, CASELOAD)  # one row per unit and month


def typed_columns(kind: Kind) -> list[Column]:
    """The figures of a kind, the required ones first."""
    figures = [c for c in kind.columns if c.type in (COUNT, HOURS, FTE, SEK)]
    return [c for c in figures if c.required] + [c for c in figures if not c.required]


def typed_grid(units: list[Unit], kind: Kind) -> pd.DataFrame:
    """One row per unit of the organisation (not the closed ones), its figures to be typed in. The
    figures are text columns: what is typed ('1 234,5', '35.5') goes into the file as written and is
    read by the import's own rules, not by the browser's number field."""
    open_units = [u for u in units if (u.department or "").strip().casefold() not in CLOSING_DEPARTMENTS]
    frame = pd.DataFrame({"avdelning": [u.department or "" for u in open_units],
                          "enhet": [u.name for u in open_units],
                          "enhetskod": [u.code or "" for u in open_units]})
    for column in typed_columns(kind):
        frame[column.canonical] = pd.Series([None] * len(open_units), dtype="string")
    return frame


def template_tertials(today: dt.date, count: int = 6) -> list[dt.date]:
    """The tertials one can get a pulse template for: this one and the ones before it, newest first,
    each as its last month (as pulse figures are stored)."""
    last = dt.date(today.year, (today.month - 1) // 4 * 4 + 4, 1)
    return [months.shift(last, -4 * n) for n in range(count)]


def typed_months(today: dt.date, count: int = 24) -> list[dt.date]:
    """The months one can type figures for: this month and the ones before it, newest first."""
    return list(reversed(months.window(dt.date(today.year, today.month, 1), count)))


def _typed_text(value: object) -> str:
    return "" if value is None or value is pd.NA or (isinstance(value, float) and value != value) else str(value).strip()


def typed_file(grid: pd.DataFrame, kind: Kind, month: dt.date) -> tuple[str, bytes]:
    """The typed figures as the file they stand for (a CSV, read and checked like any upload): the
    units with at least one figure typed, and the month. Its name says it was typed in."""
    columns = [c.canonical for c in typed_columns(kind)]
    lines = [["enhet", "enhetskod", "månad", *columns]]
    for row in grid.to_dict("records"):
        figures = [_typed_text(row.get(name)) for name in columns]
        if any(figures):
            lines.append([row["enhet"], row.get("enhetskod") or "", f"{month:%Y-%m}", *figures])
    if len(lines) == 1:
        raise UserError("Skriv in siffror för minst en enhet.")
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(lines)
    return f"inmatning_{kind.name}_{month:%Y-%m}.csv", out.getvalue().encode("utf-8")
