"""Behörigheter (admin): which e-mail addresses and groups hold which role."""

import streamlit as st

from hrdash.store import roles
from hrdash.ui import registry, session

registry.guard(__file__)
st.title("Behörigheter")
st.markdown("Läsare ser nyckeltalen som nämnden ser dem. HR läser också in filer, ångrar importer, sätter mål, "
            "skriver kommentarer och kan se dolda uppgifter. Administratörer ger roller. En användare får den "
            "högsta roll som hennes e-postadress eller någon av hennes grupper har.")
con = session.cursor()
current = roles.assignments(con)
if current.empty:
    st.info("Inga roller är tilldelade ännu.", icon=":material/info:")
else:
    st.dataframe(current.rename(columns={"subject_kind": "Gäller", "subject": "E-post eller grupp", "role": "Roll",
                                         "set_by": "Ändrad av", "set_at": "Ändrad"}),
                 hide_index=True, width="stretch")

st.subheader("Ge eller ändra en roll")
with st.form("roll"):
    kind = st.segmented_control("Gäller", roles.SUBJECT_KINDS, default="e-post", key="roll_sort")
    subject = st.text_input("E-postadress eller grupp (som den står i inloggningens gruppanspråk)", key="roll_vem")
    role = st.selectbox("Roll", [*roles.ROLES, None], format_func=lambda r: roles.ROLE_NAMES.get(r, "Ta bort rollen"),
                        key="roll_vad")
    if st.form_submit_button("Spara", type="primary"):
        roles.assign(con, kind or "e-post", subject, role, session.user().name)
        st.toast("Rollen är sparad.")
        st.rerun()
