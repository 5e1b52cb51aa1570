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

# The card's change colours, dark enough for 3:1 against white (WCAG 1.4.11).
COLOURS = {"red": "#B42318", "green": "#067647", "gray": "#4B5563"}
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


def svg(indicator_id: str, values: list[float | None], months: list[dt.date], colour: str = "gray") -> str:
    """The sparkline: one line over the months, broken where a month has no value."""
    text = escape(description(indicator_id, values, months), quote=True)
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
    stroke = (f'fill="none" stroke="{COLOURS[colour]}" stroke-linejoin="round" stroke-linecap="round" '
              'vector-effect="non-scaling-stroke"')
    # A month alone between gaps is a dot: a line of no length with round ends.
    lines = "".join(f'<polyline points="{" ".join(points)}" stroke-width="2.5" {stroke}/>' if len(points) > 1
                    else f'<polyline points="{points[0]} {points[0]}" stroke-width="5" {stroke}/>'
                    for points in segments)
    return (f'<svg class="hrdash-sparkline" role="img" aria-label="{text}" viewBox="0 0 {WIDTH} {HEIGHT}" '
            f'preserveAspectRatio="none" width="100%" height="{HEIGHT}" xmlns="http://www.w3.org/2000/svg">'
            f'<title>{text}</title>{lines}</svg>')
