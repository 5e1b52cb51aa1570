"""The monthly report as a PDF to attach to the committee's agenda: A4, page numbers,
embedded DejaVu Sans (å, ä, ö), charts drawn in-process (hrdash/charts/static.py)."""

from __future__ import annotations

import io
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace

from hrdash import swedish
from hrdash.catalogue import TOPICS, few_people
from hrdash.charts.static import png
from hrdash.reports.model import Report

FONTS = Path(__file__).with_name("fonts")
BLUE = (11, 83, 148)
INK = (31, 35, 40)
MUTED = (95, 99, 104)
PALE = (238, 242, 247)
FAMILY = "DejaVu"
ATTENTION_LISTED = 25


class _Document(FPDF):
    def __init__(self, report: Report):
        super().__init__(format="A4", unit="mm")
        self.report = report
        self.add_font(FAMILY, "", str(FONTS / "DejaVuSans.ttf"))
        self.add_font(FAMILY, "B", str(FONTS / "DejaVuSans-Bold.ttf"))
        self.set_margins(18, 18, 18)
        self.set_auto_page_break(True, margin=20)
        self.set_title(f"{report.group.name}: {report.title}")
        self.set_author("hrdash")
        self.set_lang("sv")

    def footer(self) -> None:
        if self.page_no() == 1:
            return
        self.set_y(-13)
        self.set_font(FAMILY, size=8)
        self.set_text_color(*MUTED)
        self.cell(0, 5, f"{self.report.group.name} · {self.report.title}", align="L")
        self.set_x(self.l_margin)
        self.cell(0, 5, f"Sida {self.page_no()} av {{nb}}", align="R")

    def heading(self, text: str, size: float = 18) -> None:
        self.set_font(FAMILY, "B", size)
        self.set_text_color(*BLUE)
        self.multi_cell(0, size * 0.5, text, align="L", new_x="LMARGIN", new_y="NEXT")
        self.ln(2)

    def paragraph(self, text: str, size: float = 10.5, bold: bool = False, colour=INK, height: float = 5.4) -> None:
        self.set_font(FAMILY, "B" if bold else "", size)
        self.set_text_color(*colour)
        self.multi_cell(0, height, text, align="L", new_x="LMARGIN", new_y="NEXT")

    def bullet(self, text: str) -> None:
        self.set_font(FAMILY, "", 10.5)
        self.set_text_color(*INK)
        self.cell(5, 5.6, "•")
        self.multi_cell(0, 5.6, text, align="L", new_x="LMARGIN", new_y="NEXT")
        self.ln(1)

    def grid(self, rows: list[list[str]], widths: list[float], bold_rows: set[int] = frozenset(),
             size: float = 8.5, align: list[str] | None = None) -> None:
        """A table: the first row is the heading; rows in `bold_rows` (avdelningar) stand out. Names
        left, figures right, unless `align` says otherwise."""
        self.set_font(FAMILY, "", size)
        self.set_text_color(*INK)
        self.set_draw_color(200, 205, 212)
        heading = FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=BLUE)
        plain = FontFace(color=INK, fill_color=(255, 255, 255))
        group = FontFace(emphasis="BOLD", color=INK, fill_color=PALE)
        with self.table(col_widths=widths, text_align=align or ["LEFT"] + ["RIGHT"] * (len(widths) - 1),
                        headings_style=heading, line_height=size * 0.5, padding=(0.9, 1.2),
                        borders_layout="HORIZONTAL_LINES") as table:
            for position, values in enumerate(rows):
                row = table.row(style=None if position == 0 else group if position in bold_rows else plain)
                for value in values:
                    row.cell(value)
        self.ln(3)


def render(report: Report) -> bytes:
    document = _Document(report)
    _cover(document, report)
    _summary(document, report)
    _signals(document, report)
    for section in report.sections:
        _section(document, section)
    _definitions(document, report)
    return bytes(document.output())


def _definitions(document: _Document, report: Report) -> None:
    """Every figure of the report in plain Swedish, on the last pages: the sections stay one page each."""
    document.add_page()
    document.heading("Så räknas siffrorna")
    for section in report.sections:
        document.paragraph(section.title, 10, bold=True, height=5)
        for label, definition in section.definitions:
            document.paragraph(f"{label}: {definition}", 8.5, colour=MUTED, height=4.2)
        document.ln(2)


def _cover(document: _Document, report: Report) -> None:
    document.add_page()
    document.set_fill_color(*BLUE)
    document.rect(0, 0, 210, 112, style="F")
    document.set_xy(18, 44)
    document.set_text_color(255, 255, 255)
    document.set_font(FAMILY, "", 14)
    document.cell(0, 8, "Månadsrapport till nämnden", new_x="LMARGIN", new_y="NEXT")
    document.set_font(FAMILY, "B", 30)
    document.multi_cell(0, 13, report.group.name, new_x="LMARGIN", new_y="NEXT")
    if report.group.level in ("avdelning", "enhet") and report.group.administration:
        document.set_font(FAMILY, "", 14)
        document.cell(0, 8, report.group.administration, new_x="LMARGIN", new_y="NEXT")
    document.set_xy(18, 126)
    document.set_text_color(*INK)
    document.set_font(FAMILY, "B", 22)
    document.cell(0, 11, report.title, new_x="LMARGIN", new_y="NEXT")
    document.set_font(FAMILY, "", 12)
    topics = [TOPICS[section.topic].title.lower() for section in report.sections]
    document.multi_cell(0, 8, " · ".join(topics).capitalize(), new_x="LMARGIN", new_y="NEXT")
    document.set_y(250)
    document.set_font(FAMILY, "", 10)
    document.set_text_color(*MUTED)
    document.multi_cell(0, 5, f"Framtagen {swedish.date(report.made)} med hrdash ur HR-avdelningens månadsfiler.\n"
                              f"Sjukfrånvaro för grupper med {few_people(report.health_limit)} redovisas inte.",
                        new_x="LMARGIN", new_y="NEXT")


def _summary(document: _Document, report: Report) -> None:
    document.add_page()
    document.heading("Sammanfattning")
    for sentence in report.summary:
        document.bullet(sentence)
    document.ln(3)
    document.heading("Nyckeltal", 13)
    columns = list(report.key_figures.columns)
    rows = [columns] + report.key_figures.astype(str).values.tolist()
    document.grid(rows, [42, 21, 21, 27, 33, 30], size=7.8,
                  align=["LEFT", "RIGHT", "RIGHT", "RIGHT", "LEFT", "LEFT"])
    if report.attention:
        document.heading("Behöver uppmärksamhet", 13)
        document.paragraph("En verklig förändring till det sämre enligt styrdiagrammet, eller ett nyckeltal över sitt mål "
                           "som inte nås utan förändring. Det allvarligaste först.", 9, colour=MUTED)
        document.ln(1)
        for unit, reasons in report.attention[:ATTENTION_LISTED]:
            document.bullet(f"{unit}: " + "; ".join(reasons) + ".")
        if len(report.attention) > ATTENTION_LISTED:
            document.paragraph(f"… och {len(report.attention) - ATTENTION_LISTED} enheter till; se Excelfilen eller "
                               "instrumentpanelen.", 9, colour=MUTED)
    if report.costs:
        document.heading("Vad det kostar", 13)
        for cost in report.costs:
            amount = swedish.kronor(cost.amount) if cost.amount is not None else "–"
            document.bullet(f"{cost.label}: {amount}. " + (f"{cost.arithmetic}." if cost.amount is not None
                                                          else cost.note))


def _signals(document: _Document, report: Report) -> None:
    """The control charts' reading of each figure that has one."""
    if report.signals is None or report.signals.empty:
        return
    document.ln(2)
    document.heading("Är förändringen verklig?", 13)
    document.paragraph("Styrdiagrammen skiljer en verklig förändring från den normala variationen mellan månaderna. "
                       "Mittlinjen är medelvärdet av de 12 månader som är baslinjen; gränserna visar hur mycket "
                       "siffran brukar variera. Ett värde utanför gränserna, sju månader i rad på samma sida om "
                       "mittlinjen, sex månader i rad uppåt eller nedåt, eller två av tre månader nära en gräns "
                       "är en signal.", 9.5, colour=MUTED, height=4.8)
    document.ln(2)
    columns = list(report.signals.columns)
    document.grid([columns] + report.signals.astype(str).values.tolist(), [36, 18, 24, 28, 68], size=8)


CHART_WIDTH = 6.85  # inches: the text width of the page
CHART_HEIGHTS = (2.3, 3.4)  # inches: as tall as the page leaves room for, within these
ROW_MM, NOTE_MM = 6.8, 4.5  # the height of a table's row, and of a footnote's line


def _chart_height(document: _Document, section) -> float:
    """The chart as large as can be read on paper while the section's table and notes still fit
    on its page: a page with only a footnote on it is never printed."""
    rows = len(section.table) + 2  # the heading takes two lines
    below = rows * ROW_MM + len(section.footnotes) * NOTE_MM + (30 if section.comment else 0) + 12
    room_mm = document.h - document.b_margin - document.get_y() - below
    return max(CHART_HEIGHTS[0], min(CHART_HEIGHTS[1], room_mm / 25.4 * CHART_WIDTH / (document.epw / 25.4)))


def _section(document: _Document, section) -> None:
    document.add_page()
    document.heading(section.title)
    document.paragraph(section.headline, 11.5, bold=True, height=6)
    document.ln(2)
    document.image(io.BytesIO(png(section.chart, CHART_WIDTH, _chart_height(document, section))), w=document.epw)
    document.ln(2)
    if section.comment:
        body, author, written_at = section.comment
        document.set_fill_color(*PALE)
        document.set_font(FAMILY, "B", 9.5)
        document.set_text_color(*BLUE)
        document.cell(0, 6, "Kommentar från HR", fill=True, new_x="LMARGIN", new_y="NEXT")
        document.set_font(FAMILY, "", 9.5)
        document.set_text_color(*INK)
        document.multi_cell(0, 5, f"{body}\n– {author}, {swedish.date(written_at.date())}", fill=True,
                            new_x="LMARGIN", new_y="NEXT")
        document.ln(3)
    table = section.table.drop(columns=["Nivå"])
    bold = {i + 1 for i, level in enumerate(section.table["Nivå"]) if level != "enhet"}
    name_width = 54 if len(table.columns) <= 4 else 46  # the figures' headers need the room more
    other = (document.epw - name_width) / (len(table.columns) - 1)
    document.grid([list(table.columns)] + table.astype(str).values.tolist(),
                  [name_width] + [other] * (len(table.columns) - 1), bold_rows=bold)
    for note in section.footnotes:
        document.paragraph(note, 8, colour=MUTED, height=4)

