"""The monthly report as PDF, Excel and PowerPoint: the right numbers in Swedish format, never a
suppressed figure, the workbook's values equal to `hrdash indicators`, formula-like text kept as text."""

import csv
import datetime as dt
import io
import os
import subprocess
import sys
import shutil
from contextlib import redirect_stdout

import openpyxl
import pytest
from conftest import ORGANISATION, SICK_HEADER, TURNOVER_HEADER, csv_bytes, load
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from hrdash import cli, swedish
from hrdash.catalogue import INDICATORS
from hrdash.charts.trend import describe
from hrdash.figures import groups
from hrdash.reports import model as report
from hrdash.reports import pdf as report_pdf
from hrdash.reports import slides
from hrdash.reports import workbook as report_xlsx
from hrdash.store import comments, database

MARCH = dt.date(2025, 3, 1)


def pdf_pages(pdf: bytes) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


@pytest.fixture
def filled(con):
    """March 2025 and March 2024. Liten has 6 people: its 13,8 % sick leave, 4,3 % short sick leave
    and 25,0 % share of long spells must never show."""
    load(con, csv_bytes(ORGANISATION), "org.csv")
    load(con, csv_bytes([SICK_HEADER,
                         ["Mottagningen", "2025-03", 10, 1600, 160, 40, 80],
                         ["Utredning", "2025-03", 30, 4800, 240, 120, 0],
                         ["Beroende", "2025-03", 12, 2000, 300, 60, 150],
                         ["Liten", "2025-03", 6, 960, "132,48", "41,28", "33,12"],
                         ["Mottagningen", "2024-03", 10, 1600, 200, 40, 80],
                         ["Utredning", "2024-03", 30, 4800, 300, 120, 0],
                         ["Beroende", "2024-03", 12, 2000, 300, 60, 150],
                         ["Liten", "2024-03", 6, 960, 96, 0, 0]]), "sjuk.csv")
    load(con, csv_bytes([TURNOVER_HEADER,
                         ["Mottagningen", "2025-03", 10, 2, 1, 0], ["Utredning", "2025-03", 25, 1, 0, 1],
                         ["Beroende", "2025-03", 10, 1, 1, 0], ["Liten", "2025-03", 5, 0, 0, 0]]), "oms.csv")
    comments.write(con, "sick_leave", "förvaltning", "Socialförvaltningen", MARCH,
                   "Vinterns influensa gav kortare sjukfall i Utredning.", "anna.hr")
    group = groups.find_by_name(groups.groups(con), "Socialförvaltningen")
    return report.build(con, group, MARCH, made=dt.date(2025, 4, 8))


HIDDEN = ("13,8", "4,3", "25,0")  # Liten's March figures as a reader would see them


def test_pdf_states_the_numbers_in_swedish(filled):
    pages = pdf_pages(report_pdf.render(filled))
    text = "\n".join(pages)
    assert "Socialförvaltningen" in pages[0] and "HR-nyckeltal mars 2025" in pages[0]
    assert "Framtagen 8 april 2025" in pages[0]
    # (160 + 240 + 300 + 132,48) / 9 360 = 8,9 %; a year earlier 896 / 9 360 = 9,6 %.
    assert ("Sjukfrånvaron i Socialförvaltningen var 8,9 % i mars 2025, 0,7 procentenheter lägre än i mars "
            "2024.") in " ".join(pages[1].split())
    assert "Vinterns influensa gav kortare sjukfall i Utredning." in text
    assert "– anna.hr, " in text
    assert f"Sida 2 av {len(pages)}" in pages[1]
    sick_page = next(p for p in pages if p.startswith("Sjukfrånvaro"))
    liten = next(line for line in sick_page.splitlines() if line.strip().startswith("Liten"))
    assert liten.split()[1:] == ["–*", "–*", "–*", "–*"]
    assert "* 10 personer eller färre" in sick_page


def test_pdf_embeds_its_fonts(filled):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(report_pdf.render(filled)))
    fonts = [font["/FontDescriptor"] for page in reader.pages
             for font in (f["/DescendantFonts"][0] for f in page["/Resources"]["/Font"].values())]
    assert fonts and all("/FontFile2" in descriptor for descriptor in fonts)
    assert reader.pages[0].mediabox.width == pytest.approx(595.28, abs=0.1)  # A4


def test_no_export_contains_a_suppressed_figure(filled):
    pdf = " ".join(pdf_pages(report_pdf.render(filled)))
    workbook = openpyxl.load_workbook(io.BytesIO(report_xlsx.render(filled)))
    texts = [c.value for sheet in workbook for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    numbers = [c.value for sheet in workbook for row in sheet.iter_rows() for c in row if isinstance(c.value, float)]
    deck = Presentation(io.BytesIO(slides.render_pptx(slides.build(filled))))
    shown = [shape.text_frame.text for s in deck.slides for shape in s.shapes if shape.has_text_frame]
    for hidden in HIDDEN:
        assert hidden not in pdf
        assert not any(hidden in text for text in texts + shown)
        assert not any(abs(number - float(hidden.replace(",", "."))) < 0.05 for number in numbers)
    liten = next(r for r in workbook["Sjukfrånvaro"].iter_rows(values_only=True) if r[1] == "Liten")
    assert liten[-1] == "–"


def printed_by_the_cli(path) -> dict:
    """What `hrdash indicators` prints for the database at `path` (run in this process, which
    already holds the database open)."""
    out = io.StringIO()
    with redirect_stdout(out):
        assert cli.main(["indicators", "--db", str(path)]) == 0
    return {(r["level"], r["unit"], r["month"], r["indicator"]): float(r["value"]) if r["value"] else None
            for r in csv.DictReader(io.StringIO(out.getvalue()))}


def test_every_sheet_is_named_whole_and_each_family_alike():
    names = {i.id: report_xlsx.sheet_name(i) for i in INDICATORS}
    assert all(len(n) <= 31 and n == i.sheet_label for i, n in zip(INDICATORS, names.values()))  # never cut
    assert len(set(names.values())) == len(names)
    assert all(names[i.id].endswith(", 12 mån") for i in INDICATORS if i.label.endswith(", 12 månader"))
    assert names["exit_reason_development_pct"] == "Avgång, Utveckling och karriär"
    assert names["exit_reason_other_pct"] == "Avgång, Annat eller ej uppgett"
    assert names["sick_leave_age_29_12m_pct"] == "Sjukfrånvaro ≤ 29 år, 12 mån"
    assert [names[f"pulse_recommend_{f}"] for f in ("agree_pct", "answers", "mean")] == [
        "Rekommenderar, instämmer", "Rekommenderar, antal svar", "Rekommenderar, medelvärde"]


def test_the_workbook_holds_the_values_of_hrdash_indicators(filled, tmp_path):
    workbook = openpyxl.load_workbook(io.BytesIO(report_xlsx.render(filled)))
    assert workbook.sheetnames[0] == "Sammanfattning" and workbook.sheetnames[-1] == "Definitioner"
    held = [i for i in INDICATORS if i.kind in filled.kinds]
    assert filled.kinds == {"sick_leave", "turnover"}
    assert len(workbook.sheetnames) == 2 + len(held) + 2  # and the control charts of sick leave, the costs
    assert workbook.sheetnames[-3:] == ["Styrdiagram", "Kostnader", "Definitioner"]
    printed = printed_by_the_cli(tmp_path / "hr.duckdb")
    sheet = workbook["Sjukfrånvaro"]
    assert sheet.freeze_panes == "C2"
    assert [c.value for c in sheet[1]][:3] == ["Nivå", "Namn", "mars 2024"]
    assert sheet["O2"].number_format == '0.0" %"'
    months = {swedish.month_name(dt.date(y, m, 1)): f"{y}-{m:02d}" for y in (2024, 2025) for m in range(1, 13)}
    checked = 0
    for indicator in held:
        rows = list(workbook[report_xlsx.sheet_name(indicator)].iter_rows(values_only=True))
        for row in rows[1:]:
            if row[0] not in ("enhet", "avdelning", "förvaltning"):
                continue
            for month, value in zip(rows[0][2:], row[2:]):
                expected = printed.get((row[0], row[1], months[month], indicator.id))
                if expected is None:
                    assert value in (None, "–"), (indicator.id, row[1], month)
                else:
                    assert value == pytest.approx(expected, abs=1e-6), (indicator.id, row[1], month)
                    checked += 1
    assert checked > 50


def test_formula_like_names_and_comments_stay_text(con):
    load(con, csv_bytes([["enhet", "avdelning", "förvaltning"],
                         ["=HYPERLINK(\"http://example.com\")", "+46 Avdelning", "Soc"],
                         ["@summa", "-Minus", "Soc"]]), "org.csv")
    load(con, csv_bytes([SICK_HEADER, ["=HYPERLINK(\"http://example.com\")", "2025-03", 12, 1000, 50, 0, 0],
                         ["@summa", "2025-03", 12, 1000, 50, 0, 0]]))
    comments.write(con, "sick_leave", "förvaltning", "Soc", MARCH, "=1+1 är inte en formel", "hr")
    group = groups.find_by_name(groups.groups(con), "Soc")
    workbook = openpyxl.load_workbook(io.BytesIO(report_xlsx.render(report.build(con, group, MARCH))))
    names = {c.value: c.data_type for row in workbook["Sjukfrånvaro"].iter_rows() for c in row if c.column == 2}
    assert names["=HYPERLINK(\"http://example.com\")"] == "s"
    assert names["@summa"] == "s" and names["+46 Avdelning"] == "s" and names["-Minus"] == "s"
    assert not any(c.data_type == "f" for sheet in workbook for row in sheet.iter_rows() for c in row)


def test_slides_have_one_message_each(filled):
    built = slides.build(filled)
    # Sick leave and turnover; the units that need attention, the control charts, the comments.
    assert [s.kind for s in built] == ["title", "numbers", "chart", "chart", "list", "list", "list"]
    assert built[1].numbers[0].value == "8,9\u00a0%"
    assert built[1].numbers[0].change == "▼ 0,7 procentenheter mot i fjol"
    assert built[-1].items == ["Sjukfrånvaro: Vinterns influensa gav kortare sjukfall i Utredning."]
    deck = Presentation(io.BytesIO(slides.render_pptx(built)))
    assert len(deck.slides) == 7
    titles = [deck.slides[i].shapes[0].text_frame.text for i in range(7)]
    assert titles[0] == "HR-nyckeltal mars 2025" and titles[2] == "Sjukfrånvaro"
    # Each chart has the text alternative the PDF and the pages give it.
    pictures = [shape for s in deck.slides for shape in s.shapes if shape.shape_type == MSO_SHAPE_TYPE.PICTURE]
    described = [p._element.nvPicPr.cNvPr.get("descr") for p in pictures]
    assert described == [describe(s.chart) for s in built if s.kind == "chart"]
    assert described[0] == ("Linjediagram, apr 2024–mar 2025: Samma månad föregående år, Sjukfrånvaro. Sjukfrånvaro, "
                            "april 2024–mars 2025: 8,9\u00a0% i mars 2025. 11 av 12 månader saknar uppgift.")


# The CLI on a machine without a browser: no chromium on PATH, and no module that drives one importable.
WITHOUT_A_BROWSER = """
import sys
class NoBrowser:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("kaleido", "choreographer", "playwright", "selenium"):
            raise ImportError(f"{name}: this machine has no browser")
sys.meta_path.insert(0, NoBrowser())
from hrdash import cli
sys.exit(cli.main(sys.argv[1:]))
"""


@pytest.mark.parametrize("suffix", ["pdf", "xlsx", "pptx"])
def test_cli_writes_the_report_on_a_machine_without_a_browser(demo_database, tmp_path, suffix):
    out = tmp_path / f"rapport.{suffix}"
    python_only = {**os.environ, "PATH": os.path.dirname(sys.executable)}
    result = subprocess.run([sys.executable, "-c", WITHOUT_A_BROWSER, "report", "--db", str(demo_database.path),
                             "--month", "2026-10", "--unit", "Vuxen", "--out", str(out)], capture_output=True, text=True,
                            env=python_only, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Månadsrapporten för Vuxen, oktober 2026, är skriven till {out}."
    assert out.stat().st_size > 5000


def test_cli_refuses_an_unknown_unit_or_format(demo_database, tmp_path):
    hrdash = [sys.executable, "-m", "hrdash.cli", "report", "--db", str(demo_database.path), "--month", "2026-10"]
    result = subprocess.run([*hrdash, "--unit", "Finns inte", "--out", str(tmp_path / "r.pdf")], capture_output=True,
                            text=True)
    assert result.returncode == 1
    assert "det finns ingen enhet, avdelning eller förvaltning som heter 'Finns inte'" in result.stderr
    result = subprocess.run([*hrdash, "--out", str(tmp_path / "r.docx")], capture_output=True, text=True)
    assert result.returncode == 2 and "inte som 'r.docx'" in result.stderr


def test_the_demo_report_has_no_near_empty_page(demo_database, tmp_path):
    """Each section on its page, its chart as large as the page leaves room for: no page holds
    only a footnote."""
    path = tmp_path / "hr.duckdb"
    shutil.copy(demo_database.path, path)
    con = database.connect(path)
    top = groups.groups(con)[0]
    pages = pdf_pages(report_pdf.render(report.build(con, top, dt.date(2026, 10, 1))))
    con.close()
    assert len(pages) == 11  # the cover, the overview, a page per topic, attention, measures, the notes
    assert [len(text) for text in pages[1:] if len(text) < 600] == []


def test_the_attention_slide_names_every_reason_of_a_unit_and_the_costs_say_what_they_rest_on(demo_database,
                                                                                              tmp_path):
    path = tmp_path / "hr.duckdb"
    shutil.copy(demo_database.path, path)
    con = database.connect(path)
    built = slides.build(report.build(con, groups.groups(con)[0], dt.date(2026, 7, 1)))
    con.close()
    attention = next(s for s in built if s.title == "Behöver uppmärksamhet")
    overloaded = next(item for item in attention.items if item.startswith("Utredning barn och unga 1:"))
    # The most serious reason in full, the other named beside it (never "och 1 nyckeltal till").
    assert overloaded.endswith(" 13,0 ärenden per handläggare. Även: korttidssjukfrånvaro (dag 1–14)."), overloaded
    costs = next(s for s in built if s.title == "Vad det kostar")
    assert costs.message == "Uppskattningar: vad varje belopp bygger på står under det."


@pytest.fixture
def october(demo_database, tmp_path):
    """The demo's report for October 2026, as `hrdash report` builds it."""
    path = tmp_path / "hr.duckdb"
    shutil.copy(demo_database.path, path)
    con = database.connect(path)
    built = report.build(con, groups.groups(con)[0], dt.date(2026, 10, 1))
    con.close()
    return built


def test_a_chart_whose_marks_include_months_inside_the_limits_says_what_a_mark_means(october):
    """The demo's sick leave is below its 2024 centre all of the last year: ▼ on 12 of 12 months,
    most inside the limits, beside a figure over its target. The report says the marks compare
    with the normal, not with the target."""
    sick = next(s for s in october.sections if s.topic == "sick_leave")
    assert sick.footnotes[0] == ("▲ och ▼ markerar 12 av 12 månader: en signal mot det normala för årstiden, inte mot "
                                 "målet. Även en månad innanför gränserna kan vara en signal, t.ex. den sjunde i rad "
                                 "på samma sida om mittlinjen.")


def test_the_summary_says_which_months_a_change_is_between(october, demo_database):
    sep, oct_ = (demo_database.values("avdelning", "Barn och unga", m)["short_sick_leave_pct"]
                 for m in ("2026-09", "2026-10"))
    assert (f"Korttidssjukfrånvaron ökade mest i Barn och unga, från {swedish.percent(sep)} i september till "
            f"{swedish.percent(oct_)} i oktober.") in october.summary


def test_the_report_gives_an_amount_as_the_page_and_the_slide_do(october):
    """'9,6 mnkr' on Översikt and the slide is '9,6 mnkr' in the PDF too (the arithmetic beside it stays exact)."""
    text = "\n".join(pdf_pages(report_pdf.render(october)))
    for cost in october.costs:
        if cost.amount is not None:
            assert " ".join(f"{cost.label}: {swedish.kronor_rounded(cost.amount)}.".split()) in " ".join(text.split())
