"""Settings HR can change, each with its default: what the cost figures are computed with.
Stored append-only (the latest value holds) and audited."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb

from hrdash import swedish
from hrdash.errors import UserError
from hrdash.store import audit
from hrdash.store.queries import read


@dataclass(frozen=True)
class Setting:
    key: str
    label: str
    default: float
    help: str


SETTINGS = (
    Setting("recruitment_cost_sek", "Kostnad för en rekrytering", 400_000,
            "Vad det kostar att ersätta en medarbetare som slutar: annonsering, introduktion och tiden innan den nya "
            "är fullt inne i arbetet. 400 000 kr är Uppsalas uppskattning för en socialsekreterare."),
    Setting("staff_monthly_cost_sek", "Månadskostnad för en egen socialsekreterare", 50_000,
            "Lön med arbetsgivaravgifter och pålägg för en socialsekreterare, per månad. Stockholm räknade med att "
            "en konsult för 100 000 kr i månaden kostar lika mycket som två egna."),
)
BY_KEY = {s.key: s for s in SETTINGS}


def current(con: duckdb.DuckDBPyConnection) -> dict[str, float]:
    """Every setting's value: HR's, else the default."""
    values = {key: value for key, value in read(con, "current_settings", "key, value").fetchall()}
    return {s.key: values.get(s.key, s.default) for s in SETTINGS}


def change(con: duckdb.DuckDBPyConnection, key: str, value: float, user: str) -> None:
    if key not in BY_KEY:
        raise UserError(f"Okänd inställning '{key}'.")
    if value is None or value <= 0:
        raise UserError(f"{BY_KEY[key].label} måste vara ett belopp större än noll.")
    con.execute("INSERT INTO settings VALUES (?, ?, ?, ?)", [key, float(value), user, dt.datetime.now()])
    audit.record(con, user, "Inställning", f"{BY_KEY[key].label}: {swedish.kronor(value)}")
