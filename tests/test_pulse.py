"""The staff's pulse questions (puls): every period shape, the three questions, the figures of a
tertial from sums, and the privacy rule with fewer than 5 answers and the complementary hiding of
a sibling."""

import datetime as dt

import pytest
from conftest import csv_bytes, figures, load, xlsx_bytes

ORGANISATION = [["enhet", "avdelning", "förvaltning"],
                ["Mottagningen", "Barn och unga", "Soc"], ["Utredning", "Barn och unga", "Soc"],
                ["Familj", "Barn och unga", "Soc"], ["Beroende", "Vuxen", "Soc"], ["Liten", "Vuxen", "Soc"],
                ["Boende", "Stöd", "Soc"], ["Daglig", "Stöd", "Soc"]]
HEADER = ["enhet", "period", "fråga", "svar", "instämmer", "tillfrågade", "medelvärde"]
APRIL = "2025-04"


@pytest.fixture
def pulse(con):
    load(con, csv_bytes(ORGANISATION), "org.csv")
    load(con, csv_bytes([HEADER,
                         ["Mottagningen", "2025 T1", "Jag har en bra arbetssituation", 12, 9, 14, "3,9"],
                         ["Mottagningen", "2025 T1", "gott arbete", 12, 10, 14, 4],
                         ["Mottagningen", "2025 T1", "rekommendera", 11, 5, 14, "3,1"],
                         ["Utredning", "2025 T1", "arbetssituation", 4, 1, 9, 2],
                         ["Familj", "2025 T1", "arbetssituation", 6, 3, 8, 3],
                         ["Familj", "2025 T1", "gott arbete", 7, 6, 8, "4,5"],
                         ["Beroende", "2025 T1", "arbetssituation", 20, 10, 25, 3],
                         ["Liten", "2025 T1", "arbetssituation", 3, 3, 4, 5],
                         ["Boende", "2025 T1", "arbetssituation", 8, 4, 10, 3],
                         ["Daglig", "2025 T1", "arbetssituation", 8, 6, 10, 4]]), "puls.csv")
    return figures(con), figures(con, unsuppressed=False)


def test_a_tertial_figure_belongs_to_its_last_month_only(pulse):
    values, _ = pulse
    assert values["enhet", "Mottagningen", APRIL, "pulse_work_situation_agree_pct"] == pytest.approx(75.0)  # 9 / 12
    assert not [k for k in values if k[3].startswith("pulse_") and k[2] != APRIL]


def test_figures_of_a_group_from_sums(pulse):
    values, _ = pulse
    # Barn och unga, arbetssituation: (9 + 1 + 3) / (12 + 4 + 6) agree; mean (3,9·12 + 2·4 + 3·6) / 22.
    assert values["avdelning", "Barn och unga", APRIL, "pulse_work_situation_agree_pct"] == pytest.approx(
        100 * 13 / 22)
    assert values["avdelning", "Barn och unga", APRIL, "pulse_work_situation_answers"] == 22
    assert values["avdelning", "Barn och unga", APRIL, "pulse_work_situation_mean"] == pytest.approx(72.8 / 22)
    # Gott arbete: Mottagningen and Familj answered it, (10 + 6) / (12 + 7).
    assert values["avdelning", "Barn och unga", APRIL, "pulse_good_work_agree_pct"] == pytest.approx(100 * 16 / 19)
    # The response rate is every answer over everyone asked, over the three questions:
    # Mottagningen (12 + 12 + 11) / (14 · 3).
    assert values["enhet", "Mottagningen", APRIL, "pulse_response_rate_pct"] == pytest.approx(100 * 35 / 42)
    assert values["förvaltning", "Soc", APRIL, "pulse_work_situation_answers"] == 61


def test_fewer_than_5_answers_are_hidden_and_so_is_the_sibling_with_fewest(pulse):
    _, public = pulse
    # Utredning (4 answers) is hidden; so is Familj, Barn och unga's unit with fewest answers among the others
    # (6), else Utredning's 4 would be Barn och unga's 22 less Mottagningen's 12 and Familj's 6.
    for unit in ("Utredning", "Familj"):
        for figure in ("agree_pct", "answers", "mean"):
            assert public["enhet", unit, APRIL, f"pulse_work_situation_{figure}"] is None
    assert public["enhet", "Mottagningen", APRIL, "pulse_work_situation_answers"] == 12
    assert public["avdelning", "Barn och unga", APRIL, "pulse_work_situation_answers"] == 22
    # Liten (3) is hidden, and with it Beroende, the only other unit of Vuxen.
    assert public["enhet", "Liten", APRIL, "pulse_work_situation_agree_pct"] is None
    assert public["enhet", "Beroende", APRIL, "pulse_work_situation_agree_pct"] is None
    # The rule is per question: Familj's 7 answers to gott arbete are shown, nobody being hidden there.
    assert public["enhet", "Familj", APRIL, "pulse_good_work_agree_pct"] == pytest.approx(100 * 6 / 7)
    # Stöd: both units have 8 answers and nobody is hidden; the response rate is never hidden.
    assert public["enhet", "Boende", APRIL, "pulse_work_situation_agree_pct"] == 50.0
    assert public["enhet", "Utredning", APRIL, "pulse_response_rate_pct"] == pytest.approx(100 * 4 / 9)


def test_a_tie_hides_the_name_that_sorts_first(con):
    load(con, csv_bytes(ORGANISATION), "org.csv")
    load(con, csv_bytes([HEADER, ["Mottagningen", "2025 T1", "arbetssituation", 7, 3, "", ""],
                         ["Utredning", "2025 T1", "arbetssituation", 2, 1, "", ""],
                         ["Familj", "2025 T1", "arbetssituation", 7, 4, "", ""]]), "puls.csv")
    public = figures(con, unsuppressed=False)
    assert public["enhet", "Familj", APRIL, "pulse_work_situation_answers"] is None  # F before M
    assert public["enhet", "Mottagningen", APRIL, "pulse_work_situation_answers"] == 7
    assert public["avdelning", "Barn och unga", APRIL, "pulse_work_situation_mean"] is None  # no means given
    assert public["avdelning", "Barn och unga", APRIL, "pulse_response_rate_pct"] is None  # nobody said how many asked


@pytest.mark.parametrize("period", ["2025 T2", "T2 2025", "2025-T2", "2025:2", "T2-2025", "2025-06", "juni 2025",
                                    dt.datetime(2025, 5, 1)])
def test_every_period_shape_is_its_tertial(con, period):
    load(con, csv_bytes(ORGANISATION), "org.csv")
    load(con, xlsx_bytes({"Puls": [["Enhet", "Mätperiod", "Påstående", "Antal svar", "Antal instämmer"],
                                   ["Mottagningen", period, "REKOMMENDERA!", 10, 4]]}), "puls.xlsx")
    assert figures(con)["enhet", "Mottagningen", "2025-08", "pulse_recommend_agree_pct"] == 40.0
