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
from hrdash.charts.trend import Lines, Trend
from hrdash.figures.compare import Funnel

KEPT = 256  # figures of each kind; a figure is a few tens of kB


def content_key(content: pd.DataFrame | Trend | Lines) -> str:
    """A frame's or a chart's content as a cache key: its pickle, digested, so that every field
    counts (a chart's series, target, control chart, labels…). A tenth of a millisecond for the
    pages' frames, where Streamlit's own hashing of a frame with text columns takes several."""
    return hashlib.md5(pickle.dumps(content, protocol=5), usedforsecurity=False).hexdigest()


BY_CONTENT = {pd.DataFrame: content_key, Trend: content_key, Lines: content_key, Funnel: content_key}


@st.cache_resource(show_spinner=False, max_entries=KEPT, hash_funcs=BY_CONTENT)
def trend(chart: Trend, max_ticks: int = 12, height: int = 430) -> go.Figure:
    return interactive.trend(chart, max_ticks, height)


@st.cache_resource(show_spinner=False, max_entries=KEPT, hash_funcs=BY_CONTENT)
def ranking(units: pd.DataFrame, indicator_id: str, reference: float | None, reference_label: str,
            highlight: str | None = None, target: float | None = None) -> go.Figure:
    return interactive.ranking(units, indicator_id, reference, reference_label, highlight, target)


@st.cache_resource(show_spinner=False, max_entries=KEPT, hash_funcs=BY_CONTENT)
def funnel(chart: Funnel) -> go.Figure:
    return interactive.funnel(chart)


@st.cache_resource(show_spinner=False, max_entries=KEPT, hash_funcs=BY_CONTENT)
def lines(series: pd.DataFrame, indicator_ids: list[str], title: str | None = None,
          labels: dict[str, str] | None = None, references: dict[str, float] | None = None,
          reference_label: str = "", tertials: bool = False) -> go.Figure:
    return interactive.lines(series, indicator_ids, title, labels, references, reference_label, tertials)


@st.cache_resource(show_spinner=False, max_entries=KEPT, hash_funcs=BY_CONTENT)
def projector(chart: Trend | Lines) -> go.Figure:
    """A slide's chart with type large enough for the back of a room (presentation mode)."""
    drawn = interactive.draw(chart, max_ticks=7) if isinstance(chart, Trend) else interactive.draw(chart)
    return interactive.projector(drawn)
