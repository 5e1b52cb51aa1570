"""The one field a number is typed into on a page: a text field showing the value as Swedes write
it ('1 234,5'), read as a file's cell is read (hrdash/ingest/typed.py), and checked against its
range before anything is saved. Streamlit's number_input is not used: it reads '35,5' as 355 in
some browsers and shows '355.0'."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st

from hrdash.errors import UserError
from hrdash.ingest import typed


@dataclass(frozen=True)
class Typed:
    """What a field holds: the number (None when empty) or why it cannot be saved."""

    value: float | None
    problem: str | None = None


def number_field(label: str, value: float | None, *, key: str, holds: str,
                 check: Callable[[float | None], str | None], whole: bool = False, help: str | None = None,
                 where=st) -> Typed:
    """Render the field (in `where`, a column or the page) and read what it holds. `holds` is the unit
    words accepted after the number (typed.Range.holds); `check` the range's Swedish refusal or None."""
    _show_pending(key)
    if key not in st.session_state:
        st.session_state[key] = typed.shown(value)
    text = where.text_input(label, key=key, help=help)
    try:
        number = typed.read(text, label, holds, whole)
    except UserError as refused:
        return Typed(None, refused.message)
    return Typed(number, check(number))


def show_back(key: str, value: float | None) -> None:
    """After a save: the field shows the saved value as Swedes write it on the next run (a widget's
    value cannot be changed once it is drawn in a run)."""
    st.session_state[f"{key}__visas"] = typed.shown(value)


def _show_pending(key: str) -> None:
    pending = f"{key}__visas"
    if pending in st.session_state:
        st.session_state[key] = st.session_state.pop(pending)
