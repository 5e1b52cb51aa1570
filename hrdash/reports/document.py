"""The monthly report as a document: a cover, then headings, paragraphs, bullet lists, tables with
a header row and charts with their text alternative, in reading order. The PDF (pdf.py) lays out
any such list without knowing what it says, so a new part of the report is a few more blocks
here, never new markup there.

Headings go in order: the report is the cover's level 1, each part a level 2 (Sammanfattning,
each topic, Så räknas siffrorna), what lies within a part a level 3.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from hrdash import swedish
from hrdash.catalogue import BY_ID, TOPICS, few_people
from hrdash.charts.trend import Lines, Trend, describe
from hrdash.figures import compare, readings
from hrdash.figures.attention import EXPLAINED
from hrdash.reports.model import Report, Section

ATTENTION_LISTED = 25


@dataclass(frozen=True)
class Cover:
    kicker: str  # 'Månadsrapport till nämnden'
    name: str  # the group: the document's level-1 heading
    under: str  # the förvaltning of an avdelning or unit, else ''
    title: str  # 'HR-nyckeltal oktober 2026'
    topics: str
    notes: list[str]


@dataclass(frozen=True)
class Heading:
    level: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: str = "body"  # body, lead (a topic's headline), note (smaller and grey)
    link: str | None = None  # an address: the whole paragraph links to it


@dataclass(frozen=True)
class Bullets:
    items: list[str]


@dataclass(frozen=True)
class Table:
    header: list[str]
    rows: list[list[str]]
    widths: list[float] | None = None  # relative; None: as wide as the content asks (report.typ)
    align: list[str] | None = None  # 'left' or 'right' per column; None: names left, figures right
    strong: set[int] = field(default_factory=set)  # rows (from 0, below the header) in bold on a pale ground
    indented: set[int] = field(default_factory=set)  # rows whose first cell is indented (a unit under its avdelning)
    size: float = 8.5  # points

    @classmethod
    def of(cls, frame: pd.DataFrame, **options) -> Table:
        return cls(list(frame.columns), frame.astype(str).values.tolist(), **options)


@dataclass(frozen=True)
class Figure:
    chart: Trend | Lines
    alt: str  # what a screen reader reads instead of the picture


@dataclass(frozen=True)
class Aside:
    """A boxed note with a title: HR's comment and who wrote it."""

    title: str
    text: str
    byline: str


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Cover | Heading | Paragraph | Bullets | Table | Figure | Aside | PageBreak


def blocks(report: Report) -> list[Block]:
    """The whole report, in reading order."""
    out: list[Block] = [_cover(report), PageBreak(), *_summary(report), *_signals(report)]
    for section in report.sections:
        out += [PageBreak(), *_section(section)]
    if report.measures is not None and not report.measures.empty:
        out += [PageBreak(), *_measures(report)]
    out += [PageBreak(), *_definitions(report)]
    return out


def _cover(report: Report) -> Cover:
    under = report.group.administration if report.group.level in ("avdelning", "enhet") else ""
    topics = " · ".join(TOPICS[section.topic].title.lower() for section in report.sections).capitalize()
    return Cover("Månadsrapport till nämnden", report.group.name, under or "", report.title, topics,
                 [f"Framtagen {swedish.date(report.made)} med hrdash ur HR-avdelningens månadsfiler.",
                  f"Sjukfrånvaro för grupper med {few_people(report.health_limit)} redovisas inte."])


def _summary(report: Report) -> list[Block]:
    out: list[Block] = [Heading(2, "Sammanfattning"), Bullets(report.summary),
                        Heading(3, "Nyckeltal"),
                        Table.of(report.key_figures, widths=[42, 21, 21, 27, 33, 30], size=7.8,
                                 align=["left", "right", "right", "right", "left", "left"])]
    if report.attention or report.attention_incomplete:
        listed = [f"{unit}: " + "; ".join(reasons) + "." for unit, reasons in report.attention[:ATTENTION_LISTED]]
        out += [Heading(3, "Behöver uppmärksamhet"),
                *[Paragraph(note, "note") for note in report.attention_incomplete],
                *([Paragraph(EXPLAINED, "note"), Bullets(listed)] if listed else [])]
        if len(report.attention) > ATTENTION_LISTED:
            out.append(Paragraph(f"… och {len(report.attention) - ATTENTION_LISTED} enheter till; se Excelfilen "
                                 "eller instrumentpanelen.", "note"))
    if report.costs:
        out += [Heading(3, "Vad det kostar"),
                Bullets([f"{cost.label}: {swedish.kronor_rounded(cost.amount)}. {cost.arithmetic}." if cost.amount is not None
                         else f"{cost.label}: –. {cost.note}" for cost in report.costs])]
    return out


def _signals(report: Report) -> list[Block]:
    """The control charts' reading of each figure that has one."""
    if report.signals is None or report.signals.empty:
        return []
    return [Heading(3, "Är förändringen verklig?"),
            Paragraph("Styrdiagrammen skiljer en verklig förändring från den normala variationen mellan månaderna. "
                      "Mittlinjen är medelvärdet av de 12 månader som är baslinjen; gränserna visar hur mycket "
                      "siffran brukar variera. Ett värde utanför gränserna, sju månader i rad på samma sida om "
                      "mittlinjen, sex månader i rad uppåt eller nedåt, eller två av tre månader nära en gräns "
                      "är en signal.", "note"),
            Table.of(report.signals, widths=[36, 18, 24, 28, 68], size=8,
                     align=["left", "right", "right", "right", "left"])]


def _section(section: Section) -> list[Block]:
    out: list[Block] = [Heading(2, section.title), Paragraph(section.headline, "lead"),
                        Figure(section.chart, describe(section.chart))]
    if section.comment:
        body, author, written_at = section.comment
        out.append(Aside("Kommentar från HR", body, f"– {author}, {swedish.date(written_at.date())}"))
    levels = list(section.table["Nivå"])
    table = section.table.drop(columns=["Nivå"])
    table["Enhet"] = table["Enhet"].str.strip()
    out.append(Table.of(table, strong={i for i, level in enumerate(levels) if level != "enhet"},
                        indented={i for i, level in enumerate(levels) if level == "enhet"}))
    out += [Paragraph(note, "note") for note in section.footnotes]
    if section.comparison is not None:
        found = section.comparison
        whole = readings.PARENTS.get(found.parent_level, "helheten")
        when = swedish.month_name(found.month)
        out += [Heading(3, f"Jämfört med {whole}, {when}"),
                Paragraph(f"{BY_ID[found.indicator_id].label}. {readings.FUNNEL_EXPLAINED_IN_TEXT}"
                          + (f" {readings.TWELVE_MONTHS_EXPLAINED}" if found.indicator_id == "sick_leave_12m_pct"
                             else ""), "note"),
                *_comparison(section)]
    return out


def _comparison(section: Section) -> list[Block]:
    """The groups outside what chance gives their size as a table; those within, and those hidden, by
    name: the report keeps a page per topic where it can."""
    table = section.comparison_table
    verdict = table.columns[3]
    within = table[table[verdict] == readings.SHORT_VERDICTS[compare.WITHIN]]
    hidden = table[table[verdict].str.startswith("Visas inte")]
    outside = table.drop(index=within.index.union(hidden.index))
    out: list[Block] = []
    if not outside.empty:
        out.append(Table.of(outside, align=["left", "right", "right", "left", "right"]))
    name = table.columns[0]
    # On paper only where it matters most: a comparison in which nobody lies outside.
    wide = readings.funnel_width(section.comparison) if outside.empty else None
    if not within.empty:
        out.append(Paragraph(f"Inom det förväntade för sin storlek ({len(within)} av {len(table)}): "
                             + ", ".join(within[name]) + "." + (f" {wide}" if wide else ""), "note"))
    elif wide:
        out.append(Paragraph(wide, "note"))
    if not hidden.empty:
        reason = hidden[verdict].iloc[0].removeprefix("Visas inte: ")
        out.append(Paragraph(f"Visas inte ({reason}): " + ", ".join(hidden[name]) + ".", "note"))
    return out


def _measures(report: Report) -> list[Block]:
    """What was done and whether it worked, most recent first (seed 003: "Gör vi det vi säger? Ger
    det vi gör positivt resultat?")."""
    return [Heading(2, "Åtgärder och resultat"),
            Paragraph("Varje åtgärd med vad siffrorna säger sedan den började, jämfört med de tolv månaderna före "
                      "(för pulsfrågorna: mätningen före). Ett tecken på förbättring eller försämring är en signal i "
                      "siffrorna, inte ett bevis för att åtgärden orsakade den. En åtgärd som började under ett "
                      "månadsdiagrams tolv månader är markerad i det med en romb och en streckad linje.",
                      "note"),
            Table.of(report.measures, widths=[50, 30, 18, 18, 64], size=7.8,
                     align=["left", "left", "left", "left", "left"])]


def _definitions(report: Report) -> list[Block]:
    """Every figure of the report in plain Swedish, on the last pages: the sections stay one page each."""
    out: list[Block] = [Heading(2, "Så räknas siffrorna")]
    for section in report.sections:
        out += [Heading(3, section.title),
                *(Paragraph(f"{label}: {definition}", "note") for label, definition in section.definitions)]
    return out
