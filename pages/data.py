"""Data: the imports with undo, which units have reported, the organisation, the measures taken,
targets and baselines, the settings (the cost figures, the privacy line), and the log."""

import pandas as pd
import streamlit as st

from hrdash.catalogue import BY_ID, INDICATORS
from hrdash.errors import UserError
from hrdash.figures.format import format_value
from hrdash.figures.groups import find_group
from hrdash.markdown import plain
from hrdash.store import audit, batches, targets
from hrdash.ui import backups, cache, data_page, measures, registry, session, widgets
from hrdash.ui.number_field import number_field, show_back

registry.guard(__file__)

st.title("Data")
con = session.cursor()
user = session.user()
(imports_tab, completeness_tab, organisation_tab, measures_tab, goals_tab, baselines_tab, settings_tab,
 log_tab) = st.tabs(["Importer", "Rapporterat", "Organisation", "Åtgärder", "Mål", "Baslinjer", "Inställningar", "Logg"])

with imports_tab:
    table = data_page.batches_table(con)
    if table.empty:
        widgets.empty_state("några importer")
    else:
        st.dataframe(table, hide_index=True, width="stretch", column_config={  # fits 1280×720 without scrolling
            "Nr": st.column_config.NumberColumn(width=45), "Importerad": st.column_config.TextColumn(width=135),
            "Av": st.column_config.TextColumn(width=70), "Fil": st.column_config.TextColumn(width=190),
            "Typ": st.column_config.TextColumn(width=140), "Rader": st.column_config.TextColumn(width=60),
            "Status": st.column_config.TextColumn(width=110)})
        active = [int(b) for b, status in zip(table["Nr"], table["Status"]) if status == "Gäller"]
        if active:
            st.markdown("#### Ångra en import")
            st.caption("Ångrar du en import gäller det den ersatte igen. Inget raderas; importen finns kvar i listan.")
            chosen = st.selectbox("Import", active, key="ångra_batch", format_func=lambda b: next(
                f"Nr {b}: {row.Fil} ({row.Typ}, {row.Importerad})" for row in table.itertuples() if row.Nr == b))
            if st.button(f"Ångra import nr {chosen}", key="ångra"):
                st.session_state["bekräfta_ångra"] = chosen
            if st.session_state.get("bekräfta_ångra") == chosen:
                st.warning(f"Vill du ångra import nr {chosen}? Siffrorna den ersatte gäller igen.", icon=":material/warning:")
                if st.button("Ja, ångra", key="ja_ångra", type="primary"):
                    del st.session_state["bekräfta_ångra"]
                    try:
                        batches.undo(con, chosen, user.name, scopes=user.write_scopes)
                    except UserError as refused:
                        st.error(plain(str(refused)), icon=":material/block:")
                    else:
                        st.toast(f"Import nr {chosen} är ångrad.")
                        st.rerun()

with completeness_tab:
    kinds = data_page.kinds_with_data(con)
    if not kinds:
        widgets.empty_state("någon enhet")
    else:
        kind_id = st.segmented_control("Uppgift", [k for k, _ in kinds], default=kinds[0][0],
                                       format_func=dict(kinds).get, key="fullständighet") or kinds[0][0]
        st.caption("✓ rapporterat · saknas: enheten finns i organisationen men har inte rapporterat. "
                   "De senaste 12 månaderna.")
        st.dataframe(data_page.completeness(con, kind_id), hide_index=True, width="stretch")
        data_page.missing_section(con, user)

with organisation_tab:
    tree = data_page.organisation(con)
    if tree.empty:
        widgets.empty_state("organisationen")
    else:
        unplaced = tree[tree["ej_placerad"]]
        if not unplaced.empty:
            st.warning("Ej placerade enheter – de har siffror men finns inte i organisationsfilen: "
                       + ", ".join(unplaced["enhet"]) + ". Ladda upp en organisationsfil som placerar dem.",
                       icon=":material/warning:")
        placed = tree[~tree["ej_placerad"]]
        if len(placed) > 100:  # a whole municipality: a table to search and sort instead of a tree
            st.dataframe(placed.drop(columns="ej_placerad"), hide_index=True, width="stretch")
        for administration, in_administration in ([] if len(placed) > 100 else placed.groupby("förvaltning",
                                                                                             sort=False)):
            st.markdown(f"### {plain(administration)}")
            for department, units in in_administration.groupby("avdelning", sort=False):
                with st.expander(f"{department} ({len(units)} enheter)"):
                    st.markdown("\n".join(
                        f"- {plain(unit.enhet)}"
                        + (f" · kod {unit.enhetskod}" if unit.enhetskod else "")
                        + (f" · från {unit.gäller_från:%Y-%m}" if pd.notna(unit.gäller_från) else "")
                        for unit in units.itertuples()))

with measures_tab:
    measures.tab()

with goals_tab:
    all_groups = cache.groups(session.version())
    current = targets.current(con)
    if not current.empty:
        shown = current.assign(
            Nyckeltal=[BY_ID[i].label for i in current["indicator"]],
            Gäller=[getattr(find_group(all_groups, f"{level}:{group_id}"), "label", group_id)
                    for level, group_id in zip(current["level"], current["group_id"])],
            Mål=[format_value(i, v) for i, v in zip(current["indicator"], current["value"])],
        )[["Nyckeltal", "Gäller", "Mål"]]
        st.dataframe(shown, hide_index=True, width="stretch")
    else:
        st.caption("Inga mål är satta ännu.")
    if not all_groups:
        st.caption("Mål kan sättas när det finns siffror.")
    elif user.role in ("hr", "admin"):
        st.markdown("#### Sätt ett mål")
        st.caption("Ett mål för förvaltningen gäller alla dess avdelningar och enheter, om inte en avdelning eller "
                   "enhet har ett eget.")
        with st.form("mål"):
            indicator = st.selectbox("Nyckeltal", [i.id for i in INDICATORS if i.higher_is_worse],
                                     format_func=lambda i: BY_ID[i].label, key="mål_nyckeltal")
            group_key = st.selectbox("Gäller för", [g.key for g in all_groups if user.may_write(g)], key="mål_grupp",
                                     format_func=lambda k: find_group(all_groups, k).label)
            allowed = targets.range_of(indicator)
            field = number_field("Mål (högst)", None, key="mål_värde", holds=allowed.holds, whole=allowed.whole,
                                 check=lambda v: targets.problem(indicator, v),
                                 help="I nyckeltalets enhet, med decimalkomma: 35,5 för 35,5 %, 1 234,5 för kronor. "
                                      "Lämna tomt och spara för att ta bort målet.")
            if st.form_submit_button("Spara målet", type="primary"):
                if field.problem:
                    st.error(f"{field.problem} Målet är inte sparat.", icon=":material/block:")
                else:
                    group = find_group(all_groups, group_key)
                    targets.set_target(con, indicator, group.level, group.group_id, field.value, user.name)
                    show_back("mål_värde", field.value)
                    st.toast("Målet är sparat." if field.value is not None else "Målet är borttaget.")
                    st.rerun()

with baselines_tab:
    data_page.signal_baselines(con, cache.groups(session.version()), user)

with settings_tab:
    data_page.settings_section(con, user)
    data_page.manager_reports_section(con, user)
    data_page.kolada_section(con, user, cache.municipalities(session.version()))

with log_tab:
    st.dataframe(audit.entries(con).rename(columns={"happened_at": "Tid", "who": "Vem", "action": "Händelse",
                                                    "detail": "Uppgift"}), hide_index=True, width="stretch")

backups.section(user)
