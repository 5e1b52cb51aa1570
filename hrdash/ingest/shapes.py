"""Sheets of a shape hrdash cannot read, recognised so the message says what was seen and what is
needed: personal identity numbers, a list with one row per person, percentages instead of the
hours they come from, months as columns that cannot be turned into rows.
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from hrdash import swedish
from hrdash.errors import Problem
from hrdash.ingest.columns import MONTH, TERTIAL, YEAR, Column, Kind
from hrdash.ingest.headers import SYNONYMS, normalize_header
from hrdash.ingest.model import column_letter
from hrdash.ingest.values import cell_text, is_empty

_PERSONNUMMER = re.compile(r"(19|20)?\d{6}[-+]?\d{4}")
_PERSONNUMMER_HEADERS = {"personnummer", "pnr", "person nr", "personnr", "personnummer samordningsnummer"}
# Headers that name a person, not a unit: such a sheet is a list of employees.
_PERSON_HEADERS = {normalize_header(h) for h in (
    "Anst.nr", "Anstnr", "Anst nr", "Anställningsnummer", "Anställningsnr", "Anställnings-id", "Anställningsid",
    "Förnamn", "Efternamn", "Medarbetare", "Medarbetarnummer", "Medarbetar-id", "Personal-id", "Anställd",
    "Employee", "Employee id", "First name", "Last name", *_PERSONNUMMER_HEADERS)}
_NAME_HEADERS = {"namn", "name", "fullstandigt namn", "for och efternamn"}


def personnummer_problem(sheet_name: str | None, rows: list[list[object]]) -> Problem | None:
    """A column of personal identity numbers (by its values, or its header) anywhere in the sheet's first
    rows: figures come per unit, never per person. The message never repeats a number."""
    top = rows[:250]
    width = max((len(r) for r in top), default=0)
    for index in range(width):
        cells = [(number, cell_text(r[index])) for number, r in enumerate(top)
                 if index < len(r) and not is_empty(r[index])]
        hits = [number for number, text in cells if _PERSONNUMMER.fullmatch(text.replace(" ", ""))]
        named = [number for number, text in cells if normalize_header(text) in _PERSONNUMMER_HEADERS]
        if (hits and len(hits) >= max(1, len(cells) // 2)) or named:
            if hits:
                above = [text for number, text in cells if number < hits[0] and number not in hits]
                label = above[-1] if above else ""
            else:
                label = next(text for number, text in cells if number == named[0])
            return Problem(
                "Kolumnen ser ut att innehålla personnummer. hrdash tar emot siffror per enhet och månad, aldrig "
                "uppgifter om enskilda personer. Ta bort kolumnen och spara filen igen.",
                sheet=sheet_name,
                column=f"{column_letter(index)} ('{label}')" if label else column_letter(index),
            )
    return None


_KOLADA_HEADERS = {"kpi", "municipality"}


def kolada_problem(sheet_name: str | None, rows: list[list[object]]) -> Problem | None:
    """A file of Kolada's figures (other municipalities' and the nation's) dropped among the
    organisation's own: it is imported elsewhere (hrdash/ingest/kolada.py)."""
    for number, row in enumerate(rows[:10], start=1):
        if _KOLADA_HEADERS <= {cell_text(c).strip().lower() for c in row if not is_empty(c)}:
            return Problem(
                f"{_subject(sheet_name)} ser ut att vara siffror från Kolada (kolumnerna kpi och municipality): "
                "jämförelsesiffror för andra kommuner och riket, inte organisationens egna. Importera filen under "
                "Data → Inställningar, eller med 'hrdash kolada import FIL'.", sheet=sheet_name, row=number)
    return None


def person_list_problem(sheet_name: str | None, header: list[str], header_row: int) -> Problem | None:
    """A sheet with one row per employee (an employee number, a name beside the unit)."""
    keys = [normalize_header(h) for h in header]
    people = [i for i, key in enumerate(keys) if key in _PERSON_HEADERS]
    has_unit = any(key in SYNONYMS and any(c.canonical == "enhet" for c in SYNONYMS[key].values()) for key in keys)
    names = [i for i, key in enumerate(keys) if key in _NAME_HEADERS]
    if not people and not (names and has_unit):
        return None
    shown = ", ".join(f"{column_letter(i)} ('{header[i]}')" for i in sorted(people + names))
    return Problem(
        f"{_subject(sheet_name)} ser ut att ha en rad per person (kolumnerna {shown}). hrdash tar emot siffror per enhet och "
        "månad, aldrig uppgifter om enskilda anställda: en rad per enhet och månad med summan för enheten "
        "(antal anställda, timmar, antal). Gör en sådan tabell med en pivottabell i Excel: lägg Enhet och Månad "
        "som radetiketter och summan av timmarna (och antal av anställningsnumret för antal anställda) som "
        "värden, kopiera pivottabellen och klistra in den som värden på ett nytt blad, och ladda upp det.",
        sheet=sheet_name,
        row=header_row,
    )


_PERCENT_HEADER = re.compile(r"%|procent|andel", re.IGNORECASE)
_SICK = re.compile(r"sjuk|frånvaro|franvaro", re.IGNORECASE)


def percent_columns(header: list[str], body: list[list[object]], used: set[int]) -> list[int]:
    """Columns not read as anything that hold percentages: by the header ('Sjukfrånvaro (%)'), by the
    cells ('5,1 %'), or sick leave as fractions (0,067, an Excel cell formatted as a percentage)."""
    found = []
    sample = body[:300]
    for index, name in enumerate(header):
        if not name or index in used:
            continue
        values = [row[index] for row in sample if index < len(row) and not is_empty(row[index])]
        texts = [v for v in values if isinstance(v, str)]
        if _PERCENT_HEADER.search(name):
            found.append(index)
        elif values and sum(1 for v in texts if v.strip().endswith("%")) >= 0.8 * len(values):
            found.append(index)
        elif (_SICK.search(name) and values and all(isinstance(v, float) and 0 <= v <= 1 for v in values)
              and any(0 < v < 1 for v in values)):
            found.append(index)
    return found


SICK_HOURS = ("sick_hours", "sick_hours_day_1_14", "sick_hours_60_days")


def hours_as_shares(frame: pd.DataFrame, columns: dict[int, Column]) -> list[int]:
    """The sick-hour columns of a sheet that hold shares, not hours: every value at most 1 and some
    a fraction (0,051 is an Excel cell formatted as 5,1 %), beside ordinary hours that are hours.
    Read as hours they would give a sick leave of almost nothing."""
    ordinary = pd.to_numeric(frame.get("ordinary_hours", pd.Series(dtype=float)), errors="coerce").dropna()
    if ordinary.empty or ordinary.median() <= 10:
        return []
    found = {}
    for index, column in columns.items():
        if column.field not in SICK_HOURS:
            continue
        values = pd.to_numeric(frame[column.field], errors="coerce").dropna()
        if len(values) and (values <= 1).all() and ((values > 0) & (values < 1)).any():
            found[column.field] = index
    return sorted(found.values()) if "sick_hours" in found else []


def percent_problem(sheet_name: str | None, header: list[str], columns: list[int], header_row: int,
                    kind: Kind | None) -> Problem:
    shown = ", ".join(f"{column_letter(i)} ('{header[i]}')" for i in columns)
    sick = (kind is not None and kind.id == "sick_leave") or any(_SICK.search(header[i]) for i in columns)
    if sick:
        return Problem(
            f"Sjukfrånvaron står i procent (kolumnerna {shown}), men hrdash behöver timmarna: procent kan inte "
            "läggas ihop, och avdelningens och förvaltningens sjukfrånvaro räknas som summan av sjuktimmarna "
            "delat med summan av de ordinarie timmarna. Ta ut timmarna per enhet och månad ur lönesystemet: antal "
            "anställda, ordinarie arbetstid (timmar), sjukfrånvaro (timmar), varav dag 1–14 och varav 60 dagar "
            "eller mer.",
            sheet=sheet_name,
            row=header_row,
        )
    return Problem(
        f"{_subject(sheet_name)} har procentsatser (kolumnerna {shown}), men procent kan inte läggas ihop till avdelningens och "
        "förvaltningens siffror. hrdash behöver de antal eller timmar som procenten räknas fram ur.",
        sheet=sheet_name,
        row=header_row,
    )


def _subject(sheet_name: str | None) -> str:
    return "Bladet" if sheet_name is not None else "Filen"


def needed_columns(kind: Kind) -> str:
    """The columns a kind needs besides unit and month: "'a', 'b' och 'c'"."""
    names = [f"'{c.canonical}'" for c in kind.columns
             if c.required and c.canonical != "enhet" and c.type not in (MONTH, TERTIAL, YEAR)]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " och " + names[-1]


def months_as_columns_problem(sheet_name: str | None, months: list[dt.date], header_row: int,
                              kind: Kind | None, single: bool) -> Problem:
    shown = ", ".join(swedish.month_name(m) for m in months[:4]) + (" …" if len(months) > 4 else "")
    subject = _subject(sheet_name)
    what = (f"{subject} har månaderna som kolumner ({shown}), med en uppgift per enhet och månad."
            if single else f"{subject} har månaderna som kolumner ({shown}).")
    need = (f" För {kind.name} behövs {needed_columns(kind)} för varje enhet och månad, så {subject.lower()} kan "
            "inte läsas om till rader." if kind else "")
    return Problem(
        f"{what}{need} hrdash tar emot en rad per enhet och månad: en kolumn 'enhet', en kolumn 'månad' och en "
        f"kolumn för varje uppgift. Ta ut rapporten i den formen ur lönesystemet, eller ställ om "
        f"{subject.lower()} så att varje månad får egna rader.",
        sheet=sheet_name,
        row=header_row,
    )
