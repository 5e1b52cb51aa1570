"""File -> validated, normalised rows ready to store, or the list of problems that refuse it.

Nothing here touches the database: `parse_file` is pure, so the upload page can preview a
file and the CLI can refuse it before a transaction is opened. What it needs to know about the
organisation (its units, codes, avdelningar and förvaltningar, and the choices HR made for
names it does not know) comes in as data (`units`, hrdash/ingest/units.py).

The steps, each in its own module: bytes → sheets (reading.py); each sheet's header, kinds and
rows (sheets.py, which classifies the rows with rows.py, reads their cells with cells.py and
checks each row with rules.py); then, for the whole file, the names matched to the organisation
(resolution.py) and one row per unit and month (rules.py); the problems in the order of the
file (messages.py).
"""

from __future__ import annotations

import hashlib

from hrdash.errors import Problem, UserError
from hrdash.ingest.columns import Kind
from hrdash.ingest.messages import in_order, notice
from hrdash.ingest.model import HeaderRow, ParsedFile, Part, UnknownUnit, column_letter
from hrdash.ingest.reading import read_sheets
from hrdash.ingest.resolution import resolve
from hrdash.ingest.rules import check_unique
from hrdash.ingest.sheets import Incomplete, parse_sheet
from hrdash.ingest.units import KnownUnits

__all__ = ["HeaderRow", "ParsedFile", "Part", "UnknownUnit", "column_letter", "parse_file"]


def parse_file(
    content: bytes,
    file_name: str,
    kind: Kind | None = None,
    overrides: dict[str, str] | None = None,
    units: KnownUnits | None = None,
    new_units: bool = False,
) -> ParsedFile:
    """Read, map, validate and normalise a whole file.

    `kind` forces the kind instead of detecting it from the header; `overrides` maps a header
    text to a canonical column (the upload page's hand mapping); `units` is the organisation
    as hrdash knows it (None: names are not checked); `new_units` accepts unit names the
    organisation does not know even where one it knows is close (they are still listed in
    `unknown_units`, for the upload page to ask about).
    """
    parsed = ParsedFile(file_name, hashlib.sha256(content).hexdigest())
    try:
        sheets = read_sheets(content, file_name)
    except UserError as error:
        parsed.problems.append(Problem(str(error)))
        return parsed
    for sheet in sheets:
        if sheet.note:
            parsed.notices.append(sheet.note)
        if sheet.hidden:
            parsed.notices.append(f"Bladet '{sheet.name}' är dolt och lästes inte in. Visa bladet i Excel om "
                                  "det ska importeras.")
    visible = [sheet for sheet in sheets if not sheet.hidden]
    incomplete: list[Incomplete] = []
    for sheet in visible:
        parse_sheet(sheet, parsed, kind, overrides or {}, single=len(visible) == 1, incomplete=incomplete,
                    units=units)
    # A sheet that only looks like data (a summary by avdelning, say) is passed over when another
    # sheet of the workbook holds that kind completely; otherwise its missing columns refuse the file.
    for sheet_kind, sheet_name, problems in incomplete:
        if sheet_kind in parsed.kinds:
            notice(parsed, sheet_name, f"liknar {sheet_kind.name} men saknar kolumner som behövs och lästes inte in.")
        else:
            parsed.problems.extend(problems)
    if not parsed.parts and not parsed.problems:
        if kind:
            needed = ", ".join(column.canonical for column in kind.columns if column.required)
            wanted, example = kind.name, f"Filen ska ha en rad med kolumnnamnen {needed}."
        else:
            wanted, example = "någon filtyp", ("Filen ska ha en rad med kolumnnamn som enhet, månad och uppgifterna, "
                                               "t.ex. anställda, ordinarie_timmar, sjuktimmar.")
        first = next((row for sheet in visible for row in sheet.rows if any(str(c or "").strip() for c in row)), None)
        seen = (" Första raden med text: " + ", ".join(f"'{str(c).strip()[:30]}'" for c in first[:8] if str(c or "").strip())
                + ".") if first else ""
        parsed.problems.append(Problem(f"Hittade ingen rubrikrad med kolumner för {wanted}. {example}{seen} "
                                       "Se sidan Om siffrorna för alla kolumnnamn."))
    resolve(parsed, units, new_units)
    for data_kind in parsed.kinds:
        check_unique(parsed, data_kind)
    parsed.problems = in_order(parsed.problems, [s.name for s in sheets])
    return parsed
