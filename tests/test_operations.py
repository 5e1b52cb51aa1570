"""Operations: backup and restore give identical indicators; production refuses to start
without sign-in; the Dockerfile runs what the README says."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def hrdash(*args, env=None):
    return subprocess.run([sys.executable, "-m", "hrdash.cli", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})})


def test_backup_and_restore_round_trip(demo_database, tmp_path):
    backup = tmp_path / "säkerhetskopia"
    result = hrdash("backup", str(backup), "--db", str(demo_database.path))
    assert result.returncode == 0, result.stderr
    moved = tmp_path / "flyttad"
    backup.rename(moved)  # a backup still restores after the folder has been moved
    restored = tmp_path / "återställd.duckdb"
    result = hrdash("restore", str(moved), "--db", str(restored))
    assert result.returncode == 0, result.stderr
    assert f"Säkerhetskopian i {moved} är återställd till {restored}." in result.stdout
    before = hrdash("indicators", "--unsuppressed", "--db", str(demo_database.path)).stdout
    after = hrdash("indicators", "--unsuppressed", "--db", str(restored)).stdout
    assert before == after and len(before.splitlines()) > 10_000
    assert hrdash("batches", "--db", str(restored)).stdout == hrdash("batches", "--db", str(demo_database.path)).stdout


def test_restore_never_overwrites_a_database(demo_database, tmp_path):
    backup = tmp_path / "kopia"
    hrdash("backup", str(backup), "--db", str(demo_database.path))
    result = hrdash("restore", str(backup), "--db", str(demo_database.path))
    assert result.returncode == 1
    assert "finns redan. Återställ till en ny fil (--db)" in result.stderr
    result = hrdash("backup", str(backup), "--db", str(demo_database.path))
    assert result.returncode == 1 and "är inte tom" in result.stderr


def test_production_refuses_to_start_without_sign_in(tmp_path):
    result = hrdash("serve", "--db", str(tmp_path / "hr.duckdb"), env={"HRDASH_ENV": "production",
                                                                        "HOME": str(tmp_path)})
    assert result.returncode == 1
    assert "HRDASH_ENV=production men inloggning är inte konfigurerad" in result.stderr


def test_the_dockerfile_serves_with_the_database_and_its_backups_on_volumes():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert 'VOLUME ["/data", "/backup"]' in dockerfile
    assert "HRDASH_DB=/data/hr.duckdb" in dockerfile and "HRDASH_ENV=production" in dockerfile
    assert "HRDASH_BACKUP_DIR=/backup" in dockerfile and "TZ=Europe/Stockholm" in dockerfile
    assert 'CMD ["hrdash", "serve", "--port", "8501"]' in dockerfile
    assert "chromium" not in dockerfile  # the report's charts are drawn in-process: no browser in the image


def test_serve_runs_streamlit_as_production_wants_it(monkeypatch):
    """No file watcher, no rerun on save, no garbage collection forced after every run, Streamlit's
    own files served from memory; `--dev` (what `make run` uses) keeps Streamlit's own settings;
    options after `--` still win. The command line is parsed by Streamlit itself, so a misspelt
    option would fail here."""
    from streamlit.web import cli as streamlit_cli

    from hrdash import cli, logs, serving

    started, from_memory = [], []
    monkeypatch.setattr(streamlit_cli, "main", lambda: started.append(list(sys.argv)))
    monkeypatch.setattr(serving, "_serve_static_assets_from_memory", lambda: from_memory.append(True))
    monkeypatch.setattr(logs, "configure", lambda: None)
    monkeypatch.delenv("HRDASH_BACKUP_DIR", raising=False)
    monkeypatch.setattr(sys, "argv", list(sys.argv))
    monkeypatch.chdir(ROOT)

    def options(*args: str) -> dict:
        from_memory.clear()
        assert cli.main(["serve", "--port", "8600", *args]) == 0
        streamlit_options = streamlit_cli.main_run.make_context("run", started.pop()[2:]).params
        return {k: v for k, v in streamlit_options.items() if v is not None and v != ()}

    production = options()
    assert from_memory == [True]
    assert production["server_fileWatcherType"] == "none"
    assert production["server_runOnSave"] is False
    assert production["runner_postScriptGC"] is False
    assert production["server_port"] == 8600 and production["server_headless"] is True
    assert options("--", "--server.runOnSave", "true")["server_runOnSave"] is True
    development = options("--dev")
    assert "server_fileWatcherType" not in development and "runner_postScriptGC" not in development
    assert from_memory == []
    assert "--dev" in (ROOT / "Makefile").read_text().split("\nrun:")[1].split("\n\n")[0]
