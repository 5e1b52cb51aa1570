"""The committee report is published, so it is an accessible PDF (PDF/UA-1): read back with
pikepdf as a screen reader and a checker would read it – its structure tree, language, title,
headings in order, figures with their Swedish text alternative, tables with header cells,
embedded fonts, nothing on a page outside marked content – and whatever a unit's name or a
comment holds shows as written."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess

import pikepdf
import pytest
from conftest import SICK_HEADER, csv_bytes, load
from pypdf import PdfReader

from hrdash.catalogue import TOPICS
from hrdash.charts.trend import describe
from hrdash.figures import groups
from hrdash.reports import document, pdf
from hrdash.reports import model as report_model
from hrdash.store import comments, database

OCTOBER = dt.date(2026, 10, 1)
MARCH = dt.date(2025, 3, 1)
# Every character that means something in Typst's markup or code, and a backslash.
MARKUP = 'Enhet #let x = 1; *fet* _kursiv_ $x^2$ <etikett> @ref [hak] {klammer} \\ `kod` "citat" // ~ -- ='


@pytest.fixture(scope="module")
def demo_report(demo_database, tmp_path_factory):
    path = tmp_path_factory.mktemp("a11y") / "hr.duckdb"
    shutil.copy(demo_database.path, path)
    con = database.connect(path)
    built = report_model.build(con, groups.groups(con)[0], OCTOBER, made=dt.date(2026, 11, 3))
    con.close()
    return built, pdf.render(built)


def elements(node, found=None):
    """The structure elements under `node`, in reading order."""
    found = [] if found is None else found
    kids = node.get("/K")
    for kid in (kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []):
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            found.append(kid)
            elements(kid, found)
    return found


def test_the_report_is_tagged_swedish_titled_and_says_it_is_pdf_ua(demo_report):
    report, written = demo_report
    with pikepdf.open(io.BytesIO(written)) as document_:
        root = document_.Root
        assert "/StructTreeRoot" in root
        assert root.MarkInfo.Marked is True
        assert str(root.Lang) == "sv"
        assert root.ViewerPreferences.DisplayDocTitle is True
        assert str(document_.docinfo.Title) == "Socialförvaltningen: HR-nyckeltal oktober 2026"
        metadata = document_.open_metadata()
        assert metadata["pdfuaid:part"] == "1"
        assert metadata["dc:title"] == "Socialförvaltningen: HR-nyckeltal oktober 2026"
        assert str(elements(root.StructTreeRoot)[0].S) == "/Document"


def test_headings_go_in_order_h1_the_report_h2_the_parts(demo_report):
    report, written = demo_report
    with pikepdf.open(io.BytesIO(written)) as document_:
        tree = elements(document_.Root.StructTreeRoot)
        levels = [int(str(e.S)[2:]) for e in tree if str(e.S) in ("/H1", "/H2", "/H3", "/H4", "/H5", "/H6")]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(after <= before + 1 for before, after in zip(levels, levels[1:])), levels
    # Sammanfattning, each topic, Åtgärder och resultat (the demo has measures), Så räknas siffrorna
    assert levels.count(2) == 3 + len(report.sections) and report.measures is not None
    # The topics' headings are the titles a reader knows from the pages, in the order of the report.
    titles = [TOPICS[s.topic].title for s in report.sections]
    text = [page.extract_text() for page in PdfReader(io.BytesIO(written)).pages]
    assert [p.split("\n")[0] for p in text[3:3 + len(titles)]] == titles


def test_every_chart_is_a_figure_with_the_pages_swedish_text_alternative(demo_report):
    report, written = demo_report
    with pikepdf.open(io.BytesIO(written)) as document_:
        figures = [e for e in elements(document_.Root.StructTreeRoot) if str(e.S) == "/Figure"]
        alts = [str(f.get("/Alt", "")) for f in figures]
    assert alts == [describe(section.chart) for section in report.sections]
    sick = alts[0]
    assert sick.startswith("Linjediagram, nov 2025–okt 2026: Samma månad föregående år, Sjukfrånvaro, "
                           "Rullande 12 månader, Mittlinje för årstiden, Det normala för årstiden")
    assert "Mål 7,0\u00a0%." in sick and "Det normala för årstiden: mittlinje för årstiden mellan " in sick
    assert "Sjukfrånvaro, november 2025–oktober 2026: från " in sick and "till 7,1\u00a0% i oktober 2026" in sick


def headers(cell) -> list[str]:
    """The ids of the header cells a data cell belongs to (its attribute objects' /Headers)."""
    attributes = cell.get("/A")
    for owned in (attributes if isinstance(attributes, pikepdf.Array) else [attributes]):
        if isinstance(owned, pikepdf.Dictionary) and "/Headers" in owned:
            return [str(h) for h in owned.Headers]
    return []


def test_every_table_has_a_header_row_of_th_cells(demo_report):
    report, written = demo_report
    with pikepdf.open(io.BytesIO(written)) as document_:
        tables = [e for e in elements(document_.Root.StructTreeRoot) if str(e.S) == "/Table"]
        # key figures, the control charts, a table per topic, one of the groups outside what chance gives,
        # and the measures with what the figures say since
        compared = [s.comparison_table for s in report.sections if s.comparison_table is not None]
        outside = sum(any(not v.startswith(("Inom", "Visas inte")) for v in t.iloc[:, 3]) for t in compared)
        assert len(tables) == 3 + len(report.sections) + outside and outside >= 1
        for table in tables:
            parts = [e for e in elements(table) if str(e.S) in ("/THead", "/TBody")]
            assert [str(p.S) for p in parts] == ["/THead", "/TBody"]
            head, body = (elements(p) for p in parts)
            header_cells = [str(e.S) for e in head if str(e.S) in ("/TH", "/TD")]
            assert header_cells and set(header_cells) == {"/TH"}
            body_cells = [e for e in body if str(e.S) in ("/TH", "/TD")]
            assert body_cells and all(str(c.S) == "/TD" and len(headers(c)) == 1 for c in body_cells)
            assert len(body_cells) % len(header_cells) == 0


def test_every_font_is_embedded_dejavu(demo_report):
    _, written = demo_report
    with pikepdf.open(io.BytesIO(written)) as document_:
        fonts = {}
        for page in document_.pages:
            for font in page.Resources.get("/Font", {}).values():
                for descendant in font.get("/DescendantFonts", [font]):
                    fonts[str(descendant.BaseFont)] = set(descendant.FontDescriptor.keys())
    assert fonts and all(name.split("+")[-1] in ("DejaVuSans", "DejaVuSans-Bold") for name in fonts), fonts
    assert all(keys & {"/FontFile", "/FontFile2", "/FontFile3"} for keys in fonts.values()), fonts


PAINTING = {"Tj", "TJ", "'", '"', "Do", "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "BI"}


def test_everything_on_every_page_is_marked_content(demo_report):
    """Text, pictures and lines are either tagged content or artifacts: nothing a screen reader
    would meet untagged."""
    _, written = demo_report
    with pikepdf.open(io.BytesIO(written)) as document_:
        for number, page in enumerate(document_.pages, 1):
            depth, painted, outside = 0, 0, []
            for operands, operator in pikepdf.parse_content_stream(page):
                name = str(operator)
                if name in ("BDC", "BMC"):
                    depth += 1
                elif name == "EMC":
                    depth -= 1
                elif name in PAINTING:
                    painted += 1
                    if depth == 0:
                        outside.append(name)
            assert depth == 0 and painted and outside == [], (number, outside[:5])


def test_a_link_is_tagged_and_named():
    blocks = [document.Heading(1, "Rapport"), document.Heading(2, "Mer"),
              document.Paragraph("Om siffrorna i instrumentpanelen", link="https://hrdash.example/om_siffrorna")]
    written = pdf.render_blocks(blocks, "Rapport", "Rapport")
    with pikepdf.open(io.BytesIO(written)) as document_:
        links = [e for e in elements(document_.Root.StructTreeRoot) if str(e.S) == "/Link"]
        annotation = document_.pages[0].Annots[0]
        assert len(links) == 1 and str(annotation.A.URI) == "https://hrdash.example/om_siffrorna"
        kids = links[0].K if isinstance(links[0].K, pikepdf.Array) else [links[0].K]
        assert any(isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/OBJR" and k.Obj == annotation
                   for k in kids)
        assert str(annotation.Contents) == "https://hrdash.example/om_siffrorna"  # what a reader hears of it


def test_a_unit_name_and_a_comment_full_of_typst_markup_show_as_written(con):
    load(con, csv_bytes([["enhet", "avdelning", "förvaltning"], [MARKUP, "Avdelning [1]", "Soc #2"]]), "org.csv")
    load(con, csv_bytes([SICK_HEADER, [MARKUP, "2025-03", 12, 1000, 50, 0, 0]]), "sjuk.csv")
    comments.write(con, "sick_leave", "förvaltning", "Soc #2", MARCH, f"Se {MARKUP} – och #set page(width: 1cm)",
                   "hr_@team")
    group = groups.find_by_name(groups.groups(con), "Soc #2")
    written = pdf.render(report_model.build(con, group, MARCH))
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(written)).pages)
    assert " ".join(MARKUP.split()) in text
    assert f"Se {' '.join(MARKUP.split())} – och #set page(width: 1cm)" in text
    assert "– hr_@team, " in text and "Soc #2 · HR-nyckeltal mars 2025" in text
    with pikepdf.open(io.BytesIO(written)) as document_:
        assert str(document_.docinfo.Title) == "Soc #2: HR-nyckeltal mars 2025"
        assert float(document_.pages[1].MediaBox[2]) == pytest.approx(595.28, abs=0.1)  # the page is still A4


def test_table_headers_wrap_between_words_and_only_a_long_word_at_a_hyphen(demo_report):
    """Never 'Korttidssjukfrånv / aro': a header word is whole, or a long one broken with a hyphen."""
    report, written = demo_report
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(written)).pages]
    broken = []
    for section in report.sections:
        text = next(p for p in pages if p.startswith(section.title + "\n"))
        for word in (w for column in section.table.columns if column != "Nivå" for w in column.split()):
            if word in text.split():
                continue
            parts = [i for i in range(2, len(word) - 1) if f"{word[:i]}- {word[i:]}" in text]
            assert parts, (section.title, word)
            broken.append(word)
    assert all(len(word) >= 12 for word in broken), broken
    assert "Korttidssjukfrånvaro" in " ".join(pages)  # the column is made wide enough for it


def test_the_cover_keeps_a_long_name_together():
    """A name that takes several lines is set as written, left aligned: the space between its
    words is a space, however long the line."""
    name = "Utredning och behandling barn, unga och familjerätt i nordöstra distriktet"
    cover = document.Cover("Månadsrapport till nämnden", name, "Socialförvaltningen", "HR-nyckeltal oktober 2026",
                           "Sjukfrånvaro", ["Framtagen 3 november 2026."])
    written = pdf.render_blocks([cover], "Rapport", "Rapport")
    boxes = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", "-", "-"], input=written,
                           capture_output=True, check=True).stdout.decode()
    words = [(float(x0), float(y0), float(x1), float(y1), text) for x0, y0, x1, y1, text in
             re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
                        boxes)]
    named = [w for w in words if w[3] - w[1] > 23]  # the name in the largest type (the title is 22 pt)
    assert " ".join(w[4] for w in named) == name
    lines = {}
    for word in named:
        lines.setdefault(round(word[1]), []).append(word)
    assert len(lines) >= 2
    gaps = [b[0] - a[2] for line in lines.values() for a, b in zip(line, line[1:])]
    assert max(gaps) - min(gaps) < 0.5 and max(gaps) < 0.4 * (named[0][3] - named[0][1])
    assert {round(line[0][0]) for line in lines.values()} == {round(named[0][0])}  # every line starts at the margin


def test_a_new_part_of_the_report_is_only_more_blocks(demo_report):
    """What the report may gain (a section of measures, a yearly table of 13 columns) lays out and
    is tagged like the rest, with no new markup."""
    report, _ = demo_report
    months = ["Enhet", *(f"{m} 2026" for m in ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt",
                                               "nov", "dec"))]
    added = [document.PageBreak(), document.Heading(2, "Åtgärder och resultat"),
             document.Paragraph("Vad förvaltningen har gjort och vad det gav."),
             document.Bullets(["Friskvårdstimme i Barn och unga: korttidssjukfrånvaron från 3,2 % till 2,5 %."]),
             document.Heading(3, "Sjukfrånvaro per år"),
             document.Table(months, [["Socialförvaltningen", *(f"{7 + m / 10:.1f} %".replace(".", ",")
                                                                for m in range(12))]])]
    written = pdf.render_blocks(document.blocks(report) + added, "Rapport", "Rapport")
    with pikepdf.open(io.BytesIO(written)) as document_:
        tree = elements(document_.Root.StructTreeRoot)
        tables = [e for e in tree if str(e.S) == "/Table"]
        last = [str(e.S) for e in elements(tables[-1]) if str(e.S) in ("/TH", "/TD")]
        assert last == ["/TH"] * 13 + ["/TD"] * 13
        headings = [str(e.S) for e in tree if str(e.S) in ("/H1", "/H2", "/H3")]
        assert headings[-2:] == ["/H2", "/H3"]
    text = PdfReader(io.BytesIO(written)).pages[-1].extract_text()
    assert text.startswith("Åtgärder och resultat\n") and "dec 2026" in text and "8,1 %" in text
