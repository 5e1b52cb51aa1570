"""Load the bundled demo spreadsheets through the same import path as an upload."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import duckdb

from hrdash import swedish
from hrdash.catalogue import BY_ID
from hrdash.errors import UserError
from hrdash.ingest.parse import parse_file
from hrdash.store import baselines, batches, targets, units
from hrdash.store.database import PROJECT_ROOT
from hrdash.store.queries import read

DEMO_DIR = PROJECT_ROOT / "data" / "demo"
# The organisation first, then its change, then the figures (the latest month last), then what was done.
DEMO_FILES = (
    "organisation.xlsx",
    "omorganisation_2025-07.csv",
    "sjukfranvaro_2023-11_2026-09.xlsx",
    "sjukfranvaro_2026-10.csv",
    "personalomsattning.xlsx",
    "vakanser.csv",
    "rekryteringsbehov.xlsx",
    "arenden.xlsx",
    "puls.csv",
    "avgangssamtal.xlsx",
    "atgarder.xlsx",
)


def is_empty(con: duckdb.DuckDBPyConnection) -> bool:
    return read(con, "batches", "count(*)").fetchone()[0] == 0


# The targets the demo administration has set for itself (the förvaltning's default).
DEMO_TARGETS = (("sick_leave_pct", 7.0), ("short_sick_leave_pct", 2.5), ("turnover_12m_pct", 15.0),
                ("vacancy_rate_pct", 3.0), ("caseload_per_worker", 13.0))
# Arbetsmarknadsinsatser moved from Ekonomiskt bistånd to Vuxen in July 2025: HR started the two
# avdelningar's baselines again from then. The first survey (T1 2024) is what the pulse answers
# are compared with.
DEMO_RESTARTS = (("Vuxen", dt.date(2025, 7, 1)), ("Ekonomiskt bistånd", dt.date(2025, 7, 1)))
DEMO_PULSE_BASELINE = dt.date(2024, 4, 1)


def load(con: duckdb.DuckDBPyConnection, user: str) -> Iterator[str]:
    """Import every demo file (a file imported before is reported and skipped, even the
    organisation file that its own reorganisation file has changed since), then set the demo
    targets if none are set."""
    for name in DEMO_FILES:
        parsed = parse_file((DEMO_DIR / name).read_bytes(), name, units=units.known(con))
        before = batches.imported_before(con, parsed.sha256)
        if before:
            yield f"{name}: redan importerad som import nr {before.batch_id}. Inget importerades igen."
            continue
        try:
            batch = batches.import_file(con, parsed, user)
        except UserError as refused:
            yield f"{name}: {refused.lines()[0]}"
            continue
        yield f"{name}: importerad som import nr {batch.batch_id} ({batch.kind_names}, {batch.rows_text})."
    if not targets.Targets(con):
        administration = read(con, "organisation_placements", "min(administration)").fetchone()[0]
        for indicator, value in DEMO_TARGETS:
            targets.set_target(con, indicator, "förvaltning", administration, value, user)
        yield "Mål satta för " + ", ".join(f"{BY_ID[i].label.lower()} (högst {swedish.number(v, 1)})" for i, v in DEMO_TARGETS) + "."
        for department, month in DEMO_RESTARTS:
            baselines.mark(con, baselines.SIGNALS, "avdelning", f"{administration} / {department}", month, user,
                           department)
        baselines.mark(con, baselines.PULSE, "förvaltning", administration, DEMO_PULSE_BASELINE, user, administration)
        yield (f"Styrdiagrammens baslinje startar om från {swedish.month_name(DEMO_RESTARTS[0][1])} för "
               f"{' och '.join(d for d, _ in DEMO_RESTARTS)}; pulsfrågorna jämförs med "
               f"{swedish.tertial_name(DEMO_PULSE_BASELINE)}.")
