"""What the Data page shows HR: the batches, which units have reported (and a reminder to those
that have not), the organisation, the
baselines of the control charts, the settings of the cost figures and the privacy line, and the
figures from Kolada the yearly view compares with."""

from __future__ import annotations

import duckdb
import pandas as pd
import streamlit as st

from hrdash import swedish
from hrdash.catalogue import KINDS_WITHOUT_COVERAGE
from hrdash.errors import UserError
from hrdash.figures import missing
from hrdash.ingest.columns import DATA_KINDS
from hrdash.ingest.kolada import parse_references
from hrdash.markdown import plain
from hrdash.store import baselines, batches, manager_reports, references, scopes, settings
from hrdash.store.queries import read
from hrdash.ui.number_field import number_field, show_back


def batches_table(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    rows = [
        {
            "Nr": b.batch_id,
            "Importerad": swedish.clock(b.imported_at),
            "Av": b.imported_by,
            "Fil": b.file_name,
            "Typ": b.kind_names,
            "Rader": swedish.number(b.row_count),
            "Status": f"Ångrad {swedish.clock(b.undone_at)} av {b.undone_by}" if b.undone_at else "Gäller",
        }
        for b in batches.list_batches(con)
    ]
    return pd.DataFrame(rows, columns=["Nr", "Importerad", "Av", "Fil", "Typ", "Rader", "Status"])


REPORTED, MISSING = "✓", "saknas"


def completeness(con: duckdb.DuckDBPyConnection, kind_id: str) -> pd.DataFrame:
    """Unit × month for one kind: ✓ where the unit reported, 'saknas' where the organisation
    expects it but nothing came, empty where the unit was not part of the organisation; the
    latest 12 months, newest first, so that the month HR is after shows without scrolling sideways
    (queries/marts/unit_reporting.sql)."""
    frame = read(con, "unit_reporting", "department, unit_name, month, reported, expected", kind=kind_id).df()
    if frame.empty:
        return frame
    frame["cell"] = [REPORTED if r else (MISSING if e else "") for r, e in zip(frame["reported"], frame["expected"])]
    month_dates = frame["month"].dt.date
    frame["label"] = [swedish.month_name(m, short=True) for m in month_dates]
    order = [swedish.month_name(m, short=True) for m in sorted(month_dates.unique(), reverse=True)]
    table = frame.pivot_table(index=["department", "unit_name"], columns="label", values="cell", aggfunc="first",
                              fill_value="")
    table = table[order].reset_index().rename(columns={"department": "Avdelning", "unit_name": "Enhet"})
    return table.sort_values(["Avdelning", "Enhet"], key=lambda s: s.str.casefold()).reset_index(drop=True)


def missing_section(con: duckdb.DuckDBPyConnection, user) -> None:
    """The units in HR's part that have not reported for a month, each with its managers and a
    reminder to send them (hrdash/figures/missing.py)."""
    st.markdown("#### Vem har inte rapporterat?")
    months = [row[0] for row in read(con, "report_months").fetchall()]
    month = st.selectbox("Månad", months, format_func=swedish.month_name, key="saknas_månad",
                         help="Pulsfrågorna visas för tertialen som slutar den månaden (april, augusti, december).")
    where = "hela organisationen" if user.writes_everywhere else scopes.words(con, user.write_scopes)
    found = missing.missing(con, month, user.write_scopes)
    if found.empty:
        st.success(f"Alla enheter i {where} har rapporterat det som väntas för {swedish.month_name(month)}.",
                   icon=":material/check_circle:")
        return
    units = f"{len(found)} enhet" if len(found) == 1 else f"{len(found)} enheter"
    st.markdown(f"{units} i {where} har inte rapporterat allt för {swedish.month_name(month)}. Länken öppnar ett "
                "e-postmeddelande till enhetens chef med påminnelsen skriven. En enhet utan chef får en chef på "
                "sidan Behörigheter (rollen Chef, med enheten eller avdelningen som del av organisationen).")
    several = found["Förvaltning"].nunique() > 1
    for (administration, department), in_department in found.groupby(["Förvaltning", "Avdelning"], sort=False):
        st.markdown(f"**{plain(department)}**" + (f" ({plain(administration)})" if several else ""))
        st.markdown("\n".join(
            f"- {plain(row.Enhet)}: {plain(row.Saknas)}. "
            + (f"Chef: {plain(row.Chef)} · [Skriv påminnelse]({row.Påminnelse})" if row.Påminnelse
               else f"{missing.NO_MANAGER}.")
            for row in in_department.itertuples()))


def organisation(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Each unit where the organisation places it now (its latest placement), and the units with
    figures that the organisation does not place, as 'Ej placerad'."""
    return read(con, "organisation_tree").df()


def kinds_with_data(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """(kind id, Swedish name) for the kinds that have any current figures and are expected to
    report (exit interviews are not: a month without them had none)."""
    present = {row[0] for row in read(con, "kinds_with_data").fetchall()}
    return [(k.id, k.name) for k in DATA_KINDS if k.id in present and k.id not in KINDS_WITHOUT_COVERAGE]


def signal_baselines(con: duckdb.DuckDBPyConnection, all_groups: list, user) -> None:
    """Where each group's control charts take their baseline from, and for HR a way to start it
    again after a known change (a reorganisation): the limits are then computed from the 12 months
    from then on."""
    marks = read(con, "current_baselines", "level, group_id, month, set_by, set_at", kind=baselines.SIGNALS).df()
    names = {(g.level, g.group_id): g.label for g in all_groups}
    st.markdown("Styrdiagrammens mittlinje och gränser räknas från de första 12 månaderna i serien. Efter en känd "
                "förändring, till exempel en omorganisation, kan HR låta baslinjen börja om från en månad. Det "
                "gäller gruppens egna diagram och loggas.")
    if marks.empty:
        st.caption("Ingen grupp har en omstartad baslinje.")
    else:
        st.dataframe(pd.DataFrame({
            "Gäller": [names.get((lv, g), g) for lv, g in zip(marks["level"], marks["group_id"])],
            "Baslinjen börjar": [swedish.month_name(m) for m in marks["month"].dt.date],
            "Satt av": marks["set_by"], "Satt": [swedish.clock(t) for t in marks["set_at"]],
        }), hide_index=True, width="stretch")
    if user.role not in ("hr", "admin") or not all_groups:
        return
    months = [row[0] for row in read(con, "report_months").fetchall()]
    with st.form("baslinje"):
        chosen = st.selectbox("Grupp", [g.key for g in all_groups if user.may_write(g)], key="baslinje_grupp",
                              format_func=lambda k: next(g.label for g in all_groups if g.key == k))
        month = st.selectbox("Baslinjen börjar", [None, *months], key="baslinje_månad",
                             format_func=lambda m: "Från seriens början (ta bort omstarten)" if m is None
                             else swedish.month_name(m))
        if st.form_submit_button("Spara baslinjen", type="primary"):
            group = next(g for g in all_groups if g.key == chosen)
            baselines.mark(con, baselines.SIGNALS, group.level, group.group_id, month, user.name, group.name)
            st.toast("Baslinjen är sparad.")
            st.rerun()


def settings_section(con: duckdb.DuckDBPyConnection, user) -> None:
    """The settings the cost figures are computed with (HR changes them), and the privacy line of
    sick-leave figures (an administrator may raise it above the law's, never lower it)."""
    values = settings.current(con)
    for setting in settings.SETTINGS:
        st.markdown(f"**{setting.label}:** {setting.shown(values[setting.key])}  \n{setting.help}")
    editable = [s for s in settings.SETTINGS
                if user.role == "admin" or (user.role == "hr" and user.writes_everywhere and not s.admin_only)]
    if not editable:
        return
    with st.form("inställningar"):
        fields = {}
        for s in editable:
            label = (f"{s.label} (kr)" if s.unit == settings.KRONOR
                     else f"{s.label} (antal personer, lägst {swedish.number(s.default)})")
            fields[s.key] = number_field(label, values[s.key], key=f"inställning_{s.key}", holds=s.holds,
                                         whole=s.unit == settings.PEOPLE, check=s.problem)
        if st.form_submit_button("Spara inställningarna", type="primary"):
            problems = [f.problem for f in fields.values() if f.problem]
            if problems:
                st.error("  \n".join(problems) + "  \nInget är sparat.", icon=":material/block:")
                return
            for key, field in fields.items():
                if field.value != values[key]:
                    settings.change(con, key, field.value, user.name)
                show_back(f"inställning_{key}", field.value)
            st.toast("Inställningarna är sparade.")
            st.rerun()


def manager_reports_section(con: duckdb.DuckDBPyConnection, user) -> None:
    """Which figures managers report themselves on Min del; HR of the whole organisation opens and closes them."""
    st.header("Chefer rapporterar själva")
    opened = manager_reports.opened(con)
    names = [manager_reports.OFFERED[k] for k in opened]
    st.markdown(f"På Min del rapporterar cheferna för sina enheter: {swedish.join_words(names).lower() or 'inget'}. "
                "Varje rapport läses in som en import i chefens namn, som HR kan ångra. Sjukfrånvaro och "
                "personalomsättning kommer från lönesystemet och rapporteras aldrig i ett formulär.")
    if not (user.role == "admin" or (user.role == "hr" and user.writes_everywhere)):
        return
    with st.form("chefers_rapporter"):
        chosen = {kind: st.checkbox(name, value=kind in opened, key=f"chefer_rapporterar_{kind}")
                  for kind, name in manager_reports.OFFERED.items()}
        if st.form_submit_button("Spara", type="primary"):
            manager_reports.change(con, [k for k, on in chosen.items() if on], user.name)
            st.toast("Sparat: cheferna ser ändringen på Min del.")
            st.rerun()


def kolada_section(con: duckdb.DuckDBPyConnection, user, municipalities: dict[str, str]) -> None:
    """Kolada's figures for the page Årsredovisning: the organisation's own municipality, up to five
    more to compare with (from those the imported figures hold), and a file of Kolada's to import
    (a batch like every import: listed and undone under Importer)."""
    own, compared = references.choices(con)
    st.markdown("#### Jämförelse med andra kommuner (Kolada)")
    saved = st.session_state.pop("kolada_sparad", None)  # said once, after the rerun that shows it
    if saved:
        st.success(saved, icon=":material/check_circle:")
    st.markdown("Årsredovisningen visar förvaltningens sjukfrånvaro bredvid kommunens, rikets och upp till fem "
                "andra kommuners, som Kolada (RKA) publicerar dem. "
                f"**Kommunens id i Kolada:** {own or 'inget angivet'}. "
                f"**Jämförs med:** {', '.join(municipalities.get(m, m) for m in compared) or 'inga'}.")
    if user.role not in ("hr", "admin") or not user.writes_everywhere:
        return
    with st.form("kolada_val"):
        typed = st.text_input("Kommunens id i Kolada", own or "", key="kolada_kommun", max_chars=4,
                              help="Fyra siffror, som 0380 för Uppsala. Riket (0000) visas alltid.")
        options = list(dict.fromkeys([*municipalities, *compared]))
        chosen = st.multiselect("Jämför med", options, default=compared, max_selections=references.MAX_COMPARED,
                                format_func=lambda m: municipalities.get(m, m), key="kolada_jämför",
                                help="Kommunerna som de importerade siffrorna från Kolada har.")
        if st.form_submit_button("Spara jämförelsen", type="primary"):
            try:
                references.choose(con, typed, chosen, user.name)
            except UserError as error:
                st.error(error.message, icon=":material/block:")
                return
            st.session_state["kolada_sparad"] = "Jämförelsen är sparad."
            st.rerun()
    file = st.file_uploader("Fil från Kolada (JSON eller CSV)", type=["json", "csv", "txt"], key="kolada_fil",
                            help="Svaret från Koladas API (/v2/data/kpi/… eller /v3/data/kpi/…) som det sparades, "
                                 "eller en CSV med kolumnerna kpi, municipality, period, gender och value.")
    if file is not None and st.button("Importera Koladas siffror", key="kolada_importera"):
        parsed = parse_references(file.getvalue(), file.name)
        try:
            batch = references.import_references(con, parsed, user.name)
        except UserError as error:
            st.error("Filen importerades inte, inget är sparat:  \n" + "  \n".join(error.lines()),
                     icon=":material/block:")
            return
        st.session_state["kolada_sparad"] = (f"Import nr {batch.batch_id}: {parsed.row_count} värden från Kolada. "
                                             "Den kan ångras under Importer.")
        st.rerun()
