"""Beside the nation (issue 19, item 7): Kolada's published sick-leave figures imported from a saved
answer of its API (v2 and v3 shapes) or a CSV of the same fields, stored as reference values in a
batch that undo treats like every import, fetched by `hrdash kolada fetch` (here from a local server
playing Kolada: this machine has no internet), and shown on the page Årsredovisning beside the
organisation's own figures, which keep their privacy rule.

Every Kolada figure below is made up for the tests; the shapes are those Kolada's documentation
gives (github.com/Hypergene/kolada, "Query data")."""

import datetime as dt
import gzip
import io
import json
import os
import subprocess
import sys
import threading
from contextlib import redirect_stderr, redirect_stdout
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import csv_bytes, load

from hrdash import cli, swedish
from hrdash.ingest.kolada import parse_references
from hrdash.store import audit, batches, references
from hrdash.store.queries import read

ROOT = Path(__file__).resolve().parent.parent


def answer(*records) -> bytes:
    """A saved answer of /v2/data/kpi/…: {"values": [records], "count": n}."""
    return json.dumps({"values": list(records), "count": len(records)}).encode()


def record(kpi, municipality, period, **by_gender) -> dict:
    return {"kpi": kpi, "municipality": municipality, "period": period,
            "values": [{"gender": g, "value": v, "count": 1, "status": "" if v is not None else "Missing"}
                       for g, v in by_gender.items()]}


V2 = answer(record("N00090", "0380", "2025", K=8.4, M=5.1, T=7.6),
            record("N00091", "0380", "2025", T=45.2),
            record("N00090", "0000", "2025", T=7.0),
            record("N00091", "0000", "2025", T=None))  # Kolada has no value: no figure, not a zero


def stored(con) -> dict[tuple[str, str, int, str], float]:
    return {(k, m, y, g): v for k, m, y, g, v in
            read(con, "current_references", "kpi, municipality_id, year, gender, value").fetchall()}


def imported(con, content: bytes, name: str = "kolada.json", user: str = "anna.hr") -> batches.Batch:
    parsed = parse_references(content, name)
    assert parsed.ok, [str(p) for p in parsed.problems]
    return references.import_references(con, parsed, user)


def test_a_saved_v2_answer_is_stored_value_by_value(con):
    batch = imported(con, V2)
    assert stored(con) == {("N00090", "0380", 2025, "K"): 8.4, ("N00090", "0380", 2025, "M"): 5.1,
                           ("N00090", "0380", 2025, "T"): 7.6, ("N00091", "0380", 2025, "T"): 45.2,
                           ("N00090", "0000", 2025, "T"): 7.0}
    assert (batch.kind_names, batch.row_count) == ("Kolada (jämförelse)", 5)
    assert parse_references(V2, "kolada.json").skipped == 1
    names = dict(read(con, "current_references", "DISTINCT municipality_id, municipality_name").fetchall())
    assert names == {"0380": None, "0000": "Riket"}


def test_a_v3_answer_with_a_numeric_period_on_each_value_and_its_next_url(con):
    content = json.dumps({"values": [{"kpi": "N00092", "municipality": "0180",
                                      "values": [{"period": 2025, "gender": "T", "value": 5.9, "count": 1}]}],
                          "count": 1, "next_url": None}).encode()
    imported(con, content)
    assert stored(con) == {("N00092", "0180", 2025, "T"): 5.9}


def test_a_csv_as_excel_saves_it_semicolons_decimal_commas_and_a_dropped_leading_zero(con):
    content = csv_bytes([["kpi", "municipality", "municipality_name", "period", "gender", "value", "count", "status"],
                         ["N00090", "380", "Uppsala", "2025", "T", "7,6", "1", ""],
                         ["N00090", "0380", "Uppsala", "2025", "K", "8,4", "1", ""],
                         ["N00093", "0000", "", "2025", "T", "6,8", "1", ""]])
    imported(con, content, "kolada.csv")
    assert stored(con) == {("N00090", "0380", 2025, "T"): 7.6, ("N00090", "0380", 2025, "K"): 8.4,
                           ("N00093", "0000", 2025, "T"): 6.8}
    names = dict(read(con, "current_references", "DISTINCT municipality_id, municipality_name").fetchall())
    assert names == {"0380": "Uppsala", "0000": "Riket"}


@pytest.mark.parametrize("content, name, message", [
    (b'{"values": [', "kolada.json", "Filen är inte giltig JSON (rad 1: Expecting value)."),
    (b'{"kpi": "N00090"}', "kolada.json", "JSON-filen har ingen lista 'values' med Koladas poster (den har: kpi)."),
    (answer(record("N00090", "0380", "2025", F=7.6)), "kolada.json",
     "Post 1: Könet 'F' finns inte i Kolada: T (totalt), K (kvinnor) eller M (män)."),
    (answer(record("sjuk", "0380", "2025", T=7.6)), "kolada.json",
     "Post 1: 'SJUK' är inget nyckeltal i Kolada: ett id är en bokstav och fem siffror, som N00090."),
    (answer(record("N00090", "Uppsala", "2025", T=7.6)), "kolada.json",
     "Post 1: 'Uppsala' är inget kommun-id: Kolada skriver fyra siffror, som 0380 (0000 är Riket)."),
    (answer(record("N00090", "0380", "2025", T=7.6), record("N00090", "0380", "2025", T=7.7)), "kolada.json",
     "Post 2: N00090 för 0380 2025 (T) finns redan på post 1. Ta bort dubbletten."),
    (answer(record("N00090", "0380", "2025", T=None)), "kolada.json",
     "Filen innehåller inga värden från Kolada (1 saknade värden)."),
    (csv_bytes([["kpi", "municipality", "period", "gender", "value"], ["N00090", "0380", "2025", "T", "7,6"],
                ["N00090", "0380", "2025", "K", "sju"]]), "kolada.csv", "Rad 3: Värdet 'sju' är inget tal."),
    (csv_bytes([["kpi", "kommun", "år", "värde"], ["N00090", "0380", "2025", "7,6"]]), "kolada.csv",
     "Rad 1: Kolumnerna municipality, period, gender, value saknas (filen har: kpi, kommun, år, värde)."),
])
def test_a_bad_file_is_refused_in_swedish_saying_what_to_do_and_nothing_is_stored(con, content, name, message):
    parsed = parse_references(content, name)
    assert not parsed.ok and not parsed.rows
    assert str(parsed.problems[0]).startswith(message), str(parsed.problems[0])
    with pytest.raises(Exception) as refused:
        references.import_references(con, parsed, "anna.hr")
    assert str(refused.value).startswith(message)
    if "saknas" in message or "JSON" in message or "inga värden" in message:
        assert "Spara svaret från Kolada som det kom" in str(refused.value)  # what to do
    assert batches.list_batches(con) == []
    assert con.execute("SELECT count(*) FROM reference_rows").fetchone()[0] == 0


def test_a_later_import_replaces_a_value_and_undo_brings_it_back(con):
    first = imported(con, V2)
    second = imported(con, answer(record("N00090", "0380", "2025", T=7.8)), "rättelse.json", user="bo.hr")
    assert stored(con)["N00090", "0380", 2025, "T"] == 7.8
    assert stored(con)["N00090", "0380", 2025, "K"] == 8.4  # not in the later file: still the first's
    batches.undo(con, second.batch_id, "bo.hr")
    assert stored(con)["N00090", "0380", 2025, "T"] == 7.6
    imported(con, V2 + b" ")  # the same figures again in another file are imported
    with pytest.raises(Exception, match="redan importerad, oförändrad, som import nr 3"):
        imported(con, V2 + b" ")
    batches.undo(con, 3, "bo.hr")
    batches.undo(con, first.batch_id, "anna.hr")
    assert stored(con) == {}
    log = audit.entries(con)
    assert f"Import nr {first.batch_id}: kolada.json (5 värden från Kolada)" in set(log["detail"])
    assert f"Import nr {second.batch_id}: rättelse.json" in set(log["detail"])  # the undo


def test_the_cli_imports_a_saved_file_and_undoes_it(tmp_path, monkeypatch):
    monkeypatch.setenv("HRDASH_USER", "anna.hr")
    path, db = tmp_path / "kolada.json", tmp_path / "hr.duckdb"
    path.write_bytes(V2)
    out = io.StringIO()
    with redirect_stdout(out):
        assert cli.main(["kolada", "import", str(path), "--db", str(db)]) == 0
        assert cli.main(["batches", "--db", str(db)]) == 0
    lines = out.getvalue().splitlines()
    assert lines[0] == ("kolada.json: importerad som import nr 1 (Kolada (jämförelse), 5 värden; 1 värde saknas i "
                        "Kolada).")
    assert lines[1].split("\t")[3:6] == ["Kolada (jämförelse)", "5 rader", "kolada.json"]


class FakeKolada(BaseHTTPRequestHandler):
    """Kolada's data route as this test needs it: two pages, the first pointing at the second."""

    asked: list[str] = []

    def do_GET(self):
        FakeKolada.asked.append(self.path)
        base = f"http://127.0.0.1:{self.server.server_port}"
        pages = {
            "/v2/data/kpi/N00090,N00091/municipality/0380,0000/year/2025": {
                "values": [record("N00090", "0380", "2025", K=8.4, M=5.1, T=7.6)], "count": 1,
                "next_page": f"{base}/v2/data/kpi/N00090,N00091/municipality/0380,0000/year/2025?page=2"},
            "/v2/data/kpi/N00090,N00091/municipality/0380,0000/year/2025?page=2": {
                "values": [record("N00091", "0000", "2025", T=47.5)], "count": 1},
        }
        body = json.dumps(pages[self.path]).encode() if self.path in pages else b'{"error": "not found"}'
        self.send_response(200 if self.path in pages else 404)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def kolada_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeKolada)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    FakeKolada.asked = []
    yield f"http://127.0.0.1:{server.server_port}/v2"
    server.shutdown()
    server.server_close()


def test_fetch_asks_the_documented_route_follows_the_pages_and_stores_one_import(kolada_server, tmp_path, monkeypatch):
    monkeypatch.setenv("HRDASH_USER", "anna.hr")
    db = tmp_path / "hr.duckdb"
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = cli.main(["kolada", "fetch", "--kpi", "N00090,N00091", "--municipality", "0380,0000",
                           "--year", "2025", "--url", kolada_server, "--db", str(db)])
    assert status == 0, err.getvalue()
    assert FakeKolada.asked == ["/v2/data/kpi/N00090,N00091/municipality/0380,0000/year/2025",
                                "/v2/data/kpi/N00090,N00091/municipality/0380,0000/year/2025?page=2"]
    assert out.getvalue().strip() == ("Kolada N00090,N00091 0380,0000 2025.json: importerad som import nr 1 "
                                      "(Kolada (jämförelse), 4 värden).")
    from hrdash.store import database

    con = database.connect(db)
    assert stored(con) == {("N00090", "0380", 2025, "K"): 8.4, ("N00090", "0380", 2025, "M"): 5.1,
                           ("N00090", "0380", 2025, "T"): 7.6, ("N00091", "0000", 2025, "T"): 47.5}
    con.close()


def test_fetch_says_in_swedish_what_kolada_answered_and_stores_nothing(kolada_server, tmp_path, monkeypatch):
    monkeypatch.setenv("HRDASH_KOLADA_URL", kolada_server)  # the variable instead of --url
    db = tmp_path / "hr.duckdb"
    err = io.StringIO()
    with redirect_stderr(err):
        status = cli.main(["kolada", "fetch", "--kpi", "N99999", "--municipality", "0380", "--year", "2025",
                           "--db", str(db)])
    assert status == 1
    assert err.getvalue().startswith(f"hrdash: Kolada svarade 404 (Not Found) på {kolada_server}/data/kpi/N99999/"
                                     "municipality/0380/year/2025. Kontrollera nyckeltalen, kommunerna och åren.")
    with redirect_stdout(io.StringIO()) as out:
        cli.main(["batches", "--db", str(db)])
    assert out.getvalue() == ""


YEAR_HEADER = ["enhet", "månad", "kön", "åldersgrupp", "anställda", "ordinarie_timmar", "sjuktimmar",
               "sjuktimmar_dag_1_14", "sjuktimmar_60_dagar"]
AUTH = {"auth": {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x", "client_id": "x",
                 "client_secret": "x", "server_metadata_url": "http://localhost:9400/.well-known/openid-configuration"}}
READER = {"is_logged_in": True, "email": "ledamot@kommun.se"}
KOLADA_CSV = csv_bytes([["kpi", "municipality", "municipality_name", "period", "gender", "value"],
                        *[[k, "0380", "Uppsala", "2025", g, v] for k, g, v in (
                            ("N00090", "T", "7,6"), ("N00090", "K", "8,4"), ("N00090", "M", "5,1"),
                            ("N00091", "T", "45,2"), ("N00092", "T", "5,9"), ("N00093", "T", "7,4"),
                            ("N00094", "T", "8,3"))],
                        *[[k, "0000", "", "2025", g, v] for k, g, v in (
                            ("N00090", "T", "7"), ("N00090", "K", "7,9"), ("N00090", "M", "4,3"),
                            ("N00091", "T", "47,5"), ("N00092", "T", "6,2"), ("N00093", "T", "6,8"),
                            ("N00094", "T", "7,6"))],
                        ["N00090", "0180", "Stockholm", "2025", "T", "6,5"],
                        ["N00090", "0380", "Uppsala", "2024", "T", "7,9"]])


@pytest.fixture
def year_database(con, tmp_path, monkeypatch):
    """Soc's Vuxen: Stor (20 women 30–49, 2 000 hours, 100 sick of which 40 long; 15 men 50–, 1 500
    hours, 30 sick) and Liten (6 women −29, 600 hours, 60 sick, 30 long), every month of 2025."""
    from hrdash.store import roles

    load(con, csv_bytes([["enhet", "avdelning", "förvaltning"], ["Stor", "Vuxen", "Soc"], ["Liten", "Vuxen", "Soc"]]),
         "org.csv")
    rows = [YEAR_HEADER]
    for month in (f"2025-{m:02d}" for m in range(1, 13)):
        rows += [["Stor", month, "kvinna", "30-49", 20, 2000, 100, 0, 40],
                 ["Stor", month, "man", "50-", 15, 1500, 30, 0, 0],
                 ["Liten", month, "kvinna", "-29", 6, 600, 60, 0, 30]]
    load(con, csv_bytes(rows), "sjuk.csv")
    roles.assign(con, "e-post", "ledamot@kommun.se", "läsare", "test")
    imported(con, KOLADA_CSV, "kolada.csv")
    references.choose(con, "380", ["0180"], "anna.hr")
    con.close()
    path = tmp_path / "hr.duckdb"
    monkeypatch.setenv("HRDASH_DB", str(path))
    return path


def shown(texts: list[str]) -> list[str]:
    return [t.replace(" ", "\u00a0") for t in texts]


def test_the_yearly_view_shows_the_own_figures_beside_the_municipality_riket_and_the_chosen(year_database):
    from conftest import open_app

    at = open_app("pages/arsredovisning.py", secrets=AUTH, user=READER)
    assert at.subheader[1].value == "Jämfört med kommunen, riket och andra kommuner 2025"
    table = at.table[1].value
    assert list(table.columns) == ["Nyckeltal", "Soc (egna siffror)", "Uppsala (0380)", "Riket", "Stockholm (0180)"]
    assert list(table["Nyckeltal"]) == ["Total sjukfrånvaro", "Andel av sjukfrånvaron som avser 60 dagar eller mer",
                                        "Sjukfrånvaro kvinnor", "Sjukfrånvaro män", "Sjukfrånvaro 29 år eller yngre",
                                        "Sjukfrånvaro 30–49 år", "Sjukfrånvaro 50 år eller äldre"]
    # Soc: 4 100 hours a month, 190 sick, 70 long; women 160 of 2 600, men 30 of 1 500; under 30: 6 people
    # (hidden), so 50– (15 people, fewer than 30–49's 20) is hidden beside it; 30–49: 100 of 2 000.
    assert list(table["Soc (egna siffror)"]) == shown(["4,6 %", "36,8 %", "6,2 %", "2,0 %", "–", "5,0 %", "–"])
    assert list(table["Uppsala (0380)"]) == shown(["7,6 %", "45,2 %", "8,4 %", "5,1 %", "5,9 %", "7,4 %", "8,3 %"])
    assert list(table["Riket"]) == shown(["7,0 %", "47,5 %", "7,9 %", "4,3 %", "6,2 %", "6,8 %", "7,6 %"])
    assert list(table["Stockholm (0180)"]) == shown(["6,5 %", "", "", "", "", "", ""])
    source = at.caption[1].value
    assert source.startswith("Källa: Kolada (RKA), KPI N00090 Sjukfrånvaro kommunalt anställda totalt, (%); N00091 "
                             "Sjukfrånvaro kommunalt anställda mer än 59 dagar som andel av total sjukfrånvaro, (%);")
    assert f"hämtad {swedish.date(dt.date.today())}." in source
    assert "– visas inte (för få personer)" in source


def test_without_kolada_figures_the_view_says_how_to_get_them(con, tmp_path, monkeypatch):
    from conftest import open_app

    load(con, csv_bytes([["enhet", "avdelning", "förvaltning"], ["Stor", "Vuxen", "Soc"]]), "org.csv")
    load(con, csv_bytes([YEAR_HEADER, *[["Stor", f"2025-{m:02d}", "kvinna", "30-49", 20, 2000, 100, 0, 40]
                                        for m in range(1, 13)]]), "sjuk.csv")
    con.close()
    monkeypatch.setenv("HRDASH_DB", str(tmp_path / "hr.duckdb"))
    at = open_app("pages/arsredovisning.py")
    assert [i.value for i in at.info] == [
        "Det finns inga siffror från Kolada för 2025. HR kan importera dem under Data → Inställningar."]
    assert len(at.table) == 1


def test_hr_chooses_the_municipality_and_those_to_compare_with_on_data(year_database):
    from conftest import open_app

    at = open_app("pages/data.py")  # no sign-in configured: everyone is HR
    at.text_input(key="kolada_kommun").set_value("0380")
    at.multiselect(key="kolada_jämför").set_value([])
    at.button(key="FormSubmitter:kolada_val-Spara jämförelsen").click().run()
    assert not at.exception
    assert [s.value for s in at.success] == ["Jämförelsen är sparad."]
    from hrdash.store import database

    con = database.connect(year_database)
    assert references.choices(con) == ("0380", [])
    assert audit.entries(con)["detail"].iloc[0] == "Kommunens id i Kolada: 0380; jämförs med: inga"
    con.close()


def test_a_choice_of_six_or_a_wrong_id_is_refused(con):
    with pytest.raises(Exception, match="Välj högst 5 kommuner att jämföra med"):
        references.choose(con, "0380", ["0180", "1480", "1280", "0580", "1880", "2480"], "anna.hr")
    with pytest.raises(Exception, match="'Uppsala' är inget kommun-id i Kolada"):
        references.choose(con, "Uppsala", [], "anna.hr")
    assert references.choices(con) == (None, [])


def test_the_readme_documents_the_command_and_the_file_shapes():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for text in ("hrdash kolada fetch --kpi", "hrdash kolada import FILE", "/v2/data/kpi/", "/v3/data/kpi/",
                 "HRDASH_KOLADA_URL", '"gender"', "kpi;municipality;municipality_name;period;gender;value",
                 "N00090", "0000"):
        assert text in readme, text


def test_an_old_database_takes_a_kolada_import_and_gives_every_figure_it_gave(tmp_path):
    """The database the release 9e9b297 wrote gains the tables of step 5 on opening; a Kolada import
    and its undo leave every figure of the organisation as it was."""
    path, file = tmp_path / "hr.duckdb", tmp_path / "kolada.json"
    path.write_bytes(gzip.decompress((ROOT / "tests/fixtures/release_9e9b297/hr.duckdb.gz").read_bytes()))
    file.write_bytes(V2)

    def hrdash(*args):
        result = subprocess.run([sys.executable, "-m", "hrdash.cli", *args, "--db", str(path)], capture_output=True,
                                text=True, env={**os.environ, "HRDASH_USER": "uppgradering"})
        assert result.returncode == 0, result.stderr
        return result.stdout

    before = hrdash("indicators")
    assert "importerad som import nr 10 (Kolada (jämförelse), 5 värden" in hrdash("kolada", "import", str(file))
    assert hrdash("indicators") == before
    hrdash("undo", "10")
    assert hrdash("indicators") == before


def test_a_kolada_file_dropped_among_the_organisations_files_says_where_it_belongs(con):
    from conftest import refused

    assert refused(con, KOLADA_CSV, "kolada.csv") == [
        "Rad 1: Filen ser ut att vara siffror från Kolada (kolumnerna kpi och municipality): jämförelsesiffror för "
        "andra kommuner och riket, inte organisationens egna. Importera filen under Data → Inställningar, eller med "
        "'hrdash kolada import FIL'."]
