"""The pages' plotly charts (hrdash/charts/interactive.py), each built once per content and
shared by every session of the server.

Building a figure costs 10–20 ms of CPU, and a topic page draws four or five; the figures
follow from the data they are given, so they are kept by what they show: a new import, target
or period gives new figures, a page opened again by anyone gives the same ones. The figures are
shared, never changed: st.plotly_chart copies a figure before it serialises it.
"""

from __future__ import annotations

import hashlib
import pickle

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from hrdash.charts import interactive
from hrdash.charts.trend import Trend

KEPT = 256  # figures of each kind; a figure is a few tens of kB


def frame_key(frame: pd.DataFrame) -> str:
    """A frame's content as a cache key: its pickle, digested. A tenth of a millisecond for the
    pages' frames, where Streamlit's own hashing of a frame with text columns takes several."""
    return hashlib.md5(pickle.dumps(frame, protocol=5), usedforsecurity=False).hexdigest()


def trend_key(chart: Trend) -> tuple:
    return frame_key(chart.series), chart.indicator_id, chart.rolling_id, chart.target, chart.first


BY_CONTENT = {pd.DataFrame: frame_key, Trend: trend_key}


@st.cache_resource(show_spinner=False, max_entries=KEPT, hash_funcs=BY_CONTENT)
def trend(chart: Trend, max_ticks: int = 12, height: int = 430) -> go.Figure:
    return interactive.trend(chart, max_ticks, height)


@st.cache_resource(show_spinner=False, max_entries=KEPT, hash_funcs=BY_CONTENT)
def ranking(units: pd.DataFrame, indicator_id: str, reference: float | None, reference_label: str,
            highlight: str | None = None, target: float | None = None) -> go.Figure:
    return interactive.ranking(units, indicator_id, reference, reference_label, highlight, target)


@st.cache_resource(show_spinner=False, max_entries=KEPT, hash_funcs=BY_CONTENT)
def lines(series: pd.DataFrame, indicator_ids: list[str], title: str | None = None,
          labels: dict[str, str] | None = None) -> go.Figure:
    return interactive.lines(series, indicator_ids, title, labels)


@st.cache_resource(show_spinner=False, max_entries=KEPT, hash_funcs=BY_CONTENT)
def projector_trend(chart: Trend, max_ticks: int = 7) -> go.Figure:
    """A trend chart with type large enough for the back of a room (presentation mode)."""
    return interactive.projector(interactive.trend(chart, max_ticks=max_ticks))
