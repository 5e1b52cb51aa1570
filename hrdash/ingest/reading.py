"""Read an uploaded file into sheets of raw cells, whatever its format and encoding.

Besides Excel and CSV files this reads what payroll systems save under an Excel name: an HTML
table or an "XML Spreadsheet 2003" file named .xls, and text (CSV) named .xls. A cell that holds
an Excel error (#REF!, #VALUE! …) is read as that error's text, never as an empty cell.
"""

from __future__ import annotations

import csv
import datetime as dt
import html.parser
import io
import re
import zipfile
from dataclasses import dataclass
from xml.etree import ElementTree

import python_calamine

from hrdash.errors import UserError
from hrdash.swedish import number

EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
CSV_SUFFIXES = (".csv", ".txt", ".tsv")

MAX_FILE_BYTES = 50_000_000  # the upload page says 50 MB
MAX_UNPACKED_BYTES = 400_000_000  # an xlsx packs about 10:1; more than this is a bomb or not a report
MAX_ROWS = 1_000_000

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an old .xls, or an Office file saved with a password
ENCRYPTED_STREAM = "EncryptionInfo".encode("utf-16-le")  # the stream a password-protected workbook holds

PASSWORD_HELP = ("Filen är skyddad med lösenord, och hrdash kan inte läsa en krypterad fil. Öppna den i Excel, "
                 "ta bort lösenordet (Arkiv → Info → Skydda arbetsbok → Kryptera med lösenord, töm rutan) och "
                 "spara filen igen innan du laddar upp den.")


@dataclass
class Sheet:
    name: str | None  # the sheet name; None for a CSV file, which has no sheets
    rows: list[list[object]]  # cells from A1, row by row
    hidden: bool = False  # a hidden sheet of a workbook: never read as data
    note: str | None = None  # how the file was read, when it was not what its name says


def read_sheets(content: bytes, file_name: str) -> list[Sheet]:
    suffix = "." + file_name.rsplit(".", 1)[-1].lower() if "." in file_name else ""
    if len(content) > MAX_FILE_BYTES:
        raise UserError(
            f"Filen är {number(len(content) / 1e6, 1)} MB. Största tillåtna storlek är {MAX_FILE_BYTES // 10**6} MB – "
            "dela upp den i flera filer."
        )
    if content[:4] == b"PK\x03\x04" or content[:8] == OLE_MAGIC:
        return _read_excel(content, file_name)
    markup = _markup(content)
    if markup == "html":
        return _read_html(content, suffix)
    if markup == "xml":
        return _read_xml_spreadsheet(content, suffix)
    if suffix in EXCEL_SUFFIXES:
        if _is_text(content):  # a CSV or tab-separated export named .xls
            return [Sheet(None, _read_csv(content), note=f"Filen heter {suffix} men är en textfil (CSV); den "
                                                         "lästes som en sådan.")]
        return _read_excel(content, file_name)
    if suffix in CSV_SUFFIXES or not suffix:
        return [Sheet(None, _read_csv(content))]
    raise UserError(f"Filtypen '{suffix}' kan inte läsas. Spara filen som Excel (.xlsx) eller CSV (.csv).")


def _check_zip(content: bytes) -> set[str]:
    """Refuse a zip bomb before calamine unpacks it: an xlsx is a zip archive.

    Members are unpacked as a stream and counted, so a lying size in the archive's
    directory does not help, and memory stays bounded. Returns the worksheets that hold an
    error cell (t="e"), which calamine would read as empty.
    """
    unpacked = 0
    with_errors: set[str] = set()
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            for info in archive.infolist():
                worksheet = info.filename.startswith("xl/worksheets/")
                tail = b""
                with archive.open(info) as member:
                    while chunk := member.read(1 << 20):
                        unpacked += len(chunk)
                        if unpacked > MAX_UNPACKED_BYTES:
                            raise UserError(
                                f"Filen packas upp till mer än {MAX_UNPACKED_BYTES // 10**6} MB. Den är för stor "
                                "eller skadad – dela upp den eller spara om den i Excel."
                            )
                        if worksheet and b't="e"' in tail + chunk:
                            with_errors.add(info.filename)
                        tail = chunk[-8:]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, NotImplementedError):
        raise UserError("Filen är ingen giltig Excelfil (den kan vara skadad). Öppna och spara om den i Excel.") from None
    return with_errors


def _read_excel(content: bytes, file_name: str) -> list[Sheet]:
    with_errors = _check_zip(content) if content[:4] == b"PK\x03\x04" else set()
    if content[:8] == OLE_MAGIC and ENCRYPTED_STREAM in content:
        raise UserError(PASSWORD_HELP)
    try:
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(content))
    except python_calamine.PasswordError:
        raise UserError(PASSWORD_HELP) from None
    except Exception:  # calamine raises several error types for unreadable files; their text is English
        raise UserError(
            f"Filen '{file_name}' kunde inte läsas som Excel: den är skadad eller sparad i ett format som inte är "
            "Excel. Öppna den i Excel och spara den som Excel-arbetsbok (.xlsx), eller som CSV."
        ) from None
    errors = _error_cells(content, with_errors) if with_errors else {}
    sheets = []
    for meta in workbook.sheets_metadata:
        name = meta.name
        if meta.typ != python_calamine.SheetTypeEnum.WorkSheet:
            continue  # a chart sheet holds no cells
        sheet = workbook.get_sheet_by_name(name)
        if sheet.height > MAX_ROWS:
            raise UserError(f"Bladet '{name}' har {number(sheet.height)} rader, fler än tillåtna {number(MAX_ROWS)}. "
                            "Dela upp filen.")
        rows = sheet.to_python(skip_empty_area=False)
        for (row, column), error in errors.get(name, {}).items():
            if row < len(rows) and column < len(rows[row]):
                rows[row][column] = error
        sheets.append(Sheet(name, rows, hidden=meta.visible != python_calamine.SheetVisibleEnum.Visible))
    return sheets


_SHEET_ENTRY = re.compile(rb'<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"[^>]*?\br:id="([^"]*)"')
_RELATIONSHIP = re.compile(rb'<(?:\w+:)?Relationship\b[^>]*?\bId="([^"]*)"[^>]*?\bTarget="([^"]*)"')
_RELATIONSHIP_REVERSED = re.compile(rb'<(?:\w+:)?Relationship\b[^>]*?\bTarget="([^"]*)"[^>]*?\bId="([^"]*)"')
_ERROR_CELL = re.compile(rb'<(?:\w+:)?c\b([^>]*\bt="e"[^>]*)>(.*?)</(?:\w+:)?c>', re.DOTALL)
_REFERENCE = re.compile(rb'\br="([A-Z]+)(\d+)"')
_VALUE = re.compile(rb"<(?:\w+:)?v>([^<]*)</(?:\w+:)?v>")


def _error_cells(content: bytes, worksheets: set[str]) -> dict[str, dict[tuple[int, int], str]]:
    """sheet name -> {(row, column) 0-based: '#REF!'} for the worksheets that hold error cells."""
    found: dict[str, dict[tuple[int, int], str]] = {}
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        try:
            book = archive.read("xl/workbook.xml")
            rels = archive.read("xl/_rels/workbook.xml.rels")
        except KeyError:
            return found
        targets = {rid: target for rid, target in _RELATIONSHIP.findall(rels)}
        targets.update({rid: target for target, rid in _RELATIONSHIP_REVERSED.findall(rels)})
        for name, rid in _SHEET_ENTRY.findall(book):
            target = targets.get(rid, b"").decode()
            path = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            if path not in worksheets:
                continue
            cells = {}
            for attributes, body in _ERROR_CELL.findall(archive.read(path)):
                reference, value = _REFERENCE.search(attributes), _VALUE.search(body)
                if reference and value:
                    column = 0
                    for letter in reference[1].decode():
                        column = column * 26 + ord(letter) - 64
                    cells[(int(reference[2]) - 1, column - 1)] = value[1].decode()
            found[_xml_text(name)] = cells
    return found


def _xml_text(raw: bytes) -> str:
    text = raw.decode("utf-8")
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'").replace(
        "&amp;", "&")


def _is_text(content: bytes) -> bool:
    return b"\x00" not in content[:4096] and not content.startswith(OLE_MAGIC)


def _markup(content: bytes) -> str | None:
    """'html' or 'xml' for an HTML table or an XML Spreadsheet 2003 file (whatever its name says)."""
    head = content[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<html", b"<!doctype html", b"<table", b"<meta")) or (
            head.startswith(b"<") and b"<table" in content[:65536].lower() and b"<?xml" not in head[:6]):
        return "html"
    if head.startswith(b"<?xml") and b"urn:schemas-microsoft-com:office:spreadsheet" in content[:4096]:
        return "xml"
    return None


class _Tables(html.parser.HTMLParser):
    """The tables of an HTML page as rows of cell texts (a cell spanning columns leaves the
    columns after it empty, as a merged cell does in Excel)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[object]]] = []
        self.row: list[object] | None = None
        self.cell: list[str] | None = None
        self.number: float | None = None
        self.span = 1
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "table":
            self.depth += 1
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []
            self.span = int(attributes.get("colspan") or 1) if str(attributes.get("colspan") or 1).isdigit() else 1
            raw = attributes.get("x:num")
            try:
                self.number = float(raw) if raw not in (None, "") else None
            except ValueError:
                self.number = None
        elif tag == "br" and self.cell is not None:
            self.cell.append(" ")

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None and self.row is not None:
            text = re.sub(r"\s+", " ", "".join(self.cell)).strip()
            self.row.append(self.number if self.number is not None else text)
            self.row.extend([""] * (min(self.span, 100) - 1))
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.tables[-1].append(self.row)
            self.row = None
        elif tag == "table":
            self.depth -= 1

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def _read_html(content: bytes, suffix: str) -> list[Sheet]:
    parser = _Tables()
    parser.feed(decode(content))
    parser.close()
    tables = [rows for rows in parser.tables if rows]
    if not tables:
        raise UserError("Filen är en webbsida (HTML) utan någon tabell med siffror. Öppna den i Excel och spara den "
                        "som Excel-arbetsbok (.xlsx).")
    note = (f"Filen heter {suffix} men är en HTML-tabell (så sparar en del lönesystem sin Excelexport); "
            "tabellen lästes som ett blad." if suffix in EXCEL_SUFFIXES else None)
    if len(tables) == 1:
        return [Sheet(None, tables[0], note=note)]
    return [Sheet(f"Tabell {number}", rows, note=note if number == 1 else None)
            for number, rows in enumerate(tables, start=1)]


_SPREADSHEET = "{urn:schemas-microsoft-com:office:spreadsheet}"


def _read_xml_spreadsheet(content: bytes, suffix: str) -> list[Sheet]:
    """An "XML Spreadsheet 2003" file: worksheets, rows and cells with their types."""
    if b"<!ENTITY" in content[:65536].upper():
        raise UserError("Filen är en XML-fil med egna definitioner som hrdash inte läser. Öppna den i Excel och spara "
                        "den som Excel-arbetsbok (.xlsx).")
    try:
        root = ElementTree.fromstring(content)
    except ElementTree.ParseError:
        raise UserError("Filen är en XML-fil (Excel 2003-format) som inte gick att läsa: den kan vara skadad. Öppna "
                        "den i Excel och spara den som Excel-arbetsbok (.xlsx).") from None
    note = (f"Filen heter {suffix} men är ett XML-kalkylblad (Excel 2003-format); den lästes som ett sådant."
            if suffix in EXCEL_SUFFIXES else None)
    sheets = []
    for worksheet in root.iter(f"{_SPREADSHEET}Worksheet"):
        rows: list[list[object]] = []
        for table in worksheet.iter(f"{_SPREADSHEET}Table"):
            for row in table.iter(f"{_SPREADSHEET}Row"):
                index = row.get(f"{_SPREADSHEET}Index")
                while index and index.isdigit() and len(rows) < int(index) - 1:
                    rows.append([])
                cells: list[object] = []
                for cell in row.iter(f"{_SPREADSHEET}Cell"):
                    at = cell.get(f"{_SPREADSHEET}Index")
                    while at and at.isdigit() and len(cells) < int(at) - 1:
                        cells.append("")
                    data = cell.find(f"{_SPREADSHEET}Data")
                    cells.append(_xml_value(data))
                    across = cell.get(f"{_SPREADSHEET}MergeAcross")
                    cells.extend([""] * (min(int(across), 100) if across and across.isdigit() else 0))
                rows.append(cells)
                if len(rows) > MAX_ROWS:
                    raise UserError(f"Filen har fler än {number(MAX_ROWS)} rader. Dela upp den.")
        options = worksheet.find("{urn:schemas-microsoft-com:office:excel}WorksheetOptions")
        visible = options.find("{urn:schemas-microsoft-com:office:excel}Visible") if options is not None else None
        hidden = visible is not None and (visible.text or "").strip() in ("SheetHidden", "SheetVeryHidden")
        sheets.append(Sheet(worksheet.get(f"{_SPREADSHEET}Name"), rows, hidden=hidden, note=note if not sheets else None))
    if not sheets:
        raise UserError("Filen är en XML-fil utan något kalkylblad. Öppna den i Excel och spara den som "
                        "Excel-arbetsbok (.xlsx).")
    return sheets


def _xml_value(data) -> object:
    if data is None:
        return ""
    text = "".join(data.itertext())
    kind = data.get(f"{_SPREADSHEET}Type")
    if kind == "Number":
        try:
            return float(text)
        except ValueError:
            return text
    if kind == "DateTime":
        try:
            return dt.datetime.fromisoformat(text.rstrip("Z")[:19])
        except ValueError:
            return text
    return text


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
        # Prefer the delimiter that gives the most rows one and the same number of fields (more than
        # one), then the larger number: a stray separator in one row's free text does not decide it.
        common = max((c for c in counts if c > 1), key=lambda c: (counts.count(c), c), default=1)
        score = (counts.count(common) if common > 1 else 0, common)
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
