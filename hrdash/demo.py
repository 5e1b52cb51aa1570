"""Load the bundled demo spreadsheets through the same import path as an upload."""

from __future__ import annotations

from collections.abc import Iterator

import duckdb

from hrdash import swedish
from hrdash.catalogue import BY_ID
from hrdash.errors import UserError
from hrdash.ingest.parse import parse_file
from hrdash.store import batches, targets
from hrdash.store.database import PROJECT_ROOT
from hrdash.store.queries import read

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
    return read(con, "batches", "count(*)").fetchone()[0] == 0


# The targets the demo administration has set for itself (the förvaltning's default).
DEMO_TARGETS = (("sick_leave_pct", 7.0), ("short_sick_leave_pct", 2.5), ("turnover_12m_pct", 15.0),
                ("vacancy_rate_pct", 3.0))


def load(con: duckdb.DuckDBPyConnection, user: str) -> Iterator[str]:
    """Import every demo file (a file already imported unchanged is reported and skipped), then
    set the demo targets if none are set."""
    for name in DEMO_FILES:
        parsed = parse_file((DEMO_DIR / name).read_bytes(), name)
        try:
            batch = batches.import_file(con, parsed, user)
        except UserError as refused:
            yield f"{name}: {refused.lines()[0]}"
            continue
        yield f"{name}: importerad som batch {batch.batch_id} ({batch.kind_names}, {batch.rows_text})."
    if not targets.Targets(con):
        administration = read(con, "organisation_placements", "min(administration)").fetchone()[0]
        for indicator, value in DEMO_TARGETS:
            targets.set_target(con, indicator, "förvaltning", administration, value, user)
        yield "Mål satta för " + ", ".join(f"{BY_ID[i].label.lower()} (högst {swedish.number(v, 1)})" for i, v in DEMO_TARGETS) + "."
