"""Measures on the pages: the list, the form HR adds one with, and editing or closing one.

Every save is read and checked as one row of a measures file (hrdash/ingest/entry.py) and stored
as a batch in the user's name, so it is in the audit log and can be undone under Data → Importer
like a file. `measure_form` is meant for any page: a topic page can put it there with its topic
and group preset.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from hrdash import swedish
from hrdash.catalogue import BY_ID, SIGNALS, TOPICS
from hrdash.errors import UserError
from hrdash.figures import effects, readings
from hrdash.figures import measures as measures_module
from hrdash.figures.groups import Group, find_group
from hrdash.figures.measures import STATUS_LABELS, Measure
from hrdash.ingest.columns import MEASURE_TOPICS, STATUSES
from hrdash.ingest.entry import form_messages, read_measure
from hrdash.ingest import values
from hrdash.ingest.headers import normalize_unit_key
from hrdash.markdown import plain
from hrdash.store import baselines, batches
from hrdash.ui import cache, session

MONTH_HELP = "Som i en fil: mars 2026, mar 2026, 2026-03 eller 202603."
STATUS_IDS = [s.id for s in STATUSES]
TOPIC_IDS = [t.id for t in MEASURE_TOPICS]


def may_enter(group: Group | None = None) -> bool:
    """Whether the user enters measures (HR), for `group` where given: only in her part of the organisation."""
    return session.user().role in ("hr", "admin") and (group is None or session.user().may_write(group))


def _writable(found: list[Measure]) -> list[Measure]:
    """The measures whose group lies in the user's part of the organisation."""
    by_key = {g.key: g for g in cache.groups(session.version())}
    return [m for m in found if (g := by_key.get(f"{m.level}:{m.group_id}")) is not None and may_enter(g)]


def table(found: list[Measure]) -> pd.DataFrame:
    """The measures as the page lists them, in Swedish."""
    return pd.DataFrame(
        [{
            "Gäller": m.group_name,
            "Område": m.topic_title,
            "Åtgärd": m.title,
            "Startmånad": swedish.month_name(m.start),
            "Status": m.status_label,
            "Ansvarig": m.responsible or "",
            "Uppföljning": swedish.month_name(m.follow_up) if m.follow_up else "",
            "Beskrivning": m.description or "",
            "Sparad": f"{swedish.clock(m.saved_at)} av {m.saved_by}",
            "Import": m.batch_id,
        } for m in found],
        columns=["Gäller", "Område", "Åtgärd", "Startmånad", "Status", "Ansvarig", "Uppföljning", "Beskrivning",
                 "Sparad", "Import"],
    )


def choosable_groups() -> list[Group]:
    """The groups a measure may be for: the organisation's units, avdelningar, förvaltningar (and
    the kommun); not the 'Ej placerad' heap, which is no group of the organisation."""
    return [g for g in cache.groups(session.version()) if not (g.level == "avdelning" and g.department == "Ej placerad")
            and session.user().may_write(g)]


def _save(fields: dict[str, object], level: str, group_id: str, file_name: str,
          unchanged: Measure | None = None) -> int | None:
    """Check the fields as a file's row and store them as a batch; the batch number, or None after
    showing why not (or that they are what `unchanged` already holds)."""
    parsed = read_measure(fields, level, group_id, file_name)
    if parsed.ok and unchanged is not None and _holds(parsed.parts[0].frame.iloc[0], unchanged):
        st.info("Inget är ändrat.", icon=":material/info:")
        return None
    if not parsed.ok:
        st.error("Åtgärden sparades inte:\n\n" + "\n\n".join(f"- {plain(line)}" for line in form_messages(parsed)),
                 icon=":material/block:")
        return None
    try:
        batch = batches.import_file(session.cursor(), parsed, session.user().name, action="Åtgärd",
                                    scopes=session.user().write_scopes)
    except UserError as refused:
        st.error("\n\n".join(plain(line) for line in refused.lines()), icon=":material/block:")
        return None
    return batch.batch_id


def measure_form(topic_id: str | None = None, group: Group | None = None, key: str = "åtgärd") -> None:
    """A form for HR to add a measure, the topic and group preset where given (a topic page's).
    Nothing for those who may not enter measures."""
    if not may_enter():
        return
    groups = choosable_groups()
    if not groups:
        st.caption("Åtgärder kan läggas till när organisationen och dess siffror är inlästa.")
        return
    done = st.session_state.pop(f"{key}_sparad", None)
    if done:
        st.success(done, icon=":material/check_circle:")
    round_ = st.session_state.get(f"{key}_omgång", 0)  # a new round of widgets after a save: an empty form
    keys = [g.key for g in groups]
    with st.form(f"{key}_ny_{round_}"):
        st.markdown("##### Lägg till en åtgärd")
        chosen = st.selectbox("Gäller", keys, index=keys.index(group.key) if group and group.key in keys else 0,
                              format_func=lambda k: find_group(groups, k).label, key=f"{key}_grupp_{round_}")
        left, right = st.columns(2)
        start = left.text_input("Startmånad", value=swedish.month_name(dt.date.today()), help=MONTH_HELP,
                                key=f"{key}_start_{round_}")
        topic = right.selectbox("Område", TOPIC_IDS, index=TOPIC_IDS.index(topic_id) if topic_id in TOPIC_IDS else 0,
                                format_func=lambda t: TOPICS[t].title, key=f"{key}_område_{round_}")
        title = st.text_input("Åtgärd", max_chars=150, key=f"{key}_rubrik_{round_}",
                              help="En kort rubrik; den visas vid diagrammen.")
        left, middle, right = st.columns(3)
        responsible = left.text_input("Ansvarig", key=f"{key}_ansvarig_{round_}")
        status = middle.selectbox("Status", STATUS_IDS, format_func=STATUS_LABELS.get, key=f"{key}_status_{round_}")
        follow_up = right.text_input("Uppföljning", help=f"Månaden då åtgärden följs upp. {MONTH_HELP}",
                                     key=f"{key}_uppföljning_{round_}")
        description = st.text_area("Beskrivning", key=f"{key}_beskrivning_{round_}")
        if not st.form_submit_button("Spara åtgärden", type="primary"):
            return
    target = find_group(groups, chosen)
    fields = {"group_name": target.name, "start_month": start, "title": title, "topic": topic,
              "responsible": responsible, "status": status, "follow_up": follow_up, "description": description}
    same = _existing(target, start, title)
    if same is not None:
        st.error(f"Det finns redan en åtgärd '{plain(same.title)}' för {plain(same.group_name)} med start "
                 f"{swedish.month_name(same.start)}. Ändra den under *Ändra en åtgärd* i stället.",
                 icon=":material/block:")
        return
    batch_id = _save(fields, target.level, target.group_id, f"Ny åtgärd: {title.strip()}")
    if batch_id is not None:
        st.session_state[f"{key}_sparad"] = f"Åtgärden '{title.strip()}' är sparad som import nr {batch_id}."
        st.session_state[f"{key}_omgång"] = round_ + 1
        st.rerun()


def _existing(group: Group, start: str, title: str) -> Measure | None:
    """The measure that holds for the group, start month (as typed) and title, if there is one."""
    try:
        month = values.parse_month(start)
    except UserError:
        return None  # the form's check says what is wrong with it
    key = normalize_unit_key(title)
    return next((m for m in measures_module.measures(session.cursor(), group=group)
                 if m.start == month and m.title_key == key), None)


def edit_measure(found: list[Measure], key: str = "ändra") -> None:
    """For HR: change a measure's status, who is responsible, its follow-up and description, or mark
    it genomförd or avbruten. Each change is a batch of its own, so undoing it brings the measure back
    as it was."""
    found = _writable(found) if may_enter() else []
    if not found:
        return
    done = st.session_state.pop(f"{key}_sparad", None)
    if done:
        st.success(done, icon=":material/check_circle:")
    st.markdown("##### Ändra en åtgärd")
    chosen = st.selectbox("Åtgärd att ändra", [m.key for m in found], key=f"{key}_vald",
                          format_func=lambda k: _label(measures_module.find(found, k)))
    measure = measures_module.find(found, chosen)
    with st.form(f"{key}_{chosen}"):
        left, middle, right = st.columns(3)
        status = left.selectbox("Status", STATUS_IDS, format_func=STATUS_LABELS.get, key=f"{key}_status_{chosen}",
                                index=STATUS_IDS.index(measure.status) if measure.status in STATUS_IDS else 0)
        responsible = middle.text_input("Ansvarig", value=measure.responsible or "", key=f"{key}_ansvarig_{chosen}")
        follow_up = right.text_input("Uppföljning", help=MONTH_HELP, key=f"{key}_uppföljning_{chosen}",
                                     value=swedish.month_name(measure.follow_up) if measure.follow_up else "")
        description = st.text_area("Beskrivning", value=measure.description or "", key=f"{key}_beskrivning_{chosen}")
        saved = st.form_submit_button("Spara ändringarna", type="primary")
    left, right = st.columns(2)
    finished = left.button("Markera som genomförd", key=f"{key}_genomförd", disabled=measure.status == "done",
                           icon=":material/task_alt:")
    cancelled = right.button("Markera som avbruten", key=f"{key}_avbruten", disabled=measure.status == "cancelled",
                             icon=":material/cancel:")
    fields = {"status": measure.status, "responsible": measure.responsible, "description": measure.description,
              "follow_up": swedish.month_name(measure.follow_up) if measure.follow_up else None}
    if saved:
        changed = {"status": status, "responsible": responsible, "follow_up": follow_up, "description": description}
        name = f"Ändrad åtgärd: {measure.title}"
    elif finished or cancelled:
        changed = {"status": "done" if finished else "cancelled"}
        name = f"Åtgärd {STATUS_LABELS[changed['status']].lower()}: {measure.title}"
    else:
        return
    batch_id = _save({"group_name": measure.group_name, "start_month": f"{measure.start:%Y-%m}", "title": measure.title,
                      "topic": measure.topic, **fields, **changed}, measure.level, measure.group_id, name, measure)
    if batch_id is not None:
        st.session_state[f"{key}_sparad"] = (f"Ändringen av '{measure.title}' är sparad som import nr {batch_id}. Den "
                                             "kan ångras under Importer.")
        st.rerun()


def _holds(row: pd.Series, measure: Measure) -> bool:
    """Whether a row read from the form says what the measure already holds."""
    return all((row[f] if pd.notna(row[f]) else None) == getattr(measure, f)
               for f in ("status", "responsible", "follow_up", "description"))


def _label(measure: Measure) -> str:
    return (f"{measure.title} – {measure.group_name}, från {swedish.month_name(measure.start)} "
            f"({measure.status_label.lower()})")


def tab() -> None:
    """The Data page's tab: every measure, the form to add one, editing and closing one."""
    found = measures_module.measures(session.cursor())
    st.caption("Vad som görs för att förbättra nyckeltalen, per grupp och område. Åtgärder läses in från en fil "
               "under Ladda upp (kolumnerna enhet, startmånad, åtgärd, område, och gärna ansvarig, status, "
               "uppföljning, beskrivning) eller skrivs in här. Varje ändring sparas som en import som kan ångras.")
    if found:
        st.dataframe(table(found), hide_index=True, width="stretch")
    else:
        st.info("Inga åtgärder är inlagda ännu.", icon=":material/task_alt:")
    edit_measure(found)
    measure_form()


def follow_up_due(measure: Measure, month: dt.date) -> bool:
    """A planned follow-up whose month has come, of a measure not yet done or cancelled."""
    return measure.follow_up is not None and measure.follow_up <= month and measure.status not in ("done", "cancelled")


def topic_section(topic_id: str, group: Group, month: dt.date, found: list[Measure], key: str = "ämne") -> None:
    """A topic page's measures: what was done for the group, the groups above it and those under it (as
    the report lists them), each with what the
    figures say since (a sign, with the chart above), a follow-up that is due, and for HR the offer to
    restart a control chart's baseline where an improvement holds; then HR's form to add one."""
    st.header("Åtgärder och resultat")
    if not found:
        st.caption(f"Inga åtgärder om {TOPICS[topic_id].title.lower()} är registrerade för {plain(group.name)}"
                   + (" eller grupperna över den" if group.level != "kommun" else "")
                   + (" eller enheterna under den" if group.level != "enhet" else "") + f" till och med "
                   f"{swedish.month_name(month)}.")
    hidden_reason = cache.hidden_reason(topic_id)
    for measure in found:
        with st.container(border=True):
            st.markdown(f"**{plain(measure.title)}** · {plain(measure.group_name)} · från "
                        f"{swedish.month_name(measure.start)} · {measure.status_label}"
                        + (f" · ansvarig {plain(measure.responsible)}" if measure.responsible else ""))
            if measure.description:
                st.caption(plain(measure.description))
            for effect in cache.effects_of(measure):
                label = BY_ID[effect.indicator_id].label + ": " if effect.indicator_id else ""
                st.markdown(f"- {label}{readings.effect_words(effect, hidden_reason)}")
                if may_enter(group) and effect.verdict == effects.IMPROVEMENT and effect.since and effect.indicator_id \
                        and SIGNALS in BY_ID[effect.indicator_id].shown and measure.level == group.level \
                        and measure.group_id == group.group_id:
                    _restart_offer(measure, effect, group, key)
            if follow_up_due(measure, month):
                st.warning(f"Uppföljningen var planerad till {swedish.month_name(measure.follow_up)}: dags att följa "
                           "upp och ändra status.", icon=":material/event:")
    if found:
        st.caption("Ett tecken på förbättring eller försämring är en signal i siffrorna efter starten, inte ett "
                   "bevis för att åtgärden orsakade den: se diagrammet ovan, där åtgärderna är markerade.")
    measure_form(topic_id, group, key=f"{key}_ny")


def _restart_offer(measure: Measure, effect, group: Group, key: str) -> None:
    """An improvement that holds: HR may restart the control chart's baseline from its first month
    (never automatic; recorded in the audit log)."""
    since = swedish.month_name(effect.since)
    if st.button(f"Starta om styrdiagrammets baslinje från {since}", key=f"{key}_omstart_{measure.key}_{effect.indicator_id}",
                 help="Förbättringen håller i sig: med en ny baslinje från när den började jämförs kommande månader "
                      "med den nya nivån. Ändringen loggas och kan göras om under Data → Baslinjer."):
        baselines.mark(session.cursor(), baselines.SIGNALS, group.level, group.group_id, effect.since,
                       session.user().name, group.name)
        st.toast(f"Baslinjen för {group.name} startar om från {since}.")
        st.rerun()
