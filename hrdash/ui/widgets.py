"""Streamlit pieces the pages share: indicator cards, tables of the numbers behind a chart with
suppressed figures as '–' and the reason, coverage warnings, definitions, empty states."""

from __future__ import annotations

import base64
import datetime as dt
import html

import pandas as pd
import pyarrow as pa
import streamlit as st

from hrdash import swedish
from hrdash.catalogue import BY_ID, SPARKLINE, TOPICS, privacy_note, shown_in
from hrdash.charts import sparkline
from hrdash.figures.format import change_size, format_value, together
from hrdash.figures import readings, signals
from hrdash.figures.series import Card
from hrdash.markdown import plain
from hrdash.months import window
from hrdash.store import comments
from hrdash.reports import slides
from hrdash.ui import cache, charts, session

# Plotly's toolbar is English and cannot be reached by keyboard: the numbers are in the table under
# each chart, and the report holds the charts as pictures.
PLOTLY_CONFIG = {"displaylogo": False, "locale": "sv", "displayModeBar": False}


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


def _size(item: Card, change: float) -> str:
    """A change on a card, in the card's own scale and decimals ('12 tkr' under '899 tkr')."""
    if BY_ID[item.indicator_id].unit in ("%", "ärenden per handläggare"):
        return change_size(item.indicator_id, change)
    return together(item.indicator_id, abs(change), item.value, item.figures)


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
            delta=None if change is None else _size(item, change),
            delta_color=colour,
            delta_arrow=arrow,
            delta_description=None if change is None else f"mot {previous_month}"
            + (" (alla enheter hade inte rapporterat)" if item.previous_incomplete else ""),
            help=indicator.definition,
        )
        if any(v is not None for v in item.spark):  # drawn here, with its text alternative
            st.markdown(sparkline.svg(item.indicator_id, item.spark, window(month, len(item.spark))),
                        unsafe_allow_html=True)
        yearly = item.change(item.last_year)
        if yearly is not None:
            arrow, colour = _direction(item.indicator_id, yearly)
            sign = {"up": "▲ ", "down": "▼ ", "off": ""}[arrow]
            st.markdown(f"Samma månad i fjol: {together(item.indicator_id, item.last_year, item.value, item.figures)} "
                        f":{colour}[{sign}{_size(item, yearly)}]"
                        + (" (alla enheter hade inte rapporterat)" if item.last_year_incomplete else ""))
        if item.incomplete and item.value is not None:
            st.badge(f"Ofullständig månad: {item.incomplete}", icon=":material/pending:", color="orange")
        status, met = item.target_status
        if status:
            target_badge(status, met)
        variation(item)
        if item.note and not (item.incomplete and item.value is not None):
            st.caption(item.note if item.value is not None else f"Visas inte: {item.note.lower()}.")
        elif item.value is None:  # a dash is never left without its reason
            st.caption(f"Ingen uppgift för {swedish.month_name(month)}: filerna anger den inte.")


def target_badge(status: str, met: bool | None) -> None:
    """'Över målet (högst 7,0 %)' in red, 'Inom målet (…)' in green, 'Mål: …' in gray."""
    if met is None:
        st.badge(status, color="gray")
    elif met:
        st.badge(status, icon=":material/check_circle:", color="green")
    else:
        st.badge(status, icon=":material/warning:", color="red")


VARIATION_BADGES = {  # colour and icon: what a control chart says of a month
    signals.CONCERN: ("red", ":material/arrow_upward:"),
    signals.IMPROVEMENT: ("green", ":material/arrow_downward:"),
    signals.COMMON: ("gray", ":material/horizontal_rule:"),
}


def variation(item: Card) -> None:
    """What the figure's control chart says, in words that say what it compares with, and whether
    the process meets its target."""
    if item.variation is None or not item.reading:
        return
    colour, icon = VARIATION_BADGES[item.variation]
    if item.variation != signals.COMMON and not signals.worse_when_higher(item.indicator_id):
        icon = ":material/arrow_downward:" if item.variation == signals.CONCERN else ":material/arrow_upward:"
    st.badge(item.reading, icon=icon, color=colour, help="Styrdiagrammet skiljer en verklig förändring från den "
             "normala variationen: se Om siffrorna.")
    if item.capability:
        st.caption(item.capability)


def coverage_warnings(coverage: dict[str, tuple[int, int]], month: dt.date) -> None:
    """Say plainly when a month's figures do not cover every unit: never compare it silently.
    `coverage` is kind -> (units reported, units), for the kinds of the topics."""
    for topic in TOPICS.values():
        reported, units = coverage.get(topic.kind, (0, 0))
        if 0 < reported < units:
            st.warning(f"{topic.title}: {reported} av {units} enheter har rapporterat för "
                       f"{swedish.month_name(month)}. Siffran gäller bara dem som rapporterat.", icon=":material/warning:")


def table(frame: pd.DataFrame, indicator_ids: list[str], first_column: str = "month",
          first_label: str = "Månad", period: str = "month", labels: dict[str, str] | None = None) -> None:
    """The numbers behind a chart, formatted the Swedish way; suppressed figures as '–'. The
    months are survey tertials ('T1 2025') where `period` is 'tertial'; `labels` names columns
    shorter than the indicators' names."""
    st.dataframe(_formatted(frame, indicator_ids, first_column, first_label, period, labels), hide_index=True,
                 width="stretch")


@st.cache_resource(show_spinner=False, max_entries=512, hash_funcs=charts.BY_CONTENT)
def _formatted(frame: pd.DataFrame, indicator_ids: list[str], first_column: str, first_label: str, period: str,
               labels: dict[str, str] | None) -> pa.Table:
    """The table of `table`, made once per content and shared by every session: formatting every
    value, and converting the frame to Arrow as st.dataframe would, cost more on every run than
    the table's few rows suggest. Given an Arrow table, st.dataframe only serialises it."""
    shown = pd.DataFrame()
    if first_column == "month":
        name = swedish.tertial_name if period == "tertial" else swedish.month_name
        shown["Period" if period == "tertial" else first_label] = [name(m) for m in frame["month"]]
    else:
        shown[first_label] = frame[first_column]
    notes = []
    for indicator_id in indicator_ids:
        shown[(labels or {}).get(indicator_id, BY_ID[indicator_id].label)] = [
            format_value(indicator_id, None if v != v else v) for v in frame[indicator_id]]
        if f"note_{indicator_id}" in frame:
            notes.append(frame[f"note_{indicator_id}"].fillna(""))
    if notes:
        combined = [next((n for n in row if n), "") for row in zip(*notes)]
        if any(combined):
            shown["Anmärkning"] = combined
    return pa.Table.from_pandas(shown)


def chart_notes(trend, caption: str) -> None:
    """Under a trend chart: what its limits take into account, and what it leaves out (a month not every
    unit reported, a 12-month line missing for it)."""
    notes = [note for note in (caption, readings.marks_note(trend)) if note]
    partial = [m for m, i in zip(trend.shown()["month"], trend.incomplete()) if i]
    if partial:
        notes.append(f"Ihåliga punkter: {', '.join(swedish.month_name(m) for m in partial)} – alla enheter hade inte "
                     "rapporterat, så de månaderna är inte jämförbara med de andra och ingår inte i linjen.")
    if trend.rolling_missing_for_coverage():
        notes.append("Den rullande 12-månaderslinjen saknas där en månad i dess tolv inte har rapporterats av alla "
                     "enheter.")
    if notes:
        st.caption(" ".join(notes))


def definitions(indicator_ids: list[str]) -> None:
    with st.expander("Så räknas siffrorna"):
        for indicator_id in indicator_ids:
            st.markdown(f"**{BY_ID[indicator_id].label}.** {BY_ID[indicator_id].definition}")
        for note in privacy_note(indicator_ids, cache.health_limit()):
            st.markdown(f"**–** {note}")


GRID_STYLE = """<style>
.hr-grid {border-collapse: collapse; width: 100%; font-size: 0.95rem;}
.hr-grid thead th {text-align: right; vertical-align: bottom; font-weight: 600; padding: 0.35rem 0.5rem;
  border-bottom: 2px solid #6B7280; line-height: 1.25;}
.hr-grid thead th:first-child {text-align: left;}
.hr-grid tbody th {text-align: left; font-weight: normal; padding: 0.3rem 0.5rem; border-bottom: 1px solid #E5E7EB;}
.hr-grid td {text-align: right; padding: 0.3rem 0.5rem; border-bottom: 1px solid #E5E7EB; white-space: nowrap;}
.hr-grid tr.avdelning th, .hr-grid tr.avdelning td {font-weight: 600; background: #F1F4F8;}
.hr-grid tr.enhet th {padding-left: 1.5rem;}
.hr-grid img {display: block; margin-left: auto;}
</style>"""


def _sparkline(values: list[float], indicator_id: str) -> str:
    """A 12-month line, 64×22 px, as an image (Streamlit's HTML keeps no inline SVG), with its
    lowest and highest value as its text alternative."""
    if len(values) < 2:
        return ""
    low, high = min(values), max(values)
    span = (high - low) or 1.0
    points = " ".join(f"{i * 62 / (len(values) - 1) + 1:.1f},{21 - (v - low) / span * 19:.1f}"
                      for i, v in enumerate(values))
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="64" height="22" viewBox="0 0 64 22">'
           f'<polyline points="{points}" fill="none" stroke="#0072B2" stroke-width="1.6"/></svg>')
    said = f"Senaste 12 månaderna: lägst {format_value(indicator_id, low)}, högst {format_value(indicator_id, high)}"
    return (f'<img src="data:image/svg+xml;base64,{base64.b64encode(svg.encode()).decode()}" width="64" height="22" '
            f'alt="{html.escape(said)}">')


def sparkline_grid(frame: pd.DataFrame) -> None:
    """Each avdelning and unit with the month's value and a 12-month sparkline per key indicator:
    an HTML table, so every header is whole (it wraps) and every row shows without a scroll box."""
    if frame.empty:
        st.caption("Inga avdelningar eller enheter under den här nivån.")
        return
    st.html(grid_html(frame, cache.health_limit()))


def grid_html(frame: pd.DataFrame, health_limit: int) -> str:
    """The per-unit table as HTML: every name and value from the files escaped; under it what '–'
    and '–*' mean (missing, or hidden by the privacy rules, and why)."""
    ids = shown_in(SPARKLINE)
    # Long compound words break between their parts, so that the table fits a projector's 763 px.
    head = "".join(f'<th scope="col">{swedish.breakable(html.escape(BY_ID[i].label))}</th>' for i in ids)
    rows, hidden = [], set()
    for row in frame.to_dict("records"):
        hidden |= {i for i in ids if row[i] == "–*"}
        cells = "".join(f"<td>{html.escape(row[i])}{_sparkline(row[f'{i}_trend'], i)}</td>" for i in ids)
        name = html.escape(row["Grupp"].strip())
        rows.append(f'<tr class="{row["Nivå"]}"><th scope="row">{name}</th>{cells}</tr>')
    notes = "".join(f" –* {note[0].lower()}{note[1:]}" for note in privacy_note(sorted(hidden), health_limit))
    return (f'{GRID_STYLE}<div style="overflow-x: auto" tabindex="0" role="region" '  # scrolls by keyboard too
            f'aria-label="Per avdelning och enhet"><table class="hr-grid"><caption style="caption-side: bottom; text-align: left; '
            f'color: #4B5563; font-size: 0.85rem; padding-top: 0.4rem">Värdet för månaden och linjen för de '
            f'senaste 12 månaderna. – betyder att uppgiften saknas eller inte gäller enheten.'
            f'{html.escape(notes)}'
            f'</caption>'
            f'<thead><tr><th scope="col">Avdelning / enhet</th>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>')


def slide(item) -> None:
    """One slide of presentation mode: a single message in large type."""
    if item.kind == "title":
        st.space("large")
        st.title(item.title)
        st.header(item.message)
        st.space("large")
        return
    st.header(item.title)
    if item.message and item.kind == "numbers":  # two rows of figures below it: one line of large text
        st.markdown(f"<p style='font-size: 1.45rem; font-weight: 600; line-height: 1.35; margin: 0'>{html.escape(item.message)}</p>",
                    unsafe_allow_html=True)
    elif item.message:
        st.subheader(item.message)
    if item.kind == "numbers":
        per_row = min(len(item.numbers), slides.PER_ROW)
        for start in range(0, len(item.numbers), per_row):
            # Two rows of four fit the projector's 720 pixels only without the gaps between a card's parts.
            for column, number in zip(st.columns(per_row, gap="small"), item.numbers[start:start + per_row]):
                with column, st.container(border=True, gap="xxsmall" if len(item.numbers) > per_row else "small"):
                    arrow = "up" if number.change.startswith("▲") else "down" if number.change.startswith("▼") else "off"
                    st.metric(number.label, number.value, delta=number.change.lstrip("▲▼= ") or None,
                              delta_color=number.colour, delta_arrow=arrow)
                    if number.target:
                        target_badge(number.target, number.met)
    elif item.kind == "chart":
        st.plotly_chart(charts.projector(item.chart),
                        config={**PLOTLY_CONFIG, "displayModeBar": False, "staticPlot": True}, theme=None, key="bild")
    else:
        st.markdown("\n".join(f"- ### {plain(line)}" for line in item.items))


def comment(topic: str, group, month: dt.date, survey: dt.date | None = None) -> None:
    """HR's comment for this view, and for HR a box to write or change it. A comment belongs to the
    month's report; on a page of tertials (`survey`) the words say which tertial it is shown with."""
    found = cache.comment(topic, group.level, group.group_id, month)
    st.markdown("##### Kommentar från HR")
    if found:
        body, author, written_at = found
        st.info(plain(body), icon=":material/chat:")
        st.caption(f"{plain(author)}, {swedish.date(written_at.date())}")
    else:
        st.caption(f"Ingen kommentar till {swedish.tertial_name(survey)} i rapporten för {swedish.month_name(month)} ännu."
                   if survey else f"Ingen kommentar för {swedish.month_name(month)} ännu.")
    if session.user().role not in ("hr", "admin") or not session.user().may_write(group):
        return
    saved = st.session_state.pop(f"kommentar_sparad_{topic}", None)  # said once, after the rerun that shows it
    if saved:
        st.success(saved, icon=":material/check_circle:")
    with st.expander("Skriv eller ändra kommentaren"), st.form(f"comment_{topic}"):
        text = st.text_area("Kommentar", value=found[0] if found else "", max_chars=comments.MAX_LENGTH,
                            key=f"kommentar_{topic}_{group.key}_{month:%Y-%m}",
                            help="Visas på sidan, i månadsrapporten och i presentationsläget. "
                                 "Lämna tomt för att ta bort kommentaren.")
        if st.form_submit_button("Spara kommentaren"):
            comments.write(session.cursor(), topic, group.level, group.group_id, month, text, session.user().name)
            st.session_state[f"kommentar_sparad_{topic}"] = (
                f"Kommentaren för {swedish.month_name(month)} är sparad." if text.strip()
                else f"Kommentaren för {swedish.month_name(month)} är borttagen.")
            st.rerun()


def empty_state(what: str, reason: str | None = None, files_lack_it: bool = True) -> None:
    """Nothing to show, and the true reason: not in the files yet (HR is sent to Ladda upp),
    hidden by the privacy rule, or not reported."""
    may_upload = session.user().role in ("hr", "admin")
    if reason is None:
        reason = f"Inga uppgifter för {what} ännu." + (" Ladda upp filer under **Ladda upp**." if may_upload else "")
    icon = ":material/folder_open:" if files_lack_it else ":material/visibility_off:"
    st.info(reason, icon=icon)
    if files_lack_it and may_upload:
        st.page_link("pages/ladda_upp.py", label="Gå till Ladda upp", icon=":material/upload:")
