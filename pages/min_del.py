"""Min del (chef): the manager's own units, their sick leave in full, and the month's caseload she reports."""

import pandas as pd
import streamlit as st

from hrdash import swedish
from hrdash.catalogue import BY_ID, few_people
from hrdash.errors import UserError
from hrdash.figures import own_part
from hrdash.ingest import entry
from hrdash.markdown import plain
from hrdash.months import shift
from hrdash.store import batches, scopes, units
from hrdash.store.queries import read
from hrdash.ui import cache, registry, session

registry.guard(__file__)
st.title("Min del")
con = session.cursor()
user = session.user()
own = user.manages
groups = own_part.own_groups(cache.groups(session.version()), own)
months = [row[0] for row in read(con, "report_months").fetchall()]
st.markdown(f"Du är chef för {plain(scopes.words(con, own))}. Här ser du sjukfrånvaron i dina enheter och "
            "rapporterar månadens ärenden.")
if not groups or not months:
    st.info("Det finns inga siffror för dina enheter ännu.", icon=":material/info:")
    st.stop()

sick_tab, report_tab = st.tabs(["Sjukfrånvaro i dina enheter", "Rapportera ärenden"])
with sick_tab:
    indicator = st.segmented_control("Nyckeltal", own_part.SHOWN, default=own_part.SHOWN[0], key="min_del_nyckeltal",
                                     format_func=lambda i: BY_ID[i].label) or own_part.SHOWN[0]
    st.caption(f"Du ser sjukfrånvaron även för enheter med {few_people(cache.health_limit())}, som nämnden inte "
               "ser: som chef får du redan varje sjukanmälan. Visa inte de siffrorna för andra. Svar på pulsfrågorna "
               "och avgångssamtalen från färre än 5 visas aldrig, inte heller för dig. De senaste 12 månaderna, den "
               "senaste först; – där enheten inte har rapporterat, tomt där den inte hörde till dig.")
    table, notes = own_part.sick_leave(con, groups, own, indicator, months[0])
    st.dataframe(table, hide_index=True, width="stretch")
    if notes:
        st.caption("\\* Ofullständig månad: " + " ".join(plain(n) for n in notes))

with report_tab:
    reporting = own_part.caseload_units(con, groups)
    if not reporting:
        st.info("Ingen av dina enheter rapporterar ärenden.", icon=":material/info:")
        st.stop()
    saved = st.session_state.pop("min_del_sparad", None)  # said once, after the rerun that shows it
    if saved:
        st.success(saved, icon=":material/check_circle:")
    offered = [shift(months[0], 1), *months[:3]]
    month = st.selectbox("Månad", offered, index=1, format_func=swedish.month_name, key="min_del_månad")
    st.caption("Fyll i en rad per enhet: aktuella ärenden vid månadens slut, handläggare i årsarbetare (t.ex. 7,5), "
               "nya och avslutade ärenden under månaden. En tom rad rapporteras inte nu. Det du skickar in läses in "
               "som en import i ditt namn, som HR kan ångra.")
    grid = pd.DataFrame({"Enhet": [g.name for g in reporting], "unit_id": [g.group_id for g in reporting],
                         **{f: [""] * len(reporting) for f in entry.CASELOAD_FIGURES}})
    typed = st.data_editor(
        grid, hide_index=True, width="stretch", key=f"min_del_ärenden_{month:%Y%m}", num_rows="fixed",
        column_order=["Enhet", *entry.CASELOAD_FIGURES],
        column_config={"Enhet": st.column_config.TextColumn(disabled=True, width=200),  # fits 1280×720
                       **{f: st.column_config.TextColumn(f, width=125) for f in entry.CASELOAD_FIGURES}})
    if st.button("Skicka in", type="primary", key="min_del_skicka"):
        parsed = entry.read_caseload(typed, month, user.name, units.known(con))
        filled = [row["Enhet"] for row in entry.caseload_rows(typed)]
        if parsed is None:
            st.warning("Fyll i siffrorna för minst en enhet.", icon=":material/warning:")
        elif not parsed.ok:
            st.error("Inget skickades in. Rätta och skicka igen:  \n" + "  \n".join(
                plain(entry.grid_problem(p, filled)) for p in parsed.problems), icon=":material/block:")
        else:
            try:
                batch = batches.import_file(con, parsed, user.name, action="Chefens rapport", scopes=own)
            except UserError as refused:
                st.error("\n\n".join(plain(line) for line in refused.lines()), icon=":material/block:")
            else:
                st.session_state["min_del_sparad"] = (
                    f"Tack! Ärendena för {swedish.month_name(month)} är inlästa för {swedish.join_words(filled)} "
                    f"(import nr {batch.batch_id}). HR kan ångra den under Data → Importer.")
                st.rerun()
