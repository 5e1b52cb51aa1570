"""What it costs, in kronor a committee understands, each with the settings and the arithmetic
that make it: turnover (people who left the förvaltning × a recruitment's cost), consultants as
own staff (their cost ÷ an own social worker's monthly cost), and sick pay."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb

from hrdash import swedish
from hrdash.catalogue import few_people
from hrdash.figures.groups import Group
from hrdash.store import settings
from hrdash.store.queries import read


@dataclass(frozen=True)
class Cost:
    label: str
    amount: float | None  # kronor; None where there is no figure or it is hidden
    arithmetic: str  # how it is computed, with the figures and the setting
    note: str = ""  # why there is no figure


def costs(con: duckdb.DuckDBPyConnection, group: Group, month: dt.date, unsuppressed: bool = False) -> list[Cost]:
    values = settings.current(con)
    row = read(con, "cost_parts", "external_leavers_12m, consultant_cost_sek, consultants, sick_pay_cost_sek, "
               "sick_pay_hidden, sick_pay_why", level=group.level, group_id=group.group_id, month=month).fetchone()
    leavers, consultant_cost, consultants, sick_pay, hidden, why = row or (None,) * 6
    recruitment, staff = values["recruitment_cost_sek"], values["staff_monthly_cost_sek"]
    found = []
    if leavers is None:
        found.append(Cost("Personalomsättningens kostnad, 12 månader", None, "",
                          "Inte alla enheter har rapporterat personalomsättning alla 12 månaderna."))
    else:
        found.append(Cost("Personalomsättningens kostnad, 12 månader", leavers * recruitment,
                          f"{swedish.number(leavers)} som lämnat förvaltningen × {swedish.kronor(recruitment)} per "
                          "rekrytering"))
    if consultant_cost is None:
        found.append(Cost("Konsulter räknat i egen personal", None, "", "Filerna anger inte konsultkostnad för alla "
                                                                        "enheter."))
    else:
        equivalents = consultant_cost / staff
        found.append(Cost("Konsulter räknat i egen personal", consultant_cost,
                          f"{swedish.kronor(consultant_cost)} för {swedish.number(consultants or 0)} konsulter under "
                          f"månaden ÷ {swedish.kronor(staff)} för en egen socialsekreterare = lönen för "
                          f"{_people(equivalents)} egna socialsekreterare"))
    if sick_pay is None:
        found.append(Cost("Sjuklönekostnad", None, "", "Filerna anger inte sjuklönekostnad för alla enheter."))
    elif hidden and not unsuppressed:
        found.append(Cost("Sjuklönekostnad", None, "", f"{(why or few_people(settings.health_limit(con))).capitalize()}"
                                                          " – uppgiften visas inte."))
    else:
        found.append(Cost("Sjuklönekostnad", sick_pay, "Sjuklön som betalats ut under månaden, enligt lönesystemet"))
    return found


def _people(count: float) -> str:
    """A number of people as a committee reads it: 'cirka 18' (never '18,0'); below 10 a tenth tells: '4,8'."""
    return f"cirka {swedish.number(count)}" if count >= 10 else swedish.number(count, 1)
