"""Sign-in and roles through AppTest: what each role sees, and who is let in at all."""

import shutil
from pathlib import Path

import pytest
from conftest import APP, open_app
from streamlit.testing.v1 import AppTest

from hrdash.store import audit, database, roles
from hrdash.ui import registry

AUTH = {"auth": {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "test",
                 "client_id": "hrdash", "client_secret": "secret",
                 "server_metadata_url": "http://localhost:9400/.well-known/openid-configuration"}}


@pytest.fixture
def db_path(demo_database, tmp_path, monkeypatch):
    path = tmp_path / "hr.duckdb"
    shutil.copy(demo_database.path, path)
    con = database.connect(path)
    roles.assign(con, "e-post", "lasare@kommun.se", "läsare", "test")
    roles.assign(con, "grupp", "HR-avdelningen", "hr", "test")
    roles.assign(con, "e-post", "admin@kommun.se", "admin", "test")
    con.close()
    monkeypatch.setenv("HRDASH_DB", str(path))
    return path


def signed_in(email: str | None, groups: tuple[str, ...] = (), page: str | None = None, **params) -> AppTest:
    user = {"is_logged_in": email is not None, **({"email": email, "groups": list(groups)} if email else {})}
    return open_app(page, secrets=AUTH, user=user, **params)


REFUSED = "Du har inte behörighet till den här sidan."


def reachable(at: AppTest, page: str) -> bool:
    """Whether the user may open the page: run it as a direct address would."""
    at.switch_page(page).run()
    return not [e for e in at.error if e.value == REFUSED]



def test_without_sign_in_the_login_button_is_all_there_is(db_path):
    at = signed_in(None)
    assert at.title[0].value == "HR-nyckeltal"
    assert at.button(key="logga_in").label == "Logga in"
    assert not at.metric


def test_a_reader_sees_suppressed_figures_and_no_hr_pages(db_path):
    at = signed_in("lasare@kommun.se", page=None)
    assert {m.label: m.value for m in at.metric}["Sjukfrånvaro"]  # the overview works
    for page in registry.PAGES[1:]:
        assert reachable(at, page.file) == ("läsare" in page.roles), page.title
    assert {p.title for p in registry.PAGES if "läsare" not in p.roles} == {"Min del", "Ladda upp", "Data",
                                                                           "Behörigheter"}
    assert not [t for t in at.toggle if t.key == "visa_dolda"]
    at = signed_in("lasare@kommun.se", grupp="Ledningsstöd – enhet i Stab", manad="oktober 2026")
    assert {m.label: m.value for m in at.metric}["Sjukfrånvaro"] == "–"
    assert "Inloggad: lasare@kommun\\.se · Läsare (nämnd, ledning)" in [c.value for c in at.sidebar.caption]


def test_the_upload_page_itself_refuses_a_reader(db_path):
    # Whatever the navigation offers, the page checks the role of the user the frame let in.
    from hrdash.ui import session

    at = AppTest.from_file(str(Path(APP).parent / "pages" / "ladda_upp.py"), default_timeout=60)
    at.session_state["_användare"] = session.User("lasare@kommun.se", "läsare")
    at.run()
    assert at.error[0].value == "Du har inte behörighet till den här sidan."
    assert not at.get("file_uploader")


def test_a_page_run_outside_the_app_shows_nothing(db_path):
    at = AppTest.from_file(str(Path(APP).parent / "pages" / "oversikt.py"), default_timeout=60)
    at.run()
    assert at.error[0].value == "Sidan kan bara visas inifrån appen."
    assert not at.metric


def test_hr_by_group_may_upload_and_see_hidden_figures(db_path):
    at = signed_in("anna@kommun.se", groups=("Alla anställda", "HR-avdelningen"), page="pages/ladda_upp.py")
    assert at.title[0].value == "Ladda upp"
    assert at.get("file_uploader")
    at = signed_in("anna@kommun.se", groups=("HR-avdelningen",), grupp="Ledningsstöd – enhet i Stab",
                   manad="oktober 2026")
    assert {m.label: m.value for m in at.metric}["Sjukfrånvaro"] == "–"  # hidden until asked for
    at.toggle(key="visa_dolda").set_value(True).run()
    assert {m.label: m.value for m in at.metric}["Sjukfrånvaro"] != "–"


def test_someone_without_a_role_is_told_so_and_logged(db_path):
    at = signed_in("okand@kommun.se")
    assert at.warning[0].value.startswith("Du är inloggad som okand@kommun\\.se men har ingen behörighet")
    from hrdash.ui import session

    log = audit.entries(session.cursor())
    assert (log.iloc[0]["who"], log.iloc[0]["action"]) == ("okand@kommun.se", "Nekad inloggning")


def test_sign_ins_are_logged_once_per_session(db_path):
    at = signed_in("admin@kommun.se")
    at.run()
    from hrdash.ui import session

    log = audit.entries(session.cursor())
    sign_ins = log[(log["who"] == "admin@kommun.se") & (log["action"] == "Inloggning")]
    assert list(sign_ins["detail"]) == ["Administratör"]


def test_admin_assigns_a_role_and_it_is_audited(db_path):
    at = signed_in("admin@kommun.se", page="pages/behorigheter.py")
    at.text_input(key="roll_vem").input("Ny.Ledamot@Kommun.se")
    at.selectbox(key="roll_vad").select("läsare")
    at.button(key="FormSubmitter:roll-Spara").click().run()
    assert not at.exception
    from hrdash.ui import session

    assert roles.role_for(session.cursor(), "ny.ledamot@kommun.se", []) == "läsare"
    assert audit.entries(session.cursor()).iloc[0]["detail"] == "e-post ny.ledamot@kommun.se: läsare"


def test_hr_may_not_assign_roles(db_path):
    at = signed_in("anna@kommun.se", groups=("HR-avdelningen",))
    assert not reachable(at, "pages/behorigheter.py")
    assert reachable(at, "pages/ladda_upp.py")


def test_production_without_sign_in_refuses_to_serve(db_path, monkeypatch):
    monkeypatch.setenv("HRDASH_ENV", "production")
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert at.error[0].value.startswith("hrdash körs som produktion (HRDASH_ENV=production) men inloggning är inte")
    assert not at.metric


def test_demo_mode_says_so(db_path):
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert at.warning[0].value.startswith("**Demoläge – ingen inloggning.**")


def test_first_admins_come_from_the_environment(db_path, monkeypatch):
    monkeypatch.setenv("HRDASH_ADMINS", "it@kommun.se, chef@kommun.se")
    con = database.connect(db_path)
    assert roles.role_for(con, "Chef@Kommun.se", []) == "admin"
    assert roles.role_for(con, "lasare@kommun.se", ["HR-avdelningen"]) == "hr"
    assert roles.role_for(con, "vem@kommun.se", []) is None
    con.close()
