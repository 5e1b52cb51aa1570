"""Min del (chef): the manager's own units, their sick leave in full, and the figures she reports
herself: the month's caseload and the tertial's pulse answers, and vacancies and recruitment where HR
has opened them (hrdash/store/manager_reports.py)."""

import pandas as pd
import streamlit as st

from hrdash import swedish
from hrdash.catalogue import BY_ID, QUESTIONS, few_people
from hrdash.figures import own_part
from hrdash.ingest import entry
from hrdash.ingest.columns import CASELOAD, PULSE, RECRUITMENT, VACANCIES
from hrdash.markdown import plain
from hrdash.months import shift
from hrdash.store import manager_reports, scopes
from hrdash.store.queries import read
from hrdash.ui import cache, grid_report, registry, session

registry.guard(__file__)
st.title("Min del")
con = session.cursor()
user = session.user()
own = user.manages
groups = own_part.own_groups(cache.groups(session.version()), own)
months = [row[0] for row in read(con, "report_months").fetchall()]
reported = manager_reports.opened(con)
asked = swedish.join_words([manager_reports.OFFERED[k].lower() for k in reported])
st.markdown(f"Du är chef för {plain(scopes.words(con, own))}. Här ser du sjukfrånvaron i dina enheter"
            + (f" och rapporterar {asked}." if reported else "."))
if not groups or not months:
    st.info("Det finns inga siffror för dina enheter ännu.", icon=":material/info:")
    st.stop()

# What a manager types in each month's grid, by kind.
MONTH_HELP = {
    CASELOAD.id: "aktuella ärenden vid månadens slut, handläggare i årsarbetare (t.ex. 7,5), nya och avslutade ärenden "
                 "under månaden",
    VACANCIES.id: "budgeterade och besatta tjänster vid månadens slut (t.ex. 10,5), och gärna inhyrda konsulter och vad "
                  "de kostade under månaden (kr)",
    RECRUITMENT.id: "hur många tjänster som behöver rekryteras, hur många rekryteringar som pågår och hur många "
                    "tjänster som tillsattes under månaden",
}


def month_report(kind, what: str) -> None:
    """A month's figures of a kind for the manager's units that report it (all her units where none has yet)."""
    grid, _ = entry.MONTH_GRIDS[kind.id]
    reporting = own_part.reporting_units(con, groups, kind) or [g for g in groups if g.level == "enhet"]
    if not reporting:
        st.info(f"Ingen av dina enheter rapporterar {what}.", icon=":material/info:")
        return
    offered = [shift(months[0], 1), *months[:3]]
    key = "min_del" if kind is CASELOAD else f"min_del_{kind.id}"
    month = st.selectbox("Månad", offered, index=1, format_func=swedish.month_name, key=f"{key}_månad")
    st.caption(f"Fyll i en rad per enhet: {MONTH_HELP[kind.id]}. En tom rad rapporteras inte nu. Det du skickar in "
               "läses in som en import i ditt namn, som HR kan ångra.")
    grid_report.grid_form(grid, pd.DataFrame({"Enhet": [g.name for g in reporting],
                                              "unit_id": [g.group_id for g in reporting]}),
                          f"{'min_del_ärenden' if kind is CASELOAD else key}_{month:%Y%m}",
                          lambda typed, who, known: entry.read_month(kind.id, typed, month, who, known),
                          f"{what.capitalize()} för {swedish.month_name(month)}")


def pulse_report() -> None:
    """The tertial's answers to the three questions, one of her units at a time (they fit 1280 pixels)."""
    reporting = own_part.reporting_units(con, groups, PULSE)
    if not reporting:
        st.info("Ingen av dina enheter rapporterar pulsfrågorna.", icon=":material/info:")
        return
    current = own_part.tertial_end(shift(months[0], 1))
    offered = [current, shift(current, -4), shift(current, -8)]
    when, which = st.columns(2)
    last = when.selectbox("Tertial", offered, format_func=lambda m: f"{swedish.tertial_name(m)} "
                        f"({swedish.tertial_months(m)})", key="min_del_tertial")
    unit = which.selectbox("Enhet", reporting, format_func=lambda g: g.name, key="min_del_puls_enhet")
    st.caption("Fyll i en rad per fråga från enkätverktygets sammanställning för enheten: hur många som "
               "tillfrågades och svarade, hur många som instämde (de två högsta stegen) och gärna medelvärdet "
               "(1–5, t.ex. 3,8). Svaren visas aldrig för grupper med färre än 5 svar, inte heller för dig. Det "
               "du skickar in läses in som en import i ditt namn, som HR kan ångra.")
    rows = pd.DataFrame([{"Enhet": unit.name, "unit_id": unit.group_id, "Fråga": q.short} for q in QUESTIONS])
    grid_report.grid_form(entry.PULSE_GRID, rows, f"min_del_puls_{last:%Y%m}_{unit.group_id}",
                          lambda typed, who, known: entry.read_pulse(typed, last, who, known),
                          f"Pulssvaren för {swedish.tertial_name(last)}", shown=("Fråga",))


tabs = st.tabs(["Sjukfrånvaro i dina enheter", *[f"Rapportera {manager_reports.OFFERED[k].lower()}" for k in reported]])
sick_tab, report_tabs = tabs[0], dict(zip(reported, tabs[1:]))
with sick_tab:
    indicator = st.segmented_control("Nyckeltal", own_part.SHOWN, default=own_part.SHOWN[0], key="min_del_nyckeltal",
                                     format_func=lambda i: BY_ID[i].label) or own_part.SHOWN[0]
    st.caption(f"Du ser sjukfrånvaron även för enheter med {few_people(cache.health_limit())}, som nämnden inte "
               "ser: som chef får du redan varje sjukanmälan. Visa inte de siffrorna för andra. Svar på pulsfrågorna "
               "och avgångssamtalen från färre än 5 visas aldrig, inte heller för dig. De senaste 12 månaderna, den "
               "senaste först; – där enheten inte har rapporterat, tomt där den inte hörde till dig.")
    # Also the units that were hers earlier in the 12 months and have moved since, in those months only.
    shown = own_part.own_groups(cache.groups(session.version()), own, own_part.held_units(con, own, months[0]))
    table, notes = own_part.sick_leave(con, shown, own, indicator, months[0])
    st.dataframe(table, hide_index=True, width="stretch")
    if notes:
        st.caption("\\* Ofullständig månad: " + " ".join(plain(n) for n in notes))

for kind, what in ((CASELOAD, "ärendena"), (VACANCIES, "vakanserna"), (RECRUITMENT, "rekryteringsbehovet")):
    if kind.id in report_tabs:
        with report_tabs[kind.id]:
            month_report(kind, what)
if PULSE.id in report_tabs:
    with report_tabs[PULSE.id]:
        pulse_report()
