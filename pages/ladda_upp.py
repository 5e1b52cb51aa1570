"""Ladda upp: HR drops monthly files, sees how they were read and what would change, and
confirms. Nothing is written before the confirmation."""

import datetime as dt
import hashlib

import streamlit as st

from hrdash import swedish
from hrdash.catalogue import TOPICS
from hrdash.errors import UserError
from hrdash.ingest.columns import KINDS, MEASURES, ORGANISATION, PULSE, SICK_LEAVE, kind_by_name
from hrdash.markdown import plain
from hrdash.reports.templates import SPLITS, TEMPLATE_KINDS
from hrdash.store import batches, mappings, units
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
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def unit_choices(position: int, parsed) -> dict | None:
    """For each unit name the organisation does not know, what HR says it is; None until every
    name has an answer (the file is not imported before)."""
    known = cache.organisation_units(session.version())
    st.warning("Organisationen känner inte till " + ", ".join(f"'{plain(u.name)}'" for u in parsed.unknown_units)
               + ". Välj för varje namn vilken enhet det är, eller att det är en ny enhet. Valet sparas och "
               "används nästa gång namnet finns i en fil.", icon=":material/help:")
    choices, answered = {}, 0
    for unknown in parsed.unknown_units:
        hint = f" – menade du {unknown.suggestion.label}?" if unknown.suggestion else ""
        choice = st.selectbox(f"'{plain(unknown.name)}' ({unknown.where}){hint}",
                              upload_page.unit_options(unknown, known), index=None, placeholder="Välj …",
                              key=f"enhet_{position}_{unknown.key}_{unknown.code or ''}")
        if choice is not None:
            choices[unknown.name] = upload_page.chosen_unit(choice, known)
            answered += 1
    return choices if answered == len(parsed.unknown_units) else None


def show_file(position: int, name: str, content: bytes, file_id: str) -> None:
    """One file: how it was read, what would change, and the button that imports it."""
    with st.container(border=True):
        st.subheader(plain(name))
        if file_id in imported:
            st.success(imported[file_id], icon=":material/check_circle:")
            return

        left, right = st.columns([1, 2])
        kind_choice = left.selectbox(
            "Filtyp", [AUTO] + [k.name for k in KINDS], key=f"typ_{position}",
            format_func=lambda n: "Känn igen automatiskt" if n == AUTO else n.capitalize(),
        )
        kind_name = None if kind_choice == AUTO else kind_choice
        kind = kind_by_name(kind_name) if kind_name else None
        hand_mapping = st.session_state.get(f"mappning_{position}", {})
        version = session.version()
        parsed = cache.parsed_upload(content, name, kind_name, tuple(sorted(hand_mapping.items())), version)
        remembered = {} if hand_mapping else mappings.remembered_for(con, parsed)
        mapping = hand_mapping or remembered
        if remembered:
            parsed = cache.parsed_upload(content, name, kind_name, tuple(sorted(remembered.items())), version)
            st.info("Kolumnerna tolkas som förra gången en fil med samma rubriker lästes in.", icon=":material/history:")
        for part in parsed.parts:
            where = f"bladet '{plain(part.sheet)}', " if part.sheet else ""
            right.markdown(f"**{part.kind.name.capitalize()}** – {where}rubriker på rad {part.header_row}, "
                           f"{len(part.frame)} {'rad' if len(part.frame) == 1 else 'rader'}")

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
                                          format_func=lambda c: upload_page.label(c) if c else "– importeras inte –")
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
            st.table(upload_page.problems_table(parsed), hide_index=True)  # wraps: every message is read whole
            return
        same = batches.find_same_file(con, parsed.sha256)
        if same:
            st.warning(f"Den här filen är redan importerad, oförändrad, som import nr {same.batch_id} "
                       f"({swedish.date(same.imported_at.date())}, {same.imported_by}).", icon=":material/history:")
            return

        choices = {}
        if parsed.unknown_units:
            choices = unit_choices(position, parsed)
            if choices is None:
                st.button(f"Importera {name}", key=f"importera_{position}", type="primary", disabled=True,
                          help="Välj först vad varje okänd enhet är.")
                return
            chosen = tuple(sorted(choices.items(), key=lambda item: item[0]))
            parsed = cache.parsed_upload(content, name, kind_name, tuple(sorted(mapping.items())), version, chosen)
        change = cache.upload_preview(parsed.sha256, kind_name, tuple(sorted(mapping.items())), version, parsed,
                                      tuple(sorted(choices.items(), key=lambda item: item[0])))
        if change.problems:
            st.error("Filen kan inte importeras. Ingenting har sparats.\n\n"
                     + "\n\n".join(plain(str(p)) for p in change.problems), icon=":material/block:")
            return
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
                new, earlier = upload_page.change_words(kind_id)
                st.markdown(f"**{next(k.name for k in KINDS if k.id == kind_id).capitalize()}:** "
                            f"{counts.get('Ny', 0)} {new}, {counts.get('Ersätter', 0)} ersätter "
                            f"{earlier}, {counts.get('Oförändrad', 0)} oförändrade.")
                st.dataframe(table, hide_index=True, width="stretch")
        with tabs[1]:
            for kind in parsed.kinds:
                st.markdown(f"**{kind.name.capitalize()}**")
                st.dataframe(upload_page.rows_table(parsed, kind), hide_index=True, width="stretch")

        if st.button(f"Importera {name}", key=f"importera_{position}", type="primary"):
            user = session.user().name
            try:
                batch = batches.import_file(con, parsed, user, scopes=session.user().write_scopes)
            except UserError as refused:  # shown with its file, so the other files stay on the page
                st.error("\n\n".join(plain(line) for line in refused.lines()), icon=":material/block:")
                return
            if hand_mapping:
                for header in parsed.headers:
                    mappings.remember_mapping(con, header.signature, mapping, user)
            units.remember_choices(con, choices, user)
            imported[file_id] = (f"Importerad som import nr {batch.batch_id} ({batch.kind_names}, "
                                 f"{batch.rows_text}). Du kan ångra importen under Data.")
            st.session_state["kvitto"] = (batch, upload_page.last_month(parsed))
            st.rerun()


def typed_figures() -> tuple[str, bytes] | None:
    """A form to type one month's figures of one kind, a row per unit: what it gives is read and
    checked as a file, and imported as a batch like one."""
    with st.expander("Skriv in en månads siffror i stället för att ladda upp en fil", icon=":material/edit:"):
        known = cache.organisation_units(session.version())
        if not known:
            st.caption("Ladda upp en organisationsfil först: formuläret har en rad för varje enhet i organisationen.")
            return None
        left, right = st.columns(2)
        kind = left.selectbox("Uppgifter", upload_page.TYPED_KINDS, key="inmatning_typ",
                              format_func=lambda k: k.name.capitalize())
        month = right.selectbox("Månad", upload_page.typed_months(dt.date.today()), index=1, key="inmatning_manad",
                                format_func=swedish.month_name)
        grid = st.data_editor(upload_page.typed_grid(known, kind), key=f"inmatning_{kind.id}", hide_index=True,
                              width="stretch", num_rows="fixed", disabled=["avdelning", "enhet", "enhetskod"])
        st.caption("Lämna en enhets rad tom om den inte ska rapporteras. Siffrorna kontrolleras med samma regler som "
                   "en fil och sparas som en import som kan ångras.")
        if st.button("Granska siffrorna", key="inmatning_granska"):
            try:
                st.session_state["inmatning"] = upload_page.typed_file(grid, kind, month)
            except UserError as empty:
                st.warning(empty.message, icon=":material/edit:")
    return st.session_state.get("inmatning")


def template_download() -> None:
    """A template to send out and get back filled in: for a kind and a month (a tertial for the pulse),
    with the units open that month, the headers the import reads and Excel's checks on every column."""
    with st.expander("Ladda ner en mall att fylla i", icon=":material/download:"):
        left, right = st.columns(2)
        kind = left.selectbox("Uppgifter", TEMPLATE_KINDS, key="mall_typ", format_func=lambda k: k.name.capitalize())
        today, period = dt.date.today(), None
        if kind.id == PULSE.id:
            period = right.selectbox("Tertial", upload_page.template_tertials(today), key="mall_tertial",
                                     format_func=lambda m: f"{swedish.tertial_name(m)} ({swedish.tertial_months(m)})")
        elif kind.id != MEASURES.id:
            period = right.selectbox("Månad", upload_page.typed_months(today), index=1, key="mall_manad",
                                     format_func=swedish.month_name)
        split = ()
        if kind.id == SICK_LEAVE.id:
            split = left.selectbox("Uppdelning", list(SPLITS), key="mall_uppdelning", format_func=SPLITS.get)
        name, content = cache.template(kind.id, period, split)
        st.download_button("Ladda ner mallen", content, name, mime=XLSX, key="mall_ladda",
                           icon=":material/download:", type="primary")
        if period is None:
            st.caption("En rad per åtgärd, med listor för område och status. Fyll i, spara och ladda upp filen här "
                       "ovanför.")
            return
        count = len(cache.units_open_in(session.version(), period))
        when = swedish.tertial_name(period) if kind.id == PULSE.id else swedish.month_name(period)
        if not count:
            st.caption(f"Organisationen har inga enheter som är öppna {when}: ladda upp en organisationsfil först, "
                       "eller skriv in enheterna i mallen.")
            return
        st.caption(f"{plain(name)}: {count} {'enhet' if count == 1 else 'enheter'} som är öppna i organisationen "
                   f"{when}, med namn, kod och period ifyllda, kolumnnamnen som importen läser och kontroller av "
                   "varje kolumn. Fyll i, spara och ladda upp filen här ovanför.")


for position, uploaded in enumerate(files or []):
    show_file(position, uploaded.name, uploaded.getvalue(), uploaded.file_id)
template_download()
typed = typed_figures()
if typed:
    typed_name, typed_content = typed
    show_file(len(files or []), typed_name, typed_content, f"inmatning:{hashlib.sha256(typed_content).hexdigest()}")

if "kvitto" in st.session_state:
    batch, month = st.session_state["kvitto"]
    st.success(f"Kvitto: {batch.file_name} är importerad som import nr {batch.batch_id} av {batch.imported_by}, "
               f"{swedish.clock(batch.imported_at)}.", icon=":material/receipt_long:")
    params = sidebar.link_params(None, month)
    for kind_id in batch.kind.split(","):
        if kind_id in TOPIC_PAGES:
            st.page_link(TOPIC_PAGES[kind_id], label=f"Visa {dict((k.id, k.name) for k in KINDS)[kind_id]}",
                         icon=":material/show_chart:", query_params=params)
    st.page_link("pages/oversikt.py", label="Till Översikt", icon=":material/dashboard:", query_params=params)
    if ORGANISATION.id in batch.kind.split(","):
        st.page_link("pages/data.py", label="Se organisationen under Data", icon=":material/account_tree:")
    if MEASURES.id in batch.kind.split(","):
        st.page_link("pages/data.py", label="Se åtgärderna under Data", icon=":material/task_alt:")
