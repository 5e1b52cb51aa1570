"""What HR types is what is saved: a target or a setting typed on a page is read as the import reads
a file's cell ('35,5', '35.5', '1 234,5'), shown back in Swedish, and refused out of its range with
a Swedish message, nothing saved."""

import pytest
from conftest import ORGANISATION, SICK_HEADER, csv_bytes, load, open_app

from hrdash.errors import UserError
from hrdash.ingest import typed
from hrdash.store import database, settings, targets

NBSP = "\u00a0"
LONG = "long_sick_leave_share_pct"


@pytest.mark.parametrize("written", ["35,5", "35.5", " 35,5 ", "35,5 %", "35,5%"])
def test_a_share_is_read_as_the_import_reads_it(written):
    assert typed.read(written, "Mål", typed.SHARE.holds) == 35.5


@pytest.mark.parametrize("written", ["1 234,5", f"1{NBSP}234,5", "1.234,5", "1 234,5 kr", "1234.5"])
def test_an_amount_is_read_with_its_thousands_separator(written):
    assert typed.read(written, "Kostnad", typed.AMOUNT.holds) == 1234.5


def test_what_is_no_number_is_refused_naming_the_field_and_what_was_typed():
    with pytest.raises(UserError, match="^Mål: ”tre” är inte ett tal. Skriv bara siffror"):
        typed.read("tre", "Mål", typed.SHARE.holds)
    assert typed.read("", "Mål", typed.SHARE.holds) is None


def test_a_value_is_shown_back_as_swedes_write_it():
    assert typed.shown(35.5) == "35,5"
    assert typed.shown(1234.5) == f"1{NBSP}234,5"
    assert typed.shown(355.0) == "355"
    assert typed.shown(400_000) == f"400{NBSP}000"


def test_a_share_above_100_a_fraction_of_a_count_and_a_negative_amount_are_refused():
    assert typed.SHARE.problem("Målet", 355) == ("Målet: 355 går inte – det ska vara en andel mellan 0 och 100 %, "
                                                 "t.ex. 35,5.")
    assert typed.COUNT.problem("Målet", 2.5) == ("Målet: 2,5 går inte – det ska vara ett helt antal, 0 eller "
                                                 "fler, t.ex. 12.")
    assert typed.AMOUNT.problem("Målet", -5) == ("Målet: \u22125 går inte – det ska vara ett belopp i kronor, 0 "
                                                 "eller mer, t.ex. 1 234,5.")
    assert typed.SHARE.problem("Målet", 100) is None and typed.COUNT.problem("Målet", 0) is None


@pytest.fixture
def db_path(tmp_path, monkeypatch):
    path = tmp_path / "hr.duckdb"
    con = database.connect(path)
    load(con, csv_bytes(ORGANISATION), "org.csv")
    load(con, csv_bytes([SICK_HEADER, ["Mottagningen", "2025-03", 12, 1000, 80, 10, 30],
                         ["Utredning", "2025-03", 20, 2000, 120, 20, 10]]), "sjuk.csv")
    con.close()
    monkeypatch.setenv("HRDASH_DB", str(path))
    return path


def saved_targets(path) -> list[tuple]:
    con = database.connect(path)
    try:
        frame = targets.current(con)[["indicator", "level", "group_id", "value"]]
        return [tuple(row) for row in frame.itertuples(index=False)]
    finally:
        con.close()


def type_target(at, indicator: str, text: str):
    at.selectbox(key="mål_nyckeltal").select(indicator)
    at.selectbox(key="mål_grupp").select("förvaltning:Socialförvaltningen")
    at.text_input(key="mål_värde").input(text)
    at.button(key="FormSubmitter:mål-Spara målet").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("written", ["35,5", "35.5"])
def test_a_target_typed_35_5_is_saved_and_shown_as_35_5_percent(db_path, written):
    at = type_target(open_app("pages/data.py"), LONG, written)
    assert saved_targets(db_path) == [(LONG, "förvaltning", "Socialförvaltningen", 35.5)]
    table = next(d.value for d in at.dataframe if list(d.value.columns) == ["Nyckeltal", "Gäller", "Mål"])
    assert table.iloc[0].tolist() == ["Andel långa sjukfall (60 dagar eller mer)",
                                      "Socialförvaltningen – hela förvaltningen", f"35,5{NBSP}%"]
    assert at.text_input(key="mål_värde").value == "35,5"
    assert not at.error


def test_a_target_of_355_percent_is_refused_in_swedish_and_nothing_is_saved(db_path):
    at = type_target(open_app("pages/data.py"), LONG, "355")
    assert [e.value for e in at.error] == [
        "Målet för andel långa sjukfall (60 dagar eller mer): 355 går inte – det ska vara en andel mellan 0 och "
        "100 %, t.ex. 35,5. Målet är inte sparat."]
    assert saved_targets(db_path) == []
    assert "Inga mål är satta ännu." in [c.value for c in at.caption]


def test_a_target_that_is_no_number_is_refused_and_nothing_is_saved(db_path):
    at = type_target(open_app("pages/data.py"), LONG, "35,5,5")
    assert [e.value for e in at.error] == [
        "Mål (högst): ”35,5,5” har flera decimalkomman. Skriv talet med högst ett decimaltecken. "
        "Målet är inte sparat."]
    assert saved_targets(db_path) == []


def test_the_store_refuses_a_share_above_100_percent(db_path):
    con = database.connect(db_path)
    with pytest.raises(UserError, match="355 går inte – det ska vara en andel mellan 0 och 100 %"):
        targets.set_target(con, LONG, "förvaltning", "Socialförvaltningen", 355.0, "hr")
    con.close()
    assert saved_targets(db_path) == []


def saved_settings(path) -> dict:
    con = database.connect(path)
    try:
        return settings.current(con)
    finally:
        con.close()


def save_settings(at):
    next(b for b in at.button if b.label == "Spara inställningarna").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_a_cost_typed_with_a_space_between_thousands_is_saved_and_shown_back(db_path):
    at = open_app("pages/data.py")
    field = at.text_input(key="inställning_recruitment_cost_sek")
    assert field.value == f"400{NBSP}000"  # the default, as Swedes write it
    field.input("1 234,5")
    at.text_input(key="inställning_staff_monthly_cost_sek").input(f"52{NBSP}500 kr")
    at = save_settings(at)
    assert not at.error
    values = saved_settings(db_path)
    assert values["recruitment_cost_sek"] == 1234.5 and values["staff_monthly_cost_sek"] == 52_500
    assert at.text_input(key="inställning_recruitment_cost_sek").value == f"1{NBSP}234,5"
    assert any(m.value.startswith(f"**Månadskostnad för en egen socialsekreterare:** 52{NBSP}500{NBSP}kr")
               for m in at.markdown)


def test_a_negative_cost_is_refused_and_no_setting_is_saved(db_path):
    at = open_app("pages/data.py")
    at.text_input(key="inställning_recruitment_cost_sek").input("-5 000")
    at.text_input(key="inställning_staff_monthly_cost_sek").input("60 000")  # valid, but not saved either
    at = save_settings(at)
    assert [e.value for e in at.error] == ["Kostnad för en rekrytering måste vara ett belopp större än noll.  \n"
                                           "Inget är sparat."]
    values = saved_settings(db_path)
    assert values["recruitment_cost_sek"] == 400_000 and values["staff_monthly_cost_sek"] == 50_000


def test_a_cost_that_is_no_number_is_refused(db_path):
    at = open_app("pages/data.py")
    at.text_input(key="inställning_recruitment_cost_sek").input("400 tkr")
    at = save_settings(at)
    assert [e.value for e in at.error] == [
        "Kostnad för en rekrytering (kr): ”400 tkr” är angivet i tkr (tusentals eller miljoner kronor). Skriv "
        "beloppet i kronor, t.ex. 125 000.  \nInget är sparat."]
    assert saved_settings(db_path)["recruitment_cost_sek"] == 400_000
