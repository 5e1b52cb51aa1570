"""Shared fixtures: a fresh database per test, and builders for the files users upload."""

from __future__ import annotations

import csv
import datetime as dt
import fcntl
import io
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from openpyxl import Workbook
from streamlit.testing.v1 import AppTest

from hrdash.figures import indicators
from hrdash.ingest.parse import parse_file
from hrdash.store import batches, database, roles, units

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")


def open_app(page: str | None = None, *, secrets: dict | None = None, user: dict | None = None,
             **params) -> AppTest:
    """The app through Streamlit's AppTest, on the database HRDASH_DB names: opened (with these
    URL parameters, secrets and signed-in user), then switched to `page`."""
    at = AppTest.from_file(APP, default_timeout=60)
    if secrets:
        at.secrets = secrets
    if user is not None:
        at.user = user
    at.query_params.update(params)
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@dataclass
class DemoDatabase:
    """The demo data loaded once per test session, and what `hrdash indicators` prints for it."""

    path: Path
    printed: dict[tuple[str, str, str], dict[str, float | None]]

    def values(self, level: str, unit: str, month: str) -> dict[str, float | None]:
        return self.printed[level, unit, month]


@pytest.fixture(scope="session")
def demo_database(tmp_path_factory) -> DemoDatabase:
    """Made once for the whole run and copied for each test process: DuckDB lets one process at a
    time hold a database file."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the same folder for every worker of one run
    built, printed_file = shared / "demo" / "hr.duckdb", shared / "demo" / "indicators.csv"
    built.parent.mkdir(exist_ok=True)
    with open(shared / "demo.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not printed_file.exists():
            hrdash = [sys.executable, "-m", "hrdash.cli"]
            env = {**os.environ, "HRDASH_USER": "demo"}
            subprocess.run([*hrdash, "demo", "--db", str(built)], check=True, capture_output=True, env=env)
            output = subprocess.run([*hrdash, "indicators", "--db", str(built)], check=True, capture_output=True,
                                    text=True).stdout
            printed_file.write_text(output, encoding="utf-8")
    path = tmp_path_factory.mktemp("demo") / "hr.duckdb"
    shutil.copy(built, path)
    printed: dict = {}
    for row in csv.DictReader(io.StringIO(printed_file.read_text(encoding="utf-8"))):
        printed.setdefault((row["level"], row["unit"], row["month"]), {})[row["indicator"]] = (
            float(row["value"]) if row["value"] else None)
    return DemoDatabase(path, printed)


STAB = "avdelning:Socialförvaltningen / Stab"
VUXEN = "avdelning:Socialförvaltningen / Vuxen"
LEDNINGSSTOD = "enhet:kod:1401"  # Ledningsstöd, 7 people in Stab: no sick-leave figure for the committee
# Who walks the demo in the privacy walks (tests/test_own_part.py, tests/test_privacy_exports.py), by what
# they are to Ledningsstöd: e-mail address and sign-in groups, as roles_db gives them their roles.
WALKERS = {
    "läsare": ("lasare@kommun.se", ()),
    "chef för Stab": ("chef.stab@kommun.se", ()),  # Ledningsstöd's avdelning
    "chef för Ledningsstöd": ("chef.ledning@kommun.se", ()),  # the unit itself
    "HR för Stab": ("hr.stab@kommun.se", ()),  # HR of a part reads its hidden figures as a reader does
    "HR för Vuxen": ("hr.vuxen@kommun.se", ()),  # another avdelning
    "chef för Vuxen": ("kim@kommun.se", ("Chefer Vuxen",)),  # another avdelning, by her sign-in group
}
OWN_CHEFS = ("chef för Stab", "chef för Ledningsstöd")


@pytest.fixture
def roles_db(demo_database, tmp_path, monkeypatch) -> Path:
    """A copy of the demo, HRDASH_DB, with the walkers' roles: chefs of Stab, of Ledningsstöd and (a
    sign-in group) of Vuxen, HR of Stab and of Vuxen, and a reader."""
    path = tmp_path / "hr.duckdb"
    shutil.copy(demo_database.path, path)
    con = database.connect(path)
    roles.assign(con, "e-post", "chef.stab@kommun.se", "chef", "admin", scope=STAB)
    roles.assign(con, "e-post", "chef.ledning@kommun.se", "chef", "admin", scope=LEDNINGSSTOD)
    roles.assign(con, "grupp", "Chefer Vuxen", "chef", "admin", scope=VUXEN)
    roles.assign(con, "e-post", "hr.stab@kommun.se", "hr", "admin", scope=STAB)
    roles.assign(con, "e-post", "hr.vuxen@kommun.se", "hr", "admin", scope=VUXEN)
    roles.assign(con, "e-post", "lasare@kommun.se", "läsare", "admin")
    con.close()
    monkeypatch.setenv("HRDASH_DB", str(path))
    return path


# Ledningsstöd's October 2026 as payroll corrected it (the demo has no sick hours there): by kön and
# åldersgrupp as the demo file, 153,6 of 1 144 hours sick (13,4 %), 98,4 of them day 1–14 (8,6 %).
LEDNINGSSTOD_OCTOBER = [
    ["Enhetsnamn", "Månad", "Kön", "Åldersgrupp", "Anställda", "Ordinarie arbetstid", "Sjukfrånvarotid",
     "Kort sjukfrånvaro (tim)", "Långtidssjukfrånvaro (tim)", "Antal med 6 eller fler sjuktillfällen", "Antal friska",
     "Sjuklönekostnad"],
    ["Ledningsstöd", "oktober 2026", "kvinna", "30-49", 4, "651,2", "96,0", "62,4", "0,0", 1, 1, "8 245 kr"],
    ["Ledningsstöd", "oktober 2026", "kvinna", "50-", 2, "316,8", "57,6", "36,0", "0,0", 0, 0, "4 100 kr"],
    ["Ledningsstöd", "oktober 2026", "man", "50-", 1, "176,0", "0,0", "0,0", "0,0", 0, 1, "0 kr"],
]
# Measures for Ledningsstöd and its avdelning, so that what is said since them is walked too.
WALK_MEASURES = [
    ["Avser", "Start", "Åtgärd", "Område"],
    ["Stab", "maj 2025", "Arbetsplatsträffar om arbetssituationen", "Medarbetarnas röst"],
    ["Ledningsstöd", "maj 2025", "Handlingsplan efter pulsfrågorna", "Medarbetarnas röst"],
    ["Ledningsstöd", "maj 2026", "Rehabiliteringsmöten varje månad", "Sjukfrånvaro"],
]


@pytest.fixture
def walk_db(roles_db) -> Path:
    """roles_db with Ledningsstöd's October 2026 corrected to figures found nowhere else (LEDNINGSSTOD_OCTOBER)
    and measures for it and Stab (WALK_MEASURES). Its pulse answers of T2 2026 are the demo's: 4 to gott arbete
    (2 agree) and 4 to rekommendera (4 agree), hidden, and so HR och ekonomi's beside it."""
    con = database.connect(roles_db)
    load(con, csv_bytes(LEDNINGSSTOD_OCTOBER), "sjukfranvaro_rattelse.csv", user="hr")
    load(con, csv_bytes(WALK_MEASURES), "atgarder.csv", user="hr")
    con.close()
    return roles_db


@pytest.fixture
def moved_db(roles_db) -> Path:
    """roles_db where HR och ekonomi (10 people: hidden from the committee) moves from Stab to Vuxen in July
    2026, by an organisation file with a month; earlier months keep it in Stab."""
    con = database.connect(roles_db)
    load(con, csv_bytes([["Enhetskod", "Enhet", "Avdelning", "Förvaltning", "Månad"],
                         ["1402", "HR och ekonomi", "Vuxen", "Socialförvaltningen", "2026-07"]]),
         "omorganisation_2026-07.csv", user="hr")
    con.close()
    return roles_db


@pytest.fixture
def downloads(monkeypatch):
    """The files the app offers for download, by the name the browser saves them under."""
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    offered: dict[str, bytes] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def load_and_get_id(self, path_or_data, mimetype, kind, filename=None):
        if filename:
            offered[filename] = path_or_data
        return original(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", load_and_get_id)
    return offered


@pytest.fixture(scope="session")
def empty_database(tmp_path_factory) -> Path:
    """A new database, its tables and views made once per test process: copying the file is
    faster than making them again for every test."""
    path = tmp_path_factory.mktemp("tom") / "hr.duckdb"
    database.connect(path).close()
    return path


def new_database(empty_database: Path, path: Path):
    """A connection to a new, empty database at `path`."""
    shutil.copy(empty_database, path)
    return database.connect(path)


@pytest.fixture
def con(empty_database, tmp_path):
    connection = new_database(empty_database, tmp_path / "hr.duckdb")
    yield connection
    connection.close()


def xlsx_bytes(sheets: dict[str, list[list[object]]], hidden: tuple[str, ...] = ()) -> bytes:
    """A workbook with the given sheets, each a list of rows from A1; those named in `hidden` are
    hidden as Excel hides them."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
        if name in hidden:
            sheet.sheet_state = "hidden"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def csv_bytes(rows: list[list[object]], delimiter: str = ";", encoding: str = "utf-8") -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode(encoding)


def load(con, content: bytes, name: str = "fil.csv", user: str = "test", **options) -> batches.Batch:
    """Import a file as the CLI does (its unit names matched to the organisation in `con`), and fail the
    test with its problems if it is refused."""
    options.setdefault("units", units.known(con))
    parsed = parse_file(content, name, **options)
    assert parsed.ok, [str(p) for p in parsed.problems]
    return batches.import_file(con, parsed, user)


def read(con, content: bytes, name: str = "fil.csv", **options):
    """A file read as an import reads it (its unit names matched to the organisation in `con`),
    without importing it: what was read, the notices and the problems."""
    options.setdefault("units", units.known(con))
    return parse_file(content, name, **options)


def refused(con, content: bytes, name: str = "fil.csv", **options) -> list[str]:
    """The problems that refuse a file, as the user reads them; fails the test if it would be imported."""
    parsed = read(con, content, name, **options)
    assert not parsed.ok, f"{name} would be imported"
    return [str(p) for p in parsed.problems]


def figures(con, unsuppressed: bool = True) -> dict[tuple[str, str, str, str], float | None]:
    """(level, unit name, 'YYYY-MM', indicator id) -> value, as `hrdash indicators` prints them."""
    frame = indicators.fetch(con, unsuppressed=unsuppressed)
    return {
        (r.level, r.group_name, f"{r.month:%Y-%m}", r.indicator): (None if r.value != r.value else r.value)
        for r in frame.itertuples()
    }


def month(text: str) -> dt.date:
    return dt.date(int(text[:4]), int(text[5:7]), 1)


ORGANISATION = [
    ["enhet", "avdelning", "förvaltning"],
    ["Mottagningen", "Barn och unga", "Socialförvaltningen"],
    ["Utredning", "Barn och unga", "Socialförvaltningen"],
    ["Beroende", "Vuxen", "Socialförvaltningen"],
    ["Liten", "Vuxen", "Socialförvaltningen"],
]
# The organisation of the messy-file tests, with the unit codes a payroll system prints.
CODED_ORGANISATION = [
    ["enhetskod", "enhet", "avdelning", "förvaltning"],
    ["4701", "Ekonomiskt bistånd", "IFO", "Socialförvaltningen"],
    ["4711", "Familjebehandling", "IFO", "Socialförvaltningen"],
    ["4721", "Mottagning barn och unga", "Barn och unga", "Socialförvaltningen"],
    ["4722", "Utredning barn och unga 1", "Barn och unga", "Socialförvaltningen"],
    ["4723", "Utredning barn och unga 2", "Barn och unga", "Socialförvaltningen"],
    ["4731", "Beroendeenheten", "Vuxen", "Socialförvaltningen"],
    ["4732", "Socialpsykiatri", "Vuxen", "Socialförvaltningen"],
    ["4733", "Boendestöd", "Vuxen", "Socialförvaltningen"],
]


@pytest.fixture
def org(con):
    """A database holding CODED_ORGANISATION."""
    load(con, csv_bytes(CODED_ORGANISATION), "organisation.csv")
    return con


CODED_UNITS = {row[1] for row in CODED_ORGANISATION[1:]}


def units_of(con, level: str = "enhet") -> set[str]:
    """Every name `hrdash indicators` prints at a level: the organisation's, and any phantom unit
    (or 'Ej placerad') a file brought in."""
    return {key[1] for key in figures(con) if key[0] == level}


def reported(con, indicator: str, month: str) -> dict[str, float]:
    """unit -> value, for the units with a value of an indicator in a month: which rows were imported."""
    return {key[1]: value for key, value in figures(con).items()
            if key[0] == "enhet" and key[2] == month and key[3] == indicator and value is not None}


SICK_HEADER = ["enhet", "månad", "anställda", "ordinarie_timmar", "sjuktimmar", "sjuktimmar_dag_1_14", "sjuktimmar_60_dagar"]
TURNOVER_HEADER = ["enhet", "månad", "tillsvidareanställda", "avgångar", "varav_interna", "varav_pension"]
VACANCY_HEADER = ["enhet", "månad", "budgeterade_tjänster", "besatta_tjänster", "konsulter", "konsultkostnad_kr"]
RECRUITMENT_HEADER = ["enhet", "månad", "rekryteringsbehov", "pågående_rekryteringar", "tillsatta"]


@pytest.fixture(autouse=True, scope="session")
def components_scanned_once():
    """AppTest scans the metadata of every installed package for Streamlit components each time
    one is made (a running server does it once, at start); the packages do not change during the
    tests, so scan them once."""
    from streamlit.components.v2 import manifest_scanner

    scanned = manifest_scanner.scan_component_manifests()
    original = manifest_scanner.scan_component_manifests
    manifest_scanner.scan_component_manifests = lambda *args, **kwargs: scanned
    yield
    manifest_scanner.scan_component_manifests = original


@pytest.fixture(autouse=True)
def caches_kept_between_runs(monkeypatch):
    """AppTest gives every run empty caches; a running server keeps st.cache_data's figures
    between reruns and sessions (keyed by the data version). Keep them for the runs of one test,
    and start each test with empty ones: tests use different databases with the same versions."""
    from streamlit.runtime.caching.storage.dummy_cache_storage import MemoryCacheStorageManager
    from streamlit.testing.v1 import app_test

    kept = MemoryCacheStorageManager()
    monkeypatch.setattr(app_test, "MemoryCacheStorageManager", lambda: kept)


@pytest.fixture(autouse=True)
def streamlit_as_a_running_server(monkeypatch):
    """AppTest resets Streamlit's "old pages/ folder app" flag before every run, so every run
    behaves like the very first session of a freshly started server (see hrdash/ui/registry.py, guard). A
    running server clears the flag at its first st.navigation call; pin it the same way here,
    so widget state survives between runs as it does in the browser. The browser tests cover
    the first session of a fresh server."""
    from streamlit.runtime.pages_manager import PagesManager

    original = PagesManager.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`hrdash serve` on a copy of a database, as the Docker image starts it; what it prints is in
    `stdout` (hrdash's log for IT) and `stderr` (Streamlit's own)."""

    def __init__(self, database: Path, tmp: Path, port: int | None = None, extra_args: list[str] = (),
                 host: str = "127.0.0.1", env: dict[str, str] | None = None):
        self.db = tmp / "hr.duckdb"
        shutil.copy(database, self.db)
        self.port = port or free_port()
        self.url = f"http://{host}:{self.port}"
        self.stdout, self.stderr = tmp / "stdout.log", tmp / "stderr.log"
        self._files = [open(self.stdout, "w"), open(self.stderr, "w")]
        self.process = subprocess.Popen(
            [sys.executable, "-m", "hrdash.cli", "serve", "--port", str(self.port), "--", *extra_args],
            cwd=ROOT, env={**os.environ, "HRDASH_DB": str(self.db), **(env or {})}, stdout=self._files[0],
            stderr=self._files[1],
        )
        for _ in range(120):
            try:
                if urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=1).read() == b"ok":
                    return
            except OSError:
                time.sleep(0.25)
        self.stop()
        raise RuntimeError("Streamlit did not start: " + self.stdout.read_text() + self.stderr.read_text())

    def log(self) -> list[str]:
        """The lines of hrdash's log so far."""
        return [line for line in self.stdout.read_text(encoding="utf-8").splitlines() if " hrdash: " in line]

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=20)
        for file in self._files:
            file.close()


OIDC = ROOT / "tests" / "oidc"  # the test provider: provider.mjs, its package.json and package-lock.json


@dataclass
class Account:
    """A test account at the provider: its claims, as Entra ID would put them in the ID token."""

    email: str
    groups: list[str] | None = None  # None: the token has no groups claim
    name: str = ""
    password: str = "Sommar2026!"
    claims: dict = field(default_factory=dict)  # more claims: Entra ID's groups overage, app roles

    def as_config(self) -> dict:
        return {"sub": f"sub-{self.email}", "email": self.email, "name": self.name or self.email.split("@")[0],
                "password": self.password, "groups": self.groups, "claims": self.claims}


class Provider:
    """A real, OpenID Certified provider: the npm package oidc-provider (tests/oidc/provider.mjs),
    on a free port of 127.0.0.1, with these accounts and one client, hrdash at `redirect_uri`.
    What it did (sign-ins, refused passwords, sign-outs) is in `events()`."""

    CLIENT_ID, CLIENT_SECRET = "hrdash", "ett-hemligt-testlosenord-for-klienten"

    def __init__(self, tmp: Path, accounts: list[Account], redirect_uri: str, session_seconds: int = 3600):
        if not (OIDC / "node_modules" / "oidc-provider").is_dir():
            raise RuntimeError("The test provider is not installed: run `npm ci` in tests/oidc (make test does).")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = tmp / "oidc.json"
        config.write_text(json.dumps({
            "issuer": self.url, "port": self.port, "session_seconds": session_seconds,
            "client": {"client_id": self.CLIENT_ID, "client_secret": self.CLIENT_SECRET,
                       "redirect_uris": [redirect_uri], "post_logout_redirect_uris": [redirect_uri]},
            "accounts": [account.as_config() for account in accounts]}), encoding="utf-8")
        self.output, self.errors = tmp / "oidc.out", tmp / "oidc.err"
        self._files = [open(self.output, "w"), open(self.errors, "w")]
        self.process = subprocess.Popen(["node", str(OIDC / "provider.mjs"), str(config)], cwd=OIDC,
                                        stdout=self._files[0], stderr=self._files[1])
        for _ in range(120):
            if any(e["event"] == "ready" for e in self.events()):
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.1)
        self.stop()
        raise RuntimeError("oidc-provider did not start: " + self.errors.read_text())

    @property
    def metadata_url(self) -> str:
        return f"{self.url}/.well-known/openid-configuration"

    def events(self) -> list[dict]:
        return [json.loads(line) for line in self.output.read_text(encoding="utf-8").splitlines() if line.strip()]

    def secrets(self, path: Path, redirect_uri: str, prompt: str | None = "login") -> Path:
        """hrdash's [auth] settings for this provider. `prompt = "login"` asks for the password at every
        sign-in; without it Streamlit sends `prompt=select_account`, as Entra ID is used."""
        path.write_text(
            "[auth]\n"
            f'redirect_uri = "{redirect_uri}"\n'
            'cookie_secret = "en-lång-slumpad-hemlighet-för-testerna"\n'
            f'client_id = "{self.CLIENT_ID}"\nclient_secret = "{self.CLIENT_SECRET}"\n'
            f'server_metadata_url = "{self.metadata_url}"\n'
            + (f'client_kwargs = {{ prompt = "{prompt}" }}\n' if prompt else ""), encoding="utf-8")
        return path

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=20)
        for file in self._files:
            file.close()
