"""Measures on the pages (Part 3): a marker on the topic's chart, the list with what the figures say
since in plain Swedish, a follow-up that is due, HR's offer to restart a baseline where an improvement
holds (recorded, never automatic), the report's section, and Stockholm's tertial cycle on
Medarbetarnas röst."""

import base64
import datetime as dt
import shutil

import numpy as np
import plotly.io as pio
import pytest
from conftest import csv_bytes, load, open_app

from hrdash.charts.style import MEASURES
from hrdash.figures import groups
from hrdash.reports import model
from hrdash.store import audit, baselines, database

VACANCIES = ["enhet", "månad", "budgeterade_tjänster", "besatta_tjänster"]
MEASURE_HEADER = ["enhet", "startmånad", "åtgärd", "område", "status", "ansvarig", "uppföljning", "beskrivning"]
PRE = [10, 11] * 6


def month(i: int) -> str:
    return f"{2024 + i // 12}-{i % 12 + 1:02d}"


@pytest.fixture
def vacancies(tmp_path_factory, monkeypatch):
    """A (vacancy rate 10/11 % for a year, then 10 % for seven months) with the measure 'Rekrytering' from
    January 2025, follow-up April 2025; B steady, with a planned measure from June 2025."""
    path = tmp_path_factory.mktemp("åtgärder") / "hr.duckdb"
    con = database.connect(path)
    load(con, csv_bytes([["enhet", "avdelning", "förvaltning"], ["A", "IFO", "Soc"], ["B", "IFO", "Soc"]]), "org.csv")
    load(con, csv_bytes([VACANCIES] + [[u, month(i), 100, 100 - v] for u, values in
                                       (("A", PRE + [10] * 7), ("B", PRE + [10, 11] * 3 + [10])) for i, v in
                                       enumerate(values)]), "vakanser.csv")
    load(con, csv_bytes([MEASURE_HEADER, ["A", "2025-01", "Rekrytering", "vakanser", "pågår", "Anna Chef", "2025-04",
                                          "Två nya <b>tjänster</b>"],
                         ["B", "2025-06", "Bemanningsplan", "vakanser", "planerad", "", "", ""]]), "åtgärder.csv")
    con.close()
    monkeypatch.setenv("HRDASH_DB", str(path))
    return path


def numbers(y) -> list:
    """A trace's values as the page sent them (plotly sends a list of floats as base64)."""
    if isinstance(y, dict) and "bdata" in y:
        return list(np.frombuffer(base64.b64decode(y["bdata"]), dtype=y["dtype"]))
    return [v for v in y if v is not None]


def test_the_topic_page_marks_the_measure_and_says_what_the_figures_say_since(vacancies):
    at = open_app("pages/vakanser.py", grupp="A – enhet i IFO", manad="juli 2025")
    trend = pio.from_json(at.get("plotly_chart")[0].proto.spec)
    marker = next(t for t in trend.data if t.name == MEASURES)
    # Its title on white in the band above the data (never on the line), whole on hover.
    label = next(a for a in trend.layout.annotations if a.text == "Rekrytering")
    assert label.bgcolor == "white" and "Rekrytering (A), från januari 2025" in label.hovertext
    values = [float(v) for t in trend.data if t.name != MEASURES and t.y is not None for v in numbers(t.y) if v == v]
    assert marker.y[0] == label.y > max(values) and label.y < trend.layout.yaxis.range[1]
    assert "Två nya &lt;b&gt;tjänster&lt;/b&gt;" in marker.hovertext[0]  # what HR typed, never markup
    assert "Ansvarig: Anna Chef" in marker.hovertext[0] and "Status: pågår" in marker.hovertext[0]
    assert "Åtgärder och resultat" in [h.value for h in at.header]
    said = " ".join(m.value for m in at.markdown)
    assert "Andel vakanta tjänster: Tecken på förbättring som håller i sig sedan januari 2025" in said
    assert "Uppföljningen var planerad till april 2025: dags att följa upp och ändra status." in [
        w.value for w in at.warning]


def test_a_sustained_improvement_offers_hr_a_restart_of_the_baseline(vacancies):
    at = open_app("pages/vakanser.py", grupp="A – enhet i IFO", manad="juli 2025")
    offer = next(b for b in at.button if b.label.startswith("Starta om styrdiagrammets baslinje"))
    assert offer.label == "Starta om styrdiagrammets baslinje från januari 2025"
    con = database.connect(vacancies)
    assert baselines.current(con, baselines.SIGNALS, "enhet", "namn:a") is None  # never automatic
    con.close()
    offer.click().run()
    con = database.connect(vacancies)
    assert baselines.current(con, baselines.SIGNALS, "enhet", "namn:a") == dt.date(2025, 1, 1)
    log = audit.entries(con)
    assert "A: från januari 2025" in set(log.loc[log["action"] == "Styrdiagrammens baslinje", "detail"])
    con.close()


def test_too_early_is_said_with_how_many_months(vacancies):
    at = open_app("pages/vakanser.py", grupp="B – enhet i IFO", manad="juli 2025")
    said = " ".join(m.value for m in at.markdown)
    assert "Andel vakanta tjänster: För tidigt att säga: 2 av 7 månader" in said
    assert not [b for b in at.button if b.label.startswith("Starta om")]


def test_the_report_lists_the_measures_most_recent_first(vacancies):
    con = database.connect(vacancies)
    built = model.build(con, groups.top_group(groups.groups(con)), dt.date(2025, 7, 1))
    con.close()
    assert list(built.measures["Åtgärd"]) == ["Bemanningsplan (B)", "Rekrytering (A)"]
    assert built.measures.iloc[1]["Vad siffrorna säger sedan"] == (
        "Andel vakanta tjänster: tecken på förbättring som håller i sig sedan januari 2025")
    assert list(built.effects["Bedömning"]) == ["För tidigt att säga: 2 av 7 månader",
                                                "Tecken på förbättring som håller i sig sedan januari 2025"]


PULSE = ["enhet", "tertial", "fråga", "svar", "instämmer"]


@pytest.fixture
def tertials(tmp_path_factory, monkeypatch):
    """Three units' answers in 2025: A asked in T1, made a plan in May (T2) and was followed up in T3; B asked in
    T1 but made no plan; C did not answer in T1."""
    path = tmp_path_factory.mktemp("tertial") / "hr.duckdb"
    con = database.connect(path)
    load(con, csv_bytes([["enhet", "avdelning", "förvaltning"], ["A", "IFO", "Soc"], ["B", "IFO", "Soc"],
                         ["C", "IFO", "Soc"]]), "org.csv")
    rows = [PULSE]
    for unit, tertials in (("A", ("T1", "T2", "T3")), ("B", ("T1", "T2", "T3")), ("C", ("T2", "T3"))):
        for tertial in tertials:
            agree = 75 if unit == "A" and tertial == "T3" else 60
            rows += [[unit, f"2025 {tertial}", q, 100, agree] for q in ("arbetssituation", "gott arbete", "rekommendera")]
    load(con, csv_bytes(rows), "puls.csv")
    load(con, csv_bytes([MEASURE_HEADER[:4], ["A", "2025-05", "Arbetsmiljöplan", "medarbetarnas röst"]]),
         "åtgärder.csv")
    con.close()
    monkeypatch.setenv("HRDASH_DB", str(path))
    return path


def test_the_tertial_cycle_says_who_has_done_each_step(tertials):
    at = open_app("pages/medarbetarnas_rost.py", manad="december 2025")
    assert "Tertialcykeln 2025" in [h.value for h in at.header]
    table = next(t.value for t in at.table if "T2: plan" in t.value.columns)
    rows = {r["Enhet"]: r for r in table.to_dict("records")}
    assert (rows["A"]["T1: svar inlämnade"], rows["A"]["T2: plan"], rows["A"]["T3: uppföljning"]) == (
        "Ja", "Arbetsmiljöplan (maj 2025)", "Ja")
    # A's own answers: 60 of 100 in T1 against 75 of 100 in T3: z = 2,26, an improvement.
    assert rows["A"]["Vad svaren säger sedan planen"].startswith("bra arbetssituation: tecken på förbättring")
    assert (rows["B"]["T2: plan"], rows["C"]["T1: svar inlämnade"]) == ("Saknas", "Nej")
    warning = next(w.value for w in at.warning if w.value.startswith("Steg som inte är gjorda"))
    assert "T1-svaren saknas: C." in warning and "Ingen plan registrerad till T2: B." in warning


def test_a_step_not_due_yet_is_not_missing(tertials):
    at = open_app("pages/medarbetarnas_rost.py", manad="april 2025")
    table = next(t.value for t in at.table if "T2: plan" in t.value.columns)
    rows = {r["Enhet"]: r for r in table.to_dict("records")}
    assert (rows["B"]["T2: plan"], rows["B"]["T3: uppföljning"]) == ("Kommer", "Kommer")
    # The page shows a tertial: its comment says which, and that it belongs to the month's report.
    assert "Ingen kommentar till T1 2025 i rapporten för april 2025 ännu." in [c.value for c in at.caption]


def test_a_topic_page_lists_the_measures_of_the_units_under_it_as_the_report_does(demo_database, tmp_path,
                                                                                    monkeypatch):
    path = tmp_path / "hr.duckdb"
    shutil.copy(demo_database.path, path)
    monkeypatch.setenv("HRDASH_DB", str(path))
    at = open_app("pages/arbetsbelastning.py", grupp="Socialförvaltningen – förvaltning", manad="oktober 2026")
    listed = [m.value for m in at.markdown if m.value.startswith("**")]
    assert any(text.startswith("**Två tillfälliga handläggartjänster och ärendetak** · Utredning barn och unga 1")
               for text in listed), listed
    con = database.connect(path)
    all_groups = groups.groups(con)
    report = model.build(con, groups.find_by_name(all_groups, "Socialförvaltningen"), dt.date(2026, 10, 1))
    assert "Två tillfälliga handläggartjänster och ärendetak (Utredning barn och unga 1)" in set(
        report.measures["Åtgärd"])
    con.close()
