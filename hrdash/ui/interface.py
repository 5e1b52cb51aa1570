"""Streamlit's own interface in the browser, made to serve everything from hrdash itself.

The tab's icon is FAVICON, sent inline with the page, instead of a Material icon that Streamlit's
browser code fetches from Google's font servers (which a municipality's network may block, and
which hands the visitor's address to a third party).
"""

from __future__ import annotations

from pathlib import Path

FAVICON = Path(__file__).with_name("favicon.svg")
