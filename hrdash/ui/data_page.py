"""What the Data page shows HR: the batches, which units have reported, the organisation."""

from __future__ import annotations

import duckdb
import pandas as pd

from hrdash import swedish
from hrdash.catalogue import KINDS_WITHOUT_COVERAGE
from hrdash.ingest.columns import DATA_KINDS
from hrdash.store import batches
from hrdash.store.queries import read


def batches_table(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    rows = [
        {
            "Batch": b.batch_id,
            "Importerad": f"{b.imported_at:%Y-%m-%d %H:%M}",
            "Av": b.imported_by,
            "Fil": b.file_name,
            "Typ": b.kind_names,
            "Rader": b.row_count,
            "Status": f"Ångrad {b.undone_at:%Y-%m-%d %H:%M} av {b.undone_by}" if b.undone_at else "Gäller",
        }
        for b in batches.list_batches(con)
    ]
    return pd.DataFrame(rows, columns=["Batch", "Importerad", "Av", "Fil", "Typ", "Rader", "Status"])


REPORTED, MISSING = "✓", "saknas"


def completeness(con: duckdb.DuckDBPyConnection, kind_id: str) -> pd.DataFrame:
    """Unit × month for one kind: ✓ where the unit reported, 'saknas' where the organisation
    expects it but nothing came, empty where the unit was not part of the organisation; the
    latest 12 months (queries/marts/unit_reporting.sql)."""
    frame = read(con, "unit_reporting", "department, unit_name, month, reported, expected", kind=kind_id).df()
    if frame.empty:
        return frame
    frame["cell"] = [REPORTED if r else (MISSING if e else "") for r, e in zip(frame["reported"], frame["expected"])]
    month_dates = frame["month"].dt.date
    frame["label"] = [swedish.month_name(m, short=True) for m in month_dates]
    order = [swedish.month_name(m, short=True) for m in sorted(month_dates.unique())]
    table = frame.pivot_table(index=["department", "unit_name"], columns="label", values="cell", aggfunc="first",
                              fill_value="")
    table = table[order].reset_index().rename(columns={"department": "Avdelning", "unit_name": "Enhet"})
    return table.sort_values(["Avdelning", "Enhet"], key=lambda s: s.str.casefold()).reset_index(drop=True)


def organisation(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Each unit where the organisation places it now (its latest placement), and the units with
    figures that the organisation does not place, as 'Ej placerad'."""
    return read(con, "organisation_tree").df()


def kinds_with_data(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """(kind id, Swedish name) for the kinds that have any current figures and are expected to
    report (exit interviews are not: a month without them had none)."""
    present = {row[0] for row in read(con, "kinds_with_data").fetchall()}
    return [(k.id, k.name) for k in DATA_KINDS if k.id in present and k.id not in KINDS_WITHOUT_COVERAGE]
