"""The law's line: no sick-leave figure for a group of ten people or fewer (SFS 2002:1065, 4 kap.
1 a §: "högst tio"), and a stricter line a municipality may decide on, never a lower one.

What a committee member sees, in the CLI's default output, on the pages (signed in as a reader)
and in the report, for units of exactly 10, 11 and 9 people, a 12-month window whose smallest
month is 10, a gender split with 10 men, and a line raised to 15.
"""

import csv
import datetime as dt
import io
import shutil
from contextlib import redirect_stdout

import pytest
from conftest import csv_bytes, load, open_app
from pypdf import PdfReader

from hrdash import cli, swedish
from hrdash.catalogue import HEALTH_LIMIT
from hrdash.errors import UserError
from hrdash.figures import groups
from hrdash.reports import model as report
from hrdash.reports import pdf as report_pdf
from hrdash.store import audit, database, roles, settings

AUTH = {"auth": {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x", "client_id": "x",
                 "client_secret": "x", "server_metadata_url": "http://localhost:9400/.well-known/openid-configuration"}}
READER = {"is_logged_in": True, "email": "ledamot@kommun.se"}
ADMIN = {"is_logged_in": True, "email": "admin@kommun.se"}
HR = {"is_logged_in": True, "email": "hr@kommun.se"}
MONTHS = [f"{2024 + (m + 6) // 12}-{(m + 6) % 12 + 1:02d}" for m in range(12)]  # 2024-07 … 2025-06
LAST = "2025-06"
# unit: people in each month. Elva has 11, but 10 in December 2024.
PEOPLE = {"Stor": [40] * 12, "Tio": [10] * 12, "Elva": [11 if m != "2024-12" else 10 for m in MONTHS],
          "Nio": [9] * 12}


@pytest.fixture(scope="module")
def line_database(tmp_path_factory):
    path = tmp_path_factory.mktemp("gransen") / "hr.duckdb"
    con = database.connect(path)
    load(con, csv_bytes([["enhet", "avdelning", "förvaltning"], *[[u, "Vuxen", "Soc"] for u in PEOPLE],
                         ["Delad", "Barn", "Soc"]]), "org.csv")
    sick = [["enhet", "månad", "anställda", "ordinarie_timmar", "sjuktimmar", "sjuktimmar_dag_1_14",
             "sjuktimmar_60_dagar"]]
    for unit, people in PEOPLE.items():
        for month, count in zip(MONTHS, people):
            sick.append([unit, month, count, 160 * count, 8 * count, 2 * count, 0])  # 5,0 % each
    load(con, csv_bytes(sick), "sjuk.csv")
    split = [["enhet", "månad", "kön", "anställda", "ordinarie_timmar", "sjuktimmar", "sjuktimmar_dag_1_14",
              "sjuktimmar_60_dagar"]]
    for month in MONTHS:  # 20 women at 6,0 %, 10 men at 4,0 %
        split += [["Delad", month, "kvinna", 20, 3200, 192, 40, 0], ["Delad", month, "man", 10, 1600, 64, 20, 0]]
    load(con, csv_bytes(split), "delad.csv")
    roles.assign(con, "e-post", "ledamot@kommun.se", "läsare", "test")
    roles.assign(con, "e-post", "hr@kommun.se", "hr", "test")
    roles.assign(con, "e-post", "admin@kommun.se", "admin", "test")
    con.close()
    return path


@pytest.fixture
def db(line_database, tmp_path, monkeypatch):
    path = tmp_path / "hr.duckdb"
    shutil.copy(line_database, path)
    monkeypatch.setenv("HRDASH_DB", str(path))
    return path


def printed(db, *extra) -> dict[tuple[str, str, str], str]:
    """(unit, month, indicator) -> value, as `hrdash indicators` prints it for a committee."""
    out = io.StringIO()
    with redirect_stdout(out):
        assert cli.main(["indicators", "--db", str(db), *extra]) == 0
    return {(r["unit"], r["month"], r["indicator"]): r["value"] for r in csv.DictReader(io.StringIO(out.getvalue()))}


def test_ten_people_are_hidden_eleven_shown_nine_hidden(db):
    public = printed(db)
    assert public["Tio", LAST, "sick_leave_pct"] == ""
    assert public["Tio", LAST, "short_sick_leave_pct"] == ""
    assert public["Nio", LAST, "sick_leave_pct"] == ""
    assert public["Elva", LAST, "sick_leave_pct"] == "5.000000"
    assert public["Stor", LAST, "sick_leave_pct"] == "5.000000"
    assert printed(db, "--unsuppressed")["Tio", LAST, "sick_leave_pct"] == "5.000000"


def test_a_twelve_month_figure_whose_smallest_month_is_ten_is_hidden(db):
    public = printed(db)
    assert public["Elva", "2024-12", "sick_leave_pct"] == ""  # 10 people that month
    assert public["Elva", "2025-01", "sick_leave_pct"] == "5.000000"
    assert public["Elva", LAST, "sick_leave_12m_pct"] == ""  # its window holds December's 10
    assert public["Stor", LAST, "sick_leave_12m_pct"] == "5.000000"
    assert printed(db, "--unsuppressed")["Elva", LAST, "sick_leave_12m_pct"] == "5.000000"


def test_a_gender_split_with_ten_men_hides_the_men_and_so_the_women(db):
    public = printed(db)
    assert public["Delad", LAST, "sick_leave_men_pct"] == ""
    # Beside the total (5,333 %), the women's 6,0 % would give the ten men's 4,0 % away.
    assert public["Delad", LAST, "sick_leave_women_pct"] == ""
    assert public["Delad", LAST, "sick_leave_pct"] == "5.333333"  # (192 + 64) / (3200 + 1600): 30 people
    unsuppressed = printed(db, "--unsuppressed")
    assert unsuppressed["Delad", LAST, "sick_leave_men_pct"] == "4.000000"
    assert unsuppressed["Delad", LAST, "sick_leave_women_pct"] == "6.000000"


def test_signals_of_a_group_of_ten_are_hidden(db):
    out = io.StringIO()
    with redirect_stdout(out):
        cli.main(["signals", "--db", str(db), "--unit", "Tio"])
    rows = [r for r in csv.DictReader(io.StringIO(out.getvalue())) if r["indicator"] == "sick_leave_pct"]
    assert len(rows) == 12 and all(r["value"] == "" and r["centre"] == "" for r in rows)


def card(at, label: str):
    return next(m for m in at.metric if m.label == label)


def test_a_reader_sees_a_dash_for_ten_and_the_figure_for_eleven(db):
    at = open_app(secrets=AUTH, user=READER, grupp="Tio – enhet i Vuxen", manad="juni 2025")
    assert card(at, "Sjukfrånvaro").value == "–"
    assert "Visas inte: 10 personer eller färre." in [c.value for c in at.caption]
    at = open_app(secrets=AUTH, user=READER, grupp="Elva – enhet i Vuxen", manad="juni 2025")
    assert card(at, "Sjukfrånvaro").value == swedish.percent(5.0)
    assert card(at, "Sjukfrånvaro, 12 månader").value == "–"


def test_the_report_hides_ten_people_and_says_so(db):
    con = database.connect(db)
    tio = next(g for g in groups.groups(con) if g.name == "Tio")
    built = report.build(con, tio, dt.date(2025, 6, 1))
    con.close()
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(report_pdf.render(built))).pages)
    assert "5,0" not in text  # Tio's every figure is 5,0 %
    assert "Sjukfrånvaro för grupper med 10 personer eller färre redovisas inte." in text


def test_an_administrator_raises_the_line_to_fifteen_and_every_view_follows(db):
    at = open_app("pages/data.py", secrets=AUTH, user=ADMIN)
    field = at.text_input(key="inställning_health_limit")
    assert field.value == str(HEALTH_LIMIT)
    field.input("15")
    next(b for b in at.button if b.label == "Spara inställningarna").click().run()
    assert not at.exception

    public = printed(db)
    assert public["Elva", LAST, "sick_leave_pct"] == ""  # 11 people: at most 15
    assert public["Stor", LAST, "sick_leave_pct"] == "5.000000"
    assert printed(db, "--unsuppressed")["Elva", LAST, "sick_leave_pct"] == "5.000000"
    at = open_app(secrets=AUTH, user=READER, grupp="Elva – enhet i Vuxen", manad="juni 2025")
    assert card(at, "Sjukfrånvaro").value == "–"
    assert "Visas inte: 15 personer eller färre." in [c.value for c in at.caption]
    at = open_app("pages/om_siffrorna.py", secrets=AUTH, user=READER)
    assert any("15 personer eller färre" in m.value and "strängare gräns än lagens 10" in m.value
               for m in at.markdown)

    con = database.connect(db)
    log = audit.entries(con)
    assert ("admin@kommun.se", "Inställning", "Minsta gruppstorlek för sjukfrånvaro: 15 personer") in set(
        zip(log["who"], log["action"], log["detail"]))
    con.close()


def test_the_line_is_never_set_below_the_law(db):
    con = database.connect(db)
    with pytest.raises(UserError, match="kan inte sättas lägre än lagens 10 personer"):
        settings.change(con, "health_limit", 9, "admin@kommun.se")
    with pytest.raises(UserError, match="måste vara ett helt antal personer"):
        settings.change(con, "health_limit", 12.5, "admin@kommun.se")
    assert settings.health_limit(con) == HEALTH_LIMIT
    con.close()


def test_only_an_administrator_may_move_the_line(db):
    at = open_app("pages/data.py", secrets=AUTH, user=HR)
    assert "inställning_health_limit" not in [n.key for n in at.text_input]
    assert "inställning_recruitment_cost_sek" in [n.key for n in at.text_input]
