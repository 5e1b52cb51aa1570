"""Slides for leadership meetings: one message per slide, built from the monthly report, shown
in the app's presentation mode and written as PPTX for meetings run from PowerPoint."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Emu, Pt

from hrdash import swedish
from hrdash.catalogue import BY_ID, INDICATORS, SLIDE, TOPICS, shown_in
from hrdash.figures.format import beside_label, change_size, difference, target_status
from hrdash.charts.static import png
from hrdash.charts.trend import Lines, Trend, describe
from hrdash.figures import readings
from hrdash.figures.attention import EXPLAINED, NOTHING
from hrdash.reports.model import Report

MAX_ITEMS = 5  # more lines than this cannot be read from the back of a room
PER_ROW = 4  # figures side by side on a slide, in large type


@dataclass
class Number:
    label: str
    value: str
    change: str  # against the same month last year
    colour: str  # red, green or gray
    target: str = ""  # 'Över målet (högst 3,0 %)', as the cards and the report say it
    met: bool | None = None


@dataclass
class Slide:
    kind: str  # title, numbers, chart, list
    title: str
    message: str = ""
    numbers: list[Number] = field(default_factory=list)
    chart: Trend | Lines | None = None
    items: list[str] = field(default_factory=list)


def build(report: Report) -> list[Slide]:
    month = swedish.month_name(report.month)
    slides = [Slide("title", f"HR-nyckeltal {month}", report.group.name)]
    numbers = []
    key = report.figures
    # The slide's figures, and every other key figure with a target: a breach is never left out.
    chosen = [i for i in INDICATORS if i.id in shown_in(SLIDE) or i.id in report.targets]
    for indicator_id in (i.id for i in chosen if key[key["indicator"] == i.id]["value"].notna().any()):
        rows = key[(key["group_id"] == report.group.group_id) & (key["indicator"] == indicator_id)]
        by_month = dict(zip(rows["month"], rows["value"]))
        now = by_month.get(report.month)
        before = by_month.get(report.month.replace(year=report.month.year - 1))
        now = None if now is None or now != now else float(now)
        before = None if before is None or before != before else float(before)
        change, colour = "", "gray"
        if now is not None and before is not None:
            delta = difference(indicator_id, now, before)
            change = f"{'▲' if delta > 0 else '▼' if delta < 0 else '='} {change_size(indicator_id, delta)} mot i fjol"
            worse = BY_ID[indicator_id].higher_is_worse
            colour = "gray" if worse is None or abs(delta) < 0.05 else ("red" if (delta > 0) == worse else "green")
        label, unit = BY_ID[indicator_id].label, BY_ID[indicator_id].unit
        if unit in ("tjänster", "st"):  # the unit goes in the label, so the figure itself stays large
            label = label if unit in label.lower() else f"{label} ({unit})"
            value = swedish.number(now, 0 if now is None or now.is_integer() else 1)
        elif unit == "kr":
            value = swedish.kronor_rounded(now)
        else:
            value = beside_label(indicator_id, now)  # '12,2' under Ärenden per handläggare
        numbers.append(Number(label, value, change, colour, *target_status(indicator_id, now,
                                                                           report.targets.get(indicator_id))))
    if numbers:
        slides.append(Slide("numbers", f"Läget i {month}", _targets_message(numbers), numbers=numbers))
    for section in report.sections:
        slides.append(Slide("chart", section.title, section.headline, chart=section.chart))
    # The most serious reason in full; the others named, so that none is hidden behind a count.
    attention = [f"{unit}: {reasons[0]}" + (f". Även: {swedish.join_words(report.attention_indicators[unit][1:]).lower()}."
                                            if len(reasons) > 1 else "")
                 for unit, reasons in report.attention]
    if len(attention) > MAX_ITEMS:
        attention = attention[:MAX_ITEMS - 1] + [f"… och {len(attention) - MAX_ITEMS + 1} enheter till"]
    slides.append(Slide("list", "Behöver uppmärksamhet",
                        " ".join(report.attention_incomplete) or (EXPLAINED if attention else NOTHING),
                        items=attention))
    outside = [item for s in report.sections if s.comparison is not None for item in readings.outside(s.comparison)]
    if outside:
        slides.append(Slide("list", "Utanför det förväntade för sin storlek",
                            "Klart högre eller lägre än helheten, mer än slumpen ger en grupp av den storleken.",
                            items=outside if len(outside) <= MAX_ITEMS
                            else outside[:MAX_ITEMS - 1] + [f"… och {len(outside) - MAX_ITEMS + 1} till"]))
    if report.measures is not None and not report.measures.empty:
        # Short, to be read from the back of the room: the measure and what its first figure says since
        # (the report names every figure); the most recent first.
        said = [f"{row['Åtgärd']}: {row['Vad siffrorna säger sedan'].split(';')[0].split(': ', 1)[-1]}"
                for row in report.measures.to_dict("records")]
        room = MAX_ITEMS - 1
        slides.append(Slide("list", "Åtgärder och resultat", "Siffrorna sedan starten: ett tecken, inte ett bevis. "
                            "Alla åtgärder finns i rapporten.",
                            items=said if len(said) <= room else said[:room - 1]
                            + [f"… och {len(said) - room + 1} åtgärder till"]))
    if report.signals is not None and not report.signals.empty:
        said = [f"{row['Nyckeltal']}: {row['Vad diagrammet säger'].split(' (')[0].lower()}"
                for row in report.signals.to_dict("records")]
        # What every chart is measured against is said once, above the lines, not on each of them.
        against = {m.group(0) for line in said for m in [re.search(r", mätt mot [^,;]+", line)] if m}
        message = "Vad styrdiagrammen säger om månaden"
        if len(against) == 1:
            common = against.pop()
            said = [line.replace(common, "") for line in said]
            message += common
        slides.append(Slide("list", "Är förändringen verklig?", message + ".", items=said[:MAX_ITEMS]))
    shown = [c for c in report.costs if c.amount is not None]
    if shown:
        slides.append(Slide("numbers", "Vad det kostar", "Uppskattningar: vad varje belopp bygger på står under det.",
                            numbers=[Number(c.label, swedish.kronor_rounded(c.amount), c.arithmetic, "gray") for c in shown]))
    notes = [f"{TOPICS[s.topic].title}: {s.comment[0]}" for s in report.sections if s.comment]
    if notes:
        slides.append(Slide("list", "Kommentarer från HR", "", items=notes[:MAX_ITEMS]))
    return slides


def _targets_message(numbers: list[Number]) -> str:
    """What the overview slide says of every topic at once: which figures miss their targets."""
    judged = [n for n in numbers if n.met is not None]
    missed = [n.label for n in judged if not n.met]
    if not judged:
        return "Jämfört med samma månad i fjol."
    if not missed:
        return f"Alla {len(judged)} nyckeltal med mål är inom målet. Jämfört med samma månad i fjol."
    names = missed[0] if len(missed) == 1 else ", ".join(missed[:-1]) + " och " + missed[-1]
    return f"{len(missed)} av {len(judged)} nyckeltal med mål är utanför målet: {names}."


INK = RGBColor(0x1F, 0x23, 0x28)
BLUE = RGBColor(0x0B, 0x53, 0x94)
COLOURS = {"red": RGBColor(0xB4, 0x2B, 0x2B), "green": RGBColor(0x05, 0x7A, 0x55), "gray": RGBColor(0x5F, 0x63, 0x68)}
WIDTH, HEIGHT = Emu(12192000), Emu(6858000)  # 16:9


def _text(slide, left, top, width, height, text: str, size: int, bold: bool = False, colour=INK) -> None:
    box = slide.shapes.add_textbox(left, top, width, height)
    frame = box.text_frame
    frame.word_wrap = True
    paragraph = frame.paragraphs[0]
    paragraph.text = text
    paragraph.font.size, paragraph.font.bold, paragraph.font.color.rgb = Pt(size), bold, colour


def render_pptx(slides: list[Slide]) -> bytes:
    deck = Presentation()
    deck.slide_width, deck.slide_height = WIDTH, HEIGHT
    blank = deck.slide_layouts[6]
    margin = Emu(457200)
    inner = WIDTH - 2 * margin
    for item in slides:
        slide = deck.slides.add_slide(blank)
        if item.kind == "title":
            _text(slide, margin, Emu(2200000), inner, Emu(1100000), item.title, 44, True, BLUE)
            _text(slide, margin, Emu(3400000), inner, Emu(800000), item.message, 28)
            continue
        _text(slide, margin, Emu(300000), inner, Emu(700000), item.title, 34, True, BLUE)
        if item.message:
            _text(slide, margin, Emu(1000000), inner, Emu(900000), item.message, 22)
        if item.kind == "numbers":
            per_row = min(len(item.numbers), PER_ROW)
            width = inner // per_row
            for position, number in enumerate(item.numbers):
                left = margin + (position % per_row) * width
                top = Emu(2000000 + (position // per_row) * 2300000)
                _text(slide, left, top, width, Emu(500000), number.label, 18)
                _text(slide, left, top + Emu(500000), width, Emu(700000), number.value, 36, True)
                _text(slide, left, top + Emu(1200000), width, Emu(400000), number.change, 15,
                      colour=COLOURS[number.colour])
                if number.target:
                    _text(slide, left, top + Emu(1600000), width, Emu(400000), number.target, 15, True,
                          COLOURS["gray" if number.met is None else "green" if number.met else "red"])
        elif item.kind == "chart":
            picture = png(item.chart, 12.3, 4.4, font_size=15, dpi=150, max_ticks=7)  # a slide's full width
            shape = slide.shapes.add_picture(io.BytesIO(picture), margin, Emu(2000000), width=inner)
            # Its text alternative, as PowerPoint's "Alternativ text" shows it: the PDF's and the page's words.
            shape._element.nvPicPr.cNvPr.set("descr", describe(item.chart))
        else:
            for position, line in enumerate(item.items):
                _text(slide, margin, Emu(2000000 + position * 700000), inner, Emu(650000), f"• {line}", 22)
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()
