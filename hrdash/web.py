"""What every page shares: one DuckDB connection per server process, a cursor per script run."""

from __future__ import annotations

import duckdb
import streamlit as st

from hrdash import database


@st.cache_resource
def _connection(path: str) -> duckdb.DuckDBPyConnection:
    # The schema and views are created here, once, before any page runs concurrently.
    return database.connect(path)


def cursor() -> duckdb.DuckDBPyConnection:
    """A cursor on the shared connection; DuckDB cursors are safe to use one per thread."""
    return _connection(str(database.default_path())).cursor()
