"""Back up and restore the whole database as a folder of Parquet files (DuckDB's EXPORT
DATABASE): readable by any DuckDB, kept apart from the live file.

DuckDB lets one process hold the file, so while the server runs it takes the backups itself,
through its own connection (`take`): every night at a set time (`Nightly`, configured by
environment variables, see `Schedule`) and when an administrator asks on the Data page. `hrdash
backup FOLDER` does the same from the command line while the server is stopped.

Restoring reads the tables' Parquet files into a new database made by hrdash itself, rather
than running the export's own schema.sql: that file lists the views alphabetically, not in
the order they depend on each other, and the views belong to this version of queries/.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from hrdash import logs, swedish
from hrdash.errors import UserError
from hrdash.store import batches, database


def _literal(path: Path) -> str:
    """A path as an SQL string: EXPORT DATABASE and read_parquet's file name take no parameters."""
    return "'" + str(path.resolve()).replace("'", "''") + "'"


def export(con: duckdb.DuckDBPyConnection, folder: Path) -> None:
    if folder.exists() and any(folder.iterdir()):
        raise UserError(f"Mappen {folder} är inte tom. Välj en ny mapp för säkerhetskopian.")
    folder.mkdir(parents=True, exist_ok=True)
    con.execute(f"EXPORT DATABASE {_literal(folder)} (FORMAT parquet)")


def restore(folder: Path, path: Path) -> None:
    """Fill a database file that does not exist yet with the tables of a backup."""
    if not (folder / "load.sql").exists():
        raise UserError(f"{folder} är ingen säkerhetskopia från hrdash backup (load.sql saknas).")
    if path.exists():
        raise UserError(f"{path} finns redan. Återställ till en ny fil (--db) och byt sedan ut den gamla.")
    con = database.connect(path)
    try:
        tables = {row[0] for row in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        with database.transaction(con) as cur:
            for table, file in re.findall(r"COPY\s+\"?(\w+)\"?\s+FROM\s+'([^']+)'", (folder / "load.sql").read_text()):
                if table in tables:
                    parquet = folder / Path(file).name  # the folder may have moved since the export
                    cur.execute(f'INSERT INTO "{table}" BY NAME SELECT * FROM read_parquet({_literal(parquet)})')
    finally:
        con.close()


# A backup taken by the server: hrdash-2026-11-02-020000 in the backup folder.
NAME = re.compile(r"^hrdash-(\d{4}-\d{2}-\d{2}-\d{6})$")
_one_at_a_time = threading.Lock()


@dataclass(frozen=True)
class Backup:
    folder: Path
    taken_at: dt.datetime
    size: int  # bytes
    seconds: float | None = None  # how long taking it took, when just taken


def take(con: duckdb.DuckDBPyConnection, root: Path, keep: int | None = None) -> Backup:
    """A consistent copy of the whole database in a new folder under `root`, taken through the
    connection of the process that holds the file, while it serves.

    Imports and undos wait while it is taken (they hold the same lock), and it is read in one
    transaction, so targets, comments and sign-ins written meanwhile are in it entirely or not at
    all. It is written to a hidden folder and renamed when complete: a folder named hrdash-… is
    always a whole backup. Then only the `keep` newest backups in `root` are kept."""
    with _one_at_a_time:
        root.mkdir(parents=True, exist_ok=True)
        for stale in root.glob(".hrdash-*.pågår"):  # left by a process stopped half-way
            shutil.rmtree(stale, ignore_errors=True)
        now = dt.datetime.now().replace(microsecond=0)
        while (root / f"hrdash-{now:%Y-%m-%d-%H%M%S}").exists():  # two in one second
            now += dt.timedelta(seconds=1)
        final = root / f"hrdash-{now:%Y-%m-%d-%H%M%S}"
        partial = root / f".{final.name}.pågår"
        started = time.perf_counter()
        with batches.writes_waiting():
            cur = con.cursor()
            try:
                cur.execute("BEGIN TRANSACTION")
                cur.execute("SELECT count(*) FROM batches").fetchone()  # the copy is of this moment
                _export(cur, partial)
                cur.execute("COMMIT")
            except BaseException:
                cur.execute("ROLLBACK")
                shutil.rmtree(partial, ignore_errors=True)
                raise
            finally:
                cur.close()
        partial.rename(final)
        seconds = time.perf_counter() - started
        if keep is not None:
            prune(root, keep)
        return Backup(final, now, _size(final), seconds)


def _export(cur: duckdb.DuckDBPyConnection, folder: Path) -> None:
    cur.execute(f"EXPORT DATABASE {_literal(folder)} (FORMAT parquet)")


def _size(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.iterdir() if f.is_file())


def backups(root: Path) -> list[Backup]:
    """The server's backups in `root`, newest first."""
    if not root.is_dir():
        return []
    found = []
    for folder in root.iterdir():
        match = NAME.match(folder.name)
        if match and folder.is_dir() and (folder / "load.sql").exists():
            found.append(Backup(folder, dt.datetime.strptime(match.group(1), "%Y-%m-%d-%H%M%S"), _size(folder)))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def prune(root: Path, keep: int) -> list[Path]:
    """Remove all but the `keep` newest backups; returns the removed folders."""
    removed = [b.folder for b in backups(root)[keep:]]
    for folder in removed:
        shutil.rmtree(folder)
    return removed


@dataclass(frozen=True)
class Schedule:
    """The nightly backup, as IT configures it:
    HRDASH_BACKUP_DIR   the folder for the backups (without it, no nightly backup),
    HRDASH_BACKUP_TIME  when, in the server's local time: HH:MM (or HH:MM:SS), default 02:00,
    HRDASH_BACKUP_KEEP  how many backups to keep, default 14 (older ones are removed)."""

    folder: Path
    at: dt.time = dt.time(2, 0)
    keep: int = 14

    @classmethod
    def from_environment(cls, environ: dict | None = None) -> Schedule | None:
        """The configured schedule, None when no folder is set; a UserError in Swedish when a
        setting is wrong (the server then refuses to start)."""
        environ = os.environ if environ is None else environ
        folder = environ.get("HRDASH_BACKUP_DIR", "").strip()
        if not folder:
            return None
        text = environ.get("HRDASH_BACKUP_TIME", "02:00").strip()
        try:
            at = dt.time.fromisoformat(text)
            if not re.fullmatch(r"\d{2}:\d{2}(:\d{2})?", text):
                raise ValueError
        except ValueError:
            raise UserError(f"HRDASH_BACKUP_TIME='{text}' är ingen tid. Skriv till exempel 02:00.") from None
        keep_text = environ.get("HRDASH_BACKUP_KEEP", "14").strip()
        if not keep_text.isdigit() or int(keep_text) < 1:
            raise UserError(f"HRDASH_BACKUP_KEEP='{keep_text}' ska vara ett antal kopior, minst 1.")
        path = Path(folder)
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise UserError(f"Mappen för säkerhetskopior, {path}, kan inte skapas: {error.strerror}.") from None
        if not os.access(path, os.W_OK):
            raise UserError(f"hrdash får inte skriva i mappen för säkerhetskopior, {path}.")
        return cls(path, at, int(keep_text))

    def next_run(self, after: dt.datetime) -> dt.datetime:
        """The first time of day `at` strictly after `after`."""
        candidate = dt.datetime.combine(after.date(), self.at)
        return candidate if candidate > after else dt.datetime.combine(after.date() + dt.timedelta(days=1), self.at)

    def describe(self, now: dt.datetime | None = None) -> str:
        """In Swedish, for the Data page: 'varje natt kl. 02:00, de 14 senaste sparas'; on a server whose
        clock is not in Swedish time, that too: 'kl. 02:00 serverns tid (03:00 svensk tid)'."""
        at = self.at.isoformat(timespec="seconds" if self.at.second else "minutes")
        run = self.next_run(now or dt.datetime.now()).astimezone()
        swedish_at = swedish.clock(run)[-5:]
        where = "" if swedish_at == at[:5] else f" serverns tid ({swedish_at} svensk tid)"
        return f"varje natt kl. {at}{where}, de {self.keep} senaste sparas"


class Nightly(threading.Thread):
    """Takes a backup at the schedule's time every day, for as long as the server runs."""

    def __init__(self, schedule: Schedule, connection: Callable[[], duckdb.DuckDBPyConnection]):
        super().__init__(name="hrdash-nattlig-sakerhetskopia", daemon=True)
        self.schedule = schedule
        self.connection = connection
        self.stopped = threading.Event()

    def run(self) -> None:
        last = dt.datetime.now()
        while True:
            when = self.schedule.next_run(last)
            if self.stopped.wait(max(0.0, (when - dt.datetime.now()).total_seconds())):
                return
            last = when
            try:
                taken = take(self.connection(), self.schedule.folder, self.schedule.keep)
            except Exception as error:  # the server goes on; IT sees the line
                logs.error("säkerhetskopia misslyckades", av="schema", fel=type(error).__name__)
            else:
                logs.event("säkerhetskopia", mapp=taken.folder.name, av="schema", sekunder=f"{taken.seconds:.2f}",
                           storlek_mb=f"{taken.size / 1e6:.1f}")


_started: list[Nightly] = []


def start_nightly(schedule: Schedule, connection: Callable[[], duckdb.DuckDBPyConnection]) -> Nightly:
    """Start the nightly backup once per process."""
    if not _started:
        _started.append(Nightly(schedule, connection))
        _started[0].start()
    return _started[0]
