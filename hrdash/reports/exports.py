"""Write a report to a file by its suffix: .pdf, .xlsx or .pptx. Shared by the CLI and the app."""

from __future__ import annotations

import datetime as dt
import re

from typing import TYPE_CHECKING

from hrdash.errors import UserError
from hrdash.figures.groups import Group

if TYPE_CHECKING:
    from hrdash.reports.model import Report

SUFFIXES = ("pdf", "xlsx", "pptx")


def render(report: Report, suffix: str) -> bytes:
    # Each format's library is loaded when that format is asked for: a workbook needs no charts.
    suffix = suffix.lower().lstrip(".")
    if suffix == "pdf":
        from hrdash.reports import pdf

        return pdf.render(report)
    if suffix == "xlsx":
        from hrdash.reports import workbook

        return workbook.render(report)
    if suffix == "pptx":
        from hrdash.reports import slides

        return slides.render_pptx(slides.build(report))
    raise UserError(f"Rapporten kan skrivas som {', '.join('.' + s for s in SUFFIXES)}, inte som .{suffix}.")


def file_name(group: Group, month: dt.date, suffix: str) -> str:
    """'hr-nyckeltal_2026-10_socialforvaltningen.pdf'."""
    slug = re.sub(r"[^a-z0-9]+", "-", group.name.lower().translate(str.maketrans("åäöé", "aaoe"))).strip("-")
    return f"hr-nyckeltal_{month:%Y-%m}_{slug or 'rapport'}.{suffix}"
