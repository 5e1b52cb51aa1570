"""The `hrdash` command end to end, run as a user runs it: a separate process."""

import csv
import datetime as dt
import io
import json
import os
import shutil
import subprocess
from pathlib import Path
from zoneinfo import ZoneInfo

import duckdb
import pytest
from conftest import ORGANISATION, SICK_HEADER, TURNOVER_HEADER, csv_bytes

HRDASH = shutil.which("hrdash", path=str(Path(os.sys.executable).parent)) or "hrdash"


def run(*args, db=None, env=None):
    command = [HRDASH, *args] + (["--db", str(db)] if db else [])
    return subprocess.run(command, capture_output=True, text=True, env={**os.environ, **(env or {})})


@pytest.fixture
def files(tmp_path):
    (tmp_path / "org.csv").write_bytes(csv_bytes(ORGANISATION))
    (tmp_path / "sjuk.csv").write_bytes(csv_bytes([SICK_HEADER,
                                                   ["Mottagningen", "2025-03", 14, 1600, 160, 40, 80],
                                                   ["Utredning", "2025-03", 30, 4800, 240, 120, 0],
                                                   ["Liten", "2025-03", 6, 960, 96, 0, 96],
                                                   ["Mottagningen", "2025-04", 14, 1600, 80, 40, 0]]))
    (tmp_path / "oms.csv").write_bytes(csv_bytes([TURNOVER_HEADER, ["Mottagningen", "2025-03", 10, 2, 1, 0]]))
    (tmp_path / "fel.csv").write_bytes(csv_bytes([SICK_HEADER, ["Mottagningen", "2025-03", 10, 1600, -1, 0, 0]]))
    return tmp_path


def rows(output: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(output)))


def test_import_then_indicators_as_csv(files):
    db = files / "hr.duckdb"
    result = run("import", str(files / "org.csv"), str(files / "sjuk.csv"), str(files / "oms.csv"), db=db)
    assert result.returncode == 0, result.stderr
    assert "sjuk.csv: importerad som import nr 2 (sjukfrånvaro, 4 rader)." in result.stdout

    result = run("indicators", db=db)
    assert result.returncode == 0
    assert result.stdout.splitlines()[0] == "level,unit,month,indicator,value"
    table = {(r["level"], r["unit"], r["month"], r["indicator"]): r["value"] for r in rows(result.stdout)}
    assert table["avdelning", "Barn och unga", "2025-03", "sick_leave_pct"] == "6.250000"
    assert table["enhet", "Mottagningen", "2025-03", "turnover_pct"] == "20.000000"
    assert table["enhet", "Liten", "2025-03", "sick_leave_pct"] == ""  # suppressed: 6 people
    assert table["enhet", "Mottagningen", "2025-03", "sick_leave_12m_pct"] == ""  # not computable
    assert {r["level"] for r in rows(result.stdout)} == {"enhet", "avdelning", "förvaltning"}

    unsuppressed = {(r["unit"], r["month"], r["indicator"]): r["value"]
                    for r in rows(run("indicators", "--unsuppressed", db=db).stdout)}
    assert unsuppressed["Liten", "2025-03", "sick_leave_pct"] == "10.000000"


def test_indicators_filtered_by_unit_and_months_as_json(files):
    db = files / "hr.duckdb"
    run("import", str(files / "org.csv"), str(files / "sjuk.csv"), db=db)
    result = run("indicators", "--unit", "Mottagningen", "--from", "2025-04", "--to", "2025-04", "--format", "json",
                 db=db)
    assert result.returncode == 0, result.stderr
    records = json.loads(result.stdout)
    assert {(r["unit"], r["month"]) for r in records} == {("Mottagningen", "2025-04")}
    by_id = {r["indicator"]: r["value"] for r in records}
    assert by_id["sick_leave_pct"] == 5.0
    assert by_id["long_sick_leave_share_pct"] == 0.0
    assert by_id["turnover_pct"] is None
    assert '"value":5.000000' in result.stdout  # four decimals or more, also in JSON


def test_a_refused_file_exits_non_zero_with_swedish_messages_and_changes_nothing(files):
    db = files / "hr.duckdb"
    run("import", str(files / "sjuk.csv"), db=db)
    before = run("indicators", "--unsuppressed", db=db).stdout
    result = run("import", str(files / "fel.csv"), db=db)
    assert result.returncode == 1
    assert "fel.csv: filen importerades inte. 1 fel att rätta:" in result.stderr
    assert "Rad 2, kolumn E ('sjuktimmar'): Värdet '-1' är negativt. Ange 0 eller ett större tal." in result.stderr
    assert run("indicators", "--unsuppressed", db=db).stdout == before
    assert len(run("batches", db=db).stdout.splitlines()) == 1


def test_kind_can_be_given(files):
    db = files / "hr.duckdb"
    result = run("import", "--kind", "personalomsättning", str(files / "sjuk.csv"), db=db)
    assert result.returncode == 1
    assert "Kolumnen 'tillsvidareanställda' saknas, och den behövs för personalomsättning." in result.stderr
    result = run("import", "--kind", "löner", str(files / "sjuk.csv"), db=db)
    assert result.returncode == 2
    assert "Okänd filtyp 'löner'" in result.stderr


def test_batches_prints_rows_in_swedish_format_and_the_time_in_swedish_time(files):
    db = files / "hr.duckdb"
    run("import", str(files / "org.csv"), db=db)
    months = [f"{2000 + i // 12}-{i % 12 + 1:02d}" for i in range(300)]
    units = [row[0] for row in ORGANISATION[1:]]
    (files / "stor.csv").write_bytes(csv_bytes([SICK_HEADER, *([u, m, 10, 1000, 50, 0, 0] for u in units for m in months)]))
    utc = {"TZ": "UTC", "HRDASH_USER": "anna.hr"}
    assert "stor.csv: importerad som import nr 2 (sjukfrånvaro, 1\u00a0200 rader)." in run(
        "import", str(files / "stor.csv"), db=db, env=utc).stdout
    with duckdb.connect(str(db), read_only=True) as con:
        stored = con.execute("SELECT imported_at FROM batches WHERE batch_id = 2").fetchone()[0]
    swedish_time = f"{stored.replace(tzinfo=dt.timezone.utc).astimezone(ZoneInfo('Europe/Stockholm')):%Y-%m-%d %H:%M}"
    line = next(l for l in run("batches", db=db, env=utc).stdout.splitlines() if l.startswith("2\t"))
    assert line.split("\t")[1:5] == [swedish_time, "anna.hr", "sjukfrånvaro", "1\u00a0200 rader"]


def test_batches_and_undo(files):
    db = files / "hr.duckdb"
    run("import", str(files / "sjuk.csv"), db=db, env={"HRDASH_USER": "anna.hr"})
    listing = run("batches", db=db).stdout
    assert "\tanna.hr\tsjukfrånvaro\t4 rader\tsjuk.csv\taktiv" in listing
    result = run("undo", "1", db=db, env={"HRDASH_USER": "anna.hr"})
    assert result.returncode == 0
    assert "Import nr 1 (sjuk.csv) är ångrad." in result.stdout
    assert all(r["value"] == "" for r in rows(run("indicators", db=db).stdout))
    result = run("undo", "7", db=db)
    assert result.returncode == 1 and "Det finns ingen import nr 7." in result.stderr


def test_import_points_out_units_the_organisation_does_not_know(files):
    db = files / "hr.duckdb"
    run("import", str(files / "org.csv"), db=db)
    (files / "ny.csv").write_bytes(csv_bytes([SICK_HEADER, ["Nystartad", "2025-03", 12, 1000, 50, 0, 0]]))
    result = run("import", str(files / "ny.csv"), db=db)
    assert result.returncode == 0
    assert ("ny.csv: organisationen känner inte till Nystartad; de räknas under avdelningen 'Ej placerad' tills en "
            "organisationsfil placerar dem.") in result.stderr


def test_a_misspelled_unit_is_refused_naming_the_unit_it_resembles_and_new_units_accepts_it(files):
    db = files / "hr.duckdb"
    run("import", str(files / "org.csv"), db=db)
    (files / "stavfel.csv").write_bytes(csv_bytes([SICK_HEADER, ["Mottagningn", "2025-03", 12, 1000, 50, 0, 0],
                                                   ["Utredning", "2025-03", 30, 4800, 240, 0, 0]]))
    result = run("import", str(files / "stavfel.csv"), db=db)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "stavfel.csv: filen importerades inte. 1 fel att rätta:",
        "  Rad 2: Enheten 'Mottagningn' finns inte i organisationen. Menade du 'Mottagningen'? Rätta namnet i filen. "
        "Är det en ny enhet, välj det när filen laddas upp (på kommandoraden: --new-units); den räknas då under "
        "'Ej placerad' tills en organisationsfil placerar den."]
    assert rows(run("indicators", db=db).stdout) == []  # nothing but the organisation

    result = run("import", str(files / "stavfel.csv"), "--new-units", db=db)
    assert result.returncode == 0, result.stderr
    assert "stavfel.csv: importerad som import nr 2 (sjukfrånvaro, 2 rader)." in result.stdout
    table = {(r["level"], r["unit"], r["indicator"]): r["value"]
             for r in rows(run("indicators", "--unsuppressed", "--to", "2025-03", db=db).stdout)}
    assert table["enhet", "Mottagningn", "sick_leave_pct"] == "5.000000"
    assert table["avdelning", "Ej placerad", "sick_leave_pct"] == "5.000000"
    assert table["avdelning", "Barn och unga", "sick_leave_pct"] == "5.000000"  # Utredning alone: 240 / 4800
    assert table["enhet", "Mottagningen", "sick_leave_pct"] == ""


def test_database_from_environment(files):
    db = files / "annan.duckdb"
    result = run("import", str(files / "sjuk.csv"), env={"HRDASH_DB": str(db)})
    assert result.returncode == 0
    assert db.exists()


def test_missing_file(files):
    result = run("import", str(files / "finns_inte.csv"), db=files / "hr.duckdb")
    assert result.returncode == 1
    assert "filen kunde inte läsas" in result.stderr


def test_demo_loads_once(tmp_path):
    db = tmp_path / "demo.duckdb"
    result = run("demo", db=db)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("importerad som import nr") == 11  # the organisation and its figures in ten files, and the plan of action
    assert "Mål satta för sjukfrånvaro (högst 7,0)" in result.stdout
    assert run("demo", "--if-empty", db=db).stdout == ""
    again = run("demo", db=db)  # every file, the organisation and its reorganisation too, is skipped
    assert again.returncode == 0, again.stderr
    assert again.stdout.count("redan importerad som import nr") == 11 and ": importerad som" not in again.stdout
    assert "organisation.xlsx: redan importerad som import nr 1. Inget importerades igen." in again.stdout
    assert "omorganisation_2025-07.csv: redan importerad som import nr 2. Inget importerades igen." in again.stdout


def test_a_database_held_by_the_running_dashboard_is_named_in_swedish(files):
    db = files / "hr.duckdb"
    held = duckdb.connect(str(db))  # as `hrdash serve` holds it
    try:
        result = run("batches", db=db)
    finally:
        held.close()
    assert result.returncode == 3
    assert result.stderr.startswith(f"hrdash: databasen {db} används redan av ett annat program (process {os.getpid()}), "
                                    "troligen den körande instrumentpanelen (hrdash serve).")
    assert "Could not set lock" not in result.stderr


def test_a_file_that_is_no_database_is_named_in_swedish(files):
    (files / "gammal.duckdb").write_text("inte en databas")
    result = run("batches", db=files / "gammal.duckdb")
    assert result.returncode == 3
    assert result.stderr == (f"hrdash: filen {files / 'gammal.duckdb'} är inte en hrdash-databas (ingen DuckDB-fil). "
                             "Kontrollera sökvägen i --db eller HRDASH_DB, eller återställ en säkerhetskopia med "
                             "hrdash restore.\n")


def test_a_data_file_given_as_the_database_is_refused_not_read_into_memory(files):
    # DuckDB 2.0 would open the csv as a table in memory, and the import would be lost when the command ends.
    result = run("import", str(files / "sjuk.csv"), db=files / "org.csv")
    assert result.returncode == 1
    assert result.stderr == (f"hrdash: filen {files / 'org.csv'} är en datafil, inte en hrdash-databas. Importera den "
                             f"med hrdash import {files / 'org.csv'}, och ange databasen (en .duckdb-fil) med --db "
                             "eller HRDASH_DB.\n")
