"""`hrdash serve` as IT runs it: Streamlit's files served from memory, one log line per event on
stdout without names, and a nightly backup taken while it serves that restores to the same
indicators."""

import datetime as dt
import gzip
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import streamlit
from conftest import ROOT, Server

from hrdash.store import backup

STATIC = Path(streamlit.__file__).parent / "static"


def hrdash(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "hrdash.cli", *args], capture_output=True, text=True, cwd=ROOT)


@pytest.fixture(scope="module")
def running(demo_database, tmp_path_factory):
    """The server on the demo data, with its nightly backup set half a minute from now: after the
    server has started even on a crowded machine (a time already passed would be tomorrow's)."""
    tmp = tmp_path_factory.mktemp("server")
    soon = (dt.datetime.now() + dt.timedelta(seconds=30)).strftime("%H:%M:%S")
    server = Server(demo_database.path, tmp, env={"HRDASH_BACKUP_DIR": str(tmp / "kopior"),
                                                  "HRDASH_BACKUP_TIME": soon, "HRDASH_BACKUP_KEEP": "3"})
    server.backups = tmp / "kopior"
    yield server
    server.stop()


def get(url: str, **headers: str):
    return urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=30)


def test_streamlits_own_files_are_served_as_streamlit_serves_them(running):
    index = get(f"{running.url}/").read().decode()
    script = re.search(r'src="\.?/?(static/js/[^"]+\.js)"', index).group(1)
    plain = get(f"{running.url}/{script}", **{"Accept-Encoding": "identity"})
    assert plain.read() == (STATIC / script).read_bytes()
    assert plain.headers["Cache-Control"] == "public, immutable, max-age=31536000"
    assert plain.headers["Content-Type"] == "application/javascript" or "javascript" in plain.headers["Content-Type"]
    packed = get(f"{running.url}/{script}", **{"Accept-Encoding": "gzip, deflate, br"})
    assert packed.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.read()) == (STATIC / script).read_bytes()
    font = next((STATIC / "static" / "media").glob("*.woff2"))
    served = get(f"{running.url}/static/media/{font.name}", **{"Accept-Encoding": "gzip"})
    assert served.headers.get("Content-Encoding") is None and served.read() == font.read_bytes()
    unchanged = urllib.request.Request(f"{running.url}/{script}", headers={"If-None-Match": plain.headers["ETag"]})
    with pytest.raises(urllib.error.HTTPError) as not_modified:
        urllib.request.urlopen(unchanged)
    assert not_modified.value.code == 304
    for path in ("/static/js/../../config.py", "/static/%2e%2e/%2e%2e/config.py", "/static/js/ingen.js"):
        try:
            body = get(f"{running.url}{path}").read()
        except urllib.error.HTTPError as error:
            assert error.code in (400, 404)
        else:
            assert b"_create_option" not in body  # never a file outside Streamlit's static folder


def test_the_nightly_backup_is_taken_while_serving_and_restores_to_the_same_indicators(running, demo_database,
                                                                                       tmp_path):
    for _ in range(720):  # up to three minutes: the backup is due 30 s after the server was started
        if backup.backups(running.backups):
            break
        time.sleep(0.25)
    assert backup.backups(running.backups), running.stdout.read_text() + running.stderr.read_text()
    (taken,) = backup.backups(running.backups)
    assert running.process.poll() is None  # the server still runs, holding the database
    restored = tmp_path / "återställd.duckdb"
    result = hrdash("restore", str(taken.folder), "--db", str(restored))
    assert result.returncode == 0, result.stderr
    original = tmp_path / "original.duckdb"
    original.write_bytes(demo_database.path.read_bytes())
    before = hrdash("indicators", "--unsuppressed", "--db", str(original)).stdout
    after = hrdash("indicators", "--unsuppressed", "--db", str(restored)).stdout
    assert before == after and len(after.splitlines()) > 10_000
    for _ in range(40):
        if any(" säkerhetskopia " in line for line in running.log()):
            break
        time.sleep(0.25)
    line = next(line for line in running.log() if " säkerhetskopia " in line)
    assert re.fullmatch(rf"\S+ \S+ [+-]\d{{4}} INFO hrdash: säkerhetskopia mapp={taken.folder.name} av=schema sekunder=\S+ "
                        r"storlek_mb=\S+", line), line


def test_the_log_starts_with_how_the_server_runs(running):
    first = running.log()[0]
    assert re.fullmatch(rf"\S+ \S+ [+-]\d{{4}} INFO hrdash: start port={running.port} läge=produktion "
                        rf"säkerhetskopior={re.escape(str(running.backups))}@\S+", first), first


def test_serve_refuses_to_start_when_the_backup_settings_are_wrong(tmp_path):
    result = subprocess.run([sys.executable, "-m", "hrdash.cli", "serve", "--db", str(tmp_path / "hr.duckdb")],
                            capture_output=True, text=True, cwd=ROOT, timeout=60,
                            env={**__import__("os").environ, "HRDASH_BACKUP_DIR": str(tmp_path / "kopior"),
                                 "HRDASH_BACKUP_TIME": "kl två"})
    assert result.returncode == 1
    assert "HRDASH_BACKUP_TIME='kl två' är ingen tid. Skriv till exempel 02:00." in result.stderr
