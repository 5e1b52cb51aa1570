"""Ladda upp through AppTest: a good file, a refused file, a hand-mapped column; nothing is
written before the user confirms."""

import pytest
from conftest import ORGANISATION, SICK_HEADER, csv_bytes, load, open_app
from streamlit.testing.v1 import AppTest

from hrdash.store import batches, database
from hrdash.ui import session


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
    assert "**Sjukfrånvaro** – rubrikrad 1, 2 rader" in [m.value for m in at.markdown]
    changes = at.dataframe[1].value
    assert list(changes["Ändring"]) == ["Ersätter", "Ny"]
    assert changes.iloc[0]["sjuktimmar"] == "50 → 80"
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
    problems = at.dataframe[1].value
    assert list(problems["Rad"]) == [3, 2]
    assert list(problems["Kolumn"]) == ["B ('månad')", "E ('sjuktimmar')"]
    assert list(problems["Värde"]) == ["2025-13", "-5"]
    assert not [b for b in at.button if b.key == "importera_0"]
    assert batch_count() == 2


def test_an_unknown_column_is_mapped_by_hand_and_remembered(db_path):
    header = ["enhet", "månad", "anställda", "ordinarie_timmar", "Sjuk tim totalt", "sjuktimmar_dag_1_14",
              "sjuktimmar_60_dagar"]
    content = csv_bytes([header, ["Mottagningen", "2025-03", 10, 1000, 70, 0, 0]])
    at = upload_page(("egen.csv", content, "text/csv"))
    assert "Kolumnen 'sjuktimmar' saknas" in at.dataframe[1].value.iloc[0]["Fel"]
    at.selectbox(key="tolka_0_1_E").select("sjuktimmar").run()
    at.button(key="tolka_0_1").click().run()
    assert not at.error
    assert at.dataframe[0].value.iloc[4].tolist() == ["E", "Sjuk tim totalt", "sjuktimmar"]
    at.button(key="importera_0").click().run()
    assert batch_count() == 3

    # The next file with the same headers is read the same way without asking.
    again = csv_bytes([header, ["Mottagningen", "2025-04", 10, 1000, 90, 0, 0]])
    at = upload_page(("egen_april.csv", again, "text/csv"))
    assert at.info[0].value == "Kolumnerna tolkas som förra gången en fil med samma rubriker lästes in."
    assert not at.error
    at.button(key="importera_0").click().run()
    assert batch_count() == 4


def test_a_unit_the_organisation_does_not_know_is_pointed_out(db_path):
    content = csv_bytes([SICK_HEADER, ["Nystartad enhet", "2025-03", 12, 1000, 70, 0, 0]])
    at = upload_page(("ny.csv", content, "text/csv"))
    assert any(w.value.startswith("Organisationen känner inte till Nystartad enhet.") for w in at.warning)


def test_several_files_at_once(db_path):
    first = csv_bytes([SICK_HEADER, ["Mottagningen", "2025-03", 10, 1000, 70, 0, 0]])
    second = csv_bytes([["enhet", "månad", "tillsvidareanställda", "avgångar", "varav_interna", "varav_pension"],
                        ["Mottagningen", "2025-03", 10, 1, 0, 0]])
    at = upload_page(("sjuk.csv", first, "text/csv"), ("oms.csv", second, "text/csv"))
    assert [s.value.replace("\\", "") for s in at.subheader] == ["sjuk.csv", "oms.csv"]  # shown as written
    at.button(key="importera_1").click().run()
    assert batch_count() == 3
    assert imports()[0].kind == "turnover"
