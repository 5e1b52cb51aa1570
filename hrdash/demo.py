"""Load the bundled demo spreadsheets through the same import path as an upload."""

from __future__ import annotations

from collections.abc import Iterator

import duckdb

from hrdash import store
from hrdash.database import PROJECT_ROOT
from hrdash.ingest import parse_file

DEMO_DIR = PROJECT_ROOT / "data" / "demo"
# The organisation first, then its change, then the figures; the latest month last.
DEMO_FILES = (
    "organisation.xlsx",
    "omorganisation_2025-07.csv",
    "sjukfranvaro_2023-11_2026-09.xlsx",
    "sjukfranvaro_2026-10.csv",
    "personalomsattning.xlsx",
    "vakanser.csv",
    "rekryteringsbehov.xlsx",
)


def is_empty(con: duckdb.DuckDBPyConnection) -> bool:
    return con.execute("SELECT count(*) FROM batches").fetchone()[0] == 0


def load(con: duckdb.DuckDBPyConnection, user: str) -> Iterator[str]:
    """Import every demo file; a file already imported unchanged is reported and skipped."""
    for name in DEMO_FILES:
        parsed = parse_file((DEMO_DIR / name).read_bytes(), name)
        try:
            batch = store.import_file(con, parsed, user)
        except store.ImportRefused as refused:
            yield f"{name}: {refused.problems[0]}"
            continue
        yield f"{name}: importerad som batch {batch.batch_id} ({batch.kind_names}, {batch.rows_text})."
