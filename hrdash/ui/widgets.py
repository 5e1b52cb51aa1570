"""Streamlit pieces the pages share: indicator cards, tables of the numbers behind a chart with
suppressed figures as '–' and the reason, coverage warnings, definitions, empty states."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pyarrow as pa
import streamlit as st

from hrdash import swedish
from hrdash.catalogue import BY_ID, SPARKLINE, TOPICS, privacy_note, shown_in
from hrdash.figures.format import change_size, format_value
from hrdash.figures.series import Card
from hrdash.markdown import plain
from hrdash.store import comments
from hrdash.ui import cache, charts, session

PLOTLY_CONFIG = {"displaylogo": False, "locale": "sv", "modeBarButtonsToRemove": ["lasso2d", "select2d"]}


def _direction(indicator_id: str, change: float) -> tuple[str, str]:
    """(arrow, colour) for a change: up is bad for sick leave, turnover and vacancies."""
    if abs(change) < (0.05 if BY_ID[indicator_id].unit == "%" else 1e-9):  # shown as 0,0: no change
        return "off", "gray"
    arrow = "up" if change > 0 else "down"
    worse_up = BY_ID[indicator_id].higher_is_worse
    if worse_up is None:
        return arrow, "gray"
    bad = (change > 0) == worse_up
    return arrow, "red" if bad else "green"


def card(item: Card, month: dt.date) -> None:
    """One indicator: value, change against last month and last year, target, 12-month sparkline."""
    indicator = BY_ID[item.indicator_id]
    previous_month = swedish.MONTHS_SHORT[(month.month - 2) % 12]
    with st.container(border=True):
        change = item.change(item.previous)
        arrow, colour = _direction(item.indicator_id, change) if change is not None else ("off", "gray")
        st.metric(
            indicator.label,
            item.text,
            delta=None if change is None else change_size(item.indicator_id, change),
            delta_color=colour,
            delta_arrow=arrow,
            delta_description=None if change is None else f"mot {previous_month}",
            chart_data=[v for v in item.spark if v is not None] or None,
            chart_type="line",
            help=indicator.definition,
        )
        yearly = item.change(item.last_year)
        if yearly is not None:
            arrow, colour = _direction(item.indicator_id, yearly)
            sign = {"up": "▲ ", "down": "▼ ", "off": ""}[arrow]
            st.markdown(f"Samma månad i fjol: {format_value(item.indicator_id, item.last_year)} "
                        f":{colour}[{sign}{change_size(item.indicator_id, yearly)}]")
        if item.target is not None:
            word = "högst" if indicator.higher_is_worse else "mål"
            if item.value is None:
                st.badge(f"Mål: {word} {format_value(item.indicator_id, item.target)}", color="gray")
            elif item.above_target:
                st.badge(f"Över målet ({word} {format_value(item.indicator_id, item.target)})", icon=":material/warning:",
                         color="red")
            else:
                st.badge(f"Inom målet ({word} {format_value(item.indicator_id, item.target)})", icon=":material/check_circle:",
                         color="green")
        if item.note:
            st.caption(item.note if item.value is not None else f"Visas inte: {item.note.lower()}.")


def coverage_warnings(coverage: dict[str, tuple[int, int]], month: dt.date) -> None:
    """Say plainly when a month's figures do not cover every unit: never compare it silently.
    `coverage` is kind -> (units reported, units), for the kinds of the topics."""
    for topic in TOPICS.values():
        reported, units = coverage.get(topic.kind, (0, 0))
        if 0 < reported < units:
            st.warning(f"{topic.title}: {reported} av {units} enheter har rapporterat för "
                       f"{swedish.month_name(month)}. Siffran gäller bara dem som rapporterat.", icon=":material/warning:")


def table(frame: pd.DataFrame, indicator_ids: list[str], first_column: str = "month",
          first_label: str = "Månad") -> None:
    """The numbers behind a chart, formatted the Swedish way; suppressed figures as '–'."""
    st.dataframe(_formatted(frame, indicator_ids, first_column, first_label), hide_index=True, width="stretch")


@st.cache_resource(show_spinner=False, max_entries=512, hash_funcs=charts.BY_CONTENT)
def _formatted(frame: pd.DataFrame, indicator_ids: list[str], first_column: str, first_label: str) -> pa.Table:
    """The table of `table`, made once per content and shared by every session: formatting every
    value, and converting the frame to Arrow as st.dataframe would, cost more on every run than
    the table's few rows suggest. Given an Arrow table, st.dataframe only serialises it."""
    shown = pd.DataFrame()
    if first_column == "month":
        shown[first_label] = [swedish.month_name(m) for m in frame["month"]]
    else:
        shown[first_label] = frame[first_column]
    notes = []
    for indicator_id in indicator_ids:
        shown[BY_ID[indicator_id].label] = [format_value(indicator_id, None if v != v else v)
                                            for v in frame[indicator_id]]
        if f"note_{indicator_id}" in frame:
            notes.append(frame[f"note_{indicator_id}"].fillna(""))
    if notes:
        combined = [next((n for n in row if n), "") for row in zip(*notes)]
        if any(combined):
            shown["Anmärkning"] = combined
    return pa.Table.from_pandas(shown)


def definitions(indicator_ids: list[str]) -> None:
    with st.expander("Så räknas siffrorna"):
        for indicator_id in indicator_ids:
            st.markdown(f"**{BY_ID[indicator_id].label}.** {BY_ID[indicator_id].definition}")
        for note in privacy_note(indicator_ids):
            st.markdown(f"**–** {note}")


def sparkline_grid(frame: pd.DataFrame) -> None:
    """Each avdelning and unit with the month's value and a 12-month sparkline per key indicator."""
    if frame.empty:
        st.caption("Inga avdelningar eller enheter under den här nivån.")
        return
    config = {"Grupp": st.column_config.TextColumn("Avdelning / enhet", width="large"), "Nivå": None}
    order = ["Grupp"]
    for indicator_id in shown_in(SPARKLINE):
        label = BY_ID[indicator_id].short
        config[indicator_id] = st.column_config.TextColumn(label, width="small")
        config[f"{indicator_id}_trend"] = st.column_config.LineChartColumn("12 mån", width="small", y_min=0)
        order += [indicator_id, f"{indicator_id}_trend"]
    st.dataframe(frame, column_config=config, column_order=order, hide_index=True, width="stretch",
                 height=min(36 * (len(frame) + 1) + 4, 760))


def slide(item) -> None:
    """One slide of presentation mode: a single message in large type."""
    if item.kind == "title":
        st.space("large")
        st.title(item.title)
        st.header(item.message)
        st.space("large")
        return
    st.header(item.title)
    if item.message:
        st.subheader(item.message)
    if item.kind == "numbers":
        for column, number in zip(st.columns(len(item.numbers)), item.numbers):
            arrow = "up" if number.change.startswith("▲") else "down" if number.change.startswith("▼") else "off"
            column.metric(number.label, number.value, delta=number.change.lstrip("▲▼= ") or None,
                          delta_color=number.colour, delta_arrow=arrow, border=True)
    elif item.kind == "chart":
        st.plotly_chart(charts.projector_trend(item.chart, max_ticks=7),
                        config={**PLOTLY_CONFIG, "displayModeBar": False, "staticPlot": True}, theme=None, key="bild")
    else:
        st.markdown("\n".join(f"- ### {plain(line)}" for line in item.items))


def comment(topic: str, group, month: dt.date) -> None:
    """HR's comment for this view, and for HR a box to write or change it."""
    found = cache.comment(topic, group.level, group.group_id, month)
    st.markdown("##### Kommentar från HR")
    if found:
        body, author, written_at = found
        st.info(plain(body), icon=":material/chat:")
        st.caption(f"{plain(author)}, {swedish.date(written_at.date())}")
    else:
        st.caption(f"Ingen kommentar för {swedish.month_name(month)} ännu.")
    if session.user().role not in ("hr", "admin"):
        return
    with st.expander("Skriv eller ändra kommentaren"), st.form(f"comment_{topic}"):
        text = st.text_area("Kommentar", value=found[0] if found else "", max_chars=comments.MAX_LENGTH,
                            key=f"kommentar_{topic}_{group.key}_{month:%Y-%m}",
                            help="Visas på sidan, i månadsrapporten och i presentationsläget. "
                                 "Lämna tomt för att ta bort kommentaren.")
        if st.form_submit_button("Spara kommentaren"):
            comments.write(session.cursor(), topic, group.level, group.group_id, month, text, session.user().name)
            st.success("Kommentaren är sparad.")
            st.rerun()


def empty_state(what: str) -> None:
    st.info(f"Inga uppgifter för {what} ännu – ladda upp filer under **Ladda upp**.", icon=":material/folder_open:")
    st.page_link("pages/ladda_upp.py", label="Gå till Ladda upp", icon=":material/upload:")
