"""Which kinds of figures managers report themselves on Min del, as HR decides: the month's caseload
and the tertial's pulse answers from the start (seed 004: reported "till avdelningschef (förslagsvis
varje tertial)"), vacancies and recruitment when HR opens them. Sick leave and turnover come from the
payroll system, never from a form. Stored append-only (the latest change holds) and audited."""

from __future__ import annotations

import datetime as dt

import duckdb

from hrdash.errors import UserError
from hrdash.ingest.columns import CASELOAD, PULSE, RECRUITMENT, VACANCIES
from hrdash.store import audit
from hrdash.store.queries import read

# What a manager may be asked to report, in the order Min del shows them, and what is open by default.
OFFERED = {CASELOAD.id: "Ärenden", PULSE.id: "Pulsfrågor", VACANCIES.id: "Vakanser",
           RECRUITMENT.id: "Rekryteringsbehov"}
OPEN_BY_DEFAULT = frozenset({CASELOAD.id, PULSE.id})


def opened(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The kinds managers report now, in OFFERED's order."""
    changed = dict(read(con, "current_manager_reports", "kind, opened").fetchall())
    return [kind for kind in OFFERED if changed.get(kind, kind in OPEN_BY_DEFAULT)]


def change(con: duckdb.DuckDBPyConnection, kinds: list[str], user: str) -> None:
    """Open exactly `kinds` for managers (the others closed); each change is logged."""
    unknown = [k for k in kinds if k not in OFFERED]
    if unknown:
        raise UserError(f"Chefer kan inte rapportera {', '.join(unknown)} själva. Välj bland: "
                        f"{', '.join(OFFERED.values())}.")
    now = opened(con)
    for kind, name in OFFERED.items():
        wanted = kind in kinds
        if wanted != (kind in now):
            con.execute("INSERT INTO manager_reports VALUES (?, ?, ?, ?)", [kind, wanted, user, dt.datetime.now()])
            audit.record(con, user, "Chefers rapporter", f"{name}: {'öppnad' if wanted else 'stängd'} för chefer")
