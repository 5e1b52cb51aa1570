"""Behörigheter (admin): which e-mail addresses and groups hold which role, for which part of the organisation."""

import pandas as pd
import streamlit as st

from hrdash.store import roles, scopes
from hrdash.ui import cache, registry, session

registry.guard(__file__)
st.title("Behörigheter")
st.markdown("En användare får alla roller som hennes e-postadress och hennes grupper har. HR kan ges för hela "
            "organisationen eller för en förvaltning, en avdelning eller en enhet; HR för en del läser in, ångrar, "
            "sätter mål och skriver kommentarer och åtgärder bara där och ser resten som en läsare.")
st.dataframe(pd.DataFrame({"Roll": [roles.ROLE_NAMES[r] for r in roles.ROLES],
                           "Får": [roles.ROLE_RIGHTS[r] for r in roles.ROLES]}),
             hide_index=True, width="stretch")
con = session.cursor()
current = roles.assignments(con)
st.subheader("Tilldelade roller")
if current.empty:
    st.info("Inga roller är tilldelade ännu.", icon=":material/info:")
else:
    current = current.assign(role=current["role"].map(roles.ROLE_NAMES),
                             scope=[scopes.name(con, key) for key in current["scope"]])
    st.dataframe(current.rename(columns={"subject_kind": "Gäller", "subject": "E-post eller grupp", "role": "Roll",
                                         "scope": "Del av organisationen", "set_by": "Ändrad av",
                                         "set_at": "Ändrad"}),
                 hide_index=True, width="stretch")

st.subheader("Ge eller ändra en roll")
parts = [scopes.WHOLE, *[g.key for g in cache.groups(session.version()) if g.level != "kommun"]]
with st.form("roll"):
    kind = st.segmented_control("Gäller", roles.SUBJECT_KINDS, default="e-post", key="roll_sort")
    subject = st.text_input("E-postadress eller grupp (som den står i inloggningens gruppanspråk: gruppens id "
                            "eller namn)", key="roll_vem")
    role = st.selectbox("Roll", [*roles.ROLES, None], format_func=lambda r: roles.ROLE_NAMES.get(r, "Ta bort rollen"),
                        key="roll_vad")
    scope = st.selectbox("Del av organisationen (gäller HR och chefer; läsare och administratörer har hela)", parts,
                         format_func=lambda key: scopes.name(con, key), key="roll_del")
    if st.form_submit_button("Spara", type="primary"):
        roles.assign(con, kind or "e-post", subject, role, session.user().name, scope=scope)
        st.toast("Rollen är sparad.")
        st.rerun()
