"""A card's 12-month sparkline as a small SVG with its text alternative: what a screen reader
reads and a mouse pointer shows ("lägst 6,2 % i juli 2026, högst 8,7 % i januari 2026 …"), in
Swedish formats. Streamlit's own sparkline (st.metric's chart) has neither: it names itself
"Vega visualization" and each point "x: 0; y: 11.5944700461"."""

from __future__ import annotations

import datetime as dt
from html import escape

from hrdash import swedish
from hrdash.catalogue import BY_ID
from hrdash.figures.format import format_value

# One neutral colour, whatever the month's change: the line says where the figure went, and the card's
# words say whether that is good (a red line falling from 8,9 % to 3,1 % read as "bad"). Dark enough for
# 3:1 against white (WCAG 1.4.11). The last month is marked with a dot.
LINE = "#0072B2"
WIDTH, HEIGHT, PAD = 300, 64, 4


def description(indicator_id: str, values: list[float | None], months: list[dt.date], label: str | None = None,
                when=swedish.month_name) -> str:
    """In words, what the sparkline draws (also each line of a chart: hrdash/charts/trend.py); `when`
    names a point's month (or, for a survey, its tertial)."""
    label = label or BY_ID[indicator_id].label
    known = [(value, month) for value, month in zip(values, months) if value is not None]
    span = f"{when(months[0])}–{when(months[-1])}"
    if not known:
        return f"{label}, {span}: inga uppgifter."
    low = min(known, key=lambda pair: pair[0])
    high = max(known, key=lambda pair: pair[0])
    first, last = known[0], known[-1]
    if len(known) == 1:
        text = f"{label}, {span}: {format_value(indicator_id, first[0])} i {when(first[1])}."
    else:
        text = (f"{label}, {span}: från {format_value(indicator_id, first[0])} i {when(first[1])} "
                f"till {format_value(indicator_id, last[0])} i {when(last[1])}; "
                f"lägst {format_value(indicator_id, low[0])} i {when(low[1])}, "
                f"högst {format_value(indicator_id, high[0])} i {when(high[1])}.")
    missing = len(values) - len(known)
    if missing:
        text += f" {missing} av {len(values)} {'mätningar' if when is swedish.tertial_name else 'månader'} saknar uppgift."
    return text


def svg(indicator_id: str, values: list[float | None], months: list[dt.date]) -> str:
    """The sparkline: one line over the months in one neutral colour, broken where a month has no value,
    its last month marked with a dot."""
    said = description(indicator_id, values, months)
    if sum(v is not None for v in values) > 1:
        said += " Den senaste månaden är markerad med en punkt."
    text = escape(said, quote=True)
    end = ""
    known = [v for v in values if v is not None]
    segments: list[list[str]] = []
    if known:
        low, high = min(known), max(known)
        step = (WIDTH - 2 * PAD) / max(len(values) - 1, 1)
        current: list[str] = []
        for position, value in enumerate(values):
            if value is None:
                if current:
                    segments.append(current)
                current = []
                continue
            y = HEIGHT / 2 if high == low else HEIGHT - PAD - (value - low) / (high - low) * (HEIGHT - 2 * PAD)
            current.append(f"{PAD + position * step:.1f},{y:.1f}")
        if current:
            segments.append(current)
        end = segments[-1][-1]
    stroke = (f'fill="none" stroke="{LINE}" stroke-linejoin="round" stroke-linecap="round" '
              'vector-effect="non-scaling-stroke"')
    # A month alone between gaps is a dot: a line of no length with round ends.
    lines = "".join(f'<polyline points="{" ".join(points)}" stroke-width="2.5" {stroke}/>' if len(points) > 1
                    else f'<polyline points="{points[0]} {points[0]}" stroke-width="5" {stroke}/>'
                    for points in segments)
    if end and len(known) > 1:  # the last month: a larger dot on the line
        lines += f'<polyline class="last" points="{end} {end}" stroke-width="8" {stroke}/>'
    return (f'<svg class="hrdash-sparkline" role="img" aria-label="{text}" viewBox="0 0 {WIDTH} {HEIGHT}" '
            f'preserveAspectRatio="none" width="100%" height="{HEIGHT}" xmlns="http://www.w3.org/2000/svg">'
            f'<title>{text}</title>{lines}</svg>')
