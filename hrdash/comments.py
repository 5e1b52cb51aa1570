"""HR's comments: a short analysis per topic, group and month, shown on the topic's page, in
the report and in presentation mode. Stored append-only and audited."""

from __future__ import annotations

import datetime as dt
import re

import duckdb
import pandas as pd
import streamlit as st

from hrdash import audit, swedish
from hrdash.indicators import TOPICS

MAX_LENGTH = 2000


def current(con: duckdb.DuckDBPyConnection, topic: str, level: str, group_id: str, month: dt.date):
    """(body, written_by, written_at) or None."""
    return con.execute(
        "SELECT body, written_by, written_at FROM current_comments WHERE topic = ? AND level = ? AND group_id = ? "
        "AND month = ?",
        [topic, level, group_id, month],
    ).fetchone()


def for_month(con: duckdb.DuckDBPyConnection, level: str, group_id: str, month: dt.date) -> pd.DataFrame:
    return con.execute(
        "SELECT topic, body, written_by, written_at FROM current_comments WHERE level = ? AND group_id = ? "
        "AND month = ? ORDER BY topic",
        [level, group_id, month],
    ).df()


def write(con: duckdb.DuckDBPyConnection, topic: str, level: str, group_id: str, month: dt.date, body: str,
          user: str) -> None:
    body = body.strip()
    if len(body) > MAX_LENGTH:
        raise ValueError(f"Kommentaren är {len(body)} tecken lång; högst {MAX_LENGTH} tecken får plats.")
    con.execute("INSERT INTO comments VALUES (?, ?, ?, ?, ?, ?, ?)",
                [topic, level, group_id, month, body, user, dt.datetime.now()])
    audit.record(con, user, "Kommentar" if body else "Kommentar borttagen",
                 f"{TOPICS[topic]}, {group_id}, {month:%Y-%m}")


_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$])")


def plain(text: str) -> str:
    """Text that Streamlit's markdown shows exactly as written: no links, images or formatting."""
    return _MARKDOWN.sub(r"\\\1", text)


def show(con: duckdb.DuckDBPyConnection, topic: str, group, month: dt.date, editable: bool = True) -> None:
    """The comment for this view, and for HR a box to write or change it."""
    from hrdash import web

    found = current(con, topic, group.level, group.group_id, month)
    st.markdown("##### Kommentar från HR")
    if found:
        body, author, written_at = found
        st.info(plain(body), icon=":material/chat:")
        st.caption(f"{author}, {swedish.date(written_at.date())}")
    else:
        st.caption(f"Ingen kommentar för {swedish.month_name(month)} ännu.")
    if editable and web.user().role in ("hr", "admin"):
        with st.expander("Skriv eller ändra kommentaren"):
            with st.form(f"comment_{topic}"):
                text = st.text_area("Kommentar", value=found[0] if found else "", max_chars=MAX_LENGTH,
                                    key=f"kommentar_{topic}_{group.key}_{month:%Y-%m}",
                                    help="Visas på sidan, i månadsrapporten och i presentationsläget. "
                                         "Lämna tomt för att ta bort kommentaren.")
                if st.form_submit_button("Spara kommentaren"):
                    write(con, topic, group.level, group.group_id, month, text, web.user().name)
                    st.success("Kommentaren är sparad.")
                    st.rerun()
