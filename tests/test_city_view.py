"""The city's view (Part 3's comparison of förvaltningar against the kommun): the kommun's page
sets the förvaltningar side by side, and a förvaltning's page says where it stands against the
kommun before comparing its own units."""

import pytest
from conftest import csv_bytes, load, open_app

from hrdash.store import database

VACANCIES = ["enhet", "månad", "budgeterade_tjänster", "besatta_tjänster"]


@pytest.fixture
def city(tmp_path, monkeypatch):
    """Soc (A 10 budgeted, 9 filled; B 20, 19) and Skola (C 30, 27) in March 2025."""
    path = tmp_path / "hr.duckdb"
    con = database.connect(path)
    load(con, csv_bytes([["enhet", "avdelning", "förvaltning"], ["A", "IFO", "Soc"], ["B", "Vuxen", "Soc"],
                         ["C", "Grund", "Skola"]]), "org.csv")
    load(con, csv_bytes([VACANCIES, ["A", "2025-03", 10, 9], ["B", "2025-03", 20, 19], ["C", "2025-03", 30, 27]]),
         "vakanser.csv")
    con.close()
    monkeypatch.setenv("HRDASH_DB", str(path))
    return path


def test_a_forvaltning_sees_itself_against_the_kommun(city):
    at = open_app("pages/vakanser.py", grupp="Soc – hela förvaltningen", manad="mars 2025")
    headers = [h.value for h in at.header]
    assert headers.index("Jämfört med kommunen, mars 2025") < headers.index("Jämfört med förvaltningen, mars 2025")
    # Soc: 2 vacant of 30 = 6,7 %; the kommun: 5 of 60 = 8,3 %.
    assert ("Andel vakanta tjänster: Soc har 6,7\xa0%, inom det förväntade för en förvaltning av den storleken "
            "(kommunen 8,3\xa0%). Bedömt med hänsyn till storleken, bland kommunens 2 förvaltningar. Välj hela "
            "kommunen för att se dem sida vid sida.") in [m.value.replace("\\", "") for m in at.markdown]  # as shown


def test_the_kommun_sets_its_forvaltningar_side_by_side(city):
    at = open_app("pages/vakanser.py", grupp="Hela kommunen", manad="mars 2025")
    assert "Jämfört med kommunen, mars 2025" in [h.value for h in at.header]
    table = at.table[0].value
    assert sorted(table["Förvaltning"]) == ["Skola", "Soc"]
    assert sorted(table["Andel vakanta tjänster"]) == ["10,0\xa0%", "6,7\xa0%"]
