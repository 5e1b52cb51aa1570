"""The year: the statutory sick-leave disclosure (domain.md, Part 3). The seven figures of the annual
report over the 12 months ending in December, against values worked out by hand; their privacy rule
(the smallest month of the window, and the second group of a split hidden beside a small one); the
yearly view Årsredovisning and its sheet in the workbook.
"""

import io
from contextlib import redirect_stdout

import pytest
from conftest import SICK_HEADER, csv_bytes, load

from hrdash import cli
from hrdash.figures import indicators

YEAR = [f"2025-{m:02d}" for m in range(1, 13)]
DECEMBER = "2025-12"
SPLIT_HEADER = ["enhet", "månad", "kön", "åldersgrupp", "anställda", "ordinarie_timmar", "sjuktimmar",
                "sjuktimmar_dag_1_14", "sjuktimmar_60_dagar"]
FEW = "10 personer eller färre"
HIDES = "Dold så att en grupp med 10 personer eller färre inte kan räknas fram"
SPLITS = ("sick_leave_women_12m_pct", "sick_leave_men_12m_pct", "sick_leave_age_29_12m_pct",
          "sick_leave_age_30_49_12m_pct", "sick_leave_age_50_12m_pct")


def split_rows(unit: str, people: dict[tuple[str, str], list[int] | int], months=YEAR) -> list[list[object]]:
    """A row per gender, age group and month: that many people, 100 hours each, 5 % of them sick."""
    rows = []
    for index, month in enumerate(months):
        for (gender, age), count in people.items():
            count = count[index] if isinstance(count, list) else count
            rows.append([unit, month, gender, age, count, 100 * count, 5 * count, 0, 0])
    return rows


def rule(con, unit: str, month: str = DECEMBER) -> dict[str, tuple[bool, str | None]]:
    """Each 12-month figure of the unit: whether it is hidden, and the reason a reader is given."""
    frame = indicators.fetch(con, unsuppressed=True, unit=unit, first=None, last=None)
    frame = frame[(frame["level"] == "enhet") & (frame["month"].astype(str) == f"{month}-01")]
    return {r.indicator: (bool(r.suppressed), r.suppression_reason if isinstance(r.suppression_reason, str) else None)
            for r in frame.itertuples()
            if r.indicator in SPLITS or r.indicator in ("sick_leave_12m_pct", "long_sick_leave_share_12m_pct")}


def values(con, unsuppressed: bool = True) -> dict[tuple[str, str, str, str], float | None]:
    frame = indicators.fetch(con, unsuppressed=unsuppressed)
    return {(r.level, r.group_name, f"{r.month:%Y-%m}", r.indicator): (None if r.value != r.value else r.value)
            for r in frame.itertuples()}


@pytest.fixture
def year(con):
    """One unit, Året, in Vuxen, every month of 2025; each month, per gender and age group:
    people, ordinary hours, sick hours, of which day 1–14, of which 60 days or more. December's
    women of 50 or older had twice the sick hours (300, of which 240 in long spells)."""
    load(con, csv_bytes([["enhet", "avdelning", "förvaltning"], ["Året", "Vuxen", "Soc"]]), "org.csv")
    rows = [SPLIT_HEADER]
    for month in YEAR:
        december = month == DECEMBER
        rows += [["Året", month, "kvinna", "-29", 6, 1000, 50, 10, 0],
                 ["Året", month, "kvinna", "30-49", 8, 1000, 100, 20, 40],
                 ["Året", month, "kvinna", "50-", 6, 1000, 300 if december else 150, 10, 240 if december else 90],
                 ["Året", month, "man", "-29", 6, 1000, 20, 10, 0],
                 ["Året", month, "man", "30-49", 6, 1000, 30, 10, 0],
                 ["Året", month, "man", "50-", 6, 1000, 50, 10, 30]]
    load(con, csv_bytes(rows), "sjuk.csv")
    return con


def test_the_seven_figures_of_the_year_are_sums_over_its_twelve_months(year):
    shown = values(year, unsuppressed=False)

    def at(indicator):
        return shown["enhet", "Året", DECEMBER, indicator]

    # Every month 6 000 ordinary hours; sick hours 400 (of which 160 in long spells), in December
    # 550 (310): 12 months 72 000 hours, 11 × 400 + 550 = 4 950 sick hours.
    assert at("sick_leave_12m_pct") == pytest.approx(4950 / 72000 * 100)  # 6,875 %
    # Long spells: 11 × 160 + 310 = 2 070 of 4 950 sick hours.
    assert at("long_sick_leave_share_12m_pct") == pytest.approx(2070 / 4950 * 100)  # 41,82 %
    # Women: 3 000 hours a month, 36 000 in the year; sick 11 × 300 + 450 = 3 750.
    assert at("sick_leave_women_12m_pct") == pytest.approx(3750 / 36000 * 100)  # 10,42 %
    # Men: 36 000 hours; sick 12 × 100 = 1 200.
    assert at("sick_leave_men_12m_pct") == pytest.approx(1200 / 36000 * 100)  # 3,33 %
    # Age groups: 24 000 hours each; sick 12 × 70 = 840, 12 × 130 = 1 560, 11 × 200 + 350 = 2 550.
    assert at("sick_leave_age_29_12m_pct") == pytest.approx(3.5)
    assert at("sick_leave_age_30_49_12m_pct") == pytest.approx(6.5)
    assert at("sick_leave_age_50_12m_pct") == pytest.approx(2550 / 24000 * 100)  # 10,625 %
    # December alone: 310 of 550 sick hours in long spells; the year's figure is not the month's.
    assert shown["enhet", "Året", DECEMBER, "long_sick_leave_share_pct"] == pytest.approx(310 / 550 * 100)
    # The avdelning and the förvaltning are this one unit: the same figures.
    assert shown["avdelning", "Vuxen", DECEMBER, "sick_leave_women_12m_pct"] == pytest.approx(3750 / 36000 * 100)
    assert shown["förvaltning", "Soc", DECEMBER, "sick_leave_age_50_12m_pct"] == pytest.approx(10.625)


def test_a_window_that_lacks_a_month_has_no_figure(year):
    shown = values(year)
    # November's window begins in December 2024, which no file holds.
    assert all(shown["enhet", "Året", "2025-11", i] is None
               for i in ("sick_leave_12m_pct", "long_sick_leave_share_12m_pct", *SPLITS))
    # A second unit of Vuxen without June: its window and its avdelning's have no figure; Året keeps its own.
    load(year, csv_bytes([["enhet", "avdelning", "förvaltning"], ["Året", "Vuxen", "Soc"], ["Luckan", "Vuxen", "Soc"]]),
         "org2.csv")
    load(year, csv_bytes([SPLIT_HEADER, *split_rows("Luckan", {("kvinna", "30-49"): 20, ("man", "50-"): 20},
                                                    [m for m in YEAR if m != "2025-06"])]), "luckan.csv")
    shown = values(year)
    for indicator in ("sick_leave_12m_pct", "long_sick_leave_share_12m_pct", *SPLITS):
        assert shown["enhet", "Luckan", DECEMBER, indicator] is None, indicator
        assert shown["avdelning", "Vuxen", DECEMBER, indicator] is None, indicator
    assert shown["enhet", "Året", DECEMBER, "sick_leave_men_12m_pct"] == pytest.approx(1200 / 36000 * 100)


def test_a_split_figure_needs_the_split_in_every_month_of_the_window(con):
    # March's file does not split by gender: the year has its total, but no gender figures.
    split = [["enhet", "månad", "kön", *SICK_HEADER[2:]]]
    for month in YEAR:
        if month != "2025-03":
            split += [["Delvis", month, "kvinna", 20, 2000, 100, 0, 0], ["Delvis", month, "man", 20, 2000, 100, 0, 0]]
    load(con, csv_bytes(split), "delad.csv")
    load(con, csv_bytes([SICK_HEADER, ["Delvis", "2025-03", 40, 4000, 200, 0, 0]]), "mars.csv")
    shown = values(con)
    assert shown["enhet", "Delvis", DECEMBER, "sick_leave_12m_pct"] == pytest.approx(5.0)  # 2 400 / 48 000
    assert shown["enhet", "Delvis", DECEMBER, "sick_leave_women_12m_pct"] is None
    assert shown["enhet", "Delvis", DECEMBER, "sick_leave_men_12m_pct"] is None


def test_the_total_and_the_long_share_are_hidden_by_the_smallest_month(con):
    # 11 people every month but 10 in April: no year figure for the reader.
    people = [10 if m == "2025-04" else 11 for m in YEAR]
    load(con, csv_bytes([SPLIT_HEADER, *split_rows("Liten", {("kvinna", "30-49"): people})]))
    found = rule(con, "Liten")
    assert found["sick_leave_12m_pct"] == (True, FEW)
    assert found["long_sick_leave_share_12m_pct"] == (True, FEW)
    assert found["sick_leave_women_12m_pct"] == (True, FEW)
    # Only women: the men had nobody in the year, so no figure, neither hidden nor chosen.
    assert found["sick_leave_men_12m_pct"] == (False, None)
    assert values(con)["enhet", "Liten", DECEMBER, "sick_leave_men_12m_pct"] is None


def test_a_gender_group_whose_smallest_month_is_ten_is_hidden_and_so_the_other(con):
    # 20 women; 11 men, but 10 in June. Each month on its own is shown (20 and 11, or in June 20 and
    # 10 hidden); the year is hidden for the men (smallest month 10), and the women too, or the
    # year's total (shown: 30 or 31 people) would give the men away.
    men = [10 if m == "2025-06" else 11 for m in YEAR]
    load(con, csv_bytes([SPLIT_HEADER, *split_rows("Delad", {("kvinna", "30-49"): 20, ("man", "30-49"): men})]))
    found = rule(con, "Delad")
    assert found["sick_leave_men_12m_pct"] == (True, FEW)
    assert found["sick_leave_women_12m_pct"] == (True, HIDES)
    assert found["sick_leave_12m_pct"] == (False, None)
    # The age split has one group of 30 or 31: nothing to hide.
    assert found["sick_leave_age_30_49_12m_pct"] == (False, None)
    public = values(con, unsuppressed=False)
    assert public["enhet", "Delad", DECEMBER, "sick_leave_men_12m_pct"] is None
    assert public["enhet", "Delad", DECEMBER, "sick_leave_women_12m_pct"] is None
    assert public["enhet", "Delad", DECEMBER, "sick_leave_12m_pct"] == pytest.approx(5.0)
    assert public["enhet", "Delad", "2025-07", "sick_leave_men_pct"] == pytest.approx(5.0)  # 11 men in July
    assert values(con)["enhet", "Delad", DECEMBER, "sick_leave_women_12m_pct"] == pytest.approx(5.0)


@pytest.mark.parametrize("people, hidden", [
    # −29 is small (8): of the other two, 30–49 has fewer people (12 against 25), so it goes too.
    ({"-29": 8, "30-49": 12, "50-": 25}, {"-29": FEW, "30-49": HIDES}),
    # A tie of 15 and 15 beside the small 50–: the order −29, 30–49, 50– chooses −29.
    ({"-29": 15, "30-49": 15, "50-": 9}, {"-29": HIDES, "50-": FEW}),
    # A tie beside the small −29: 30–49 comes before 50–.
    ({"-29": 4, "30-49": 15, "50-": 15}, {"-29": FEW, "30-49": HIDES}),
    # Fewest by the smallest month: 50– has 30 people but 12 in one month, fewer than 30–49's 14.
    ({"-29": 7, "30-49": 14, "50-": [12] + [30] * 11}, {"-29": FEW, "50-": HIDES}),
    # Nobody under 30 in the year: that group has no figure and is neither hidden nor chosen; beside
    # the small 30–49 (8) the only other group with people, 50–, is hidden.
    ({"30-49": 8, "50-": 20}, {"30-49": FEW, "50-": HIDES}),
    # Two small groups: the contract hides a second group only beside exactly one.
    ({"-29": 5, "30-49": 6, "50-": 30}, {"-29": FEW, "30-49": FEW}),
    # None small: nothing hidden.
    ({"-29": 11, "30-49": 11, "50-": 11}, {}),
])
def test_age_groups_hide_the_next_smallest_beside_a_small_one(con, people, hidden):
    load(con, csv_bytes([SPLIT_HEADER, *split_rows("Åldrar", {("kvinna", age): n for age, n in people.items()})]))
    found = rule(con, "Åldrar")
    ids = {"-29": "sick_leave_age_29_12m_pct", "30-49": "sick_leave_age_30_49_12m_pct", "50-": "sick_leave_age_50_12m_pct"}
    assert {age: found[ids[age]] for age in ids} == {
        age: (True, hidden[age]) if age in hidden else (False, None) for age in ids}
    shown = values(con, unsuppressed=False)
    for age, indicator in ids.items():
        expected = None if age in hidden or age not in people else pytest.approx(5.0)
        assert shown["enhet", "Åldrar", DECEMBER, indicator] == expected, age


def test_the_line_is_the_one_that_holds_not_a_literal_ten(con):
    from hrdash.store import settings

    load(con, csv_bytes([SPLIT_HEADER, *split_rows("Tolv", {("kvinna", "30-49"): 12, ("man", "30-49"): 20})]))
    assert rule(con, "Tolv")["sick_leave_women_12m_pct"] == (False, None)
    settings.change(con, "health_limit", 12, "admin")
    found = rule(con, "Tolv")
    assert found["sick_leave_women_12m_pct"] == (True, "12 personer eller färre")
    assert found["sick_leave_men_12m_pct"] == (True, "Dold så att en grupp med 12 personer eller färre inte kan räknas fram")


def printed(con_path, *extra) -> dict[tuple[str, str, str, str], str]:
    out = io.StringIO()
    with redirect_stdout(out):
        assert cli.main(["indicators", "--db", str(con_path), "--from", DECEMBER, *extra]) == 0
    rows = [line.split(",") for line in out.getvalue().splitlines()[1:]]
    return {(r[0], r[1], r[2], r[3]): r[4] for r in rows}


def test_a_reader_never_sees_a_hidden_year_figure(con, tmp_path):
    men = [10 if m == "2025-06" else 11 for m in YEAR]
    load(con, csv_bytes([SPLIT_HEADER, *split_rows("Delad", {("kvinna", "-29"): 20, ("man", "50-"): men})]))
    con.close()
    path = tmp_path / "hr.duckdb"  # the fixture's database
    public, everything = printed(path), printed(path, "--unsuppressed")
    hidden = ["sick_leave_women_12m_pct", "sick_leave_men_12m_pct", "sick_leave_age_29_12m_pct",
              "sick_leave_age_50_12m_pct"]
    for indicator in hidden:
        assert everything["enhet", "Delad", DECEMBER, indicator] == "5.000000", indicator
        assert public["enhet", "Delad", DECEMBER, indicator] == "", indicator
    assert public["enhet", "Delad", DECEMBER, "sick_leave_12m_pct"] == "5.000000"
    assert public["enhet", "Delad", DECEMBER, "sick_leave_age_30_49_12m_pct"] == ""  # nobody: no figure


# The yearly view. Soc > Vuxen (Stor, Liten) and Barn (Delad), every month of 2024 and 2025; per month:
# Stor: 20 women of 30–49 (2 000 hours, 100 sick, 40 in long spells; in 2024 120 sick), 15 men of 50 or
# older (1 500 hours, 30 sick); Liten: 6 women under 30 (600 hours, 60 sick, 30 long); Delad: 15 women
# (1 500 hours, 150 sick) and 3 men (300 hours, 30 sick), all 30–49. Each month is the same within a
# year, so the year's ratios are the month's.
AUTH = {"auth": {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x", "client_id": "x",
                 "client_secret": "x", "server_metadata_url": "http://localhost:9400/.well-known/openid-configuration"}}
READER = {"is_logged_in": True, "email": "ledamot@kommun.se"}
TWO_YEARS = [f"{y}-{m:02d}" for y in (2024, 2025) for m in range(1, 13)]
ROWS = ["Total sjukfrånvaro", "Andel av sjukfrånvaron som avser 60 dagar eller mer", "Sjukfrånvaro kvinnor",
        "Sjukfrånvaro män", "Sjukfrånvaro 29 år eller yngre", "Sjukfrånvaro 30–49 år", "Sjukfrånvaro 50 år eller äldre"]
# (organisation, row) -> (2025, 2024) as a reader reads them.
EXPECTED = {
    # Soc: 5 900 hours a month; sick 370 (2024: 390), of which 70 long; women 41 people, 4 100 hours, 310
    # (330) sick; men 18, 1 800 hours, 60 sick; under 30: Liten's 6 (hidden); 30–49: 38 people, 3 800
    # hours, 280 (300) sick; 50–: Stor's 15 men, fewer than 38, hidden beside the small group.
    "Soc": ["6,3 %", "18,9 %", "7,6 %", "3,3 %", "–", "7,4 %", "–"],  # 370/5900, 70/370, 310/4100, 60/1800, 280/3800
    "Soc 2024": ["6,6 %", "17,9 %", "8,0 %", "3,3 %", "–", "7,9 %", "–"],  # 390/5900, 70/390, 330/4100, 300/3800
    # Barn: 1 800 hours, 180 sick, none long; 3 men (hidden) and so the women; nobody under 30 or over 49.
    "Barn": ["10,0 %", "0,0 %", "–", "–", "", "10,0 %", ""],
    # Vuxen: 4 100 hours, 190 (210) sick, 70 long; women 26, 2 600 hours, 160 (180); men 15, 1 500 hours, 30;
    # under 30: 6 (hidden); 30–49: 20, 2 000 hours, 100 (120); 50–: 15, fewer than 20, hidden beside it.
    "Vuxen": ["4,6 %", "36,8 %", "6,2 %", "2,0 %", "–", "5,0 %", "–"],  # 190/4100, 70/190, 160/2600, 30/1500
    "Vuxen 2024": ["5,1 %", "33,3 %", "6,9 %", "2,0 %", "–", "6,0 %", "–"],  # 210/4100, 70/210, 180/2600, 120/2000
}


def shown(texts: list[str]) -> list[str]:
    """'6,3 %' as the page writes it, with a no-break space before the sign."""
    return [t.replace(" ", "\u00a0") for t in texts]


@pytest.fixture
def year_database(con, tmp_path, monkeypatch):
    from hrdash.store import roles

    load(con, csv_bytes([["enhet", "avdelning", "förvaltning"], ["Stor", "Vuxen", "Soc"], ["Liten", "Vuxen", "Soc"],
                         ["Delad", "Barn", "Soc"]]), "org.csv")
    rows = [SPLIT_HEADER]
    for month in TWO_YEARS:
        rows += [["Stor", month, "kvinna", "30-49", 20, 2000, 120 if month < "2025" else 100, 0, 40],
                 ["Stor", month, "man", "50-", 15, 1500, 30, 0, 0],
                 ["Liten", month, "kvinna", "-29", 6, 600, 60, 0, 30],
                 ["Delad", month, "kvinna", "30-49", 15, 1500, 150, 0, 0],
                 ["Delad", month, "man", "30-49", 3, 300, 30, 0, 0]]
    load(con, csv_bytes(rows), "sjuk.csv")
    roles.assign(con, "e-post", "ledamot@kommun.se", "läsare", "test")
    con.close()
    path = tmp_path / "hr.duckdb"
    monkeypatch.setenv("HRDASH_DB", str(path))
    return path


def test_the_yearly_view_shows_the_seven_figures_beside_last_year_and_a_dash_for_a_hidden_one(year_database):
    from conftest import open_app

    at = open_app("pages/arsredovisning.py", secrets=AUTH, user=READER)
    assert at.title[0].value == "Årsredovisning"
    assert "lagen om kommunal bokföring och redovisning" in at.markdown[0].value
    assert at.selectbox(key="ar").value == 2025
    assert at.subheader[0].value == "Sjukfrånvaro 2025, jämfört med 2024"
    table = at.table[0].value
    assert list(table.columns) == ["Organisation", "Nyckeltal", "2025", "2024", "Kommentar"]
    assert list(table["Organisation"]) == ["Soc"] * 7 + ["Barn"] * 7 + ["Vuxen"] * 7
    assert list(table["Nyckeltal"]) == ROWS * 3
    for name in ("Soc", "Barn", "Vuxen"):
        rows = table[table["Organisation"] == name]
        assert list(rows["2025"]) == shown(EXPECTED[name]), name
        assert list(rows["2024"]) == shown(EXPECTED.get(f"{name} 2024", EXPECTED[name])), name
    comments = dict(zip(zip(table["Organisation"], table["Nyckeltal"]), table["Kommentar"]))
    assert comments["Barn", "Sjukfrånvaro män"] == f"2025: {FEW}; 2024: {FEW}"
    assert comments["Barn", "Sjukfrånvaro kvinnor"] == f"2025: {HIDES}; 2024: {HIDES}"
    assert comments["Soc", "Total sjukfrånvaro"] == ""
    assert "10 personer eller färre" in at.caption[0].value
    assert at.get("download_button")[0].proto.label == "Ladda ner Excel"


def test_the_yearly_view_for_an_earlier_year(year_database):
    from conftest import open_app

    at = open_app("pages/arsredovisning.py", secrets=AUTH, user=READER)
    at.selectbox(key="ar").set_value(2024).run()
    table = at.table[0].value
    assert list(table.columns)[2:4] == ["2024", "2023"]
    soc = table[table["Organisation"] == "Soc"]
    assert list(soc["2024"]) == shown(EXPECTED["Soc 2024"])
    assert set(soc["2023"]) == {""}  # no file holds 2023


def test_the_workbooks_hold_the_same_table(year_database):
    import datetime as dt

    import openpyxl

    from hrdash.figures import groups
    from hrdash.figures import year as year_module
    from hrdash.reports import model as report
    from hrdash.reports import workbook
    from hrdash.store import database

    con = database.connect(year_database)
    sheets = [openpyxl.load_workbook(io.BytesIO(workbook.render_annual(year_module.disclosure(con, 2025))))]
    soc = next(g for g in groups.groups(con) if g.name == "Soc")
    sheets.append(openpyxl.load_workbook(io.BytesIO(workbook.render(report.build(con, soc, dt.date(2025, 12, 1))))))
    # A report of October 2026 would show 2025 too: the last year that has ended.
    con.close()
    for book in sheets:
        sheet = book["Årsredovisning"]
        assert sheet["A1"].value == "Sjukfrånvaro 2025"
        assert [c.value for c in sheet[4]] == ["Organisation", "Nyckeltal", "2025", "2024", "Kommentar"]
        rows = {(r[0].value, r[1].value): r for r in sheet.iter_rows(min_row=5, max_row=25)}
        total = rows["Soc", "Total sjukfrånvaro"]
        assert total[2].value == pytest.approx(370 / 5900 * 100) and total[2].number_format == '0.0" %"'
        assert total[3].value == pytest.approx(390 / 5900 * 100)
        assert rows["Vuxen", "Sjukfrånvaro 50 år eller äldre"][2].value == "–"
        assert rows["Barn", "Sjukfrånvaro män"][4].value == f"2025: {FEW}; 2024: {FEW}"
        assert rows["Barn", "Sjukfrånvaro 29 år eller yngre"][2].value is None
