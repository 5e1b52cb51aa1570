"""The log for IT: one line per import, undo, sign-in and error, without figures or personal data."""

import logging
import re
import shutil

import pytest
from conftest import ORGANISATION, SICK_HEADER, csv_bytes, load, open_app

from hrdash import logs
from hrdash.errors import UserError
from hrdash.ingest.parse import parse_file
from hrdash.store import batches, database, roles

AUTH = {"auth": {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "test",
                 "client_id": "hrdash", "client_secret": "secret",
                 "server_metadata_url": "http://localhost:9400/.well-known/openid-configuration"}}
PSEUDONYM = r"[0-9a-f]{10}"


@pytest.fixture
def log_lines():
    """The lines hrdash logs while the test runs, formatted as `hrdash serve` prints them."""
    lines: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record):
            lines.append(record.getMessage())

    handler, level = Collect(), logs.LOGGER.level
    logs.LOGGER.addHandler(handler)
    logs.LOGGER.setLevel(logging.INFO)
    yield lines
    logs.LOGGER.removeHandler(handler)
    logs.LOGGER.setLevel(level)


def test_an_import_an_undo_and_a_refused_file_are_one_line_each(con, log_lines):
    load(con, csv_bytes(ORGANISATION), "organisation Anna Andersson.csv", user="anna.andersson@kommun.se")
    sick = load(con, csv_bytes([SICK_HEADER, ["Mottagningen", "2025-03", 10, 1000, 50, 0, 0]]), "sjuk.csv",
                user="anna.andersson@kommun.se")
    batches.undo(con, sick.batch_id, "bo.berg@kommun.se")
    with pytest.raises(UserError):
        batches.import_file(con, parse_file(csv_bytes([SICK_HEADER, ["Mottagningen", "2025-03", 10, 1000, 5000, 0, 0]]),
                                            "fel.csv"), "anna.andersson@kommun.se")
    anna, bo = logs.pseudonym("anna.andersson@kommun.se"), logs.pseudonym("Bo.Berg@kommun.se ")
    assert log_lines == [f"import batch=1 typ=organisation rader=4 av={anna}",
                         f"import batch=2 typ=sjukfrånvaro rader=1 av={anna}",
                         f"ångrad import batch=2 av={bo}",
                         f"import nekad fel=1 av={anna}"]
    assert re.fullmatch(PSEUDONYM, anna) and anna != bo
    assert not [line for line in log_lines if "kommun.se" in line or "Anna" in line or ".csv" in line]


def test_the_pseudonym_is_keyed(monkeypatch):
    monkeypatch.setattr(logs, "_key", None)
    logs.set_key("en hemlighet")
    first = logs.pseudonym("anna@kommun.se")
    logs.set_key("en annan hemlighet")
    assert logs.pseudonym("anna@kommun.se") != first
    logs.set_key("en hemlighet")
    assert logs.pseudonym("ANNA@kommun.se") == first


@pytest.fixture
def signed_in_database(demo_database, tmp_path, monkeypatch):
    path = tmp_path / "hr.duckdb"
    shutil.copy(demo_database.path, path)
    con = database.connect(path)
    roles.assign(con, "e-post", "anna.hr@kommun.se", "hr", "test")
    con.close()
    monkeypatch.setenv("HRDASH_DB", str(path))
    return path


def test_a_sign_in_is_one_line_with_the_role_and_a_pseudonym(signed_in_database, log_lines):
    at = open_app(secrets=AUTH, user={"is_logged_in": True, "email": "anna.hr@kommun.se"})
    at.run()  # a rerun is not a new sign-in
    open_app(secrets=AUTH, user={"is_logged_in": True, "email": "okand@kommun.se"})
    assert log_lines == [f"inloggning roll=hr av={logs.pseudonym('anna.hr@kommun.se')}",
                         f"nekad inloggning roll=ingen av={logs.pseudonym('okand@kommun.se')}"]


def test_an_error_in_a_page_is_one_line_with_where_not_what(signed_in_database, log_lines, monkeypatch):
    from hrdash.figures import narrative

    def broken(*args, **kwargs):
        raise KeyError("Anna Andersson, 12,5 %")

    monkeypatch.setattr(narrative, "headline", broken)
    logging.getLogger("streamlit.error_util").addHandler(logs._UncaughtErrors())
    try:
        at = open_app()
        at.switch_page("pages/sjukfranvaro.py").run()
    finally:
        logging.getLogger("streamlit.error_util").handlers = [
            h for h in logging.getLogger("streamlit.error_util").handlers if not isinstance(h, logs._UncaughtErrors)]
    assert at.exception
    (line,) = log_lines
    assert re.fullmatch(r"fel typ=KeyError plats=hrdash/ui/topic_page\.py:\d+", line), line
