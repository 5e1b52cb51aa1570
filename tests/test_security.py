"""Hostile input: quotes and SQL in names, zip bombs, absurdly large sheets and files."""

import io
import subprocess
import sys
import textwrap
import zipfile

from conftest import SICK_HEADER, csv_bytes, figures, load

from hrdash import cli
from hrdash.ingest import reading
from hrdash.ingest.parse import parse_file

NASTY = "O'Brien'; DROP TABLE batches; --"


def test_names_with_quotes_and_sql_are_just_names(con, capsys):
    load(con, csv_bytes([["enhet", "avdelning", "förvaltning"], [NASTY, "Avd \"x\"", "Soc"]]), "org.csv")
    load(con, csv_bytes([SICK_HEADER, [NASTY, "2025-03", 12, 1000, 50, 0, 0]]), "sjuk'; --.csv")
    assert figures(con)["enhet", NASTY, "2025-03", "sick_leave_pct"] == 5.0
    assert con.execute("SELECT count(*) FROM batches").fetchone() == (2,)
    # The CLI's filters are parameters too.
    assert cli.main(["indicators", "--db", con.execute("PRAGMA database_list").fetchone()[2],
                     "--unit", "x'; DROP TABLE batches; --"]) == 0
    assert capsys.readouterr().out == "level,unit,month,indicator,value\n"
    assert con.execute("SELECT count(*) FROM batches").fetchone() == (2,)


def zip_bomb(unpacked_mb: int) -> bytes:
    """An 'xlsx' whose one member unpacks to `unpacked_mb` MB of zeros (about 1 MB packed per GB)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            block = b"\0" * (1 << 20)
            for _ in range(unpacked_mb):
                member.write(block)
    return out.getvalue()


MEASURE = textwrap.dedent(
    """
    import resource, sys
    from hrdash.ingest.parse import parse_file
    content = open(sys.argv[1], "rb").read()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    parsed = parse_file(content, sys.argv[2])
    print(parsed.problems[0] if parsed.problems else "ok")
    print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024)
    """
)


def parse_in_a_process(path, name) -> tuple[str, int]:
    """Parse a file in a fresh process: (first problem, how many MB parsing added to the peak memory)."""
    result = subprocess.run([sys.executable, "-c", MEASURE, str(path), name], capture_output=True, text=True,
                            check=True)
    message, peak = result.stdout.strip().splitlines()
    return message, int(peak)


def test_a_zip_bomb_is_refused_within_bounded_memory(tmp_path):
    bomb = tmp_path / "bomb.xlsx"
    bomb.write_bytes(zip_bomb(640))  # half as much again as the limit: building a larger one only takes longer
    assert bomb.stat().st_size < 1024 * 1024
    message, peak_mb = parse_in_a_process(bomb, "bomb.xlsx")
    assert message == ("Filen packas upp till mer än 400 MB. Den är för stor eller skadad – dela upp den eller spara "
                       "om den i Excel.")
    assert peak_mb < 100  # the 640 MB it would unpack to never reach memory


def huge_sheet(rows: int) -> bytes:
    """A valid xlsx with one number per row, written straight as XML (openpyxl would take minutes)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml",
                         '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
                         'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
                         'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
                         '"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.'
                         'openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/'
                         'worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                         'spreadsheetml.worksheet+xml"/></Types>')
        archive.writestr("_rels/.rels",
                         '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.'
                         'org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats'
                         '.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
                         '</Relationships>')
        archive.writestr("xl/workbook.xml",
                         '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
                         'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
                         'relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>')
        archive.writestr("xl/_rels/workbook.xml.rels",
                         '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.'
                         'org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
                         'openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/'
                         'sheet1.xml"/></Relationships>')
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                        b'spreadsheetml/2006/main"><sheetData>')
            for start in range(1, rows + 1, 10_000):
                sheet.write("".join(f'<row r="{r}"><c r="A{r}"><v>1</v></c></row>'
                                    for r in range(start, min(start + 10_000, rows + 1))).encode())
            sheet.write(b"</sheetData></worksheet>")
    return out.getvalue()


def test_an_absurdly_large_sheet_is_refused(tmp_path):
    path = tmp_path / "stor.xlsx"
    path.write_bytes(huge_sheet(reading.MAX_ROWS + 1000))
    message, peak_mb = parse_in_a_process(path, "stor.xlsx")
    assert message == "Bladet 'Data' har 1\u00a0001\u00a0000 rader, fler än tillåtna 1\u00a0000\u00a0000. Dela upp filen."
    assert peak_mb < 800


def test_a_file_over_the_size_limit_is_refused_in_swedish():
    parsed = parse_file(b"x" * (reading.MAX_FILE_BYTES + 1), "stor.csv")
    assert [str(p) for p in parsed.problems] == [
        "Filen är 50,0 MB. Största tillåtna storlek är 50 MB – dela upp den i flera filer."]


def test_markup_in_a_unit_name_reaches_the_html_table_as_text(con):
    """Översikt's per-unit table is the one place hrdash writes HTML itself: a name is escaped."""
    import datetime as dt

    from hrdash.figures import groups, series
    from hrdash.ui.widgets import grid_html

    hostile = '<img src=x onerror="alert(1)">'
    load(con, csv_bytes([["enhet", "avdelning", "förvaltning"], [hostile, "Avd", "Soc"],
                         ["Utredning", "Avd", "Soc"]]), "org.csv")
    load(con, csv_bytes([SICK_HEADER, [hostile, "2025-03", 12, 1000, 50, 0, 0],
                         ["Utredning", "2025-03", 12, 1000, 80, 0, 0]]))
    all_groups = groups.groups(con)
    units = [g for g in all_groups if g.level == "enhet"]
    table = grid_html(series.sparklines(con, units, dt.date(2025, 3, 1), False), 10)
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in table
    assert "<img src=x" not in table and "onerror=\"" not in table
