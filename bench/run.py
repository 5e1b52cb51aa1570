"""`make bench`: the whole municipality (1 500 units in 8 förvaltningar, 60 months, all four
kinds) through hrdash, measured against a naive pandas baseline on the same files; a backup of
it taken while imports would wait; a committee opening the demo data in real browsers against
`hrdash serve` (bench/viewers.py); a large city (bench/city.py: 3 000 units in 24
förvaltningar, 120 months, every kind) imported with `hrdash import`, its commands timed, and
the committee's page views measured against it; and the operating figures of the sick-leave
control charts, before and after the seasonal adjustment (bench/operating.py).

    python bench/run.py [--only municipality|city]

Prints a table and writes bench/results.json. Every measurement runs in a fresh process, so
that one step's caches and memory do not flatter the next; peak memory is each process's
own maximum resident size.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import city  # noqa: E402
import generate  # noqa: E402
import operating  # noqa: E402
import viewers  # noqa: E402

KINDS = ["sjukfranvaro", "personalomsattning", "vakanser", "rekryteringsbehov"]
PAGES = ["pages/oversikt.py", "pages/sjukfranvaro.py", "pages/personalomsattning.py", "pages/vakanser.py",
         "pages/rekrytering.py", "pages/rapport.py", "pages/presentation.py", "pages/ladda_upp.py", "pages/data.py",
         "pages/om_siffrorna.py"]
GOALS = {"xlsx_speedup": 8.0, "indicators_s": 2.0, "page_warm_s": 1.0, "page_cold_s": 3.0, "peak_mb": 1024,
         "cpu_per_view_s": viewers.GOAL_CPU_PER_VIEW_S}


def measure(code: str, *args: str, env: dict | None = None) -> dict:
    """Run `code` in a fresh Python; it prints one JSON object. Adds the process's peak memory."""
    wrapper = textwrap.dedent(code) + textwrap.dedent(
        """
        import resource as _resource
        RESULT["peak_mb"] = _resource.getrusage(_resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(RESULT))
        """
    )
    output = subprocess.run([sys.executable, "-c", wrapper, *args], capture_output=True, text=True, cwd=ROOT,
                            env={**os.environ, **(env or {})}, check=True).stdout
    return json.loads(output.strip().splitlines()[-1])


IMPORT = """
import json, sys, time
from pathlib import Path
from hrdash.ingest.parse import parse_file
from hrdash.store import batches, database
con = database.connect(sys.argv[1])
RESULT = {}
for path in sys.argv[2:]:
    started = time.perf_counter()
    parsed = parse_file(Path(path).read_bytes(), Path(path).name)
    batches.import_file(con, parsed, "bench")
    RESULT[Path(path).stem] = time.perf_counter() - started
started = time.perf_counter()
from hrdash.store import snapshot
snapshot.refresh(con)
RESULT["refresh"] = time.perf_counter() - started
"""

BASELINE = """
import json, sys, time
import pandas as pd
RESULT = {}
frames = {}
for path in sys.argv[1:]:
    started = time.perf_counter()
    if path.endswith(".xlsx"):
        frames[path] = pd.read_excel(path, engine="openpyxl")
    else:
        frames[path] = pd.read_csv(path, sep=";", decimal=",")
    RESULT["read:" + path.rsplit("/", 1)[1]] = time.perf_counter() - started
started = time.perf_counter()
organisation = next(f for p, f in frames.items() if "organisation" in p)
sick = next(f for p, f in frames.items() if "sjuk" in p).merge(organisation[["enhetskod", "avdelning", "förvaltning"]],
                                                                 on="enhetskod")
turnover = next(f for p, f in frames.items() if "personal" in p).merge(
    organisation[["enhetskod", "avdelning", "förvaltning"]], on="enhetskod")
out = []
for keys in (["enhetskod"], ["förvaltning", "avdelning"], ["förvaltning"]):
    s = sick.groupby(keys + ["månad"])[["ordinarie_timmar", "sjuktimmar", "sjuktimmar_dag_1_14",
                                         "sjuktimmar_60_dagar"]].sum()
    out += [100 * s["sjuktimmar"] / s["ordinarie_timmar"], 100 * s["sjuktimmar_dag_1_14"] / s["ordinarie_timmar"],
            100 * s["sjuktimmar_60_dagar"] / s["sjuktimmar"]]
    t = turnover.groupby(keys + ["månad"])[["tillsvidareanställda", "avgångar", "varav_interna"]].sum()
    out += [100 * t["avgångar"] / t["tillsvidareanställda"],
            100 * (t["avgångar"] - t["varav_interna"]) / t["tillsvidareanställda"]]
RESULT["groupby"] = time.perf_counter() - started
RESULT["values"] = int(sum(len(o) for o in out))
"""

INDICATORS = """
import json, subprocess, sys, time
RESULT = {}
for attempt in ("first", "second"):
    started = time.perf_counter()
    output = subprocess.run([sys.executable, "-m", "hrdash.cli", "indicators", "--db", sys.argv[1]],
                            capture_output=True, check=True).stdout
    RESULT[attempt] = time.perf_counter() - started
RESULT["rows"] = output.count(b"\\n") - 1
"""

PAGE = """
import json, sys, time
from streamlit.testing.v1 import AppTest
from streamlit.runtime.pages_manager import PagesManager
original = PagesManager.__init__
def init(self, *args, **kwargs):  # as `hrdash serve` has it (see hrdash/serving.py)
    original(self, *args, **kwargs)
    PagesManager.uses_pages_directory = False
PagesManager.__init__ = init
# Cold: a server that has loaded its modules but has no figures cached (as after an import:
# the caches are keyed by the data version) opens the app (the frame and Översikt, the default
# page) and then the page, paying for every cache they fill. Warm: the page run again.
import hrdash.reports.exports, hrdash.ui.cache, hrdash.ui.data_page, hrdash.ui.topic_page  # noqa: E401,F401
RESULT = {}
at = AppTest.from_file("app.py", default_timeout=120)
started = time.perf_counter()
at.run()
if sys.argv[1] != "pages/oversikt.py":
    at.switch_page(sys.argv[1]).run()
RESULT["cold"] = time.perf_counter() - started
started = time.perf_counter()
at.run()
RESULT["warm"] = time.perf_counter() - started
assert not at.exception, [e.value for e in at.exception]
"""


BACKUP = """
import json, sys, time
from pathlib import Path
from hrdash.store import backup, database
con = database.shared(sys.argv[1])
RESULT = {}
taken = backup.take(con, Path(sys.argv[2]))
RESULT["take"] = taken.seconds
RESULT["size_mb"] = taken.size / 1e6
started = time.perf_counter()
backup.restore(taken.folder, Path(sys.argv[2]) / "återställd.duckdb")
RESULT["restore"] = time.perf_counter() - started
"""


CITY_GOALS = {"import_ratio": 0.3, "indicators_s": 10.0, "signals_s": 5.0, "compare_s": 5.0, "peak_mb": 1024,
              "cpu_per_view_mean_s": 0.08, "cpu_per_view_max_s": 0.12}

CLI_IMPORT = """
import json, sys, time
from hrdash import cli
started = time.perf_counter()
status = cli.main(["import", "--db", sys.argv[1], sys.argv[2]])
RESULT = {"seconds": time.perf_counter() - started, "status": status}
"""

CITY_BASELINE = """
import json, sys, time
import pandas as pd
started = time.perf_counter()
if sys.argv[1].endswith(".xlsx"):
    frame = pd.read_excel(sys.argv[1], engine="openpyxl", header=2)
else:
    frame = pd.read_csv(sys.argv[1], sep=";", decimal=",")
RESULT = {"seconds": time.perf_counter() - started, "rows": len(frame)}
"""

# A command of the CLI, twice in a row, each in a process of its own (the first reads the
# database cold); the peak is the largest of the two processes'.
COMMAND = """
import json, resource, subprocess, sys, tempfile, time
RESULT = {}
for attempt in ("first", "second"):
    with tempfile.TemporaryFile() as out:  # the city's indicators are a gigabyte of CSV
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "hrdash.cli", *sys.argv[2:], "--db", sys.argv[1]], stdout=out,
                       stderr=subprocess.PIPE, check=True)
        RESULT[attempt] = time.perf_counter() - started
        out.seek(0)
        RESULT["rows"] = sum(chunk.count(b"\\n") for chunk in iter(lambda: out.read(1 << 24), b"")) - 1
RESULT["command_peak_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
"""


def measure_city(sessions: int = 30, repeats: int = 2) -> dict:
    """The city: each file imported with `hrdash import` in a fresh process, the sick-leave file
    also read by pandas+openpyxl; `hrdash indicators`, `signals` and `compare`; then `hrdash serve`
    on the city, opened by the committee (bench/viewers.py)."""
    print("Skapar stadens filer (första gången tar det fem minuter) …", flush=True)
    paths = city.write(HERE / "data" / "city")
    results: dict = {"units": city.UNITS, "administrations": city.ADMINISTRATIONS, "months": city.MONTHS}
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "stad.duckdb")
        results["import"] = {}
        for name in ("organisation", "sjukfranvaro", "personalomsattning", "vakanser", "rekryteringsbehov", "arenden",
                     "puls", "avgangsorsaker", "atgarder"):
            print(f"hrdash import {paths[name].name} …", flush=True)
            results["import"][name] = measure(CLI_IMPORT, db, str(paths[name]))
            results["import"][name]["bytes"] = paths[name].stat().st_size
        print("hrdash import sjukfranvaro.csv (i en egen databas) …", flush=True)
        csv_db = str(Path(folder) / "csv.duckdb")
        measure(CLI_IMPORT, csv_db, str(paths["organisation"]))
        results["import"]["sjukfranvaro_csv"] = measure(CLI_IMPORT, csv_db, str(paths["sjukfranvaro_csv"]))
        results["baseline"] = {}
        for name in ("sjukfranvaro", "sjukfranvaro_csv"):
            print(f"pandas läser {paths[name].name} …", flush=True)
            results["baseline"][name] = measure(CITY_BASELINE, str(paths[name]))
        for name, command in (("indicators", ["indicators"]), ("signals", ["signals"]),
                              ("compare", ["compare", "--month", city.months()[-1]])):
            print(f"hrdash {' '.join(command)} …", flush=True)
            results[name] = measure(COMMAND, db, *command)
        print("En nämnd öppnar instrumentpanelen (webbläsare mot hrdash serve, staden) …", flush=True)
        results["viewers"] = viewers.run(sessions, repeats, database=Path(db))
    results["goals"] = city_goals(results)
    return results


def city_goals(results: dict) -> dict:
    ratio = results["import"]["sjukfranvaro"]["seconds"] / results["baseline"]["sjukfranvaro"]["seconds"]
    views = results["viewers"].get("new_visitor_cpu_s_per_view", {})
    peak = max([i["peak_mb"] for i in results["import"].values()] + [results["viewers"]["server_peak_mb"]]
               + [results[c]["command_peak_mb"] for c in ("indicators", "signals", "compare")])
    measured = {"import_ratio": ratio, "indicators_s": results["indicators"]["second"],
                "signals_s": results["signals"]["second"], "compare_s": results["compare"]["second"], "peak_mb": peak,
                "cpu_per_view_mean_s": views.get("mean"), "cpu_per_view_max_s": views.get("max")}
    return {goal: {"measured": value, "goal": CITY_GOALS[goal],
                   "met": value is not None and value <= CITY_GOALS[goal]} for goal, value in measured.items()}


def report_city(results: dict) -> None:
    rows = results["import"]["sjukfranvaro"]
    print(f"\nStaden: {results['units']} enheter i {results['administrations']} förvaltningar, {results['months']} "
          "månader")
    print(f"\n{'Fil':<28}{'hrdash import':>14}{'minne':>9}{'pandas':>10}")
    for name, timing in results["import"].items():
        baseline = results["baseline"].get(name)
        pandas = f"{baseline['seconds']:>9.1f}s" if baseline else ""
        refused = "" if timing["status"] == 0 else "  vägrades (hrdash tar emot högst 50 MB per fil)"
        print(f"{name:<28}{timing['seconds']:>13.1f}s{timing['peak_mb']:>7.0f}MB{pandas}{refused}")
    print(f"sjukfrånvaro xlsx: hrdash {rows['seconds']:.1f} s mot pandas+openpyxl "
          f"{results['baseline']['sjukfranvaro']['seconds']:.1f} s ({results['baseline']['sjukfranvaro']['rows']:,} "
          "rader)".replace(",", " "))
    for name in ("indicators", "signals", "compare"):
        timing = results[name]
        print(f"hrdash {name}: {timing['first']:.1f} s första gången, {timing['second']:.1f} s sedan, "
              f"{timing['rows']:,} rader, {timing['command_peak_mb']:.0f} MB".replace(",", " "))
    viewers.report(results["viewers"])
    print("\nStadens mål:")
    for goal, outcome in results["goals"].items():
        measured = outcome["measured"]
        print(f"  {'✓' if outcome['met'] else '✗'} {goal} ≤ {outcome['goal']}: "
              f"{measured:.3f}" if measured is not None else f"  ✗ {goal}: –")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", choices=("municipality", "city"))
    args = parser.parse_args()
    saved = HERE / "results.json"
    results = json.loads(saved.read_text()) if args.only and saved.exists() else {}
    if args.only != "city":
        results.update(measure_municipality())
    if args.only != "municipality":
        results["city"] = measure_city()
        results["city"]["date"] = f"{dt.date.today():%Y-%m-%d}"
    saved.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    if "goals" in results and args.only != "city":
        report(results, {kind: results["baseline_xlsx"][f"read:{kind}.xlsx"] / results["import_xlsx"][kind]
                         for kind in KINDS})
    if "city" in results and args.only != "municipality":
        report_city(results["city"])


def measure_municipality() -> dict:
    print("Skapar kommunens filer (första gången tar det en minut) …", flush=True)
    paths = generate.write(HERE / "data")
    results: dict = {"machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
                     "units": generate.UNITS, "administrations": generate.ADMINISTRATIONS,
                     "months": generate.MONTHS, "rows_per_kind": generate.UNITS * generate.MONTHS}
    with tempfile.TemporaryDirectory() as folder:
        databases = {}
        for fmt in ("xlsx", "csv"):
            databases[fmt] = str(Path(folder) / f"{fmt}.duckdb")
            files = [str(paths["organisation"][fmt])] + [str(paths[k][fmt]) for k in KINDS]
            print(f"Importerar {fmt} …", flush=True)
            results[f"import_{fmt}"] = measure(IMPORT, databases[fmt], *files)
            print(f"Naiv läsning av {fmt} med pandas …", flush=True)
            results[f"baseline_{fmt}"] = measure(BASELINE, *files)
        print("hrdash indicators …", flush=True)
        results["indicators"] = measure(INDICATORS, databases["xlsx"])
        results["pages"] = {}
        for page in PAGES:
            print(f"Sida {page} …", flush=True)
            results["pages"][page] = measure(PAGE, page, env={"HRDASH_DB": databases["xlsx"]})
        print("Säkerhetskopia och återställning …", flush=True)
        results["backup"] = measure(BACKUP, databases["xlsx"], str(Path(folder) / "kopior"))
    print("En nämnd öppnar instrumentpanelen (webbläsare mot hrdash serve, demodata) …", flush=True)
    results["viewers"] = viewers.run()
    print("Styrdiagrammens driftmått (genererad organisation och demodata) …", flush=True)
    results["operating"] = operating.measure()

    speedups = {kind: results["baseline_xlsx"][f"read:{kind}.xlsx"] / results["import_xlsx"][kind] for kind in KINDS}
    peak = max([results[f"import_{f}"]["peak_mb"] for f in ("xlsx", "csv")] + [results["indicators"]["peak_mb"]]
               + [p["peak_mb"] for p in results["pages"].values()])
    slowest_warm = max(p["warm"] for p in results["pages"].values())
    slowest_cold = max(p["cold"] for p in results["pages"].values())
    results["goals"] = {
        "xlsx_import_at_least_8x_faster_than_openpyxl_read": {"measured": min(speedups.values()),
                                                              "met": min(speedups.values()) >= GOALS["xlsx_speedup"]},
        "all_indicators_under_2_s": {"measured": results["indicators"]["second"],
                                     "met": results["indicators"]["second"] < GOALS["indicators_s"]},
        "pages_warm_under_1_s": {"measured": slowest_warm, "met": slowest_warm < GOALS["page_warm_s"]},
        "pages_cold_under_3_s": {"measured": slowest_cold, "met": slowest_cold < GOALS["page_cold_s"]},
        "peak_memory_under_1_gb": {"measured": peak, "met": peak < GOALS["peak_mb"]},
        **results["viewers"]["goals"],
    }
    return results


def report(results: dict, speedups: dict) -> None:
    rows = results["rows_per_kind"]
    print(f"\n{results['units']} enheter i {results['administrations']} förvaltningar, {results['months']} månader, "
          f"{rows:,} rader per filtyp".replace(",", " "))
    print(f"\n{'Filtyp':<20}{'hrdash xlsx':>13}{'hrdash csv':>12}{'openpyxl':>11}{'pandas csv':>12}{'snabbare':>10}")
    for kind in KINDS:
        print(f"{kind:<20}{results['import_xlsx'][kind]:>12.2f}s{results['import_csv'][kind]:>11.2f}s"
              f"{results['baseline_xlsx'][f'read:{kind}.xlsx']:>10.2f}s"
              f"{results['baseline_csv'][f'read:{kind}.csv']:>11.2f}s{speedups[kind]:>9.1f}×")
    print(f"\nNyckeltalen räknas om efter import: {results['import_xlsx']['refresh']:.2f} s "
          f"(naiv pandas groupby för en del av dem: {results['baseline_xlsx']['groupby']:.2f} s)")
    indicators = results["indicators"]
    print(f"hrdash indicators, alla {indicators['rows']:,} rader: {indicators['first']:.2f} s första gången, "
          f"{indicators['second']:.2f} s sedan".replace(",", " "))
    print(f"\n{'Sida':<30}{'kall':>8}{'varm':>8}{'minne':>9}")
    for page, timing in results["pages"].items():
        print(f"{page:<30}{timing['cold']:>7.2f}s{timing['warm']:>7.2f}s{timing['peak_mb']:>7.0f}MB")
    backup = results["backup"]
    print(f"\nSäkerhetskopia medan servern kör: {backup['take']:.2f} s ({backup['size_mb']:.0f} MB Parquet), "
          f"återställning {backup['restore']:.2f} s")
    viewers.report(results["viewers"])
    operating.report(results["operating"])
    print("\nMål:")
    for goal, outcome in results["goals"].items():
        print(f"  {'✓' if outcome['met'] else '✗'} {goal}: {outcome['measured']:.2f}")


if __name__ == "__main__":
    main()
