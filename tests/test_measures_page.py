"""Measures on the page Data through AppTest: HR adds one, edits it, marks it avbruten, undoes that,
and a bad entry is refused with its Swedish message; every save is a batch in the user's name."""

import pytest
from conftest import ORGANISATION, SICK_HEADER, csv_bytes, load, open_app

from hrdash.figures.measures import measures
from hrdash.markdown import plain
from hrdash.store import database

BARN = "avdelning:Socialförvaltningen / Barn och unga"
KEY = f"{BARN}|2026-03|friskvård i grupp"


@pytest.fixture
def db_path(tmp_path, monkeypatch):
    path = tmp_path / "hr.duckdb"
    con = database.connect(path)
    load(con, csv_bytes(ORGANISATION), "org.csv")
    load(con, csv_bytes([SICK_HEADER, ["Mottagningen", "2026-02", 12, 1900, 95, 40, 0],
                         ["Utredning", "2026-02", 20, 3200, 160, 60, 40]]), "sjuk.csv")
    con.close()
    monkeypatch.setenv("HRDASH_DB", str(path))
    return path


def held(path) -> list[tuple]:
    con = database.connect(path)
    try:
        return [(m.group_name, f"{m.start:%Y-%m}", m.title, m.topic, m.responsible, m.status,
                 m.follow_up and f"{m.follow_up:%Y-%m}", m.description, m.batch_id, m.saved_by) for m in measures(con)]
    finally:
        con.close()


def add(at, start="mars 2026", title="Friskvård i grupp", follow_up="2026-09", group=BARN, round_=0):
    at.selectbox(key=f"åtgärd_grupp_{round_}").select(group)
    at.text_input(key=f"åtgärd_start_{round_}").input(start)
    at.selectbox(key=f"åtgärd_område_{round_}").select("sick_leave")
    at.text_input(key=f"åtgärd_rubrik_{round_}").input(title)
    at.text_input(key=f"åtgärd_ansvarig_{round_}").input("Anna Ek")
    at.selectbox(key=f"åtgärd_status_{round_}").select("ongoing")
    at.text_input(key=f"åtgärd_uppföljning_{round_}").input(follow_up)
    at.text_area(key=f"åtgärd_beskrivning_{round_}").input("En timme i veckan")
    return at.button(key=f"FormSubmitter:åtgärd_ny_{round_}-Spara åtgärden").click().run()


def measures_table(at):
    return next(d.value for d in at.dataframe if "Åtgärd" in d.value.columns)


def test_hr_adds_a_measure_and_it_is_listed_and_stored_as_a_batch_in_her_name(db_path):
    at = add(open_app("pages/data.py"))
    assert not at.exception
    assert [s.value for s in at.success] == ["Åtgärden 'Friskvård i grupp' är sparad som import nr 3."]
    row = measures_table(at).iloc[0]
    assert dict(row.drop(["Sparad"])) == {
        "Gäller": "Barn och unga", "Område": "Sjukfrånvaro", "Åtgärd": "Friskvård i grupp", "Startmånad": "mars 2026",
        "Status": "Pågår", "Ansvarig": "Anna Ek", "Uppföljning": "september 2026", "Beskrivning": "En timme i veckan",
        "Import": 3}
    assert row["Sparad"].endswith(" av demo")
    assert held(db_path) == [("Barn och unga", "2026-03", "Friskvård i grupp", "sick_leave", "Anna Ek", "ongoing",
                              "2026-09", "En timme i veckan", 3, "demo")]
    imports = at.dataframe[0].value.set_index("Nr")
    assert (imports.loc[3, "Fil"], imports.loc[3, "Typ"], imports.loc[3, "Rader"], imports.loc[3, "Av"]) == (
        "Ny åtgärd: Friskvård i grupp", "åtgärder", "1", "demo")
    log = at.dataframe[-1].value
    assert (log.iloc[0]["Händelse"], log.iloc[0]["Uppgift"]) == ("Åtgärd",
                                                                   "Import nr 3: Ny åtgärd: Friskvård i grupp (1 rad)")
    # The form is empty again for the next one.
    assert at.text_input(key="åtgärd_rubrik_1").value == ""


def test_a_bad_entry_is_refused_with_its_swedish_message_and_nothing_is_saved(db_path):
    at = add(open_app("pages/data.py"), start="marsch 2026", title="", follow_up="2026-13")
    assert not at.exception
    assert [e.value for e in at.error] == [
        "Åtgärden sparades inte:\n\n"
        + "\n\n".join(f"- {plain(line)}" for line in [
            "Startmånad: Värdet 'marsch 2026' är inte en månad. Skriv månaden som 2025-03, 202503, 2025-03-01 eller "
            "mars 2025.",
            "Åtgärd: Fältet är tomt men måste fyllas i.",
            "Uppföljning: Värdet '2026-13' har månad 13, som inte finns. Månaden ska vara 1–12.",
        ])]
    assert held(db_path) == []
    assert list(at.dataframe[0].value["Nr"]) == [2, 1]  # no batch
    # What was typed stays, to be put right.
    assert at.text_input(key="åtgärd_start_0").value == "marsch 2026"


def test_a_follow_up_before_the_start_is_refused(db_path):
    at = add(open_app("pages/data.py"), follow_up="2026-01")
    assert [e.value for e in at.error] == [
        "Åtgärden sparades inte:\n\n- " + plain("Uppföljning: Uppföljningen (januari 2026) ligger före startmånaden "
                                                 "(mars 2026). Rätta någon av dem.")]


def test_a_month_typed_as_a_file_writes_it_is_the_same_month(db_path):
    at = add(open_app("pages/data.py"), start="2026-03", follow_up="sep 2026")
    assert [(m[1], m[6]) for m in held(db_path)] == [("2026-03", "2026-09")]
    # The same group, start month and title again: refused, pointing to editing it instead.
    at = add(at, start="mars 2026", title="friskvård i  grupp", round_=1)
    assert [e.value for e in at.error] == [
        "Det finns redan en åtgärd 'Friskvård i grupp' för Barn och unga med start mars 2026. Ändra den under "
        "*Ändra en åtgärd* i stället."]
    assert len(held(db_path)) == 1


def test_hr_edits_a_measure_closes_it_and_undoing_the_close_brings_it_back(db_path):
    at = add(open_app("pages/data.py"))
    at.selectbox(key="ändra_vald").select(KEY)
    at.selectbox(key=f"ändra_status_{KEY}").select("done")
    at.text_input(key=f"ändra_ansvarig_{KEY}").input("Bo Berg")
    at.text_input(key=f"ändra_uppföljning_{KEY}").input("oktober 2026")
    at.button(key=f"FormSubmitter:ändra_{KEY}-Spara ändringarna").click().run()
    assert not at.exception
    assert [s.value for s in at.success] == [
        "Ändringen av 'Friskvård i grupp' är sparad som import nr 4. Den kan ångras under Importer."]
    assert held(db_path) == [("Barn och unga", "2026-03", "Friskvård i grupp", "sick_leave", "Bo Berg", "done",
                              "2026-10", "En timme i veckan", 4, "demo")]
    assert measures_table(at).iloc[0]["Status"] == "Genomförd"

    # Saving again what it already holds makes no batch.
    at.button(key=f"FormSubmitter:ändra_{KEY}-Spara ändringarna").click().run()
    assert [i.value for i in at.info if i.value == "Inget är ändrat."] == ["Inget är ändrat."]
    assert held(db_path)[0][8] == 4

    at.button(key="ändra_avbruten").click().run()
    assert held(db_path)[0][5:9] == ("cancelled", "2026-10", "En timme i veckan", 5)
    imports = at.dataframe[0].value.set_index("Nr")
    assert imports.loc[5, "Fil"] == "Åtgärd avbruten: Friskvård i grupp"
    assert imports.loc[4, "Fil"] == "Ändrad åtgärd: Friskvård i grupp"

    # Undone in the imports list like a file: the measure is genomförd again.
    at.selectbox(key="ångra_batch").select(5).run()
    at.button(key="ångra").click().run()
    at.button(key="ja_ångra").click().run()
    assert not at.exception
    assert held(db_path)[0][4:9] == ("Bo Berg", "done", "2026-10", "En timme i veckan", 4)
    assert measures_table(at).iloc[0]["Status"] == "Genomförd"
    # And undoing the edit too brings back the measure as it was added.
    at.selectbox(key="ångra_batch").select(4).run()
    at.button(key="ångra").click().run()
    at.button(key="ja_ångra").click().run()
    assert held(db_path)[0][4:9] == ("Anna Ek", "ongoing", "2026-09", "En timme i veckan", 3)


def test_marking_a_measure_genomford_is_one_click(db_path):
    at = add(open_app("pages/data.py"))
    at.button(key="ändra_genomförd").click().run()
    assert not at.exception
    assert held(db_path)[0][5] == "done"
    assert at.button(key="ändra_genomförd").disabled


def test_a_measures_file_is_previewed_and_imported_on_ladda_upp(db_path):
    content = csv_bytes([["Enhet", "Startmånad", "Åtgärd", "Område", "Status"],
                         ["Mottagningen", "2026-03", "Friskvårdstimme", "Sjukfrånvaro", "pågår"],
                         ["Barn och unga", "april 2026", "Mentorskap", "Personalomsättning", ""]])
    at = open_app("pages/ladda_upp.py")
    at.file_uploader(key="filer").set_value([("åtgärder.csv", content, "text/csv")]).run()
    assert not at.exception, [e.value for e in at.exception]
    assert "**Åtgärder** – rubriker på rad 1, 2 rader" in [m.value for m in at.markdown]
    assert "**Åtgärder:** 2 nya åtgärder, 0 ersätter tidigare uppgifter om åtgärden, 0 oförändrade." in [
        m.value for m in at.markdown]
    changes = next(d.value for d in at.dataframe if "Ändring" in d.value.columns)
    assert list(changes[["Gäller", "Startmånad", "Åtgärd", "Ändring", "Område", "Status"]].itertuples(index=False,
                                                                                                    name=None)) == [
        ("Barn och unga", "april 2026", "Mentorskap", "Ny", "Personalomsättning", "–"),
        ("Mottagningen", "mars 2026", "Friskvårdstimme", "Ny", "Sjukfrånvaro", "Pågår")]
    rows = next(d.value for d in at.dataframe if "Rad" in d.value.columns)  # the columns in words, not code names
    assert list(rows.columns) == ["Rad", "Enhet", "Startmånad", "Åtgärd", "Område", "Status"]
    assert list(rows["Startmånad"]) == ["mars 2026", "april 2026"]
    assert list(rows["Område"]) == ["Sjukfrånvaro", "Personalomsättning"]
    at.button(key="importera_0").click().run()
    assert not at.exception
    assert at.success[0].value.startswith("Importerad som import nr 3 (åtgärder, 2 rader).")
    assert [(m[0], m[2]) for m in held(db_path)] == [("Barn och unga", "Mentorskap"),
                                                     ("Mottagningen", "Friskvårdstimme")]
