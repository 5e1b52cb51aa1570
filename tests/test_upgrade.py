"""Upgrades keep every figure: a database written by an earlier release opens with this one,
gives every figure that release gave, and takes new imports (see tests/fixtures/)."""

import csv
import gzip
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SICK_HEADER, csv_bytes

RELEASES = Path(__file__).resolve().parent / "fixtures"


def hrdash(*args):
    return subprocess.run([sys.executable, "-m", "hrdash.cli", *args], capture_output=True, text=True,
                          env={**os.environ, "HRDASH_USER": "uppgradering"})


def printed(text: str) -> dict[tuple[str, str, str, str], str]:
    return {(r["level"], r["unit"], r["month"], r["indicator"]): r["value"] for r in csv.DictReader(io.StringIO(text))}


@pytest.fixture(params=["release_9b37633"])
def old_database(request, tmp_path):
    """A copy of the database an earlier release wrote, and the folder of what it printed."""
    folder = RELEASES / request.param
    path = tmp_path / "hr.duckdb"
    path.write_bytes(gzip.decompress((folder / "hr.duckdb.gz").read_bytes()))
    return path, folder


@pytest.mark.parametrize("extra, file", [([], "indicators.csv"), (["--unsuppressed"], "indicators_unsuppressed.csv")])
def test_every_figure_the_old_release_gave_is_still_given(old_database, extra, file):
    path, folder = old_database
    before = printed((folder / file).read_text(encoding="utf-8"))
    result = hrdash("indicators", "--db", str(path), *extra)
    assert result.returncode == 0, result.stderr
    after = printed(result.stdout)
    missing = [key for key in before if key not in after]
    assert not missing, f"{len(missing)} figures are gone, e.g. {missing[:3]}"
    differing = [(key, before[key], after[key]) for key in before
                 if (before[key] == "") != (after[key] == "")
                 or before[key] and abs(float(before[key]) - float(after[key])) > 1e-6]
    assert not differing, f"{len(differing)} figures differ, e.g. {differing[:3]}"
    assert len(before) > 2000


def test_the_old_database_keeps_its_batches_and_takes_a_new_import(old_database, tmp_path):
    path, _ = old_database
    batches = hrdash("batches", "--db", str(path)).stdout.splitlines()
    assert len(batches) == 8
    assert batches[0].startswith("8\t") and "ångrad" in batches[0]
    new = tmp_path / "sjuk_2025-03.csv"
    new.write_bytes(csv_bytes([SICK_HEADER, ["Mottagningen", "2025-03", 14, 2240, 224, 100, 0],
                               ["Utredning", "2025-03", 30, 4800, 96, 48, 0]]))
    result = hrdash("import", str(new), "--db", str(path))
    assert result.returncode == 0, result.stderr
    assert "importerad som import nr 9" in result.stdout
    after = printed(hrdash("indicators", "--db", str(path), "--from", "2025-03").stdout)
    assert after["enhet", "Mottagningen", "2025-03", "sick_leave_pct"] == "10.000000"  # 224 / 2240
    # Liten moved to Barn och unga in October 2024 and has not reported March: (224 + 96) / (2240 + 4800).
    assert after["avdelning", "Barn och unga", "2025-03", "sick_leave_pct"] == "4.545455"


def test_the_old_database_takes_a_measures_import_and_keeps_every_figure(old_database, tmp_path):
    path, folder = old_database
    measures = tmp_path / "åtgärder.csv"
    measures.write_bytes(csv_bytes([["enhet", "startmånad", "åtgärd", "område", "status"],
                                    ["Mottagningen", "2025-03", "Friskvårdstimme", "sjukfrånvaro", "pågår"],
                                    ["Barn och unga", "mars 2025", "Mentorskap", "personalomsättning", ""]]))
    result = hrdash("import", str(measures), "--db", str(path))
    assert result.returncode == 0, result.stderr
    assert "åtgärder.csv: importerad som import nr 9 (åtgärder, 2 rader)." in result.stdout
    before = printed((folder / "indicators.csv").read_text(encoding="utf-8"))
    after = printed(hrdash("indicators", "--db", str(path)).stdout)
    assert all(after.get(key) == value or (value and abs(float(value) - float(after[key])) <= 1e-6)
               for key, value in before.items())
    from hrdash.figures.measures import measures as held
    from hrdash.store import database

    con = database.connect(path)
    assert [(m.level, m.group_name, f"{m.start:%Y-%m}", m.title, m.status) for m in held(con)] == [
        ("avdelning", "Barn och unga", "2025-03", "Mentorskap", None),
        ("enhet", "Mottagningen", "2025-03", "Friskvårdstimme", "ongoing"),
    ]
