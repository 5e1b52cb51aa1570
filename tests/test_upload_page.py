"""Ladda upp through AppTest: a good file, a refused file, a hand-mapped column; nothing is
written before the user confirms."""

import datetime as dt

import pytest
from conftest import ORGANISATION, SICK_HEADER, csv_bytes, figures, load, open_app
from streamlit.testing.v1 import AppTest

from hrdash.errors import UserError
from hrdash.ingest.columns import VACANCIES
from hrdash.ingest.parse import parse_file
from hrdash.store import batches, database, units
from hrdash.ui import session
from hrdash.ui.upload_page import NEW_UNIT, rows_table, typed_file, typed_grid


@pytest.fixture
def db_path(tmp_path, monkeypatch):
    path = tmp_path / "hr.duckdb"
    con = database.connect(path)
    load(con, csv_bytes(ORGANISATION), "org.csv")
    load(con, csv_bytes([SICK_HEADER, ["Mottagningen", "2025-02", 10, 1000, 50, 0, 0],
                         ["Utredning", "2025-02", 20, 2000, 100, 0, 0]]), "feb.csv")
    con.close()
    monkeypatch.setenv("HRDASH_DB", str(path))
    return path


def upload_page(*files) -> AppTest:
    at = open_app("pages/ladda_upp.py")
    at.file_uploader(key="filer").set_value(list(files)).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def imports() -> list[batches.Batch]:
    """The batches as the app's own connection sees them, newest first."""
    return batches.list_batches(session.cursor())


def batch_count() -> int:
    return len(imports())


def test_a_good_file_is_previewed_and_imported_on_confirmation(db_path):
    content = csv_bytes([SICK_HEADER, ["Mottagningen", "2025-02", 10, 1000, 80, 0, 0],
                         ["Mottagningen", "2025-03", 10, 1000, 60, 0, 0]])
    at = upload_page(("mars.csv", content, "text/csv"))
    assert batch_count() == 2  # nothing written yet
    assert "**Sjukfrånvaro** – rubriker på rad 1, 2 rader" in [m.value for m in at.markdown]
    changes = at.dataframe[1].value
    assert list(changes["Ändring"]) == ["Ersätter", "Ny"]
    assert changes.iloc[0]["Sjuktimmar"] == "50 → 80"
    assert "1 nya enhetsmånader, 1 ersätter tidigare siffror, 0 oförändrade" in " ".join(m.value for m in at.markdown)

    at.button(key="importera_0").click().run()
    assert not at.exception
    assert batch_count() == 3
    assert at.success[0].value.startswith("Importerad som import nr 3 (sjukfrånvaro, 2 rader).")
    receipt = [s.value for s in at.success if s.value.startswith("Kvitto")]
    assert receipt and "mars.csv är importerad som import nr 3" in receipt[0]
    assert "Visa sjukfrånvaro" in [link.label for link in at.get("page_link")]


def test_a_refused_file_lists_every_problem_and_writes_nothing(db_path):
    content = csv_bytes([SICK_HEADER, ["Mottagningen", "2025-03", 10, 1000, -5, 0, 0],
                         ["Utredning", "2025-13", 20, 2000, 100, 0, 0]])
    at = upload_page(("fel.csv", content, "text/csv"))
    assert at.error[0].value.startswith("Filen kan inte importeras: 2 fel att rätta. Ingenting har sparats.")
    problems = at.table[0].value
    assert list(problems["Rad"]) == ["2", "3"]  # in the order of the file
    assert list(problems["Kolumn"]) == ["E ('sjuktimmar')", "B ('månad')"]
    assert list(problems["Värde"]) == ["-5", "2025-13"]
    assert not [b for b in at.button if b.key == "importera_0"]
    assert batch_count() == 2


def test_an_unknown_column_is_mapped_by_hand_and_remembered(db_path):
    header = ["enhet", "månad", "anställda", "ordinarie_timmar", "Sjuk tim totalt", "sjuktimmar_dag_1_14",
              "sjuktimmar_60_dagar"]
    content = csv_bytes([header, ["Mottagningen", "2025-03", 10, 1000, 70, 0, 0]])
    at = upload_page(("egen.csv", content, "text/csv"))
    assert "Kolumnen 'sjuktimmar' saknas" in at.table[0].value.iloc[0]["Fel"]
    at.selectbox(key="tolka_0_1_E").select("sjuktimmar").run()
    at.button(key="tolka_0_1").click().run()
    assert not at.error
    assert at.dataframe[0].value.iloc[4].tolist() == ["E", "Sjuk tim totalt", "Sjuktimmar"]
    at.button(key="importera_0").click().run()
    assert batch_count() == 3

    # The next file with the same headers is read the same way without asking.
    again = csv_bytes([header, ["Mottagningen", "2025-04", 10, 1000, 90, 0, 0]])
    at = upload_page(("egen_april.csv", again, "text/csv"))
    assert at.info[0].value == "Kolumnerna tolkas som förra gången en fil med samma rubriker lästes in."
    assert not at.error
    at.button(key="importera_0").click().run()
    assert batch_count() == 4


def test_a_unit_the_organisation_does_not_know_is_pointed_out_and_decided_before_import(db_path):
    content = csv_bytes([SICK_HEADER, ["Nystartad enhet", "2025-03", 12, 1000, 70, 0, 0]])
    at = upload_page(("ny.csv", content, "text/csv"))
    assert any(w.value.startswith("Organisationen känner inte till 'Nystartad enhet'. Välj") for w in at.warning)
    assert at.button(key="importera_0").disabled
    at.selectbox(key="enhet_0_nystartad enhet_").select(NEW_UNIT).run()
    assert any(w.value.startswith("Organisationen känner inte till Nystartad enhet.") for w in at.warning)
    at.button(key="importera_0").click().run()
    assert batch_count() == 3


def test_each_unknown_unit_is_decided_before_import_and_the_choice_is_remembered(db_path):
    content = csv_bytes([SICK_HEADER, ["Mottagningn", "2025-03", 10, 1000, 80, 0, 0],
                         ["Nystartad enhet", "2025-03", 12, 1000, 70, 0, 0]])
    at = upload_page(("stavfel.csv", content, "text/csv"))
    assert ("Organisationen känner inte till 'Mottagningn', 'Nystartad enhet'. Välj för varje namn vilken enhet det "
            "är, eller att det är en ny enhet. Valet sparas och används nästa gång namnet finns i en fil."
            in [w.value for w in at.warning])
    misspelled, new = at.selectbox(key="enhet_0_mottagningn_"), at.selectbox(key="enhet_0_nystartad enhet_")
    assert misspelled.label == "'Mottagningn' (rad 2) – menade du Mottagningen?"
    assert misspelled.options[:2] == ["Mottagningen", NEW_UNIT]  # the closest unit first
    assert new.label == "'Nystartad enhet' (rad 3)"
    assert at.button(key="importera_0").disabled

    misspelled.select("Mottagningen").run()
    assert at.button(key="importera_0").disabled  # one name is still undecided
    at.selectbox(key="enhet_0_nystartad enhet_").select(NEW_UNIT).run()
    assert not at.button(key="importera_0").disabled
    at.button(key="importera_0").click().run()
    assert batch_count() == 3
    values = figures(session.cursor())
    assert values["enhet", "Mottagningen", "2025-03", "sick_leave_pct"] == pytest.approx(8.0)  # 80 / 1000
    assert values["avdelning", "Ej placerad", "2025-03", "sick_leave_pct"] == pytest.approx(7.0)  # 70 / 1000
    assert ("enhet", "Mottagningn", "2025-03", "sick_leave_pct") not in values

    # The next file with the misspelled name is read as the unit chosen for it, without asking.
    april = csv_bytes([SICK_HEADER, ["Mottagningn", "2025-04", 10, 1000, 40, 0, 0]])
    at = upload_page(("april.csv", april, "text/csv"))
    assert not [s for s in at.selectbox if s.key.startswith("enhet_")]
    assert ":material/info: 'Mottagningn' lästes som Mottagningen, som valts för det namnet." in [
        c.value.replace("\\", "") for c in at.caption]  # as shown, without Markdown's escapes
    at.button(key="importera_0").click().run()
    assert figures(session.cursor())["enhet", "Mottagningen", "2025-04", "sick_leave_pct"] == pytest.approx(4.0)


def test_several_files_at_once(db_path):
    first = csv_bytes([SICK_HEADER, ["Mottagningen", "2025-03", 10, 1000, 70, 0, 0]])
    second = csv_bytes([["enhet", "månad", "tillsvidareanställda", "avgångar", "varav_interna", "varav_pension"],
                        ["Mottagningen", "2025-03", 10, 1, 0, 0]])
    at = upload_page(("sjuk.csv", first, "text/csv"), ("oms.csv", second, "text/csv"))
    assert [s.value.replace("\\", "") for s in at.subheader] == ["sjuk.csv", "oms.csv"]  # shown as written
    at.button(key="importera_1").click().run()
    assert batch_count() == 3
    assert imports()[0].kind == "turnover"


def test_one_months_figures_typed_in_a_grid_are_read_and_imported_like_a_file(tmp_path):
    con = database.connect(tmp_path / "hr.duckdb")
    load(con, csv_bytes([*ORGANISATION, ["Gamla enheten", "Nedlagd", "Socialförvaltningen"]]), "org.csv")
    grid = typed_grid(units.known(con).units, VACANCIES)
    assert list(grid["enhet"]) == ["Mottagningen", "Utredning", "Beroende", "Liten"]  # not the closed unit
    assert list(grid.columns) == ["avdelning", "enhet", "enhetskod", "budgeterade_tjänster", "besatta_tjänster",
                                  "vakanta_tjänster", "konsulter", "konsultkostnad_kr"]
    # Typed as Swedes write them: a decimal comma, a point, a space or a no-break space between thousands.
    grid.loc[0, ["budgeterade_tjänster", "besatta_tjänster", "konsultkostnad_kr"]] = ["10", "8,5", "1 234,5"]
    grid.loc[2, ["budgeterade_tjänster", "besatta_tjänster", "konsultkostnad_kr"]] = ["6", "5.5", "45\u00a0000 kr"]
    name, content = typed_file(grid, VACANCIES, dt.date(2025, 3, 1))
    assert name == "inmatning_vakanser_2025-03.csv"
    read = rows_table(parse_file(content, name, units=units.known(con)), VACANCIES)  # shown before importing
    assert read[["Budgeterade tjänster", "Besatta tjänster", "Konsultkostnad (kr)"]].values.tolist() == [
        ["10", "8,5", "1\u00a0234,5"], ["6", "5,5", "45\u00a0000"]]
    load(con, content, name)
    values = figures(con)
    # (10 − 8,5) + (6 − 5,5) = 2 vacancies of 16 budgeted; 1 234,5 + 45 000 kr of consultants.
    assert values["förvaltning", "Socialförvaltningen", "2025-03", "vacancies"] == pytest.approx(2.0)
    assert values["förvaltning", "Socialförvaltningen", "2025-03", "vacancy_rate_pct"] == pytest.approx(2 / 16 * 100)
    assert values["förvaltning", "Socialförvaltningen", "2025-03", "consultant_cost_sek"] == pytest.approx(46_234.5)
    assert values["enhet", "Utredning", "2025-03", "vacancies"] is None  # left empty: not reported
    with pytest.raises(UserError, match="Skriv in siffror för minst en enhet."):
        typed_file(typed_grid(units.known(con).units, VACANCIES), VACANCIES, dt.date(2025, 3, 1))


def test_a_typed_figure_out_of_its_range_is_refused_as_in_a_file(tmp_path):
    con = database.connect(tmp_path / "hr.duckdb")
    load(con, csv_bytes(ORGANISATION), "org.csv")
    grid = typed_grid(units.known(con).units, VACANCIES)
    grid.loc[0, ["budgeterade_tjänster", "besatta_tjänster", "konsulter"]] = ["10", "8", "1,5"]
    name, content = typed_file(grid, VACANCIES, dt.date(2025, 3, 1))
    parsed = parse_file(content, name, units=units.known(con))
    assert [str(p) for p in parsed.problems] == [
        "Rad 2, kolumn G ('konsulter'): Värdet '1,5' är inte ett heltal. Antal ska anges i hela tal."]
