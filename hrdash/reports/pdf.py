"""The monthly report as a PDF for the committee's papers, which the municipality publishes: an
accessible document (PDF/UA-1, as lagen om tillgänglighet till digital offentlig service asks of a
published PDF). Typst (the `typst` wheel, self-contained: no browser, no system library) lays out
the blocks of document.py with report.typ and writes tagged PDF: headings, lists, tables with
header cells, every chart a figure with its Swedish text alternative, Swedish as the language, the
title shown, decorations and page footers as artifacts, the DejaVu fonts bundled here embedded
(no system font is looked at). A4, "Sida N av M", charts as vector graphics (hrdash/charts/static.py).
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import typst

from hrdash.charts.static import svg
from hrdash.reports import document
from hrdash.reports.model import Report

HERE = Path(__file__).parent
TEMPLATE = HERE / "report.typ"
FONTS = HERE / "fonts"
CHART_WIDTH = 6.85  # inches: the text width of the page (174 mm)
CHART_HEIGHTS = (2.3, 3.4)  # inches: as tall as the page leaves room for, within these


def render(report: Report) -> bytes:
    return render_blocks(document.blocks(report), f"{report.group.name}: {report.title}",
                         f"{report.group.name} · {report.title}")


def render_blocks(blocks: list[document.Block], title: str, footer: str) -> bytes:
    """Any list of blocks as a tagged PDF/UA-1. Laid out twice: first with an empty place for each
    chart, to learn the room its page leaves it, then with each chart drawn to fill that room."""
    compiler = typst.Compiler(TEMPLATE, root=HERE, font_paths=_fonts(), sys_inputs=_inputs(blocks, title, footer, None))
    rooms = json.loads(compiler.query("<room>", field="value"))
    figures = [b for b in blocks if isinstance(b, document.Figure)]
    charts = [_chart(figure, room) for figure, room in zip(figures, rooms, strict=True)]
    return compiler.compile(format="pdf", sys_inputs=_inputs(blocks, title, footer, charts), pdf_standards=["ua-1"])


def _fonts() -> typst.Fonts:
    return typst.Fonts(include_system_fonts=False, include_embedded_fonts=False, font_paths=[str(FONTS)])


def _chart(figure: document.Figure, room_mm: float) -> dict:
    height = max(CHART_HEIGHTS[0], min(CHART_HEIGHTS[1], room_mm / 25.4))
    return {"svg": svg(figure.chart, CHART_WIDTH, height), "height": height * 25.4}


def _inputs(blocks: list[document.Block], title: str, footer: str, charts: list[dict] | None) -> dict[str, str]:
    """The document as report.typ reads it: JSON, each block with its kind (a chart drawn, or, on the
    first pass, only its text alternative)."""
    drawn = iter(charts or [])
    out = []
    for block in blocks:
        kind = type(block).__name__.lower()
        if isinstance(block, document.Figure):
            out.append({"kind": kind, "alt": block.alt, **(next(drawn) if charts is not None else {})})
        elif isinstance(block, document.Table):
            out.append({"kind": kind, "header": block.header, "rows": block.rows, "size": block.size,
                        "widths": block.widths,
                        "align": block.align or ["left"] + ["right"] * (len(block.header) - 1),
                        "strong": sorted(block.strong), "indented": sorted(block.indented)})
        else:
            out.append({"kind": kind, **dataclasses.asdict(block)})
    return {"document": json.dumps({"title": title, "footer": footer, "blocks": out}, ensure_ascii=False)}
