"""The Data page through AppTest: batches with undo, who reported, the organisation, targets, the log."""

import datetime as dt
import time
from zoneinfo import ZoneInfo

import pytest
from conftest import ORGANISATION, SICK_HEADER, csv_bytes, load, open_app
from streamlit.testing.v1 import AppTest

from hrdash import swedish
from hrdash.store import database


@pytest.fixture
def db_path(tmp_path, monkeypatch):
    path = tmp_path / "hr.duckdb"
    con = database.connect(path)
    load(con, csv_bytes(ORGANISATION), "org.csv")
    load(con, csv_bytes([SICK_HEADER, ["Mottagningen", "2025-02", 10, 1000, 50, 0, 0],
                         ["Utredning", "2025-02", 20, 2000, 100, 0, 0],
                         ["Mottagningen", "2025-03", 10, 1000, 60, 0, 0],
                         ["Okänd enhet", "2025-03", 12, 1000, 60, 0, 0]]), "sjuk.csv", user="anna.hr")
    load(con, csv_bytes([SICK_HEADER, ["Mottagningen", "2025-03", 10, 1000, 90, 0, 0]]), "rättelse.csv")
    con.close()
    monkeypatch.setenv("HRDASH_DB", str(path))
    return path


def page(name: str = "pages/data.py", **params) -> AppTest:
    return open_app(name, **params)


def sick_leave_card(**params) -> str:
    return {m.label: m.value for m in page("pages/oversikt.py", **params).metric}["Sjukfrånvaro"]


def test_batches_are_listed_with_who_when_file_kind_rows(db_path):
    table = page().dataframe[0].value
    assert list(table["Nr"]) == [3, 2, 1]
    first = table[table["Nr"] == 2].iloc[0]
    assert (first["Av"], first["Fil"], first["Typ"], first["Rader"], first["Status"]) == (
        "anna.hr", "sjuk.csv", "sjukfrånvaro", "4", "Gäller")


@pytest.fixture
def server_on_utc(monkeypatch):
    """A server whose clock runs on UTC, as a bare `hrdash serve` outside Docker may."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_batches_show_rows_in_swedish_format_and_times_in_swedish_time(tmp_path, monkeypatch, server_on_utc):
    path = tmp_path / "hr.duckdb"
    con = database.connect(path)
    load(con, csv_bytes(ORGANISATION), "org.csv")
    months = [f"{2000 + i // 12}-{i % 12 + 1:02d}" for i in range(300)]
    units = [row[0] for row in ORGANISATION[1:]]
    load(con, csv_bytes([SICK_HEADER, *([u, m, 10, 1000, 50, 0, 0] for u in units for m in months)]), "sjuk.csv")
    stored = con.execute("SELECT imported_at FROM batches WHERE batch_id = 2").fetchone()[0]
    con.close()
    monkeypatch.setenv("HRDASH_DB", str(path))
    swedish_time = f"{stored.replace(tzinfo=dt.timezone.utc).astimezone(ZoneInfo('Europe/Stockholm')):%Y-%m-%d %H:%M}"
    assert swedish_time != f"{stored:%Y-%m-%d %H:%M}"  # Sweden is never on UTC
    at = page()
    row = at.dataframe[0].value.set_index("Nr").loc[2]
    assert (row["Rader"], row["Importerad"]) == ("1\u00a0200", swedish_time)
    assert f"Nr 2: sjuk.csv (sjukfrånvaro, {swedish_time})" in at.selectbox(key="ångra_batch").options


def test_undo_asks_for_confirmation_and_brings_back_the_replaced_figures(db_path):
    # Mottagningen and Okänd enhet in March: (90 + 60) / 2000; after undoing the correction (60 + 60) / 2000.
    assert sick_leave_card(manad="mars 2025") == swedish.percent(7.5)
    at = page()
    at.selectbox(key="ångra_batch").select(3).run()
    at.button(key="ångra").click().run()
    assert "Vill du ångra import nr 3? Siffrorna den ersatte gäller igen." in [w.value for w in at.warning]
    at.button(key="ja_ångra").click().run()
    assert not at.exception
    status = at.dataframe[0].value.set_index("Nr").loc[3, "Status"]
    assert status.startswith("Ångrad ") and status.endswith(" av demo")
    assert sick_leave_card(manad="mars 2025") == swedish.percent(6.0)


def test_completeness_shows_who_has_not_reported(db_path):
    table = page().dataframe[1].value.set_index("Enhet")
    assert table.loc["Mottagningen", "feb 2025"] == "✓"
    assert table.loc["Utredning", "mar 2025"] == "saknas"
    assert table.loc["Beroende", "mar 2025"] == "saknas"
    assert table.loc["Okänd enhet", "feb 2025"] == ""
    months = [c for c in table.columns if c != "Avdelning"]
    assert months[:2] == ["mar 2025", "feb 2025"]  # the newest first: no sideways scroll to find it


def test_organisation_tree_points_out_unplaced_units(db_path):
    at = page()
    assert any(w.value.startswith("Ej placerade enheter – de har siffror men finns inte i organisationsfilen: "
                                  "Okänd enhet.") for w in at.warning)
    assert [e.label for e in at.expander] == ["Barn och unga (2 enheter)", "Vuxen (2 enheter)"]


def test_a_target_is_saved_and_shown_on_the_overview(db_path):
    at = page()
    at.selectbox(key="mål_nyckeltal").select("sick_leave_pct")
    at.selectbox(key="mål_grupp").select("förvaltning:Socialförvaltningen")
    at.text_input(key="mål_värde").input("5")
    at.button(key="FormSubmitter:mål-Spara målet").click().run()
    assert not at.exception
    overview = page("pages/oversikt.py", manad="mars 2025")
    assert ":red-badge[:material/warning: Över målet (högst 5,0\u00a0%)]" in [m.value for m in overview.markdown]
    log = page().dataframe[-1].value
    assert log.iloc[0]["Händelse"] == "Mål"
    assert log.iloc[0]["Uppgift"] == "Sjukfrånvaro, förvaltning Socialförvaltningen: mål 5,0"


def test_the_log_records_imports(db_path):
    log = page().dataframe[-1].value
    assert list(log["Händelse"])[-3:] == ["Import", "Import", "Import"]
    assert "Import nr 2: sjuk.csv (4 rader)" in list(log["Uppgift"])


def test_a_card_without_a_figure_says_why(tmp_path, monkeypatch):
    path = tmp_path / "hr.duckdb"
    con = database.connect(path)
    load(con, csv_bytes(ORGANISATION), "org.csv")
    load(con, csv_bytes([["enhet", "månad", "budgeterade_tjänster", "besatta_tjänster"],
                         ["Mottagningen", "2025-03", 10, 9]]), "vakanser.csv")  # no consultants column at all
    con.close()
    monkeypatch.setenv("HRDASH_DB", str(path))
    at = open_app(grupp="Mottagningen – enhet i Barn och unga", manad="mars 2025")
    card = next(m for m in at.metric if m.label == "Konsultkostnad")
    assert card.value == "–"
    captions = [c.value for c in at.caption]
    assert "Ingen uppgift för mars 2025: filerna anger den inte." in captions
