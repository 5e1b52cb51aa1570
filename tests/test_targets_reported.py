"""A target set is a target reported: an indicator that had no target, once HR sets one, is judged
against it in the same words on Översikt's card, in the PDF's table of key figures, on the overview
slide and in the workbook, whether or not it is one of their usual figures."""

import datetime as dt
import io

import openpyxl
import pytest
from conftest import ORGANISATION, SICK_HEADER, TURNOVER_HEADER, csv_bytes, load, open_app
from pypdf import PdfReader

from hrdash.figures import groups
from hrdash.reports import model as report
from hrdash.reports import pdf as report_pdf
from hrdash.reports import slides
from hrdash.reports import workbook as report_xlsx
from hrdash.store import database, targets

MARCH = dt.date(2025, 3, 1)
LONG, TURNOVER = "Andel långa sjukfall (60 dagar eller mer)", "Personalomsättning, månaden"
# Long spells: (80 + 0 + 150 + 30) / (160 + 240 + 300 + 100) = 260 / 800 = 32,5 %, above a target of 30,0 %.
# Turnover: (2 + 1 + 1 + 0) / (10 + 25 + 10 + 5) = 4 / 50 = 8,0 %, above 5,0 %.
# Sick leave: 800 / 9 360 = 8,5 %, within 10,0 %.
OVER_LONG, OVER_TURNOVER, WITHIN_SICK = ("Över målet (högst 30,0\u00a0%)", "Över målet (högst 5,0\u00a0%)",
                                         "Inom målet (högst 10,0\u00a0%)")


@pytest.fixture
def db_path(tmp_path, monkeypatch):
    path = tmp_path / "hr.duckdb"
    con = database.connect(path)
    load(con, csv_bytes(ORGANISATION), "org.csv")
    load(con, csv_bytes([SICK_HEADER, ["Mottagningen", "2025-03", 12, 1600, 160, 40, 80],
                         ["Utredning", "2025-03", 30, 4800, 240, 120, 0],
                         ["Beroende", "2025-03", 12, 2000, 300, 60, 150],
                         ["Liten", "2025-03", 11, 960, 100, 20, 30]]), "sjuk.csv")
    load(con, csv_bytes([TURNOVER_HEADER, ["Mottagningen", "2025-03", 10, 2, 1, 0],
                         ["Utredning", "2025-03", 25, 1, 0, 1], ["Beroende", "2025-03", 10, 1, 1, 0],
                         ["Liten", "2025-03", 5, 0, 0, 0]]), "oms.csv")
    targets.set_target(con, "sick_leave_pct", "förvaltning", "Socialförvaltningen", 10.0, "hr")
    con.close()
    monkeypatch.setenv("HRDASH_DB", str(path))
    return path


def set_on_the_page(indicator: str, written: str) -> None:
    at = open_app("pages/data.py")
    at.selectbox(key="mål_nyckeltal").select(indicator)
    at.selectbox(key="mål_grupp").select("förvaltning:Socialförvaltningen")
    at.text_input(key="mål_värde").input(written)
    at.button(key="FormSubmitter:mål-Spara målet").click().run()
    assert not at.exception and not at.error


def built(path) -> report.Report:
    con = database.connect(path)
    try:
        return report.build(con, groups.find_by_name(groups.groups(con), "Socialförvaltningen"), MARCH,
                            made=dt.date(2025, 4, 8))
    finally:
        con.close()


def test_a_target_set_on_an_indicator_without_one_is_judged_everywhere(db_path):
    before = built(db_path)
    assert LONG not in list(before.key_figures["Nyckeltal"]) and TURNOVER not in list(before.key_figures["Nyckeltal"])
    assert slides.build(before)[1].message == "Alla 1 nyckeltal med mål är inom målet. Jämfört med samma månad i fjol."

    set_on_the_page("long_sick_leave_share_pct", "30")
    set_on_the_page("turnover_pct", "5")  # not a card, a key figure nor on the slide until it had a target

    overview = open_app("pages/oversikt.py", manad="mars 2025")
    cards = {m.label: m.value for m in overview.metric}
    assert cards[LONG] == "32,5\u00a0%" and cards[TURNOVER] == "8,0\u00a0%"
    badges = [m.value for m in overview.markdown]
    for status in (OVER_LONG, OVER_TURNOVER):
        assert f":red-badge[:material/warning: {status}]" in badges

    after = built(db_path)
    table = after.key_figures.set_index("Nyckeltal")["Mål"]
    assert (table[LONG], table[TURNOVER], table["Sjukfrånvaro"]) == (OVER_LONG, OVER_TURNOVER, WITHIN_SICK)

    text = " ".join(" ".join(page.extract_text().split())
                    for page in PdfReader(io.BytesIO(report_pdf.render(after))).pages)
    for status in (OVER_LONG, OVER_TURNOVER, WITHIN_SICK):
        assert " ".join(status.split()) in text

    overview_slide = slides.build(after)[1]
    assert overview_slide.message == (f"2 av 3 nyckeltal med mål är utanför målet: {LONG} och {TURNOVER}.")
    judged = {n.label: n.target for n in overview_slide.numbers if n.target}
    assert judged == {"Sjukfrånvaro": WITHIN_SICK, LONG: OVER_LONG, TURNOVER: OVER_TURNOVER}

    sheet = openpyxl.load_workbook(io.BytesIO(report_xlsx.render(after)))["Sammanfattning"]
    rows = [r for r in sheet.iter_rows(values_only=True) if r[0] is not None]
    header = next(r for r in rows if r[0] == "Nyckeltal")
    goal = header.index("Mål")
    in_workbook = {r[0]: r[goal] for r in rows[rows.index(header) + 1:] if r[goal]}
    assert in_workbook == {"Sjukfrånvaro": WITHIN_SICK, LONG: OVER_LONG, TURNOVER: OVER_TURNOVER}
