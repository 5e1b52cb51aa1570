"""HR of a part of the organisation (a förvaltning, an avdelning, a unit): imports, undoes and
writes only there, by the units' placements in the rows' months, and reads the rest as läsare does."""

import shutil

import pytest
from conftest import csv_bytes, load, open_app, read
from test_access import AUTH

from hrdash.errors import UserError
from hrdash.store import batches, database, roles, scopes

VUXEN = "avdelning:Socialförvaltningen / Vuxen"
ADMINISTRATION = "förvaltning:Socialförvaltningen"
CASELOAD_HEADER = ["Enhetskod", "Enhet", "Månad", "Aktuella ärenden", "Handläggare"]


@pytest.fixture
def demo(demo_database, tmp_path):
    path = tmp_path / "hr.duckdb"
    shutil.copy(demo_database.path, path)
    con = database.connect(path)
    yield con
    con.close()


def caseload(*rows) -> bytes:
    return csv_bytes([CASELOAD_HEADER, *[list(r) for r in rows]])


def batch_count(con) -> int:
    return con.execute("SELECT count(*) FROM batches").fetchone()[0]


def test_hr_of_an_avdelning_imports_its_own_units(demo):
    batch = batches.import_file(demo, read(demo, caseload(["1203", "Socialpsykiatri", "2026-10", 80, 7])), "vuxen",
                                scopes=(VUXEN,))
    assert batch.row_count == 1


def test_a_file_touching_another_avdelning_is_refused_naming_the_unit(demo):
    before = batch_count(demo)
    with pytest.raises(UserError) as refused:
        batches.import_file(demo, read(demo, caseload(["1203", "Socialpsykiatri", "2026-10", 80, 7],
                                                      ["1104", "Familjebehandling", "2026-09", 40, 4],
                                                      ["1104", "Familjebehandling", "2026-10", 41, 4])),
                            "vuxen", scopes=(VUXEN,))
    assert refused.value.lines() == [
        "Enheten 'Familjebehandling' hör inte till Vuxen (avdelning i Socialförvaltningen) i september 2026 "
        "(och 1 månader till). Du kan bara läsa in uppgifter för enheter i din del av organisationen: ta bort "
        "raderna för enheten eller be HR för den delen läsa in dem."]
    assert batch_count(demo) == before  # nothing of the file, not even the rows inside the scope


def test_the_placement_in_the_rows_month_decides(demo):
    # Arbetsmarknadsinsatser moved from Ekonomiskt bistånd to Vuxen in July 2025.
    with pytest.raises(UserError) as refused:
        batches.import_file(demo, read(demo, caseload(["1304", "Arbetsmarknadsinsatser", "2025-06", 30, 3])),
                            "vuxen", scopes=(VUXEN,))
    assert "hör inte till Vuxen (avdelning i Socialförvaltningen) i juni 2025." in refused.value.lines()[0]
    assert batches.import_file(demo, read(demo, caseload(["1304", "Arbetsmarknadsinsatser", "2025-08", 30, 3])),
                               "vuxen", scopes=(VUXEN,)).row_count == 1
    # …and the avdelning it left may write its months before the move only.
    assert batches.import_file(demo, read(demo, caseload(["1304", "Arbetsmarknadsinsatser", "2025-06", 30, 3])),
                               "eb", scopes=("avdelning:Socialförvaltningen / Ekonomiskt bistånd",)).row_count == 1


def test_a_unit_not_in_the_organisation_is_outside_every_part(demo):
    with pytest.raises(UserError) as refused:
        batches.import_file(demo, read(demo, caseload(["9999", "Okänd enhet", "2026-10", 5, 1])), "vuxen",
                            scopes=(VUXEN,))
    assert refused.value.lines()[0].startswith("Enheten 'Okänd enhet' hör inte till Vuxen")


def test_hr_of_the_förvaltning_and_of_everything_import_anywhere(demo):
    rows = [["1203", "Socialpsykiatri", "2026-10", 80, 7], ["1104", "Familjebehandling", "2026-10", 41, 4]]
    assert batches.import_file(demo, read(demo, caseload(*rows)), "förv", scopes=(ADMINISTRATION,)).row_count == 2
    rows[0][3] = 81
    assert batches.import_file(demo, read(demo, caseload(*rows)), "alla", scopes=(scopes.WHOLE,)).row_count == 2


def test_the_organisation_file_stays_with_the_whole_organisations_hr(demo):
    organisation = csv_bytes([["Enhetskod", "Enhet", "Avdelning", "Förvaltning"],
                              ["1203", "Socialpsykiatri", "Vuxen", "Socialförvaltningen"]])
    with pytest.raises(UserError) as refused:
        batches.import_file(demo, read(demo, organisation, "org.csv"), "vuxen", scopes=(VUXEN,))
    assert refused.value.lines() == ["Uppgifter om organisation gäller hela organisationen: bara HR för hela "
                                     "organisationen eller en administratör kan läsa in eller ångra sådana uppgifter."]


def test_a_measure_for_another_part_is_refused(demo):
    measures = csv_bytes([["Avser", "Start", "Åtgärd", "Område"],
                          ["Socialpsykiatri", "oktober 2026", "Handledning", "Sjukfrånvaro"],
                          ["Barn och unga", "oktober 2026", "Färre ärenden", "Arbetsbelastning"]])
    with pytest.raises(UserError) as refused:
        batches.import_file(demo, read(demo, measures, "atgarder.csv"), "vuxen", scopes=(VUXEN,))
    assert refused.value.lines() == [
        "Rad 3: Åtgärden för 'Barn och unga' gäller en del av organisationen utanför din (Vuxen (avdelning i "
        "Socialförvaltningen)). Ta bort raden eller be HR för den delen lägga in den."]


def test_undo_is_refused_outside_the_part_and_allowed_inside(demo):
    demo_sick_leave = next(b for b in batches.list_batches(demo) if b.file_name == "sjukfranvaro_2026-10.csv")
    with pytest.raises(UserError) as refused:
        batches.undo(demo, demo_sick_leave.batch_id, "vuxen", scopes=(VUXEN,))
    lines = refused.value.lines()
    assert lines[0] == (f"Import nr {demo_sick_leave.batch_id} ångrades inte: den gäller mer än din del av "
                        "organisationen (Vuxen (avdelning i Socialförvaltningen)). Be HR för hela organisationen "
                        "ångra den.")
    assert any("'Familjebehandling'" in line for line in lines[1:])
    assert batches.get_batch(demo, demo_sick_leave.batch_id).undone_at is None
    own = batches.import_file(demo, read(demo, caseload(["1203", "Socialpsykiatri", "2026-10", 80, 7])), "vuxen",
                              scopes=(VUXEN,))
    assert batches.undo(demo, own.batch_id, "vuxen", scopes=(VUXEN,)).undone_by == "vuxen"


def test_a_role_is_stored_with_its_part_and_a_user_holds_every_grant(con):
    load(con, csv_bytes([["Enhetskod", "Enhet", "Avdelning", "Förvaltning"],
                         ["1203", "Socialpsykiatri", "Vuxen", "Socialförvaltningen"]]), "org.csv")
    roles.assign(con, "grupp", "HR Vuxen", "hr", "admin", scope=VUXEN)
    roles.assign(con, "e-post", "eva@kommun.se", "läsare", "admin", scope=VUXEN)  # a reader reads everything
    assert roles.grants_for(con, "eva@kommun.se", ["HR Vuxen"]) == (roles.Grant("hr", VUXEN), roles.Grant("läsare"))
    shown = roles.assignments(con).set_index("subject")["scope"]
    assert shown["HR Vuxen"] == VUXEN and shown.isna()["eva@kommun.se"]
    assert scopes.name(con, VUXEN) == "Vuxen (avdelning i Socialförvaltningen)"
    assert scopes.name(con, "enhet:kod:1203") == "Socialpsykiatri (enhet)"
    assert scopes.name(con, None) == "hela organisationen"
    with pytest.raises(UserError, match="En chef ansvarar för en del av organisationen"):
        roles.assign(con, "e-post", "chef@kommun.se", "chef", "admin")


@pytest.fixture
def scoped_app(demo_database, tmp_path, monkeypatch):
    path = tmp_path / "hr.duckdb"
    shutil.copy(demo_database.path, path)
    con = database.connect(path)
    roles.assign(con, "grupp", "HR Vuxen", "hr", "test", scope=VUXEN)
    roles.assign(con, "e-post", "admin@kommun.se", "admin", "test")
    con.close()
    monkeypatch.setenv("HRDASH_DB", str(path))


def as_user(email, groups=(), page=None, **params):
    return open_app(page, secrets=AUTH, user={"is_logged_in": True, "email": email, "groups": list(groups)}, **params)


def test_hr_of_an_avdelning_opens_on_it_and_cannot_reveal_hidden_figures(scoped_app):
    at = as_user("vera@kommun.se", ("HR Vuxen",))
    assert at.sidebar.selectbox(key="grupp").value == "Vuxen – avdelning"
    assert not [t for t in at.toggle if t.key == "visa_dolda"]  # the rest is read as läsare reads it


def test_hr_of_an_avdelning_sets_targets_only_there(scoped_app):
    at = as_user("vera@kommun.se", ("HR Vuxen",), page="pages/data.py")
    options = at.selectbox(key="mål_grupp").options
    assert "Vuxen – avdelning" in options[0]
    assert not [o for o in options if "Barn och unga" in o or "Socialförvaltningen –" in o]
    assert "Socialpsykiatri – enhet i Vuxen" in options


def test_admin_gives_hr_for_a_part_and_sees_who_may_do_what(scoped_app):
    at = as_user("admin@kommun.se", page="pages/behorigheter.py")
    rights = at.dataframe[0].value
    assert list(rights["Roll"]) == ["Läsare (nämnd, ledning)", "Chef (enhets- eller avdelningschef)", "HR",
                                    "Administratör"]
    assert rights.set_index("Roll").loc["HR", "Får"].startswith("Som läsare. I sin del av organisationen")
    shown = at.dataframe[1].value
    assert shown.set_index("E-post eller grupp").loc["HR Vuxen", "Del av organisationen"] == (
        "Vuxen (avdelning i Socialförvaltningen)")
    at.text_input(key="roll_vem").input("HR Barn och unga")
    at.segmented_control(key="roll_sort").set_value("grupp")
    at.selectbox(key="roll_vad").select("hr")
    at.selectbox(key="roll_del").select("avdelning:Socialförvaltningen / Barn och unga")
    at.button(key="FormSubmitter:roll-Spara").click().run()
    from hrdash.ui import session

    assert roles.grants_for(session.cursor(), None, ["HR Barn och unga"]) == (
        roles.Grant("hr", "avdelning:Socialförvaltningen / Barn och unga"),)
