"""The monthly report as an Excel workbook for HR staff who work further on it: a summary, a
sheet per indicator (groups × the last 13 months) with Swedish headers, number formats and a
frozen header row, the annual report's sick-leave table (Årsredovisning), and the definitions.
Text that looks like a formula stays text."""

from __future__ import annotations

import io
import re

import pandas as pd

from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from hrdash import swedish
from hrdash.catalogue import BY_ID, INDICATORS, privacy_note
from hrdash.figures.year import LAW, Disclosure
from hrdash.months import window
from hrdash.reports.model import Report

HEADER_FILL = PatternFill("solid", fgColor="0B5394")
HEADER_FONT = Font(bold=True, color="FFFFFF")
GROUP_FILL = PatternFill("solid", fgColor="EEF2F7")
NUMBER_FORMATS = {"%": '0.0" %"', "kr": '#,##0" kr"', "tjänster": "0.0", "st": "0"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def put(sheet: Worksheet, row: int, column: int, value: object) -> Cell:
    """Write a cell. A string is always text: one starting with =, +, - or @ is never a formula."""
    if isinstance(value, str):
        value = _CONTROL.sub("", value)
    cell = sheet.cell(row=row, column=column, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def _header(sheet: Worksheet, labels: list[str]) -> None:
    for column, label in enumerate(labels, start=1):
        cell = put(sheet, 1, column, label)
        cell.fill, cell.font = HEADER_FILL, HEADER_FONT
        cell.alignment = Alignment(horizontal="left" if column <= 2 else "right", wrap_text=True)
    sheet.freeze_panes = "C2"


def sheet_name(indicator) -> str:
    """An indicator's sheet: its name, or the catalogue's sheet name where Excel's 31 characters are
    too few; without the characters Excel does not allow in a sheet's name."""
    return re.sub(r"[\[\]:*?/\\]", "", indicator.sheet_label)[:31]


def _sheet_title(label: str, used: set[str]) -> str:
    title = re.sub(r"[\[\]:*?/\\]", "", label)[:31]
    while title in used:
        title = title[:29] + f"{len(used) % 100:02d}"
    used.add(title)
    return title


def render(report: Report) -> bytes:
    workbook = Workbook()
    summary = workbook.active
    summary.title = "Sammanfattning"
    _summary(summary, report)
    used = {"Sammanfattning", "Definitioner"}
    months = window(report.month, 13)
    figures = report.figures
    for indicator in (i for i in INDICATORS if i.kind in report.kinds):
        sheet = workbook.create_sheet(_sheet_title(sheet_name(indicator), used))
        _indicator_sheet(sheet, report, indicator.id, months, figures)
    if report.signals is not None and not report.signals.empty:
        _table_sheet(workbook.create_sheet("Styrdiagram"), report.signals, wide=(0, 4))
    if report.effects is not None and not report.effects.empty:
        _table_sheet(workbook.create_sheet("Åtgärder och resultat"), report.effects, wide=(0, 3, 10))
    if report.annual is not None and report.annual.has_figures:
        annual_sheet(workbook.create_sheet("Årsredovisning"), report.annual)
    costs = pd.DataFrame([{"Kostnad": c.label, "Belopp (kr)": c.amount, "Så räknas det": c.arithmetic or c.note}
                          for c in report.costs])
    if not costs.empty:
        _table_sheet(workbook.create_sheet("Kostnader"), costs, wide=(0, 2))
    definitions = workbook.create_sheet("Definitioner")
    _header(definitions, ["Nyckeltal", "Id", "Så räknas det"])
    definitions.freeze_panes = "A2"
    for row, indicator in enumerate((i for i in INDICATORS if i.kind in report.kinds), start=2):
        put(definitions, row, 1, indicator.label)
        put(definitions, row, 2, indicator.id)
        put(definitions, row, 3, indicator.definition)
    definitions.column_dimensions["A"].width = 40
    definitions.column_dimensions["B"].width = 30
    definitions.column_dimensions["C"].width = 110
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _table_sheet(sheet: Worksheet, frame: pd.DataFrame, wide: tuple[int, ...]) -> None:
    """A table as it stands, with the heading row; the columns in `wide` wider."""
    for column, label in enumerate(frame.columns, start=1):
        cell = put(sheet, 1, column, label)
        cell.fill, cell.font = HEADER_FILL, HEADER_FONT
    for row, values in enumerate(frame.itertuples(index=False), start=2):
        for column, value in enumerate(values, start=1):
            put(sheet, row, column, None if value != value else value)
            if isinstance(value, float):
                sheet.cell(row=row, column=column).number_format = '#,##0" kr"'
    sheet.freeze_panes = "A2"
    for column in range(1, len(frame.columns) + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 70 if column - 1 in wide[1:] else (
            34 if column - 1 in wide else 16)


def _summary(sheet: Worksheet, report: Report) -> None:
    put(sheet, 1, 1, f"{report.group.name}: {report.title}").font = Font(bold=True, size=16, color="0B5394")
    put(sheet, 2, 1, f"Framtagen {swedish.date(report.made)}. " + " ".join(privacy_note(BY_ID, report.health_limit)))
    row = 4
    for sentence in report.summary:
        put(sheet, row, 1, sentence)
        row += 1
    row += 1
    columns = list(report.key_figures.columns)
    for column, label in enumerate(columns, start=1):
        cell = put(sheet, row, column, label)
        cell.fill, cell.font = HEADER_FILL, HEADER_FONT
    for values in report.key_figures.itertuples(index=False):
        row += 1
        for column, value in enumerate(values, start=1):
            put(sheet, row, column, value)
    sheet.column_dimensions["A"].width = 40
    for letter in "BCDE":
        sheet.column_dimensions[letter].width = 22


def _indicator_sheet(sheet: Worksheet, report: Report, indicator_id: str, months, figures) -> None:
    indicator = BY_ID[indicator_id]
    _header(sheet, ["Nivå", "Namn"] + [swedish.month_name(m) for m in months])
    rows = figures[figures["indicator"] == indicator_id]
    values = {(g, m): (v, hidden) for g, m, v, hidden in zip(rows["group_id"], rows["month"], rows["value"],
                                                             rows["suppressed"])}
    hidden = False
    number_format = NUMBER_FORMATS.get(indicator.unit, "0.0")
    for row, member in enumerate(report.members, start=2):
        put(sheet, row, 1, member.level)
        put(sheet, row, 2, member.name)
        if member.level != "enhet":
            for column in range(1, len(months) + 3):
                sheet.cell(row=row, column=column).fill = GROUP_FILL
            sheet.cell(row=row, column=2).font = Font(bold=True)
        for column, month in enumerate(months, start=3):
            value, suppressed = values.get((member.group_id, month), (None, False))
            if suppressed:
                put(sheet, row, column, "–").alignment = Alignment(horizontal="right")
                hidden = True
                continue
            if value is None or value != value:
                continue
            cell = sheet.cell(row=row, column=column, value=float(value))
            cell.number_format = number_format
    note_row = len(report.members) + 3
    put(sheet, note_row, 1, f"{indicator.label}: {indicator.definition}")
    if hidden:
        put(sheet, note_row + 1, 1, f"– {' '.join(privacy_note([indicator_id], report.health_limit))}")
    sheet.column_dimensions["A"].width = 13
    sheet.column_dimensions["B"].width = 34
    for column in range(3, len(months) + 3):
        sheet.column_dimensions[get_column_letter(column)].width = 14


def annual_sheet(sheet: Worksheet, disclosure: Disclosure) -> None:
    """The annual report's seven sick-leave figures (hrdash/figures/year.py) as numbers, '–' where hidden,
    with the law's words above and what '–' means below."""
    put(sheet, 1, 1, f"Sjukfrånvaro {disclosure.year}").font = Font(bold=True, size=16, color="0B5394")
    put(sheet, 2, 1, LAW).alignment = Alignment(wrap_text=True, vertical="top")
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=5)
    sheet.row_dimensions[2].height = 75
    for column, label in enumerate(disclosure.columns, start=1):
        cell = put(sheet, 4, column, label)
        cell.fill, cell.font = HEADER_FILL, HEADER_FONT
        cell.alignment = Alignment(horizontal="right" if column in (3, 4) else "left")
    for row, line in enumerate(disclosure.rows, start=5):
        put(sheet, row, 1, line.group.name)
        put(sheet, row, 2, line.label)
        for column, figure in ((3, line.this_year), (4, line.last_year)):
            if figure.hidden:
                put(sheet, row, column, "–").alignment = Alignment(horizontal="right")
            elif figure.value is not None:
                sheet.cell(row=row, column=column, value=figure.value).number_format = NUMBER_FORMATS["%"]
        put(sheet, row, 5, line.comment)
    put(sheet, len(disclosure.rows) + 6, 1, disclosure.note())
    sheet.freeze_panes = "A5"
    for letter, width in zip("ABCDE", (34, 50, 12, 12, 70)):
        sheet.column_dimensions[letter].width = width


def render_annual(disclosure: Disclosure) -> bytes:
    """The annual table alone, for the page Årsredovisning's download."""
    workbook = Workbook()
    workbook.active.title = "Årsredovisning"
    annual_sheet(workbook.active, disclosure)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
