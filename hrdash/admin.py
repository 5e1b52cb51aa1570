"""What the Data page shows HR: the batches, which units have reported, the organisation."""

from __future__ import annotations

import duckdb
import pandas as pd

from hrdash import store, swedish
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
    column = {"sick_leave": "has_sick_leave", "turnover": "has_turnover", "vacancies": "has_vacancies",
              "recruitment": "has_recruitment"}[kind_id]
    frame = con.execute(
        f"""
        SELECT u.administration, u.department, n.unit_name, u.month, u.{column} AS reported, u.placed
        FROM unit_month_parts u JOIN unit_names n USING (unit_id)
        WHERE u.month > (SELECT max(month) FROM unit_month_parts) - INTERVAL {int(months)} MONTH
        """
    ).df()
    if frame.empty:
        return frame
    frame["cell"] = [REPORTED if r else (MISSING if p else "") for r, p in zip(frame["reported"], frame["placed"])]
    months = frame["month"].dt.date
    frame["label"] = [swedish.month_name(m, short=True) for m in months]
    order = [swedish.month_name(m, short=True) for m in sorted(months.unique())]
    table = frame.pivot_table(index=["department", "unit_name"], columns="label", values="cell", aggfunc="first",
                              fill_value="")
    table = table[order].reset_index().rename(columns={"department": "Avdelning", "unit_name": "Enhet"})
    return table.sort_values(["Avdelning", "Enhet"], key=lambda s: s.str.casefold()).reset_index(drop=True)


def organisation(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Each unit where the organisation places it now (its latest placement), and the units with
    figures that the organisation does not place, as 'Ej placerad'."""
    return con.execute(
        """
        WITH latest AS (
            SELECT unit_id, administration, department, valid_from
            FROM organisation_placements
            QUALIFY row_number() OVER (PARTITION BY unit_id ORDER BY batch_id DESC, valid_from DESC NULLS LAST) = 1
        ),
        unplaced AS (
            SELECT DISTINCT unit_id, administration, department, NULL::DATE AS valid_from
            FROM unit_month_parts
            WHERE NOT placed AND unit_id NOT IN (SELECT unit_id FROM latest)
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
    present = con.execute(
        "SELECT bool_or(has_sick_leave), bool_or(has_turnover), bool_or(has_vacancies), bool_or(has_recruitment) "
        "FROM unit_month_parts"
    ).fetchone()
    return [(k.id, k.name) for k, has in zip(DATA_KINDS, present) if has]

