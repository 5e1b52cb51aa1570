"""Ladda upp: HR drops monthly files, sees how they were read and what would change, and
confirms. Nothing is written before the confirmation."""

import streamlit as st

from hrdash import swedish
from hrdash.catalogue import TOPICS
from hrdash.errors import UserError
from hrdash.ingest.columns import KINDS, ORGANISATION, kind_by_name
from hrdash.markdown import plain
from hrdash.store import batches, mappings
from hrdash.ui import cache, registry, session, sidebar, upload_page

registry.guard(__file__)

st.title("Ladda upp")
st.markdown(
    "Släpp månadens filer här – Excel (.xlsx) eller CSV, direkt från lönesystemet eller ifyllda för hand. "
    "Du ser hur varje fil lästs och vad som ändras **innan** något sparas. En fil med fel sparas inte alls."
)
files = st.file_uploader("Filer", type=["xlsx", "xlsm", "xls", "ods", "csv", "txt"], accept_multiple_files=True,
                         key="filer", help="Högst 50 MB per fil.")
imported = st.session_state.setdefault("importerade", {})
con = session.cursor()
AUTO = "automatiskt"
TOPIC_PAGES = {topic.kind: topic.page for topic in TOPICS.values()}

for position, uploaded in enumerate(files or []):
    content = uploaded.getvalue()
    with st.container(border=True):
        st.subheader(plain(uploaded.name))
        if uploaded.file_id in imported:
            st.success(imported[uploaded.file_id], icon=":material/check_circle:")
            continue

        left, right = st.columns([1, 2])
        kind_choice = left.selectbox(
            "Filtyp", [AUTO] + [k.name for k in KINDS], key=f"typ_{position}",
            format_func=lambda n: "Känn igen automatiskt" if n == AUTO else n.capitalize(),
        )
        kind_name = None if kind_choice == AUTO else kind_choice
        kind = kind_by_name(kind_name) if kind_name else None
        hand_mapping = st.session_state.get(f"mappning_{position}", {})
        parsed = cache.parsed_upload(content, uploaded.name, kind_name, tuple(sorted(hand_mapping.items())))
        remembered = {} if hand_mapping else mappings.remembered_for(con, parsed)
        mapping = hand_mapping or remembered
        if remembered:
            parsed = cache.parsed_upload(content, uploaded.name, kind_name, tuple(sorted(remembered.items())))
            st.info("Kolumnerna tolkas som förra gången en fil med samma rubriker lästes in.", icon=":material/history:")
        for part in parsed.parts:
            where = f"bladet '{plain(part.sheet)}', " if part.sheet else ""
            right.markdown(f"**{part.kind.name.capitalize()}** – {where}rubrikrad {part.header_row}, "
                           f"{len(part.frame)} rader")

        # How the columns were read, and a way to map an unrecognised one by hand.
        for header in parsed.headers[:3]:
            table, unrecognised = upload_page.column_table(header)
            where = f" på bladet '{plain(header.sheet)}'" if header.sheet else ""
            with st.expander(f"Så lästes kolumnerna{where} (rubrikrad {header.row})",
                             expanded=not parsed.ok or bool(mapping)):
                st.dataframe(table, hide_index=True, width="stretch")
                options = [""] + upload_page.canonical_names(kind)
                chosen = {}
                for letter, text in unrecognised:
                    choice = st.selectbox(f"Kolumn {letter} ('{plain(text)}') ska läsas som", options,
                                          key=f"tolka_{position}_{header.row}_{letter}",
                                          format_func=lambda c: c or "– importeras inte –")
                    if choice:
                        chosen[text] = choice
                if chosen and st.button("Läs filen med den här tolkningen", key=f"tolka_{position}_{header.row}"):
                    st.session_state[f"mappning_{position}"] = {**mapping, **chosen}
                    st.rerun()

        for notice in parsed.notices:
            st.caption(f":material/info: {plain(notice)}")
        if not parsed.ok:
            st.error(f"Filen kan inte importeras: {len(parsed.problems)} fel att rätta. Ingenting har sparats. "
                     "Rätta felen i filen och ladda upp den igen.", icon=":material/block:")
            st.dataframe(upload_page.problems_table(parsed), hide_index=True, width="stretch")
            continue
        same = batches.find_same_file(con, parsed.sha256)
        if same:
            st.warning(f"Den här filen är redan importerad, oförändrad, som batch {same.batch_id} "
                       f"({swedish.date(same.imported_at.date())}, {same.imported_by}).", icon=":material/history:")
            continue

        change = cache.upload_preview(parsed.sha256, kind_name, tuple(sorted(mapping.items())), session.version(),
                                  parsed)
        if change.problems:
            st.error("Filen kan inte importeras. Ingenting har sparats.\n\n"
                     + "\n\n".join(plain(str(p)) for p in change.problems), icon=":material/block:")
            continue
        if change.unplaced:
            st.warning("Organisationen känner inte till " + ", ".join(change.unplaced) + ". Uppgifterna importeras "
                       "och räknas in i förvaltningen under avdelningen 'Ej placerad' tills en organisationsfil "
                       "placerar enheterna.", icon=":material/warning:")
        tabs = st.tabs(["Vad som ändras", "Rader som sparas"])
        with tabs[0]:
            if change.placements is not None:
                if change.placements.empty:
                    st.caption("Organisationen ändras inte för någon månad med siffror.")
                else:
                    st.dataframe(change.placements, hide_index=True, width="stretch")
            for kind_id, table in change.changes.items():
                counts = table["Ändring"].value_counts()
                st.markdown(f"**{next(k.name for k in KINDS if k.id == kind_id).capitalize()}:** "
                            f"{counts.get('Ny', 0)} nya enhetsmånader, {counts.get('Ersätter', 0)} ersätter "
                            f"tidigare siffror, {counts.get('Oförändrad', 0)} oförändrade.")
                st.dataframe(table, hide_index=True, width="stretch")
        with tabs[1]:
            for kind in parsed.kinds:
                st.markdown(f"**{kind.name.capitalize()}**")
                st.dataframe(upload_page.rows_table(parsed, kind), hide_index=True, width="stretch")

        if st.button(f"Importera {uploaded.name}", key=f"importera_{position}", type="primary"):
            user = session.user().name
            try:
                batch = batches.import_file(con, parsed, user)
            except UserError as refused:  # shown with its file, so the other files stay on the page
                st.error("\n\n".join(plain(line) for line in refused.lines()), icon=":material/block:")
                continue
            if hand_mapping:
                for header in parsed.headers:
                    mappings.remember_mapping(con, header.signature, mapping, user)
            imported[uploaded.file_id] = (f"Importerad som import nr {batch.batch_id} ({batch.kind_names}, "
                                          f"{batch.rows_text}). Du kan ångra importen under Data.")
            st.session_state["kvitto"] = (batch, upload_page.last_month(parsed))
            st.rerun()

if "kvitto" in st.session_state:
    batch, month = st.session_state["kvitto"]
    st.success(f"Kvitto: {batch.file_name} är importerad som import nr {batch.batch_id} av {batch.imported_by}, "
               f"{batch.imported_at:%Y-%m-%d %H:%M}.", icon=":material/receipt_long:")
    params = sidebar.link_params(None, month)
    for kind_id in batch.kind.split(","):
        if kind_id in TOPIC_PAGES:
            st.page_link(TOPIC_PAGES[kind_id], label=f"Visa {dict((k.id, k.name) for k in KINDS)[kind_id]}",
                         icon=":material/show_chart:", query_params=params)
    st.page_link("pages/oversikt.py", label="Till Översikt", icon=":material/dashboard:", query_params=params)
    if ORGANISATION.id in batch.kind.split(","):
        st.page_link("pages/data.py", label="Se organisationen under Data", icon=":material/account_tree:")
