"""Settings HR (or, for the privacy line, an administrator) can change, each with its default:
what the cost figures are computed with, and how many people a group must have for its
sick-leave figures to be shown. Stored append-only (the latest value holds) and audited."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb

from hrdash import swedish
from hrdash.catalogue import HEALTH_LAW, HEALTH_LIMIT
from hrdash.errors import UserError
from hrdash.store import audit
from hrdash.store.queries import read


KRONOR, PEOPLE = "kr", "personer"


@dataclass(frozen=True)
class Setting:
    key: str
    label: str
    default: float
    help: str
    unit: str = KRONOR  # KRONOR: an amount above zero; PEOPLE: a whole number from the default up
    admin_only: bool = False

    @property
    def holds(self) -> str:
        """The unit words a typed value may end with (hrdash/ingest/values.py: UNIT_WORDS)."""
        return "sek" if self.unit == KRONOR else "count"

    def shown(self, value: float) -> str:
        return swedish.kronor(value) if self.unit == KRONOR else f"{swedish.number(value)} {self.unit}"

    def problem(self, value: float | None) -> str | None:
        """Why a value cannot be saved, in Swedish; None when it can."""
        if self.unit == KRONOR:
            return None if value is not None and value > 0 else f"{self.label} måste vara ett belopp större än noll."
        if value is None or value != int(value):
            return f"{self.label} måste vara ett helt antal personer."
        if value < self.default:
            return (f"{self.label} kan inte sättas lägre än lagens {swedish.number(self.default)} personer: "
                    "en sjukfrånvarosiffra för en grupp med högst tio anställda får aldrig visas.")
        return None


SETTINGS = (
    Setting("recruitment_cost_sek", "Kostnad för en rekrytering", 400_000,
            "Vad det kostar att ersätta en medarbetare som slutar: annonsering, introduktion och tiden innan den nya "
            "är fullt inne i arbetet. 400 000 kr är Uppsalas uppskattning för en socialsekreterare."),
    Setting("staff_monthly_cost_sek", "Månadskostnad för en egen socialsekreterare", 50_000,
            "Lön med arbetsgivaravgifter och pålägg för en socialsekreterare, per månad. Stockholm räknade med att "
            "en konsult för 100 000 kr i månaden kostar lika mycket som två egna."),
    Setting("health_limit", "Minsta gruppstorlek för sjukfrånvaro", HEALTH_LIMIT,
            f"En sjukfrånvarosiffra visas bara för en grupp med fler anställda än så här. Lagen säger "
            f"{HEALTH_LIMIT}: {HEALTH_LAW}. Kommunen kan besluta om en strängare gräns, aldrig en lägre. Gränsen "
            "gäller alla sidor, rapporter, presentationsläget och kommandoraden.", PEOPLE, admin_only=True),
)
BY_KEY = {s.key: s for s in SETTINGS}


def current(con: duckdb.DuckDBPyConnection) -> dict[str, float]:
    """Every setting's value: HR's, else the default."""
    values = {key: value for key, value in read(con, "current_settings", "key, value").fetchall()}
    return {s.key: values.get(s.key, s.default) for s in SETTINGS}


def health_limit(con: duckdb.DuckDBPyConnection) -> int:
    """The privacy line that holds: a sick-leave figure of a group of at most this many people is
    hidden (queries/state/privacy_limits.sql, which the privacy rule reads)."""
    return int(read(con, "privacy_limits", "health_limit").fetchone()[0])


def change(con: duckdb.DuckDBPyConnection, key: str, value: float, user: str) -> None:
    if key not in BY_KEY:
        raise UserError(f"Okänd inställning '{key}'.")
    problem = BY_KEY[key].problem(value)
    if problem:
        raise UserError(problem)
    con.execute("INSERT INTO settings VALUES (?, ?, ?, ?)", [key, float(value), user, dt.datetime.now()])
    audit.record(con, user, "Inställning", f"{BY_KEY[key].label}: {BY_KEY[key].shown(value)}")
