"""What the Data page shows HR: the batches, which units have reported, the organisation."""

from __future__ import annotations

import duckdb
import pandas as pd

from hrdash import indicators, store, swedish
from hrdash.columns import DATA_KINDS


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
        for b in store.list_batches(con)
    ]
    return pd.DataFrame(rows, columns=["Batch", "Importerad", "Av", "Fil", "Typ", "Rader", "Status"])


REPORTED, MISSING = "✓", "saknas"


def completeness(con: duckdb.DuckDBPyConnection, kind_id: str, months: int = 12) -> pd.DataFrame:
    """Unit × month for one kind: ✓ where the unit reported, 'saknas' where the organisation
    expects it but nothing came, empty where the unit was not part of the organisation."""
    indicators.refresh(con)
    topic = {"sick_leave": "sick_leave", "turnover": "turnover", "vacancies": "vacancies",
             "recruitment": "recruitment"}[kind_id]
    frame = con.execute(
        f"""
        SELECT department, group_name AS unit_name, month, {topic}_units_reported = 1 AS reported,
               {topic}_units = 1 AS expected
        FROM group_month_snapshot
        WHERE level = 'enhet' AND month > (SELECT max(month) FROM group_month_snapshot) - INTERVAL {int(months)} MONTH
        """
    ).df()
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
    indicators.refresh(con)
    return con.execute(
        """
        WITH latest AS (
            SELECT unit_id, administration, department, valid_from
            FROM organisation_placements
            QUALIFY row_number() OVER (PARTITION BY unit_id ORDER BY batch_id DESC, valid_from DESC NULLS LAST) = 1
        ),
        unplaced AS (
            SELECT DISTINCT unit_id, administration, department, NULL::DATE AS valid_from
            FROM group_month_snapshot
            WHERE level = 'enhet' AND department = 'Ej placerad' AND unit_id NOT IN (SELECT unit_id FROM latest)
        )
        SELECT p.administration AS förvaltning, p.department AS avdelning, n.unit_name AS enhet,
               n.unit_code AS enhetskod, p.valid_from AS gäller_från,
               p.unit_id IN (SELECT unit_id FROM unplaced) AS ej_placerad
        FROM (SELECT * FROM latest UNION ALL SELECT * FROM unplaced) p
        JOIN unit_names n USING (unit_id)
        ORDER BY ej_placerad, lower(förvaltning), lower(avdelning), lower(enhet)
        """
    ).df()


def kinds_with_data(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """(kind id, Swedish name) for the kinds that have any current figures."""
    indicators.refresh(con)
    present = con.execute(
        "SELECT max(sick_leave_units_reported) > 0, max(turnover_units_reported) > 0, "
        "max(vacancies_units_reported) > 0, max(recruitment_units_reported) > 0 FROM group_month_snapshot"
    ).fetchone()
    return [(k.id, k.name) for k, has in zip(DATA_KINDS, present) if has]
