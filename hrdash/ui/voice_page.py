"""Medarbetarnas röst: the three pulse questions of the latest survey up to the chosen month, for
the group and each group under it, compared with the nollmätning HR marks; the response rate; the
questions over time. A hidden group's answers, counts and means are never shown."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from hrdash import swedish
from hrdash.catalogue import BY_ID, QUESTIONS, TOPICS, few_answers
from hrdash.figures import readings
from hrdash.figures import voice as voice_module
from hrdash.figures.format import change_size, difference, format_value
from hrdash.figures.groups import member_units, reporting
from hrdash.figures.series import why_empty
from hrdash.figures.voice import AGREE, ANSWERS, RESPONSE
from hrdash.markdown import plain
from hrdash.months import shift
from hrdash.store import baselines
from hrdash.ui import cache, charts, comparison, session, sidebar, widgets

TOPIC = TOPICS["voice"]


def render() -> None:
    selection = sidebar.selection()
    st.title(TOPIC.title)
    if selection is None:
        widgets.empty_state("pulsfrågorna")
        return
    group, month = selection.group, selection.month
    data_version, hidden = session.version(), session.unsuppressed()
    members = reporting(session.cursor(), member_units(cache.groups(data_version), group), TOPIC.kind)
    found = cache.voice(group, tuple(members), month, hidden)
    st.subheader(f"{group.name} · {swedish.tertial_name(found.survey)} ({swedish.tertial_months(found.survey)})")
    since = shift(selection.first, -4) if selection.first else None
    series = cache.series(data_version, group, (*AGREE, *ANSWERS, RESPONSE,
                                               *(f"pulse_{q.id}_mean" for q in QUESTIONS)), hidden, since, month)
    if series.empty or series[list(AGREE)].isna().all().all() and not found.notes:
        widgets.empty_state("pulsfrågorna", *why_empty(series, AGREE[0], group.name, "pulsfrågorna"))
        return
    st.markdown(f"#### {voice_module.headline(group.name, found)}")
    st.caption("Andelen som instämmer är de som svarat något av de två högsta stegen på skalan. "
               + (f"Nollmätningen är {swedish.tertial_name(found.baseline)}." if found.baseline else
                  "Ingen nollmätning är markerad ännu."))

    for column, indicator_id in zip(st.columns(len(AGREE) + 1), (*AGREE, RESPONSE)):
        with column, st.container(border=True):
            value, reference = found.values.get(indicator_id), found.reference.get(indicator_id)
            change = difference(indicator_id, value, reference)
            st.metric(BY_ID[indicator_id].label if indicator_id != RESPONSE else "Svarsfrekvens",
                      format_value(indicator_id, value),
                      delta=None if change is None else change_size(indicator_id, change),
                      delta_arrow="off" if not change else ("up" if change > 0 else "down"),
                      delta_color="green" if change and change > 0 else "red" if change and change < 0 else "gray",
                      delta_description="mot nollmätningen" if change is not None else None,
                      help=BY_ID[indicator_id].definition)
            if value is None and found.notes.get(indicator_id):
                st.caption(f"Visas inte: {found.notes[indicator_id].lower()}.")

    shown = series[series[list(AGREE)].notna().any(axis=1) | series[RESPONSE].notna()]
    st.plotly_chart(charts.lines(shown, list(AGREE), labels={f"pulse_{q.id}_agree_pct": q.short for q in QUESTIONS},
                                 references={i: v for i, v in found.reference.items() if i in AGREE and v is not None},
                                 reference_label="nollmätning", tertials=True),
                    config=widgets.PLOTLY_CONFIG, theme=None, key="puls")
    with st.expander("Siffrorna bakom diagrammet"):
        widgets.table(shown, [*AGREE, *ANSWERS, RESPONSE], period="tertial")
    widgets.definitions([*AGREE, RESPONSE])
    widgets.comment(TOPIC.id, group, month, found.survey)

    if not found.members.empty:
        st.header(f"Per enhet, {swedish.tertial_name(found.survey)}")
        st.table(_per_unit(found.members), hide_index=True, border="horizontal")
        st.caption("Andel som instämmer i varje påstående, och hur många som svarade på det.")
        st.caption(f"En grupp med {few_answers()} på en fråga visas inte, och när en enda enhet i en avdelning döljs "
                   "döljs även den med minst svar bland de andra, så att svaren inte kan räknas fram.")

    if members:
        question = st.segmented_control("Jämför enheterna i påståendet", list(AGREE), default=AGREE[0],
                                        format_func=lambda i: BY_ID[i].legend, key="jämför_påstående") or AGREE[0]
        comparison.render(question, group, members, found.survey, hidden, key="röst")

    if members:
        _cycle(group, [m for m in members if m.level == "enhet"], month, hidden)

    means = [f"pulse_{q.id}_mean" for q in QUESTIONS]
    st.header("Medelvärde (1–5)")
    if shown[means].isna().all().all():
        st.info(TOPIC.breakdowns[1].missing, icon=":material/info:")
    else:
        st.plotly_chart(charts.lines(shown, means, labels={f"pulse_{q.id}_mean": q.short for q in QUESTIONS},
                                     tertials=True), config=widgets.PLOTLY_CONFIG, theme=None, key="medel")
    if session.user().role in ("hr", "admin") and session.user().may_write(group):
        _mark_baseline(group, shown, found)


def _mark_baseline(group, shown, found) -> None:
    """HR marks the survey the answers are compared with."""
    surveys = [m for m in shown["month"]]
    if not surveys:
        return
    with st.expander("Nollmätning (för HR)"), st.form("nollmätning"):
        st.caption(f"Den markerade nollmätningen gäller {plain(group.name)} och grupperna under den som inte har en "
                   "egen. Ändringen loggas.")
        chosen = st.selectbox("Jämför med", surveys, format_func=swedish.tertial_name, key="nollmätning_tertial",
                              index=surveys.index(found.baseline) if found.baseline in surveys else 0)
        if st.form_submit_button("Spara nollmätningen"):
            baselines.mark(session.cursor(), baselines.PULSE, group.level, group.group_id, chosen, session.user().name,
                           group.name)
            st.toast("Nollmätningen är sparad.")
            st.rerun()


def _cycle(group, units, month, unsuppressed: bool) -> None:
    """Stockholm's tertial cycle for the year of the month: T1 asked, a plan by T2, T3 followed up. What the
    answers say since the plan is left unsaid where a tertial's answers are hidden (unless HR asked to see them)."""
    year = month.year
    steps = cache.cycle(tuple(units), year, month)
    if not steps:
        return
    st.header(f"Tertialcykeln {year}")
    st.caption("Vid T1 ställs frågorna, till T2 tas en plan fram (en åtgärd inom medarbetarnas röst för enheten "
               "eller en grupp över den), vid T3 följs arbetet upp. Ett steg som ännu inte är aktuellt står som "
               "”kommer”.")
    done = {True: "Ja", False: "Nej", None: "Kommer"}
    hidden = cache.hidden_reason("voice")
    rows = []
    for step in steps:
        said = "; ".join(f"{BY_ID[e.indicator_id].legend.lower()}: "
                         f"{readings.effect_words(e.shown(unsuppressed), hidden).lower()}"
                         for e in step.results) if step.followed_up else ""
        rows.append({"Enhet": step.unit.name, "T1: svar inlämnade": done[step.asked],
                     "T2: plan": (f"{step.plan.title} ({swedish.month_name(step.plan.start, short=True)})"
                                  if step.plan else ("Saknas" if step.plan_due else "Kommer")),
                     "T3: uppföljning": done[step.followed_up], "Vad svaren säger sedan planen": said or "–"})
    st.table(pd.DataFrame(rows), hide_index=True, border="horizontal")
    missing: dict[str, list[str]] = {}
    for step in steps:
        if step.missing:
            missing.setdefault(step.missing, []).append(step.unit.name)
    if session.user().role in ("hr", "admin"):
        if missing:
            st.warning("Steg som inte är gjorda:  \n" + "  \n".join(
                f"{what[0].upper()}{what[1:]}: {', '.join(plain(n) for n in names)}." for what, names in missing.items()),
                icon=":material/assignment_late:")
        else:
            st.success("Alla enheter har gjort de steg som hittills är aktuella i år.", icon=":material/check_circle:")


def _per_unit(members: pd.DataFrame) -> pd.DataFrame:
    """Each unit's share who agree in each statement with how many answered beside it ('42,9 % (14 svar)'),
    and the response rate; a hidden figure as '–' with the reason."""
    rows = []
    for row in members.to_dict("records"):
        shown = {"Enhet": row["name"]}
        for q in QUESTIONS:
            agree, answers = row[f"pulse_{q.id}_agree_pct"], row[f"pulse_{q.id}_answers"]
            note = row.get(f"note_pulse_{q.id}_agree_pct") or ""
            shown[q.short] = (f"{format_value(f'pulse_{q.id}_agree_pct', agree)} ({swedish.number(answers)} svar)"
                              if agree is not None and agree == agree else f"– {note.lower()}".strip())
        shown["Svarsfrekvens"] = format_value(RESPONSE, row[RESPONSE] if row[RESPONSE] == row[RESPONSE] else None)
        rows.append(shown)
    return pd.DataFrame(rows)
