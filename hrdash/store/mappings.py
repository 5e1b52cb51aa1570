"""Column mappings made by hand on the upload page, remembered for the next file whose header
row looks the same."""

from __future__ import annotations

import datetime as dt

import duckdb

from hrdash.ingest.parse import ParsedFile
from hrdash.store import audit


def remembered_mapping(con: duckdb.DuckDBPyConnection, signature: str) -> dict[str, str]:
    """The hand-made mapping last saved for a header row like this one."""
    rows = con.execute(
        """SELECT header, canonical FROM column_mappings WHERE header_signature = ?
           QUALIFY set_at = max(set_at) OVER ()""",
        [signature],
    ).fetchall()
    return {header: canonical for header, canonical in rows if canonical}


def remember_mapping(con: duckdb.DuckDBPyConnection, signature: str, mapping: dict[str, str], user: str) -> None:
    now = dt.datetime.now()
    for header, canonical in mapping.items():
        con.execute("INSERT INTO column_mappings VALUES (?, ?, ?, ?, ?)", [signature, header, canonical, user, now])
    audit.record(con, user, "Kolumnmappning", ", ".join(f"'{h}' → {c}" for h, c in mapping.items()))


def remembered_for(con: duckdb.DuckDBPyConnection, parsed: ParsedFile) -> dict[str, str]:
    """The hand-made mapping saved for a header row of this file, if any."""
    for header in parsed.headers:
        remembered = remembered_mapping(con, header.signature)
        if remembered:
            return remembered
    return {}
