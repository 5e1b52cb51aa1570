"""Read an uploaded file into sheets of raw cells, whatever its format and encoding."""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass

import python_calamine

from hrdash.errors import UserError
from hrdash.swedish import number

EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
CSV_SUFFIXES = (".csv", ".txt", ".tsv")

MAX_FILE_BYTES = 50_000_000  # the upload page says 50 MB
MAX_UNPACKED_BYTES = 400_000_000  # an xlsx packs about 10:1; more than this is a bomb or not a report
MAX_ROWS = 1_000_000


@dataclass
class Sheet:
    name: str | None  # the sheet name; None for a CSV file, which has no sheets
    rows: list[list[object]]  # cells from A1, row by row


def read_sheets(content: bytes, file_name: str) -> list[Sheet]:
    suffix = "." + file_name.rsplit(".", 1)[-1].lower() if "." in file_name else ""
    if len(content) > MAX_FILE_BYTES:
        raise UserError(
            f"Filen är {number(len(content) / 1e6, 1)} MB. Största tillåtna storlek är {MAX_FILE_BYTES // 10**6} MB – "
            "dela upp den i flera filer."
        )
    if suffix in EXCEL_SUFFIXES or content[:4] == b"PK\x03\x04":
        return _read_excel(content, file_name)
    if suffix in CSV_SUFFIXES or not suffix:
        return [Sheet(None, _read_csv(content))]
    raise UserError(f"Filtypen '{suffix}' kan inte läsas. Spara filen som Excel (.xlsx) eller CSV (.csv).")


def _check_zip(content: bytes) -> None:
    """Refuse a zip bomb before calamine unpacks it: an xlsx is a zip archive.

    Members are unpacked as a stream and counted, so a lying size in the archive's
    directory does not help, and memory stays bounded.
    """
    unpacked = 0
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            for info in archive.infolist():
                with archive.open(info) as member:
                    while chunk := member.read(1 << 20):
                        unpacked += len(chunk)
                        if unpacked > MAX_UNPACKED_BYTES:
                            raise UserError(
                                f"Filen packas upp till mer än {MAX_UNPACKED_BYTES // 10**6} MB. Den är för stor "
                                "eller skadad – dela upp den eller spara om den i Excel."
                            )
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, NotImplementedError):
        raise UserError("Filen är ingen giltig Excelfil (den kan vara skadad). Öppna och spara om den i Excel.") from None


def _read_excel(content: bytes, file_name: str) -> list[Sheet]:
    if content[:4] == b"PK\x03\x04":
        _check_zip(content)
    try:
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(content))
    except Exception as error:  # calamine raises several error types for unreadable files
        raise UserError(
            f"Filen '{file_name}' kunde inte läsas som Excel ({error}). Öppna och spara om den i Excel."
        ) from None
    sheets = []
    for name in workbook.sheet_names:
        sheet = workbook.get_sheet_by_name(name)
        if sheet.height > MAX_ROWS:
            raise UserError(f"Bladet '{name}' har {number(sheet.height)} rader, fler än tillåtna {number(MAX_ROWS)}. "
                            "Dela upp filen.")
        sheets.append(Sheet(name, sheet.to_python(skip_empty_area=False)))
    return sheets


def decode(content: bytes) -> str:
    """UTF-8 with or without BOM, else Windows-1252 (what Excel on Swedish Windows saves)."""
    if content.startswith(b"\xef\xbb\xbf"):
        return content[3:].decode("utf-8")
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        return content.decode("utf-16")
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        return content.decode("cp1252", errors="replace")


def sniff_delimiter(text: str) -> str:
    """The separator among ; , tab that splits the first lines most consistently."""
    lines = [line for line in text.splitlines()[:30] if line.strip()]
    best, best_score = ",", (-1, -1)
    for delimiter in (";", ",", "\t"):
        counts = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        if not counts:
            continue
        widest = max(counts)
        # Prefer the delimiter that gives many rows the same, larger number of fields.
        score = (sum(1 for c in counts if c == widest and c > 1), widest)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _read_csv(content: bytes) -> list[list[object]]:
    text = decode(content)
    if "\x00" in text:
        raise UserError("Filen innehåller binära data och är ingen textfil (CSV). Spara den som CSV eller Excel.")
    delimiter = sniff_delimiter(text)
    rows: list[list[object]] = [list(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    if len(rows) > MAX_ROWS:
        raise UserError(f"Filen har fler än {number(MAX_ROWS)} rader. Dela upp den.")
    return rows
