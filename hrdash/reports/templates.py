"""Templates (mallar) HR sends out to collect one month's figures of one kind (or one tertial's
pulse answers, or a list of measures): an Excel workbook with the contract's own headers, the units
open in the month and the month already written, Excel's checks on every column, and a sheet of
instructions in Swedish.

A filled-in template goes back through the import as it stands: the headers are the canonical
names of hrdash/ingest/columns.py (no mapping), the lists hold words hrdash/ingest/values.py
accepts, and the instruction sheet opens with the title the reader passes over without a notice
(hrdash/ingest/sheets.py, TEMPLATE_INSTRUCTIONS). Pure: the units come from hrdash/store/units.py.
"""

from __future__ import annotations

import datetime as dt
import io
import re

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.protection import SheetProtection
from openpyxl.worksheet.worksheet import Worksheet

from hrdash import swedish
from hrdash.catalogue import HEALTH_LIMIT, MIN_ANSWERS, QUESTIONS, REASONS
from hrdash.ingest.columns import (AGE_GROUP, AGE_GROUPS, COUNT, DATA_KINDS, EXIT_REASONS, FTE, GENDER, HOURS, MEAN,
                                   MEASURE_TOPICS, MEASURES, MONTH, PULSE, QUESTION, REASON, SEK, SICK_LEAVE, STATUS,
                                   STATUSES, TOPIC, YEAR, Column, Kind)
from hrdash.ingest.sheets import TEMPLATE_INSTRUCTIONS
from hrdash.ingest.units import Unit
from hrdash.reports.workbook import HEADER_FILL, HEADER_FONT, put

TEMPLATE_KINDS: tuple[Kind, ...] = (*DATA_KINDS, MEASURES)
INSTRUCTIONS_SHEET = "Instruktioner"
LAST_ROW = 1_048_576  # Excel's last row: the checks hold for rows HR adds too

# The words a list offers: each one a text the import reads as that value.
LISTS: dict[str, tuple[str, ...]] = {
    GENDER: ("kvinna", "man"),
    AGE_GROUP: AGE_GROUPS,
    QUESTION: tuple(q.label for q in QUESTIONS),
    REASON: tuple(r.texts[0] for r in REASONS),
    TOPIC: tuple(t.label.lower() for t in MEASURE_TOPICS),
    STATUS: tuple(s.label.lower() for s in STATUSES),
}
WHOLE = (COUNT,)
DECIMAL = (HOURS, FTE, SEK)
RULES = {COUNT: "heltal, 0 eller mer", HOURS: "tal, 0 eller mer (timmar)", FTE: "tal, 0 eller mer (årsarbetare)",
         SEK: "tal, 0 eller mer (kronor)", MEAN: "tal mellan 1 och 5"}
TEXT_FORMAT = "@"  # cells kept as text as typed: a code '0471', an age group '-29'
# How sick leave may be split: a file with a `kön` or `åldersgrupp` column gives every row its group,
# so each split is a template of its own, with a row per unit and group.
SPLITS: dict[tuple[str, ...], str] = {(): "Ingen uppdelning", ("kön",): "Per kön", ("åldersgrupp",): "Per åldersgrupp",
                                      ("kön", "åldersgrupp"): "Per kön och åldersgrupp"}


def columns(kind: Kind, split: tuple[str, ...] = ()) -> list[Column]:
    """The template's columns: the kind's, in the contract's order, with the month as one column and
    only the split's groups."""
    return [c for c in kind.columns if c.type != YEAR and (c.type not in (GENDER, AGE_GROUP) or c.canonical in split)]


def period_text(kind: Kind, period: dt.date) -> str:
    """The month as Swedes write it ('november 2026'), or a tertial ('T3 2026')."""
    return swedish.tertial_name(period) if kind is PULSE else swedish.month_name(period)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower().translate(str.maketrans("åäöé", "aaoe"))).strip("-")


def file_name(kind: Kind, period: dt.date | None, split: tuple[str, ...] = ()) -> str:
    """'mall_sjukfranvaro_2026-11.xlsx', 'mall_sjukfranvaro_per-kon_2026-11.xlsx', 'mall_puls_2026-T3.xlsx',
    'mall_atgarder.xlsx'."""
    name = "_".join([_slug(kind.name), *([_slug(SPLITS[split])] if split else [])])
    if period is None or kind is MEASURES:
        return f"mall_{name}.xlsx"
    when = f"{period.year}-T{(period.month - 1) // 4 + 1}" if kind is PULSE else f"{period:%Y-%m}"
    return f"mall_{name}_{when}.xlsx"


def rows(kind: Kind, period: dt.date | None, units: list[Unit], split: tuple[str, ...] = ()) -> list[list[str | None]]:
    """The rows filled in beforehand: a row per unit (per unit and question for the pulse, per unit and
    group for split sick leave) with its name, code, the period and the question or group; none for
    measures, whose groups and months each measure names."""
    if kind is MEASURES:
        return []
    keys: list[list[str]] = [[]]
    if kind is PULSE:
        keys = [[q.label] for q in QUESTIONS]
    for column in split:
        keys = [[*key, word] for key in keys for word in LISTS[kind.column(column).type]]
    when = period_text(kind, period)
    return [[unit.name, unit.code, when, *key] for unit in units for key in keys]


def build(kind: Kind, period: dt.date | None, units: list[Unit], split: tuple[str, ...] = (),
          health_limit: int = HEALTH_LIMIT) -> bytes:
    """The template as an xlsx file: the data sheet first (it opens on it), then the instructions.
    `health_limit` is the privacy line that holds (an administrator may raise it), as they say it."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = kind.name.capitalize()
    _data_sheet(sheet, columns(kind, split), rows(kind, period, units, split))
    _instructions(workbook.create_sheet(INSTRUCTIONS_SHEET), kind, period, len(units), sheet.title, split,
                  health_limit)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _data_sheet(sheet: Worksheet, wanted: list[Column], filled: list[list[str | None]]) -> None:
    """Headers styled and locked, every cell below them open to type in, a check per column."""
    for index, column in enumerate(wanted, start=1):
        letter = get_column_letter(index)
        cell = put(sheet, 1, index, column.canonical)
        cell.fill, cell.font, cell.protection = HEADER_FILL, HEADER_FONT, Protection(locked=True)
        cell.alignment = Alignment(vertical="center")
        dimension = sheet.column_dimensions[letter]
        dimension.protection = Protection(locked=False)  # the rows HR adds are open too
        if column.type not in (*WHOLE, *DECIMAL, MEAN):
            dimension.number_format = TEXT_FORMAT
        longest = max([len(column.canonical), *(len(str(r[index - 1] or "")) for r in filled if index <= len(r))])
        dimension.width = min(max(longest + 3, 14), 60)
        check = _validation(column)
        if check is not None:
            check.add(f"{letter}2:{letter}{LAST_ROW}")
            sheet.add_data_validation(check)
    for number, values in enumerate(filled, start=2):
        for index, value in enumerate(values, start=1):
            cell = put(sheet, number, index, value) if value is not None else sheet.cell(row=number, column=index)
            cell.protection, cell.number_format = Protection(locked=False), TEXT_FORMAT
    sheet.freeze_panes = "A2"
    # Locked: the header row. HR may still add, delete and sort rows and widen columns.
    sheet.protection = SheetProtection(sheet=True, insertRows=False, deleteRows=False, formatColumns=False,
                                       formatCells=False, sort=False, autoFilter=False)


def _validation(column: Column) -> DataValidation | None:
    """Excel's own check of a column: the number rule the import applies, or the list of words it reads."""
    name = column.canonical
    if column.type in WHOLE:
        check = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0")
        check.error = f"{name}: skriv ett heltal, 0 eller mer."
    elif column.type in DECIMAL:
        check = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0")
        check.error = f"{name}: skriv ett tal, 0 eller mer, med decimalkomma (12,5)."
    elif column.type == MEAN:
        check = DataValidation(type="decimal", operator="between", formula1="1", formula2="5")
        check.error = f"{name}: skriv ett tal mellan 1 och 5, med decimalkomma (3,8)."
    elif column.type in LISTS:
        words = LISTS[column.type]
        check = DataValidation(type="list", formula1='"' + ",".join(words) + '"')
        check.error = f"{name}: välj ett av värdena i listan: {', '.join(words)}."
    else:
        return None
    check.allow_blank = True
    check.showErrorMessage = True
    check.errorTitle = "Värdet passar inte kolumnen"
    check.showInputMessage = True
    check.promptTitle = name[:32]
    check.prompt = _rule(column)[:255]
    return check


def _rule(column: Column) -> str:
    """What a column takes, in words: 'heltal, 0 eller mer', 'kvinna eller man'."""
    if column.type in RULES:
        return RULES[column.type]
    if column.type in LISTS:
        words = LISTS[column.type]
        return "välj i listan: " + ", ".join(words[:-1]) + " eller " + words[-1]
    if column.type == MONTH:
        return "en månad, t.ex. mars 2026 eller 2026-03"
    return "text"


def _instructions(sheet: Worksheet, kind: Kind, period: dt.date | None, unit_count: int, data_sheet: str,
                  split: tuple[str, ...], health_limit: int) -> None:
    """What to fill in, how numbers are written, which privacy rules apply, and where the file goes."""
    put(sheet, 1, 1, TEMPLATE_INSTRUCTIONS).font = Font(bold=True, size=14, color="0B5394")
    filled_in = {"enhet", "enhetskod", kind.period.canonical} if kind is not MEASURES else set()
    lines = [_about(kind, period, split), ""]
    lines += ["Vad du fyller i", *_what(kind, period, unit_count, data_sheet, split), ""]
    lines += ["Kolumnerna"]
    lines += [f"• {c.canonical} ({'måste fyllas i' if c.required or c.canonical in split else 'frivillig'}): "
              f"{_rule(c)}." for c in columns(kind, split) if c.canonical not in filled_in]
    if kind is not MEASURES:
        lines += ["", "Så skriver du siffrorna",
                  "• Skriv tal med decimalkomma, t.ex. 12,5, utan tusentalsavgränsare, enhet (tim, kr) eller procent.",
                  "• Antal är hela tal. Excel stoppar ett värde som inte passar kolumnen och säger vad som gäller.",
                  "• Lägg inte till summarader: hrdash räknar fram summorna för avdelningar och förvaltningen."]
    lines += ["• Ändra inte rubrikraden: hrdash känner igen kolumnerna på deras namn. Den är låst, men raderna under "
              "går att fylla i, lägga till, ta bort och sortera.",
              "", "Dolda uppgifter och sekretess", *_privacy(kind, health_limit),
              "• Filen innehåller uppgifter om enheternas personal: spara och skicka den som andra "
              "personaluppgifter, inte som bilaga utanför kommunens system.",
              "", "Ladda upp",
              "• Spara filen som Excel-arbetsbok (.xlsx) och ladda upp den på sidan Ladda upp i hrdash.",
              "• Du ser hur filen lästs och vad som ändras innan något sparas. En fil med fel sparas inte alls; "
              "en importerad fil kan ångras under Data."]
    for number, text in enumerate(lines, start=2):
        cell = put(sheet, number, 1, text or None)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if text and not text.startswith("•") and number > 3:
            cell.font = Font(bold=True)
    sheet.column_dimensions["A"].width = 110
    sheet.protection = SheetProtection(sheet=True)


def _privacy(kind: Kind, health_limit: int) -> list[str]:
    """The rules that hide what the kind's figures could tell about a person (domain.md, Privacy)."""
    never = "• Skriv aldrig namn eller personnummer: en fil med personnummer tas inte emot."
    if kind is SICK_LEAVE:
        return [never, f"• Sjukfrånvaro är hälsouppgifter: för en grupp med {health_limit} anställda eller färre "
                       "visar hrdash inga sjukfrånvarosiffror för nämnden eller allmänheten, bara för HR. Det gäller "
                       "också siffrorna i den här filen."]
    if kind is PULSE:
        return [never, f"• Svaren skyddar dem som svarat: för en grupp med färre än {MIN_ANSWERS} svar på en fråga "
                       "visar hrdash inga siffror för frågan, och döljer då också en grupp bredvid så att siffran inte "
                       "går att räkna fram."]
    if kind is EXIT_REASONS:
        return [never, f"• Avgångsorsaker är personliga: för en grupp med färre än {MIN_ANSWERS} avgångssamtal på "
                       "12 månader visar hrdash inga andelar per orsak."]
    if kind is MEASURES:
        return ["• Skriv inget om enskilda medarbetare i åtgärd eller beskrivning: åtgärderna visas för nämnden, i "
                "rapporter och på bilder."]
    return [never, "• Siffrorna är inga hälsouppgifter och visas per enhet för alla som får se hrdash."]


def _about(kind: Kind, period: dt.date | None, split: tuple[str, ...]) -> str:
    if kind is MEASURES:
        return "Mall för åtgärder: vad som görs för att förbättra ett nyckeltal, och när det började."
    if kind is PULSE:
        return (f"Mall för pulsfrågorna, {swedish.tertial_name(period)} "
                f"({swedish.tertial_months(period)}).")
    grouped = f" {SPLITS[split].lower()}" if split else ""
    return f"Mall för {kind.name}{grouped}, {swedish.month_name(period)}."


def _what(kind: Kind, period: dt.date | None, unit_count: int, data_sheet: str, split: tuple[str, ...]) -> list[str]:
    if kind is MEASURES:
        return [f"• En rad per åtgärd på bladet '{data_sheet}'. enhet är den grupp åtgärden gäller: en enhet, en "
                "avdelning eller förvaltningen, med namnet som i organisationen."]
    what = [f"• Bladet '{data_sheet}' har {unit_count} enheter som är öppna i organisationen "
            f"{period_text(kind, period)}, med namn, kod och period ifyllda."]
    if kind is PULSE:
        what.append("• En rad per enhet och fråga: svar är hur många som svarade, instämmer hur många av dem som "
                    "instämde (de två högsta stegen på skalan).")
    elif kind is EXIT_REASONS:
        what.append("• En rad per enhet och orsak: välj orsak i listan och skriv antal. Kopiera enhetens rad för "
                    "fler orsaker. Ta bort raden för en enhet utan avgångssamtal.")
    else:
        what.append("• Fyll i siffrorna på varje enhets rad.")
    if split:
        what.append(f"• En rad per enhet och {' och '.join(split)}, med gruppen ifylld: fyll i varje grupps siffror. "
                    "Enhetens siffror är summan av dess rader.")
    if kind is not EXIT_REASONS:
        what.append("• Ta bort raden för en enhet som inte ska rapportera: en enhets rad utan siffror gör att filen "
                    "inte kan importeras.")
    return what
