"""The pages' charts, drawn with one plotly template: Swedish separators and month names, a
colour-blind-safe palette, dashed targets, type large enough for a projector."""

from __future__ import annotations

import copy
import datetime as dt
import html
import math

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from hrdash import swedish
from hrdash.catalogue import BY_ID
from hrdash.charts.style import (
    control_floor,
    short_title,
    target_label,
    BETTER_COMPARED,
    BETTER_SIGNAL,
    CENTRE,
    CONCERN,
    FAINT,
    FUNNEL_BAND,
    IMPROVEMENT,
    INCOMPLETE,
    INK,
    LAST_YEAR,
    LIMITS,
    MAIN,
    MEASURE,
    MEASURES,
    NORMAL,
    PALETTE,
    ROLLING,
    SEASONAL_CENTRE,
    SEASONAL_NORMAL,
    SECOND,
    TARGET,
    WORSE_COMPARED,
    WORSE_SIGNAL,
)
from hrdash.charts.trend import Lines, Trend, describe
from hrdash.figures import compare, readings, signals
from hrdash.figures.compare import Funnel
from hrdash.figures.format import beside_label, format_value, target_status

# A font the browser has without loading it, so plotly measures legends and labels right.
FONT = "Arial, Liberation Sans, Helvetica, DejaVu Sans, sans-serif"

pio.templates["hrdash"] = go.layout.Template(
    layout=go.Layout(
        font=dict(family=FONT, size=16, color="#1F2328"),
        colorway=PALETTE,
        separators=", ",  # decimal comma, space between thousands (from four digits: separatethousands)
        paper_bgcolor="white",
        plot_bgcolor="white",
        margin=dict(l=10, r=30, t=50, b=10),
        dragmode=False,  # no zooming by mouse alone: there is no toolbar to zoom back out with
        hoverlabel=dict(font_size=16, font_family=FONT),
        legend=dict(orientation="h", yanchor="bottom", y=1.02, xanchor="left", x=0, font_size=15),
        xaxis=dict(showgrid=False, linecolor="#6B7280", ticks="outside", tickfont_size=15, automargin=True,
                   separatethousands=True),
        yaxis=dict(gridcolor="#E5E7EB", zeroline=True, zerolinecolor="#9CA3AF", tickfont_size=15, rangemode="tozero",
                   automargin=True, separatethousands=True),
    )
)


def _month_axis(figure: go.Figure, months: list[dt.date], max_ticks: int = 12, tertials: bool = False) -> None:
    """Swedish month labels (or tertials: 'T1 2025') on a date axis, counted back from the latest."""
    months = sorted(set(months))
    if not months:
        return
    step = max(1, math.ceil(len(months) / max_ticks))
    ticks = months[::-1][::step][::-1]
    figure.update_xaxes(
        tickvals=ticks,
        ticktext=[swedish.tertial_name(m) if tertials else _month_tick(m, None if i == 0 else ticks[i - 1])
                  for i, m in enumerate(ticks)],
        tickangle=0,
        range=[months[0] - dt.timedelta(days=20), months[-1] + dt.timedelta(days=20)],
    )


def _month_tick(month: dt.date, before: dt.date | None) -> str:
    """'apr', with the year below it where the year begins on the axis ('jan<br>2026'): short
    labels that never run together."""
    name = swedish.MONTHS_SHORT[month.month - 1]
    return name if before is not None and before.year == month.year else f"{name}<br>{month.year}"


def _hover(indicator_id: str, values: pd.Series, months: pd.Series, notes: pd.Series | None = None,
           tertials: bool = False) -> list[str]:
    texts = []
    for position, (month, value) in enumerate(zip(months, values)):
        note = "" if notes is None else notes.iloc[position]
        when = swedish.tertial_name(month) if tertials else swedish.month_name(month)
        texts.append(f"{when}: {format_value(indicator_id, value)}" + (f"<br>{note}" if note else ""))
    return texts


def trend(chart: Trend, max_ticks: int = 12, height: int = 430) -> go.Figure:
    """A trend chart (see hrdash/charts/trend.py) for the pages. A month that covers only some of
    the units is a hollow point outside the line, never joined to it as if it were complete."""
    indicator_id = chart.indicator_id
    figure = go.Figure(layout=dict(template="hrdash", height=height, meta={"description": describe(chart)}))
    series = chart.shown()
    months = series["month"]
    incomplete = chart.incomplete()
    last_year = chart.last_year()
    if not last_year.empty:
        partial = chart.last_year_incomplete()
        hover = [f"Föregående år, {t}" for t in _hover(indicator_id, last_year["value"], last_year["actual"])]
        figure.add_scatter(
            x=last_year["month"], y=last_year["value"].where([not p for p in partial]), name=LAST_YEAR,
            mode="lines", line=dict(color=FAINT, width=2), hoverinfo="text", hovertext=hover, connectgaps=False,
        )
        if any(partial):
            figure.add_scatter(
                x=last_year["month"][partial], y=last_year["value"][partial], mode="markers", showlegend=False,
                marker=dict(size=7, symbol="circle-open", color=FAINT, line=dict(width=1.5)), hoverinfo="text",
                hovertext=[h for h, p in zip(hover, partial) if p],
            )
    values = series[indicator_id]
    hover = _hover(indicator_id, values, months, series.get(f"note_{indicator_id}"))
    figure.add_scatter(
        x=months, y=values.where([not i for i in incomplete]), name=BY_ID[indicator_id].label, mode="lines+markers",
        line=dict(color=MAIN, width=3.5), marker=dict(size=8), connectgaps=False,
        hoverinfo="text", hovertext=hover,
    )
    if any(incomplete):
        figure.add_scatter(
            x=months[incomplete], y=values[incomplete], name=INCOMPLETE, mode="markers",
            marker=dict(size=11, symbol="circle-open", color=MAIN, line=dict(width=2.5)), hoverinfo="text",
            hovertext=[h for h, i in zip(hover, incomplete) if i],
        )
    if chart.has_rolling():
        rolling_id = chart.rolling_id
        figure.add_scatter(
            x=months, y=series[rolling_id], name=ROLLING, mode="lines",
            line=dict(color=SECOND, width=3), hoverinfo="text",
            hovertext=_hover(rolling_id, series[rolling_id], months, series.get(f"note_{rolling_id}")),
        )
    bands = chart.limit_lines()
    if not bands.empty:
        centre_name, normal_name = (SEASONAL_CENTRE, SEASONAL_NORMAL) if chart.seasonal else (CENTRE, NORMAL)
        for column, name, dash in (("upper", normal_name, "dot"), ("lower", normal_name, "dot"),
                                   ("centre", centre_name, "solid")):
            # A flat line spans the chart; a seasonal one follows the months, the normal for each.
            x = list(bands["month"]) if chart.seasonal else [min(months), max(months)]
            y = list(bands[column]) if chart.seasonal else [bands[column].iloc[0]] * 2
            word = {"upper": "övre gräns", "lower": "nedre gräns", "centre": "mittlinje"}[column]
            figure.add_scatter(
                x=x, y=y, mode="lines", name=name, line=dict(color=LIMITS, width=1.5, dash=dash, shape="linear"),
                showlegend=column != "lower", legendgroup=name, hoverinfo="text",
                hovertext=[f"{swedish.month_name(m)}: {word} {format_value(indicator_id, v)}" if chart.seasonal
                           else f"{name}: {format_value(indicator_id, v)}" for m, v in zip(x, y)],
            )
        worse_up = signals.worse_when_higher(indicator_id)
        for marked, name, symbol, colour in ((chart.concerns(worse_up), WORSE_SIGNAL, "triangle-up", CONCERN),
                                             (chart.improvements(worse_up), BETTER_SIGNAL, "triangle-down",
                                              IMPROVEMENT)):
            if not marked:
                continue
            figure.add_scatter(
                x=[p.month for p in marked], y=[p.value for p in marked], mode="markers", name=name,
                marker=dict(size=15, symbol=symbol, color=colour, line=dict(width=1.5, color="white")),
                hoverinfo="text",
                hovertext=[f"{swedish.month_name(p.month)}: {format_value(indicator_id, p.value)}<br>"
                           + "<br>".join(readings.rule_texts(p, indicator_id)) for p in marked],
            )
    marks = chart.marks()
    low, high = _value_range(chart, series, last_year, bands)
    if marks:
        _measure_marks(figure, chart, marks, series, low, high)
    elif not bands.empty:  # a control chart shows its variation: the axis fits the data, within reason
        figure.update_yaxes(range=[low, high + ((high - low) or 1.0) * 0.08], autorange=False)
    if chart.target is not None:
        figure.add_hline(
            y=chart.target, line=dict(color=TARGET, width=2.5, dash="dash"),
            annotation_text=target_label(indicator_id, chart.target), annotation_position="top left",
            annotation_font=dict(color=TARGET, size=15),
        )
    _month_axis(figure, list(months), max_ticks)
    if BY_ID[indicator_id].unit == "%":
        figure.update_yaxes(ticksuffix=" %")
    elif BY_ID[indicator_id].unit == "kr":  # '500 000 kr', never plotly's '500k' or '0,5M'
        figure.update_yaxes(ticksuffix=" kr", exponentformat="none", separatethousands=True)
    else:  # counts: '1 200', never '1200' (plotly separates only from five digits)
        figure.update_yaxes(exponentformat="none", separatethousands=True)
    return figure


def _value_range(chart: Trend, series: pd.DataFrame, last_year: pd.DataFrame,
                 bands: pd.DataFrame) -> tuple[float, float]:
    """The lowest and highest the y axis must show: everything drawn, from zero unless it is a control chart."""
    indicator_id = chart.indicator_id
    drawn = [float(v) for v in (*series[indicator_id], *(series[chart.rolling_id] if chart.has_rolling() else []),
                                *(last_year["value"] if not last_year.empty else []),
                                *([chart.target] if chart.target is not None else []),
                                *(list(bands["upper"]) + list(bands["lower"]) if not bands.empty else []))
             if v is not None and v == v]
    high = max(drawn) if drawn else 1.0
    if not drawn or bands.empty:
        return min(0.0, *drawn) if drawn else 0.0, high
    return control_floor(min(drawn), high), high


def _measure_marks(figure: go.Figure, chart: Trend, marks, series: pd.DataFrame, low: float, high: float) -> None:
    """What was done: a dashed line at each measure's start month and a diamond in a band kept free above
    the data, its title beside it on white (reaching into the chart from the side it stands nearest, so
    that it is never cut), the whole title and what the measure is on hover. Close marks take turns a row
    lower."""
    span = (high - low) or abs(high) or 1.0
    rows = 1 if len(marks) == 1 else 2
    at = [high + span * (0.14 + 0.13 * (rows - 1 - i % rows)) for i in range(len(marks))]
    months = list(series["month"])
    middle = months[0] + (months[-1] - months[0]) / 2 if months else None
    for mark, y in zip(marks, at):
        figure.add_vline(x=mark.month, line=dict(color=MEASURE, width=1.5, dash="dashdot"), layer="below")
        right = middle is not None and mark.month > middle
        figure.add_annotation(x=mark.month, y=y, text=html.escape(short_title(mark.title, 40)), showarrow=False,
                              xanchor="right" if right else "left", xshift=-10 if right else 10, yanchor="middle",
                              font=dict(size=14, color=MEASURE), bgcolor="white", borderpad=2,
                              hovertext=mark.detail, name=MEASURES)
    figure.add_scatter(
        x=[m.month for m in marks], y=at, mode="markers", name=MEASURES,
        marker=dict(symbol="diamond", size=12, color=MEASURE, line=dict(width=1, color="white")),
        hoverinfo="text", hovertext=[m.detail for m in marks], cliponaxis=False,
    )
    figure.update_yaxes(range=[low, high + span * (0.14 + 0.13 * rows)], autorange=False)


def projector(figure: go.Figure) -> go.Figure:
    """A chart with type large enough for the back of a room."""
    big = copy.deepcopy(figure)
    big.update_layout(font_size=22, legend_font_size=20, height=360, width=1180, margin=dict(t=50, b=10, l=10, r=30))
    big.update_xaxes(tickfont_size=20)
    big.update_yaxes(tickfont_size=20)
    for trace in big.data:
        if getattr(trace, "line", None) is not None and trace.line.width:
            trace.line.width = trace.line.width + 1.5
    return big


def lines(series: pd.DataFrame, indicator_ids: list[str], title: str | None = None,
          labels: dict[str, str] | None = None, references: dict[str, float] | None = None,
          reference_label: str = "", tertials: bool = False) -> go.Figure:
    """Several indicators over the months (or survey tertials), one line each: a breakdown
    (women/men, age groups, the pulse questions…), each with a dotted reference line where given."""
    said = describe(Lines(series, tuple(indicator_ids), labels or {}, references or {}, reference_label, tertials))
    figure = go.Figure(layout=dict(template="hrdash", title=title, height=380, meta={"description": said}))
    for position, indicator_id in enumerate(indicator_ids):
        name = (labels or {}).get(indicator_id, BY_ID[indicator_id].label)
        figure.add_scatter(
            x=series["month"], y=series[indicator_id], name=name, mode="lines+markers",
            line=dict(color=PALETTE[position % len(PALETTE)], width=3), marker=dict(size=7),
            hoverinfo="text", hovertext=[f"{name}, {t}" for t in _hover(indicator_id, series[indicator_id],
                                                                        series["month"], tertials=tertials)],
        )
        reference = (references or {}).get(indicator_id)
        if reference is not None and len(series):
            figure.add_scatter(
                x=[series["month"].min(), series["month"].max()], y=[reference, reference], mode="lines",
                name=f"{name}, {reference_label}", line=dict(color=PALETTE[position % len(PALETTE)], width=2,
                                                               dash="dot"),
                hoverinfo="text", hovertext=[f"{name}, {reference_label}: {format_value(indicator_id, reference)}"] * 2,
            )
    _month_axis(figure, list(series["month"]), tertials=tertials)
    if all(BY_ID[i].unit == "%" for i in indicator_ids):
        figure.update_yaxes(ticksuffix=" %")
    elif all(BY_ID[i].unit == "kr" for i in indicator_ids):
        figure.update_yaxes(ticksuffix=" kr", exponentformat="none", separatethousands=True)
    elif all(BY_ID[i].unit == "1–5" for i in indicator_ids):  # a mean on the answers' scale: 1 to 5, never from 0
        figure.update_yaxes(range=[0.9, 5.1], tickvals=[1, 2, 3, 4, 5], rangemode="normal", zeroline=False)
    elif not any(BY_ID[i].unit == "%" for i in indicator_ids):  # counts: '1 200', never '1200'
        figure.update_yaxes(exponentformat="none", separatethousands=True)
    return figure


def ranking(units: pd.DataFrame, indicator_id: str, reference: float | None, reference_label: str,
            highlight: str | None = None, target: float | None = None) -> go.Figure:
    """The units of a group for one month, largest first, with the group's value as a line.
    `units` has columns name, value and note (suppression reason or coverage)."""
    ordered = units.sort_values("value", ascending=True, na_position="first")
    labels = [beside_label(indicator_id, v) if v == v and v is not None else f"– {note.lower()}"
              for v, note in zip(ordered["value"], ordered["note"])]
    over = [target is not None and v == v and v is not None and target_status(indicator_id, v, target)[1] is False
            for v in ordered["value"]]
    figure = go.Figure(layout=dict(template="hrdash", height=max(260, 44 * len(ordered) + 90), barmode="overlay"))
    # Over its target a bar is hatched as well as coloured (never colour alone); the unit chosen in the
    # sidebar has a dark outline. Each figure has a halo, so that no line crosses it out.
    status = target_status(indicator_id, None, target)[0].removeprefix("Mål: ") if target is not None else ""
    higher_is_worse = BY_ID[indicator_id].higher_is_worse is not False
    for is_over, name, colour, pattern in ((False, f"{'Inom' if higher_is_worse else 'Når'} målet ({status})", MAIN, ""),
                                           (True, f"{'Över' if higher_is_worse else 'Under'} målet ({status})", CONCERN,
                                            "/")):
        rows = [i for i, o in enumerate(over) if o is is_over]
        if not rows:
            continue
        these = ordered.iloc[rows]
        figure.add_bar(
            x=these["value"].fillna(0), y=these["name"], orientation="h", name=name, showlegend=target is not None,
            marker=dict(color=colour, pattern=dict(shape=pattern, fgcolor="white", size=8, solidity=0.3,
                                                   fillmode="overlay"),
                        line=dict(width=[3 if n == highlight else 0 for n in these["name"]], color=INK)),
            hoverinfo="text", hovertext=[f"{n}: {labels[i]}" for n, i in zip(these["name"], rows)],
        )
    for (name, value), label in zip(zip(ordered["name"], ordered["value"]), labels):
        figure.add_annotation(x=value if value == value and value is not None else 0, y=name, text=label,
                              xanchor="left", xshift=4, showarrow=False, font=dict(size=15, color=INK),
                              bgcolor="rgba(255,255,255,0.9)", borderpad=1)
    figure.update_yaxes(categoryorder="array", categoryarray=list(ordered["name"]))
    if target is not None:
        # Below the axis's figures: 36 px under the plot area (its height is the figure's less the margins).
        figure.update_layout(legend=dict(orientation="h", yanchor="top", y=-36 / (figure.layout.height - 130), x=0,
                                         xanchor="left"))
    # The labels of the lines sit above the bars, each reaching away from the other line.
    target_first = target is not None and reference is not None and target < reference
    # The lines run behind the bars and their figures, so that no figure is crossed out.
    if reference is not None:
        figure.add_vline(x=reference, line=dict(color="#1F2328", width=2), layer="below")
        figure.add_annotation(x=reference, y=1, yref="paper", yanchor="bottom", showarrow=False,
                              xanchor="left" if target_first else "right", font=dict(size=15),
                              text=f"{reference_label} {beside_label(indicator_id, reference)}")
    if target is not None:
        figure.add_vline(x=target, line=dict(color=TARGET, width=2, dash="dash"), layer="below")
        figure.add_annotation(x=target, y=1, yref="paper", yanchor="bottom", showarrow=False,
                              xanchor="right" if target_first else "left", font=dict(size=15, color=TARGET),
                              text=f"Mål {beside_label(indicator_id, target)}")
    figure.update_layout(margin=dict(l=10, r=140, t=60, b=70 if target is not None else 10))
    figure.update_yaxes(automargin=True, tickfont_size=16)
    figure.update_xaxes(showgrid=False, rangemode="tozero", ticksuffix=" %" if BY_ID[indicator_id].unit == "%" else "")
    return figure


def draw(chart: Trend | Lines, **options) -> go.Figure:
    """Either kind of chart of the report (hrdash/charts/trend.py), for a page."""
    if isinstance(chart, Trend):
        return trend(chart, **options)
    return lines(chart.series, list(chart.indicator_ids), labels=chart.labels, references=chart.references,
                 reference_label=chart.reference_label, tertials=chart.tertials)


def funnel(chart: Funnel, height: int = 430) -> go.Figure:
    """A funnel plot: each group's figure against its size, the whole's figure across, and the limits of
    what chance gives a group of each size (95 % and 99,8 %) as a funnel around it. A hidden figure is
    not drawn; a group outside the funnel is a triangle, up or down, in the colour of its side."""
    indicator_id = chart.indicator_id
    said = describe_funnel(chart)
    figure = go.Figure(layout=dict(template="hrdash", height=height, meta={"description": said}))
    curve = chart.curve()
    for column, name, dash in (("upper998", "99,8 % av vad slumpen ger", "dot"), ("upper95", "95 % av vad slumpen ger",
                                                                               "dash"),
                               ("lower95", "95 % av vad slumpen ger", "dash"), ("lower998", "99,8 % av vad slumpen ger",
                                                                               "dot")):
        # The 95 % band shaded: a small group's point sits visibly inside it even where its limit runs off the top.
        figure.add_scatter(x=curve["n"], y=curve[column], mode="lines", name=name, legendgroup=name,
                           showlegend=column.startswith("upper"), line=dict(color=LIMITS, width=1.5, dash=dash),
                           fill="tonexty" if column == "lower95" else None, fillcolor=FUNNEL_BAND, hoverinfo="skip")
    if chart.target is not None and not curve.empty:
        figure.add_scatter(x=[curve["n"].min(), curve["n"].max()], y=[chart.target] * 2, mode="lines",
                           name=f"{chart.parent} {format_value(indicator_id, chart.target)}",
                           line=dict(color=INK, width=2), hoverinfo="skip")
    rows = chart.rows[chart.rows["value"].notna()]
    kinds = ((True, WORSE_COMPARED, "triangle-up" if compare.worse_when_higher(indicator_id) else "triangle-down",
              CONCERN),
             (False, BETTER_COMPARED, "triangle-down" if compare.worse_when_higher(indicator_id) else "triangle-up",
              IMPROVEMENT),
             (None, "Inom det förväntade", "circle", MAIN))
    for worse, name, symbol, colour in kinds:
        these = rows[[readings.verdict_is_worse(indicator_id, v) is worse for v in rows["verdict"]]]
        if these.empty:
            continue
        figure.add_scatter(
            x=these["n"], y=these["value"], mode="markers", name=name,
            marker=dict(size=[17 if u == chart.highlight else 12 for u in these["unit"]], symbol=symbol, color=colour,
                        line=dict(width=[3 if u == chart.highlight else 1 for u in these["unit"]],
                                  color=[INK if u == chart.highlight else "white" for u in these["unit"]])),
            hoverinfo="text",
            hovertext=[f"{u}: {format_value(indicator_id, v)}, {readings.size_words(indicator_id, n)}<br>"
                       f"{readings.verdict_words(d, chart.level, chart.parent_level)}"
                       for u, v, n, d in zip(these["unit"], these["value"], these["n"], these["verdict"])],
        )
    figure.update_xaxes(title_text=f"Storlek ({readings.SIZE_WORDS.get(indicator_id, 'svar')})", rangemode="tozero")
    # The figures, not the far ends of the funnel, decide the scale: for small groups the limits run off the top.
    highest = max([*rows["value"].dropna(), chart.target or 0])
    top = min(float(curve["upper998"].max()) if not curve.empty else 100.0, max(highest * 1.6, (chart.target or 0) * 2.5))
    # …but the funnel itself shows, at least where it is narrowest (the largest group's size).
    if not curve.empty and not rows.empty:
        narrowest = curve[curve["n"] >= rows["n"].max()]["upper95"]
        if not narrowest.empty:
            top = max(top, min(float(narrowest.iloc[0]) * 1.1, 100.0))
    figure.update_yaxes(title_text=BY_ID[indicator_id].sheet_label, range=[0, max(top, highest * 1.1, 1.0)],
                        ticksuffix=" %")
    return figure


def describe_funnel(chart: Funnel) -> str:
    """The funnel in words for a screen reader: what is compared, the whole, and who is outside."""
    indicator_id = chart.indicator_id
    whole = readings.PARENTS.get(chart.parent_level, "helheten")
    shown = chart.rows[chart.rows["value"].notna()]
    outside = [f"{u} {format_value(indicator_id, v)} ({readings.verdict_words(d, chart.level, chart.parent_level)})"
               for u, v, d in zip(shown["unit"], shown["value"], shown["verdict"]) if d not in (None, compare.WITHIN)]
    text = (f"Trattdiagram: {BY_ID[indicator_id].label} för {len(shown)} grupper mot deras storlek, jämfört med "
            f"{whole} {format_value(indicator_id, chart.target)}. ")
    return text + (f"Utanför det förväntade: {', '.join(outside)}." if outside
                   else "Alla ligger inom det förväntade för sin storlek.")
