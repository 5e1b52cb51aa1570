"""Charts as PNG files for the PDF and PowerPoint exports, drawn by kaleido in Debian's chromium.

One kaleido browser is started per process on first use and kept: the app and the tests make
many reports, and starting chromium for each costs seconds."""

from __future__ import annotations

import atexit
import threading
import warnings
from pathlib import Path

import kaleido
import plotly.graph_objects as go
import plotly.io as pio

_started = threading.Lock()
_running = False


def write_png(figures: list[go.Figure], paths: list[Path], width: int, height: int) -> None:
    global _running
    with _started:
        if not _running:
            kaleido.start_sync_server(silence_warnings=True)
            atexit.register(kaleido.stop_sync_server, silence_warnings=True)
            _running = True
    with warnings.catch_warnings():  # plotly passes browser options that the running server already has
        warnings.filterwarnings("ignore", message="The kopts argument is ignored if using a server")
        pio.write_images(figures, paths, format="png", scale=2, width=width, height=height)
