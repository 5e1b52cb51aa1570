"""Årsredovisning: the annual report's seven sick-leave figures for a chosen year (December's
12-month window) for the förvaltning (and the kommun) and each avdelning, last year beside it,
as a table to paste into the annual report and as a workbook. Always without hidden figures."""

from __future__ import annotations

import streamlit as st

from hrdash.catalogue import few_people
from hrdash.figures.year import LAW
from hrdash.ui import cache, widgets
from hrdash.ui.session import version

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def render() -> None:
    st.title("Årsredovisning")
    st.markdown(LAW)
    years = cache.years(version())
    if not years:
        widgets.empty_state("någon december")
        st.stop()
    year = st.selectbox("År", years, key="ar",
                        help="Siffrorna gäller de 12 månaderna januari–december det året.")
    shown = cache.disclosure(version(), year)
    st.subheader(f"Sjukfrånvaro {year}, jämfört med {year - 1}")
    if not shown.has_figures:
        st.info(f"Det finns inga siffror för hela {year}: alla enheter har inte rapporterat alla 12 månaderna.",
                icon=":material/folder_open:")
    # A table of text, not a data grid: every row and every word shows whole, to read or to copy into
    # the annual report (a grid cut the long names and the reasons, and scrolled).
    st.table(shown.table(), hide_index=True, border="horizontal")
    st.caption(f"Tabellen visar aldrig sjukfrånvaro för grupper med {few_people(shown.health_limit)}, oavsett vem "
               "som tar fram den. " + shown.note())
    st.download_button("Ladda ner Excel", cache.disclosure_file(version(), year), f"arsredovisning_{year}.xlsx",
                       mime=XLSX, type="primary", icon=":material/table:", key="ladda_arsredovisning")
    beside_the_nation(year)


def beside_the_nation(year: int) -> None:
    """The förvaltning's own figures beside the municipality's, Riket's and those HR chose, from Kolada."""
    st.subheader(f"Jämfört med kommunen, riket och andra kommuner {year}")
    compared = cache.comparison(year)
    if not compared.has_references:
        st.info(f"Det finns inga siffror från Kolada för {year}. HR kan importera dem under Data → Inställningar.",
                icon=":material/public:")
        return
    st.table(compared.table(), hide_index=True, border="horizontal")  # to read or copy whole, as the table above
    notes = [compared.source()]
    if compared.own_municipality is None:
        notes.append("Kommunens egen siffra visas när HR har angett kommunens id i Kolada under Data → Inställningar.")
    notes.append("Egna siffror: – visas inte (för få personer), tom ruta: uppgiften finns inte.")
    st.caption("  \n".join(notes))
