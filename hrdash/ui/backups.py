"""Backups on the Data page, for administrators: where they go, when the nightly one runs, the
backups there are, and a button that takes one now (hrdash/store/backup.py)."""

from __future__ import annotations

import streamlit as st

from hrdash import logs, swedish
from hrdash.store import audit, backup
from hrdash.ui import session


def section(user: session.User) -> None:
    """The Data page's last section; nothing for anyone but an administrator."""
    if user.role != "admin":
        return
    st.header("Säkerhetskopior")
    schedule = backup.Schedule.from_environment()
    if schedule is None:
        st.info("Säkerhetskopiering är inte inställd: IT anger en mapp i HRDASH_BACKUP_DIR (se README, avsnittet "
                "för IT). Utan den tas inga säkerhetskopior medan hrdash körs.", icon=":material/info:")
        return
    st.caption(f"Sparas i {schedule.folder}, {schedule.describe()}. En säkerhetskopia tas medan hrdash används: "
               "importer som görs samtidigt väntar några sekunder, och den innehåller antingen hela importen eller "
               "inget av den.")
    if st.button("Säkerhetskopiera nu", key="säkerhetskopiera", icon=":material/backup:"):
        with st.spinner("Tar en säkerhetskopia …"):
            taken = backup.take(session.cursor(), schedule.folder, schedule.keep)
        audit.record(session.cursor(), user.name, "Säkerhetskopia", taken.folder.name)
        logs.event("säkerhetskopia", mapp=taken.folder.name, av=logs.pseudonym(user.name),
                   sekunder=f"{taken.seconds:.2f}", storlek_mb=f"{taken.size / 1e6:.1f}")
        st.success(f"Säkerhetskopian {taken.folder.name} är sparad ({_megabytes(taken.size)}, "
                   f"{swedish.number(taken.seconds, 1)} s).", icon=":material/check_circle:")
    found = backup.backups(schedule.folder)
    if not found:
        st.caption("Inga säkerhetskopior ännu.")
        return
    st.dataframe([{"Tagen": swedish.clock(b.taken_at), "Mapp": b.folder.name, "Storlek": _megabytes(b.size)}
                  for b in found], hide_index=True, width="stretch")


def _megabytes(size: int) -> str:
    return f"{swedish.number(size / 1e6, 1)} MB"
