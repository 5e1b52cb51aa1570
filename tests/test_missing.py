"""Who has not reported: the units expected to report a month's figures that have not, per part of
the organisation, with their managers and a reminder (Data → Rapporterat, `hrdash missing`)."""

import datetime as dt
import shutil
import subprocess
import sys
from urllib.parse import unquote

import pytest
from conftest import csv_bytes, load, open_app
from test_access import AUTH

from hrdash.figures import missing
from hrdash.store import database, roles

NOVEMBER = dt.date(2026, 11, 1)
SICK_HEADER = ["Enhetsnamn", "Månad", "Anställda", "Ordinarie arbetstid", "Sjukfrånvarotid",
               "Kort sjukfrånvaro (tim)", "Långtidssjukfrånvaro (tim)"]
VUXEN = "avdelning:Socialförvaltningen / Vuxen"


def november_from(con, *units):
    """November's sick leave from some of the demo's units only."""
    load(con, csv_bytes([SICK_HEADER, *[[u, "november 2026", 12, 1900, 120, 40, 30] for u in units]]), "nov.csv")


@pytest.fixture
def demo(demo_database, tmp_path):
    path = tmp_path / "hr.duckdb"
    shutil.copy(demo_database.path, path)
    con = database.connect(path)
    roles.assign(con, "e-post", "chef.socialpsykiatri@kommun.se", "chef", "admin", scope="enhet:kod:1203")
    roles.assign(con, "e-post", "avdelningschef.vuxen@kommun.se", "chef", "admin", scope=VUXEN)
    roles.assign(con, "grupp", "Chefer Vuxen", "chef", "admin", scope=VUXEN)  # a group has no address
    yield con, path
    con.close()


def test_a_complete_month_has_nothing_missing(demo):
    con, _ = demo
    assert missing.missing(con, dt.date(2026, 10, 1)).empty


def test_the_units_that_have_not_reported_with_their_nearest_manager(demo):
    con, _ = demo
    november_from(con, "Mottagning vuxen", "Missbruk och beroende")
    found = missing.missing(con, NOVEMBER)
    assert len(found) == 15  # two units reported their sick leave, but nobody the rest of November
    vuxen = found[found["Avdelning"] == "Vuxen"].set_index("Enhet")
    # Arbetsmarknadsinsatser moved to Vuxen in 2025.
    assert list(vuxen.index) == ["Arbetsmarknadsinsatser", "Boendestöd", "Missbruk och beroende", "Mottagning vuxen",
                                 "Socialpsykiatri"]
    assert vuxen.loc["Socialpsykiatri", "Chef"] == "chef.socialpsykiatri@kommun.se"  # its own, not the avdelning's
    assert vuxen.loc["Boendestöd", "Chef"] == "avdelningschef.vuxen@kommun.se"
    assert found.set_index("Enhet").loc["Familjebehandling", "Chef"] == "Ingen chef angiven"
    assert found.set_index("Enhet").loc["Familjebehandling", "Påminnelse"] == ""
    assert vuxen.loc["Boendestöd", "Saknas"] == (
        "sjukfrånvaro, personalomsättning, vakanser och rekryteringsbehov för november 2026")
    assert vuxen.loc["Mottagning vuxen", "Saknas"] == (
        "personalomsättning, vakanser, rekryteringsbehov och ärenden och handläggare för november 2026")


def test_the_reminder_is_written_for_the_manager(demo):
    con, _ = demo
    november_from(con, "Mottagning vuxen")
    link = missing.missing(con, NOVEMBER).set_index("Enhet").loc["Socialpsykiatri", "Påminnelse"]
    assert link.startswith("mailto:chef.socialpsykiatri@kommun.se?subject=")
    text = unquote(link)
    assert "subject=Påminnelse: Socialpsykiatri har inte rapporterat för november 2026&body=Hej!" in text
    assert "För Socialpsykiatri saknas ännu uppgifter om sjukfrånvaro, personalomsättning, vakanser och " \
           "rekryteringsbehov för november 2026." in text


def test_the_words_for_several_kinds_and_the_tertial():
    assert missing.asked(["caseload", "sick_leave", "pulse"], dt.date(2026, 12, 1)) == (
        "sjukfrånvaro och ärenden och handläggare för december 2026 och svar på pulsfrågorna för T3 2026")


def test_hr_of_a_part_sees_its_part_only(demo):
    con, _ = demo
    november_from(con, "Mottagning vuxen")
    assert set(missing.missing(con, NOVEMBER, (VUXEN,))["Enhet"]) == {
        "Arbetsmarknadsinsatser", "Boendestöd", "Missbruk och beroende", "Mottagning vuxen", "Socialpsykiatri"}


def test_the_command_line_prints_one_row_per_unit_and_kind(demo):
    con, path = demo
    november_from(con, "Mottagning vuxen")
    con.close()
    printed = subprocess.run([sys.executable, "-m", "hrdash.cli", "missing", "--db", str(path), "--month", "2026-11"],
                             check=True, capture_output=True, text=True).stdout.splitlines()
    assert printed[0] == "month,administration,department,unit,kind,managers"
    assert "2026-11,Socialförvaltningen,Vuxen,Socialpsykiatri,sick_leave,chef.socialpsykiatri@kommun.se" in printed
    assert "2026-11,Socialförvaltningen,Barn och unga,Familjebehandling,sick_leave," in printed
    assert "2026-11,Socialförvaltningen,Vuxen,Mottagning vuxen,sick_leave" not in "\n".join(printed)
    assert len(printed) == 1 + 14 + 3 * 15 + 9  # a header; sick leave of 14, three kinds of 15, caseload of 9


def test_hr_reads_the_list_on_the_data_page(demo, monkeypatch):
    con, path = demo
    november_from(con, "Mottagning vuxen")
    roles.assign(con, "grupp", "HR Vuxen", "hr", "admin", scope=VUXEN)
    con.close()
    monkeypatch.setenv("HRDASH_DB", str(path))
    at = open_app("pages/data.py", secrets=AUTH, user={"is_logged_in": True, "email": "vera@kommun.se",
                                                       "groups": ["HR Vuxen"]})
    at.selectbox(key="saknas_månad").select(NOVEMBER).run()
    assert [m.value.split(" Länken")[0] for m in at.markdown if " har inte rapporterat allt " in m.value] == [
        "5 enheter i Vuxen (avdelning i Socialförvaltningen) har inte rapporterat allt för november 2026."]
    listed = [m.value for m in at.markdown if m.value.startswith("- ") and "för november 2026" in m.value]
    assert len(listed) == 1  # one avdelning: one list, under its name
    lines = listed[0].split("\n")
    assert [line.split(":")[0] for line in lines] == ["- Arbetsmarknadsinsatser", "- Boendestöd",
                                                     "- Missbruk och beroende", "- Mottagning vuxen",
                                                     "- Socialpsykiatri"]
    assert lines[4].startswith("- Socialpsykiatri: sjukfrånvaro, personalomsättning, vakanser och rekryteringsbehov "
                               "för november 2026. Chef: chef\\.socialpsykiatri@kommun\\.se · [Skriv påminnelse]"
                               "(mailto:chef.socialpsykiatri@kommun.se?subject=")
    assert "**Vuxen**" in [m.value for m in at.markdown]
