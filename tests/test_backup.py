"""Backups taken by the running server: consistent while imports wait, only the newest kept, on a
schedule IT sets, from the Data page by an administrator; each restores to the same figures."""

import datetime as dt
import shutil
import tempfile
import threading
import time
from pathlib import Path

import pytest
from conftest import SICK_HEADER, csv_bytes, load, open_app

from hrdash import swedish
from hrdash.errors import UserError
from hrdash.figures import indicators
from hrdash.store import audit, backup, batches, database, roles

AUTH = {"auth": {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "test",
                 "client_id": "hrdash", "client_secret": "secret",
                 "server_metadata_url": "http://localhost:9400/.well-known/openid-configuration"}}
NOVEMBER = csv_bytes([SICK_HEADER] + [[unit, "2026-11", 20, 3000, 300, 100, 100]
                                      for unit in ("Mottagning barn och unga", "Familjebehandling")])


def printed(con) -> str:
    """Every indicator, hidden ones too, as `hrdash indicators --unsuppressed` prints them."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "nyckeltal.csv"
        indicators.export(con, path, "csv", True, indicators.Selection())
        return path.read_text(encoding="utf-8")


def same_figures(one: str, other: str) -> bool:
    """The same rows and figures. DuckDB adds up doubles in parallel, in an order that can differ
    between two databases holding the same rows, so a figure on a rounding edge may print one unit
    apart in its fourth decimal; nothing more may differ."""
    if one == other:
        return True
    lines, other_lines = one.splitlines(), other.splitlines()
    if len(lines) != len(other_lines):
        return False
    for line, other_line in zip(lines, other_lines):
        for cell, other_cell in zip(line.split(","), other_line.split(",")):
            if cell != other_cell and not (cell and other_cell and abs(float(cell) - float(other_cell)) <= 1.0001e-4):
                return False
    return True


def restored(folder, tmp_path) -> str:
    """What `hrdash indicators --unsuppressed` prints for the backup in `folder`, restored."""
    path = tmp_path / f"återställd-{folder.name}.duckdb"
    backup.restore(folder, path)
    con = database.connect(path)
    try:
        return printed(con)
    finally:
        con.close()


@pytest.fixture
def con(demo_database, tmp_path):
    path = tmp_path / "hr.duckdb"
    shutil.copy(demo_database.path, path)
    connection = database.connect(path)
    yield connection
    connection.close()


def test_a_backup_asked_for_during_an_import_waits_for_it_and_holds_all_of_it(con, tmp_path, monkeypatch):
    """The import has written its rows but not committed them when the backup is asked for."""
    rows_written, go_on = threading.Event(), threading.Event()
    write_batch = batches.write_batch

    def slow_write(*args, **kwargs):
        batch_id = write_batch(*args, **kwargs)
        rows_written.set()
        go_on.wait(30)
        return batch_id

    monkeypatch.setattr(batches, "write_batch", slow_write)
    importing = threading.Thread(target=load, args=(con, NOVEMBER, "sjuk_nov.csv"))
    importing.start()
    assert rows_written.wait(30)
    taken = []
    backing_up = threading.Thread(target=lambda: taken.append(backup.take(con, tmp_path / "kopior")))
    backing_up.start()
    time.sleep(0.5)
    assert not taken  # it waits for the import
    go_on.set()
    importing.join(30)
    backing_up.join(30)
    after = printed(con)
    assert ",2026-11," in after
    assert same_figures(restored(taken[0].folder, tmp_path), after)


def test_an_import_waits_while_a_backup_is_taken_and_is_not_in_it(con, tmp_path, monkeypatch):
    before = printed(con)
    exporting, go_on = threading.Event(), threading.Event()
    export = backup._export

    def slow_export(cur, folder):
        exporting.set()
        go_on.wait(30)
        export(cur, folder)

    monkeypatch.setattr(backup, "_export", slow_export)
    taken = []
    backing_up = threading.Thread(target=lambda: taken.append(backup.take(con, tmp_path / "kopior")))
    backing_up.start()
    assert exporting.wait(30)
    imported = []
    importing = threading.Thread(target=lambda: imported.append(load(con, NOVEMBER, "sjuk_nov.csv")))
    importing.start()
    time.sleep(0.5)
    assert not imported  # it waits for the backup
    go_on.set()
    backing_up.join(30)
    importing.join(30)
    assert imported and same_figures(restored(taken[0].folder, tmp_path), before)
    assert printed(con) != before


def test_what_is_written_while_a_backup_is_read_is_not_in_it(con, tmp_path, monkeypatch):
    """Targets, comments, roles and sign-ins are not held back by the import lock: the backup is
    the database as it was when it began, read in one transaction."""
    exporting, go_on = threading.Event(), threading.Event()
    export = backup._export

    def slow_export(cur, folder):
        exporting.set()
        go_on.wait(30)
        export(cur, folder)

    monkeypatch.setattr(backup, "_export", slow_export)
    taken = []
    backing_up = threading.Thread(target=lambda: taken.append(backup.take(con, tmp_path / "kopior")))
    backing_up.start()
    assert exporting.wait(30)
    audit.record(con.cursor(), "it@kommun.se", "Test", "skrivet medan kopian läses")  # not under the import lock
    go_on.set()
    backing_up.join(30)
    copy = tmp_path / "kopia.duckdb"
    backup.restore(taken[0].folder, copy)
    restored = database.connect(copy)
    assert "skrivet medan kopian läses" not in set(audit.entries(restored)["detail"])
    restored.close()


def test_only_the_newest_backups_are_kept_and_half_written_ones_never_count(con, tmp_path):
    root = tmp_path / "kopior"
    (root / ".hrdash-2026-01-01-020000.pågår").mkdir(parents=True)  # a process stopped half-way
    taken = [backup.take(con, root, keep=2) for _ in range(3)]
    assert [b.folder for b in backup.backups(root)] == [taken[2].folder, taken[1].folder]
    assert sorted(p.name for p in root.iterdir()) == sorted([taken[1].folder.name, taken[2].folder.name])
    assert len({t.folder for t in taken}) == 3  # taken within one second, yet three folders


@pytest.fixture
def server_zone(monkeypatch):
    """Set the zone of this process's clock (the server's), as TZ does; put back afterwards."""
    def set_zone(zone: str) -> None:
        monkeypatch.setenv("TZ", zone)
        time.tzset()
    yield set_zone
    monkeypatch.undo()
    time.tzset()


def test_on_a_server_on_utc_the_schedule_says_swedish_time_too(tmp_path, server_zone):
    server_zone("UTC")
    schedule = backup.Schedule.from_environment({"HRDASH_BACKUP_DIR": str(tmp_path)})
    assert schedule.describe(dt.datetime(2026, 12, 4, 12, 0)) == (
        "varje natt kl. 02:00 serverns tid (03:00 svensk tid), de 14 senaste sparas")
    assert schedule.describe(dt.datetime(2026, 7, 4, 12, 0)).startswith("varje natt kl. 02:00 serverns tid (04:00")


def test_the_schedule_comes_from_the_environment(tmp_path, server_zone):
    server_zone("Europe/Stockholm")
    assert backup.Schedule.from_environment({}) is None
    schedule = backup.Schedule.from_environment({"HRDASH_BACKUP_DIR": str(tmp_path / "kopior")})
    assert (schedule.folder, schedule.at, schedule.keep) == (tmp_path / "kopior", dt.time(2, 0), 14)
    assert schedule.folder.is_dir()
    assert schedule.describe() == "varje natt kl. 02:00, de 14 senaste sparas"  # the server keeps Swedish time
    schedule = backup.Schedule.from_environment({"HRDASH_BACKUP_DIR": str(tmp_path), "HRDASH_BACKUP_TIME": "23:30",
                                                 "HRDASH_BACKUP_KEEP": "7"})
    assert schedule.next_run(dt.datetime(2026, 11, 2, 12, 0)) == dt.datetime(2026, 11, 2, 23, 30)
    assert schedule.next_run(dt.datetime(2026, 11, 2, 23, 30)) == dt.datetime(2026, 11, 3, 23, 30)
    for setting, value, message in (("HRDASH_BACKUP_TIME", "2 på natten", "är ingen tid"),
                                    ("HRDASH_BACKUP_TIME", "25:00", "är ingen tid"),
                                    ("HRDASH_BACKUP_KEEP", "0", "ska vara ett antal kopior, minst 1")):
        with pytest.raises(UserError, match=message):
            backup.Schedule.from_environment({"HRDASH_BACKUP_DIR": str(tmp_path), setting: value})


def test_the_nightly_backup_runs_at_its_time(con, tmp_path):
    soon = (dt.datetime.now() + dt.timedelta(seconds=2)).time().replace(microsecond=0)
    nightly = backup.Nightly(backup.Schedule(tmp_path / "kopior", soon, 3), lambda: con)
    nightly.start()
    for _ in range(100):
        if backup.backups(tmp_path / "kopior"):
            break
        time.sleep(0.1)
    nightly.stopped.set()
    nightly.join(10)
    found = backup.backups(tmp_path / "kopior")
    assert len(found) == 1 and same_figures(restored(found[0].folder, tmp_path), printed(con))


@pytest.fixture
def signed_in_database(demo_database, tmp_path, monkeypatch):
    path = tmp_path / "hr.duckdb"
    shutil.copy(demo_database.path, path)
    connection = database.connect(path)
    roles.assign(connection, "e-post", "admin@kommun.se", "admin", "test")
    roles.assign(connection, "e-post", "hr@kommun.se", "hr", "test")
    connection.close()
    monkeypatch.setenv("HRDASH_DB", str(path))
    return path


def data_page(email: str):
    return open_app("pages/data.py", secrets=AUTH, user={"is_logged_in": True, "email": email})


def test_an_administrator_backs_up_from_the_data_page(signed_in_database, tmp_path, monkeypatch, server_zone):
    server_zone("UTC")  # as many servers run: the page still says Swedish time
    monkeypatch.setenv("HRDASH_BACKUP_DIR", str(tmp_path / "kopior"))
    monkeypatch.setenv("HRDASH_BACKUP_KEEP", "5")
    at = data_page("admin@kommun.se")
    assert [h.value for h in at.header][-1] == "Säkerhetskopior"
    captions = [c.value for c in at.caption]
    assert any(c.startswith(f"Sparas i {tmp_path / 'kopior'}, varje natt kl. 02:00 serverns tid (0")
               for c in captions)  # 03:00 svensk tid in winter, 04:00 in summer
    assert "Inga säkerhetskopior ännu." in captions
    at.button(key="säkerhetskopiera").click().run()
    assert not at.exception
    (taken,) = backup.backups(tmp_path / "kopior")
    assert any(s.value.startswith(f"Säkerhetskopian {taken.folder.name} är sparad (") for s in at.success)
    assert list(at.dataframe[-1].value["Mapp"]) == [taken.folder.name]
    assert list(at.dataframe[-1].value["Tagen"]) == [swedish.clock(taken.taken_at)]  # an hour later than the UTC name
    from hrdash.ui import session

    live = session.cursor()
    assert audit.entries(live).iloc[0][["who", "action", "detail"]].tolist() == [
        "admin@kommun.se", "Säkerhetskopia", taken.folder.name]
    assert same_figures(restored(taken.folder, tmp_path), printed(live))


def test_hr_sees_no_backups_and_an_administrator_is_told_when_they_are_not_set_up(signed_in_database, monkeypatch):
    monkeypatch.delenv("HRDASH_BACKUP_DIR", raising=False)
    assert "Säkerhetskopior" not in [h.value for h in data_page("hr@kommun.se").header]
    at = data_page("admin@kommun.se")
    assert at.info[-1].value.startswith("Säkerhetskopiering är inte inställd: IT anger en mapp i HRDASH_BACKUP_DIR")
