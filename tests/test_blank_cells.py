"""Blank "same as above" cells: a unit written once over its months (merged cells, a pivot table),
an organisation file with merged avdelning cells. A blank unit, avdelning or förvaltning cell of
a data row is taken from the row above, with a notice; a row with figures is never dropped as a
footer, the last unit's rows included (issue 12, class 2)."""

import pytest
from conftest import csv_bytes, figures, load, read, reported, xlsx_bytes

SICK = ["Enhet", "Månad", "Anställda", "Ordinarie timmar", "Sjuktimmar", "Varav dag 1-14", "Varav 60 dagar eller mer"]
MERGED = [SICK,
          ["Ekonomiskt bistånd", "2025-01", 12, 2000, 100, 40, 0],
          [None, "2025-02", 12, 1800, 90, 30, 0],
          [None, "2025-03", 12, 2000, 160, 60, 80],
          ["Boendestöd", "2025-01", 10, 1600, 80, 20, 0],
          [None, "2025-02", 10, 1500, 75, 15, 0],
          [None, "2025-03", 10, 1600, 40, 40, 0]]
MERGED_CSV = [["" if cell is None else cell for cell in row] for row in MERGED]


@pytest.mark.parametrize("name,content", [("sjuk.xlsx", xlsx_bytes({"Sjuk": MERGED})),
                                          ("sjuk.csv", csv_bytes(MERGED_CSV))])
def test_a_unit_written_once_over_its_months_is_filled_from_the_row_above(org, name, content):
    parsed = read(org, content, name)
    assert parsed.ok, [str(p) for p in parsed.problems]
    where = "Bladet 'Sjuk': enheten" if name.endswith(".xlsx") else "Enheten"
    assert (f"{where} var tom på raderna 3–4, 6–7, som har siffror; raderna fick enheten från raden ovanför (som i "
            "sammanslagna celler eller en pivottabell).") in parsed.notices
    load(org, content, name)
    values = figures(org)
    assert reported(org, "sick_leave_pct", "2025-02") == {"Ekonomiskt bistånd": pytest.approx(5.0),  # 90 / 1800
                                                          "Boendestöd": pytest.approx(5.0)}  # 75 / 1500
    # The last unit's last rows are data, not a footer: Boendestöd in March, 40 / 1600.
    assert values["enhet", "Boendestöd", "2025-03", "sick_leave_pct"] == pytest.approx(2.5)
    assert values["enhet", "Ekonomiskt bistånd", "2025-03", "long_sick_leave_share_pct"] == pytest.approx(50.0)
    assert values["avdelning", "Vuxen", "2025-03", "short_sick_leave_pct"] == pytest.approx(2.5)
    # (160 + 40) / (2000 + 1600)
    assert values["förvaltning", "Socialförvaltningen", "2025-03", "sick_leave_pct"] == pytest.approx(200 / 3600 * 100)


def test_an_organisation_file_with_merged_avdelning_cells(con):
    organisation = [["Förvaltning", "Avdelning", "Enhet", "Enhetskod"],
                    ["Socialförvaltningen", "IFO", "Ekonomiskt bistånd", "4701"],
                    [None, None, "Familjebehandling", "4711"],
                    [None, "Vuxen", "Beroendeenheten", "4731"],
                    [None, None, "Boendestöd", "4733"]]
    parsed = read(con, xlsx_bytes({"Org": organisation}), "organisation.xlsx")
    assert parsed.ok, [str(p) for p in parsed.problems]
    assert ("Bladet 'Org': avdelning eller förvaltning var tom på raderna 3–5; raderna fick den från raden ovanför "
            "(som i sammanslagna celler).") in parsed.notices
    load(con, xlsx_bytes({"Org": organisation}), "organisation.xlsx")
    load(con, csv_bytes([SICK, ["Familjebehandling", "2025-03", 12, 2000, 100, 0, 0],
                         ["Boendestöd", "2025-03", 10, 1600, 40, 0, 0],
                         ["Beroendeenheten", "2025-03", 10, 2400, 120, 0, 0]]))
    values = figures(con)
    assert values["avdelning", "IFO", "2025-03", "sick_leave_pct"] == pytest.approx(5.0)  # 100 / 2000
    assert values["avdelning", "Vuxen", "2025-03", "sick_leave_pct"] == pytest.approx(4.0)  # 160 / 4000
    assert {key[1] for key in values if key[0] == "avdelning"} == {"IFO", "Vuxen"}
