"""The reports' charts drawn in-process with matplotlib, as SVG for the PDF (sharp at any zoom,
its text drawn as outlines) and PNG for PowerPoint: no browser is needed to make either. They keep the pages' look (hrdash/charts/style.py): the palette,
Swedish month names and decimal commas, the target dashed and labelled beside the plot."""

from __future__ import annotations

import io
import math
import threading

from matplotlib.figure import Figure  # a figure of its own, drawn to memory: no pyplot, no display
from matplotlib.ticker import FuncFormatter, MaxNLocator

from hrdash import swedish
from hrdash.catalogue import BY_ID
from hrdash.charts.style import (
    control_floor,
    short_title,
    target_label,
    AXIS,
    BETTER_SIGNAL,
    CENTRE,
    CONCERN,
    FAINT,
    GRID,
    IMPROVEMENT,
    INCOMPLETE,
    INK,
    LAST_YEAR,
    LIMITS,
    MAIN,
    MEASURE,
    NORMAL,
    PALETTE,
    ROLLING,
    SEASONAL_CENTRE,
    SEASONAL_NORMAL,
    SECOND,
    TARGET,
    WORSE_SIGNAL,
)
from hrdash.charts.trend import Lines, Trend
from hrdash.figures import signals

FONT = "DejaVu Sans"  # ships with matplotlib: å, ä, ö and the en dash
_lock = threading.Lock()  # matplotlib's font cache and text layout are not made for threads


def _month_index(month) -> int:
    return month.year * 12 + month.month - 1


def trend(chart: Trend, width: float, height: float, font_size: float = 9, dpi: int = 200,
          max_ticks: int = 7, format: str = "png") -> bytes:
    """A trend chart as a PNG (or SVG) of `width` × `height` inches. The x axis counts months, so a missing
    month is a gap in the line, as on the pages."""
    with _lock:
        return _saved(trend_figure(chart, width, height, font_size, dpi, max_ticks), format, dpi)


def trend_figure(chart: Trend, width: float, height: float, font_size: float = 9, dpi: int = 200,
                 max_ticks: int = 7) -> Figure:
    """The trend chart drawn, not yet saved (hold `_lock` while drawing and saving it)."""
    indicator_id = chart.indicator_id
    percent = BY_ID[indicator_id].unit == "%"
    series = chart.shown()
    months = list(series["month"])
    figure = Figure(figsize=(width, height), dpi=dpi)
    axes = figure.add_subplot()
    x = [_month_index(m) for m in months]
    last_year = chart.last_year()
    thin, thick = font_size / 5, font_size / 3.2
    if not last_year.empty:
        partial = chart.last_year_incomplete()
        ly = [_month_index(m) for m in last_year["month"]]
        axes.plot(ly, last_year["value"].where([not p for p in partial]), color=FAINT, linewidth=thin * 1.2,
                  label=LAST_YEAR)
        if any(partial):
            axes.scatter([v for v, p in zip(ly, partial) if p], last_year["value"][partial],
                         s=(font_size * 0.8) ** 2, facecolors="white", edgecolors=FAINT, linewidths=thin, zorder=3)
    incomplete = chart.incomplete()
    values = series[indicator_id]
    axes.plot(x, values.where([not i for i in incomplete]), color=MAIN, linewidth=thick, marker="o",
              markersize=font_size / 2.2, label=BY_ID[indicator_id].label)
    if any(incomplete):  # a month of only some units: a hollow point, not joined to the line
        axes.scatter([v for v, i in zip(x, incomplete) if i], values[incomplete], s=(font_size * 1.0) ** 2,
                     facecolors="white", edgecolors=MAIN, linewidths=thick * 0.6, zorder=4, label=INCOMPLETE)
    if chart.has_rolling():
        axes.plot(x, series[chart.rolling_id], color=SECOND, linewidth=thick * 0.85, label=ROLLING)
    limits = chart.limits()
    bands = chart.limit_lines()
    centre_name, normal_name = (SEASONAL_CENTRE, SEASONAL_NORMAL) if chart.seasonal else (CENTRE, NORMAL)
    if not bands.empty and x:
        bx = [_month_index(m) for m in bands["month"]] if chart.seasonal else [x[0], x[-1]]
        pick = (lambda c: list(bands[c])) if chart.seasonal else (lambda c: [bands[c].iloc[0]] * 2)
        axes.plot(bx, pick("centre"), color=LIMITS, linewidth=thin, label=centre_name)
        axes.plot(bx, pick("upper"), color=LIMITS, linewidth=thin, linestyle=":", label=normal_name)
        axes.plot(bx, pick("lower"), color=LIMITS, linewidth=thin, linestyle=":")
        worse_up = signals.worse_when_higher(indicator_id)
        for marked, name, symbol, colour in ((chart.concerns(worse_up), WORSE_SIGNAL, "^", CONCERN),
                                             (chart.improvements(worse_up), BETTER_SIGNAL, "v", IMPROVEMENT)):
            if marked:
                axes.scatter([_month_index(p.month) for p in marked], [p.value for p in marked],
                             s=(font_size * 1.5) ** 2, marker=symbol, color=colour, edgecolors="white",
                             linewidths=thin, label=name, zorder=5)
    marks = chart.marks()
    for row, mark in enumerate(marks):  # what was done: as on the pages, a dashed line and a diamond at its start
        at = _month_index(mark.month)
        axes.axvline(at, color=MEASURE, linewidth=thin, linestyle="-.", zorder=1)
        axes.scatter([at], [1], transform=axes.get_xaxis_transform(), marker="D", s=(font_size * 0.75) ** 2,
                     color=MEASURE, edgecolors="white", linewidths=thin * 0.5, zorder=6, clip_on=False)
        # Its title in the band kept free above the data, on white, reaching into the chart from the side
        # it stands nearest: never cut at the edge. Close marks take turns a row lower.
        right = bool(x) and at > (x[0] + x[-1]) / 2
        axes.annotate(short_title(mark.title, 34), xy=(at, 1), xycoords=("data", "axes fraction"),
                      xytext=(-font_size * 0.7 if right else font_size * 0.7, -font_size * (0.35 + 1.4 * (row % 2))),
                      textcoords="offset points", ha="right" if right else "left", va="top", color=MEASURE,
                      fontsize=font_size * 0.85, fontfamily=FONT, zorder=7,
                      bbox=dict(boxstyle="square,pad=0.15", facecolor="white", edgecolor="none"))
    if chart.target is not None:
        axes.axhline(chart.target, color=TARGET, linewidth=thin * 1.4, linestyle=(0, (4, 3)))
        # Beside the plot, at the right, where no line or point can run into it.
        axes.annotate(target_label(indicator_id, chart.target), xy=(1, chart.target),
                      xycoords=("axes fraction", "data"), xytext=(font_size / 2, 0), textcoords="offset points",
                      ha="left", va="center", color=TARGET, fontsize=font_size, fontfamily=FONT)
    _axes_style(axes, x, months, percent, font_size, max_ticks)
    drawn = [v for v in (*series[indicator_id], *(last_year["value"] if not last_year.empty else []),
                         *([chart.target] if chart.target is not None else []),
                         *(list(bands["upper"]) + list(bands["lower"]))) if v == v]
    top = max(drawn or [1])
    # A control chart shows its variation (the axis fits the data, within reason); any other starts at zero.
    bottom = control_floor(min(drawn), top) if limits and drawn else 0.0
    # Room above the data for the measures' titles (one row, or two where there are several).
    room = 0.12 + (0 if not marks else 0.2 if len(marks) == 1 else 0.34)
    axes.set_ylim(bottom, top + (top - bottom) * room if top > bottom else top + 1)
    handles, labels = axes.get_legend_handles_labels()
    order = [labels.index(name) for name in (LAST_YEAR, BY_ID[indicator_id].label, INCOMPLETE, ROLLING,
                                              centre_name, normal_name, WORSE_SIGNAL, BETTER_SIGNAL)
             if name in labels]
    # As many columns as the longest name leaves room for: a legend is never cut at the edge.
    widest = max((len(labels[i]) for i in order), default=1) * font_size * 0.55 / 72 + 0.6
    columns = max(1, min(len(order), 3 if width < 8 else 6, int(width // widest)))
    figure.legend([handles[i] for i in order], [labels[i] for i in order], loc="upper left", ncols=columns,
                  frameon=False, fontsize=font_size, prop={"family": FONT, "size": font_size},
                  bbox_to_anchor=(0, 1), borderaxespad=0.2, handlelength=1.8)
    rows = math.ceil(len(order) / columns)
    figure.tight_layout(rect=(0, 0, 1, 1 - rows * (font_size * 1.9) / (height * 72)))
    return figure


def lines(chart: Lines, width: float, height: float, font_size: float = 9, dpi: int = 200,
          max_ticks: int = 7, format: str = "png") -> bytes:
    """Several indicators as lines, each with its dotted reference line where given, as a PNG (or SVG)."""
    months = list(chart.series["month"])
    percent = all(BY_ID[i].unit == "%" for i in chart.indicator_ids)
    with _lock:
        figure = Figure(figsize=(width, height), dpi=dpi)
        axes = figure.add_subplot()
        x = [_month_index(m) for m in months]
        drawn = []
        for position, indicator_id in enumerate(chart.indicator_ids):
            colour = PALETTE[position % len(PALETTE)]
            name = chart.labels.get(indicator_id, BY_ID[indicator_id].label)
            values = list(chart.series[indicator_id])
            axes.plot(x, values, color=colour, linewidth=font_size / 3.5, marker="o", markersize=font_size / 2.6,
                      label=name)
            drawn += [v for v in values if v == v]
            reference = chart.references.get(indicator_id)
            if reference is not None and x:
                axes.plot([x[0], x[-1]], [reference] * 2, color=colour, linewidth=font_size / 6, linestyle=":",
                          label=f"{name}, {chart.reference_label}")
                drawn.append(reference)
        _axes_style(axes, x, months, percent, font_size, max_ticks, chart.tertials)
        axes.set_ylim(0, max(drawn or [1]) * 1.12)
        handles, labels = axes.get_legend_handles_labels()
        # As many columns as the longest name leaves room for: a legend is never cut at the edge.
        widest = max((len(label) for label in labels), default=1) * font_size * 0.55 / 72 + 0.6
        columns = max(1, min(3 if width < 8 else 6, int(width // widest)))
        figure.legend(handles, labels, loc="upper left", ncols=columns, frameon=False,
                      prop={"family": FONT, "size": font_size}, bbox_to_anchor=(0, 1), borderaxespad=0.2,
                      handlelength=1.8)
        rows = math.ceil(len(labels) / columns)
        figure.tight_layout(rect=(0, 0, 1, 1 - rows * (font_size * 1.9) / (height * 72)))
        return _saved(figure, format, dpi)


def png(chart: Trend | Lines, width: float, height: float, **options) -> bytes:
    """Either kind of chart as a PNG."""
    return (trend if isinstance(chart, Trend) else lines)(chart, width, height, **options)


def svg(chart: Trend | Lines, width: float, height: float, **options) -> str:
    """Either kind of chart as SVG text."""
    return (trend if isinstance(chart, Trend) else lines)(chart, width, height, format="svg", **options).decode()


def _saved(figure: Figure, format: str, dpi: int) -> bytes:
    out = io.BytesIO()
    if format == "svg":  # without a date or id, so the same chart gives the same bytes
        figure.savefig(out, format="svg", facecolor="white", metadata={"Date": None}, transparent=False)
    else:  # light compression: a report draws several charts, and a few kB more each do not matter
        figure.savefig(out, format="png", dpi=dpi, facecolor="white", pil_kwargs={"compress_level": 1})
    return out.getvalue()


def _axes_style(axes, x: list[int], months: list, percent: bool, font_size: float, max_ticks: int,
                tertials: bool = False) -> None:
    """Swedish month (or tertial) labels counted back from the latest; a decimal comma and % on the y axis."""
    for side in ("top", "right", "left"):
        axes.spines[side].set_visible(False)
    axes.spines["bottom"].set_color(AXIS)
    axes.grid(axis="y", color=GRID, linewidth=0.8)
    axes.set_axisbelow(True)
    axes.tick_params(axis="both", labelsize=font_size, colors=INK, length=0)
    axes.tick_params(axis="x", length=font_size / 3, color=AXIS)
    if x:
        step = max(1, math.ceil(len(x) / max_ticks))
        ticks = x[::-1][::step][::-1]
        name = swedish.tertial_name if tertials else (lambda m: swedish.month_name(m, short=True))
        labels = [name(months[x.index(t)]) for t in ticks]
        axes.set_xticks(ticks, labels, fontfamily=FONT)
        axes.set_xlim(x[0] - 0.6, x[-1] + 0.6)
    axes.yaxis.set_major_locator(MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10], min_n_ticks=3))

    def label(value: float, _position) -> str:
        decimals = 0 if float(value).is_integer() else 1
        return swedish.number(value, decimals) + (" %" if percent else "")

    axes.yaxis.set_major_formatter(FuncFormatter(label))
    for tick in axes.get_yticklabels():
        tick.set_fontfamily(FONT)
