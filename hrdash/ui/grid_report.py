"""A manager's grid of figures for her units on Min del (caseload for a month, the pulse answers
for a tertial): typed, read as a file of its kind (hrdash/ingest/entry.py), refused whole with each
problem named by its unit and column, or imported as a batch in her name within her part."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from hrdash import swedish
from hrdash.errors import UserError
from hrdash.ingest import entry
from hrdash.markdown import plain
from hrdash.store import batches, units
from hrdash.ui import session

# The widths of a name's column and each figure's: the grid fits a projector's 1280 pixels.
NAME_WIDTH, GRID_WIDTH = 210, 125


def grid_form(grid: entry.Grid, rows: pd.DataFrame, key: str, read: Callable, what: str,
              shown: tuple[str, ...] | None = None) -> None:
    """The grid (`rows`: its name columns and unit_id, the figures empty), the button that sends it,
    and what came of it. `read(typed, who, known)` reads it; `what` names it in the thanks
    ('Ärendena för november 2026'); `shown`: the name columns drawn (all of them unless said)."""
    con, user = session.cursor(), session.user()
    saved = st.session_state.pop(f"{key}_sparad", None)  # said once, after the rerun that shows it
    if saved:
        st.success(saved, icon=":material/check_circle:")
    frame = rows.assign(**{f: [""] * len(rows) for f in grid.figures})
    typed = st.data_editor(
        frame, hide_index=True, width="stretch", key=key, num_rows="fixed",
        column_order=[*(grid.names if shown is None else shown), *grid.figures],
        column_config={**{n: st.column_config.TextColumn(disabled=True, width=NAME_WIDTH) for n in grid.names},
                       **{f: st.column_config.TextColumn(f, width=GRID_WIDTH) for f in grid.figures}})
    if not st.button("Skicka in", type="primary", key=f"{key}_skicka"):
        return
    parsed = read(typed, user.name, units.known(con))
    filled = entry.row_names(grid, typed)
    if parsed is None:
        st.warning("Fyll i siffrorna för minst en enhet.", icon=":material/warning:")
    elif not parsed.ok:
        st.error("Inget skickades in. Rätta och skicka igen:  \n" + "  \n".join(
            plain(entry.grid_problem(grid, p, filled)) for p in parsed.problems), icon=":material/block:")
    else:
        try:
            batch = batches.import_file(con, parsed, user.name, action="Chefens rapport", scopes=user.manages)
        except UserError as refused:
            st.error("\n\n".join(plain(line) for line in refused.lines()), icon=":material/block:")
        else:
            reported = list(dict.fromkeys(row["Enhet"] for row in entry.filled_rows(grid, typed)))
            st.session_state[f"{key}_sparad"] = (
                f"Tack! {what} är inlästa för {swedish.join_words(reported)} (import nr {batch.batch_id}). HR kan "
                "ångra den under Data → Importer.")
            st.rerun()
