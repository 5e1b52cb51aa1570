"""Who has not reported: for a month (and the tertial that ends in it), the units of a part of the
organisation that were expected to report a kind of figures and have not, with their managers
(the role chef on Behörigheter) and a reminder ready to send (queries/marts/missing_reports.sql).
The page Data shows it to HR; `hrdash missing` prints it."""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote

import duckdb
import pandas as pd

from hrdash import swedish
from hrdash.store import scopes as scopes_module
from hrdash.store.queries import read

# What a reminder asks for, kind by kind, in the order a manager reports them.
ASKED = {
    "sick_leave": "sjukfrånvaro",
    "turnover": "personalomsättning",
    "vacancies": "vakanser",
    "recruitment": "rekryteringsbehov",
    "caseload": "ärenden och handläggare",
    "pulse": "svar på pulsfrågorna",
}
NO_MANAGER = "Ingen chef angiven"


def period(kind: str, month: dt.date) -> str:
    """'oktober 2026', or for the pulse answers the tertial: 'T2 2026'."""
    return swedish.tertial_name(month) if kind == "pulse" else swedish.month_name(month)


def asked(kinds: list[str], month: dt.date) -> str:
    """'sjukfrånvaro och ärenden och handläggare för december 2026 och svar på pulsfrågorna för T3 2026'."""
    monthly = [ASKED[k] for k in ASKED if k in kinds and k != "pulse"]
    parts = [f"{swedish.join_words(monthly)} för {swedish.month_name(month)}"] if monthly else []
    if "pulse" in kinds:
        parts.append(f"{ASKED['pulse']} för {period('pulse', month)}")
    return " och ".join(parts)


def reminder(unit_name: str, kinds: list[str], month: dt.date, managers: str) -> str:
    """A mailto: link that opens the manager's e-mail with the reminder written ('' without a manager)."""
    if not managers:
        return ""
    subject = f"Påminnelse: {unit_name} har inte rapporterat för {swedish.month_name(month)}"
    body = (f"Hej!\n\nFör {unit_name} saknas ännu uppgifter om {asked(kinds, month)}. Skicka uppgifterna till HR, eller fyll i "
            "dem på sidan Min del i HR-nyckeltalen, så snart du kan, så att rapporten till nämnden blir "
            "fullständig.\n\nTack på förhand!")
    return f"mailto:{quote(managers.replace(' ', ''), safe='@,')}?subject={quote(subject)}&body={quote(body)}"


def missing(con: duckdb.DuckDBPyConnection, month: dt.date, scopes: tuple[str, ...] | None = None) -> pd.DataFrame:
    """One row per unit that has not reported something for `month` (inside `scopes`; None: the
    whole organisation): förvaltning, avdelning, enhet, what is missing in words, its kinds, the
    managers and the reminder. Sorted as the organisation is."""
    where = {} if scopes_module.anywhere(scopes) else {"scope": tuple(scopes)}
    rows = read(con, "missing_reports", "DISTINCT kind, unit_id, unit_name, department, administration, managers",
                month=month, **where).df()
    columns = ["Förvaltning", "Avdelning", "Enhet", "Saknas", "kinds", "Chef", "Påminnelse"]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    found = []
    for (unit_id, unit_name, department, administration, managers), of_unit in rows.groupby(
            ["unit_id", "unit_name", "department", "administration", "managers"], sort=False, dropna=False):
        kinds = [k for k in ASKED if k in set(of_unit["kind"])]
        found.append({"Förvaltning": administration, "Avdelning": department, "Enhet": unit_name,
                      "Saknas": asked(kinds, month), "kinds": kinds, "Chef": managers or NO_MANAGER,
                      "Påminnelse": reminder(unit_name, kinds, month, managers)})
    frame = pd.DataFrame(found, columns=columns)
    return frame.sort_values(["Förvaltning", "Avdelning", "Enhet"],
                             key=lambda s: s.astype(str).str.casefold()).reset_index(drop=True)
