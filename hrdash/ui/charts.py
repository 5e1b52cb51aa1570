"""The pages' plotly charts (hrdash/charts/interactive.py), each built once per content and
shared by every session of the server.

Building a figure costs 10–20 ms of CPU, and a topic page draws four or five; the figures
follow from the data they are given, so they are kept by what they show (Streamlit hashes the
frames and values): a new import, target or period gives new figures, a page opened again by
anyone gives the same ones. The figures are shared, never changed: st.plotly_chart copies a
figure before it serialises it, and `projector` makes its own.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from hrdash.charts import interactive
from hrdash.charts.trend import Trend

KEPT = 256  # figures of each kind; a figure is a few tens of kB


@st.cache_resource(show_spinner=False, max_entries=KEPT)
def trend(chart: Trend, max_ticks: int = 12, height: int = 430) -> go.Figure:
    return interactive.trend(chart, max_ticks, height)


@st.cache_resource(show_spinner=False, max_entries=KEPT)
def ranking(units: pd.DataFrame, indicator_id: str, reference: float | None, reference_label: str,
            highlight: str | None = None, target: float | None = None) -> go.Figure:
    return interactive.ranking(units, indicator_id, reference, reference_label, highlight, target)


@st.cache_resource(show_spinner=False, max_entries=KEPT)
def lines(series: pd.DataFrame, indicator_ids: list[str], title: str | None = None,
          labels: dict[str, str] | None = None) -> go.Figure:
    return interactive.lines(series, indicator_ids, title, labels)


@st.cache_resource(show_spinner=False, max_entries=KEPT)
def projector_trend(chart: Trend, max_ticks: int = 7) -> go.Figure:
    """A trend chart with type large enough for the back of a room (presentation mode)."""
    return interactive.projector(interactive.trend(chart, max_ticks=max_ticks))
