"""Every indicator of domain.md against values worked out by hand.

The organisation: Socialförvaltningen > Barn och unga (Mottagningen, Utredning) and
Vuxen (Beroende, Liten). Liten has 6 people, so its sick leave is never shown.
"""

import pytest
from conftest import (
    ORGANISATION,
    RECRUITMENT_HEADER,
    SICK_HEADER,
    TURNOVER_HEADER,
    VACANCY_HEADER,
    csv_bytes,
    figures,
    load,
)

MARCH = "2025-03"


@pytest.fixture
def march(con):
    load(con, csv_bytes(ORGANISATION), "organisation.csv")
    load(con, csv_bytes([SICK_HEADER,
                         ["Mottagningen", MARCH, 10, 1600, 160, 40, 80],
                         ["Utredning", MARCH, 30, 4800, 240, 120, 0],
                         ["Beroende", MARCH, 12, 2000, 300, 60, 150],
                         ["Liten", MARCH, 6, 960, 96, 0, 96]]), "sjuk.csv")
    load(con, csv_bytes([TURNOVER_HEADER,
                         ["Mottagningen", MARCH, 10, 2, 1, 0],
                         ["Utredning", MARCH, 25, 1, 0, 1],
                         ["Beroende", MARCH, 10, 1, 1, 0],
                         ["Liten", MARCH, 5, 0, 0, 0]]), "oms.csv")
    load(con, csv_bytes([VACANCY_HEADER,
                         ["Mottagningen", MARCH, 12, 10, 1, 100000],
                         ["Utredning", MARCH, 30, "29,5", 0, 0],
                         ["Beroende", MARCH, 12, 12, 0, 0],
                         ["Liten", MARCH, 6, 6, 0, 0]]), "vak.csv")
    load(con, csv_bytes([RECRUITMENT_HEADER,
                         ["Mottagningen", MARCH, 2, 1, 0],
                         ["Utredning", MARCH, 1, 1, 1],
                         ["Beroende", MARCH, 0, 0, 0],
                         ["Liten", MARCH, 0, 0, 0]]), "rek.csv")
    return figures(con)


def test_sick_leave_per_unit(march):
    assert march["enhet", "Mottagningen", MARCH, "sick_leave_pct"] == pytest.approx(10.0)  # 160 / 1600
    assert march["enhet", "Mottagningen", MARCH, "short_sick_leave_pct"] == pytest.approx(2.5)  # 40 / 1600
    assert march["enhet", "Mottagningen", MARCH, "long_sick_leave_share_pct"] == pytest.approx(50.0)  # 80 / 160
    assert march["enhet", "Utredning", MARCH, "sick_leave_pct"] == pytest.approx(5.0)  # 240 / 4800
    assert march["enhet", "Beroende", MARCH, "sick_leave_pct"] == pytest.approx(15.0)  # 300 / 2000


def test_roll_up_divides_sums_instead_of_averaging_percentages(march):
    # Barn och unga: (160 + 240) / (1600 + 4800) = 6.25 %; the mean of 10 % and 5 % would be 7.5 %.
    assert march["avdelning", "Barn och unga", MARCH, "sick_leave_pct"] == pytest.approx(6.25)
    # Förvaltningen: (160 + 240 + 300 + 96) / (1600 + 4800 + 2000 + 960) = 796 / 9360.
    assert march["förvaltning", "Socialförvaltningen", MARCH, "sick_leave_pct"] == pytest.approx(8.504273504)
    # Day 1-14: (40 + 120 + 60 + 0) / 9360; spells of 60+ days: (80 + 0 + 150 + 96) / 796.
    assert march["förvaltning", "Socialförvaltningen", MARCH, "short_sick_leave_pct"] == pytest.approx(2.350427350)
    assert march["förvaltning", "Socialförvaltningen", MARCH, "long_sick_leave_share_pct"] == pytest.approx(40.954773869)


def test_small_unit_is_suppressed_but_counted_in_its_avdelning(con, march):
    public = figures(con, unsuppressed=False)
    assert public["enhet", "Liten", MARCH, "sick_leave_pct"] is None
    assert public["enhet", "Liten", MARCH, "short_sick_leave_pct"] is None
    assert march["enhet", "Liten", MARCH, "sick_leave_pct"] == pytest.approx(10.0)  # HR sees it
    # Vuxen has 12 + 6 = 18 people: (300 + 96) / (2000 + 960).
    assert public["avdelning", "Vuxen", MARCH, "sick_leave_pct"] == pytest.approx(13.378378378)
    # Turnover is not health data and is never suppressed.
    assert public["enhet", "Liten", MARCH, "turnover_pct"] == pytest.approx(0.0)


def test_turnover_counts_internal_moves_for_the_unit_but_not_for_the_forvaltning(march):
    assert march["enhet", "Mottagningen", MARCH, "turnover_pct"] == pytest.approx(20.0)  # 2 of 10
    assert march["enhet", "Mottagningen", MARCH, "external_turnover_pct"] == pytest.approx(10.0)  # (2 - 1) of 10
    assert march["enhet", "Beroende", MARCH, "external_turnover_pct"] == pytest.approx(0.0)  # its leaver moved
    # Förvaltningen: 4 leavers of 50, of whom 2 moved to another unit and 1 retired.
    assert march["förvaltning", "Socialförvaltningen", MARCH, "turnover_pct"] == pytest.approx(8.0)
    assert march["förvaltning", "Socialförvaltningen", MARCH, "external_turnover_pct"] == pytest.approx(4.0)
    assert march["förvaltning", "Socialförvaltningen", MARCH, "turnover_excl_retirement_pct"] == pytest.approx(2.0)
    # Barn och unga: 3 of 35; averaging 20 % and 4 % would give 12 %.
    assert march["avdelning", "Barn och unga", MARCH, "turnover_pct"] == pytest.approx(8.571428571)


def test_vacancies_and_consultants(march):
    assert march["enhet", "Mottagningen", MARCH, "vacancies"] == pytest.approx(2.0)
    assert march["enhet", "Utredning", MARCH, "vacancies"] == pytest.approx(0.5)
    assert march["avdelning", "Barn och unga", MARCH, "vacancies"] == pytest.approx(2.5)
    assert march["avdelning", "Barn och unga", MARCH, "vacancy_rate_pct"] == pytest.approx(100 * 2.5 / 42)
    assert march["förvaltning", "Socialförvaltningen", MARCH, "vacancy_rate_pct"] == pytest.approx(100 * 2.5 / 60)
    assert march["förvaltning", "Socialförvaltningen", MARCH, "consultants"] == 1
    assert march["förvaltning", "Socialförvaltningen", MARCH, "consultant_cost_sek"] == 100000


def test_recruitment(march):
    assert march["förvaltning", "Socialförvaltningen", MARCH, "recruitment_need"] == 3
    assert march["förvaltning", "Socialförvaltningen", MARCH, "recruitments_ongoing"] == 2
    assert march["förvaltning", "Socialförvaltningen", MARCH, "positions_filled"] == 1
    assert march["avdelning", "Vuxen", MARCH, "recruitment_need"] == 0


def test_a_ratio_with_denominator_zero_is_empty_not_zero(con):
    load(con, csv_bytes([SICK_HEADER, ["Frisk", MARCH, 12, 1800, 0, 0, 0]]))
    load(con, csv_bytes([TURNOVER_HEADER, ["Frisk", MARCH, 0, 0, 0, 0]]))
    load(con, csv_bytes([VACANCY_HEADER, ["Frisk", MARCH, 0, 0, 0, 0]]))
    values = figures(con)
    assert values["enhet", "Frisk", MARCH, "sick_leave_pct"] == 0
    assert values["enhet", "Frisk", MARCH, "long_sick_leave_share_pct"] is None
    assert values["enhet", "Frisk", MARCH, "turnover_pct"] is None
    assert values["enhet", "Frisk", MARCH, "vacancy_rate_pct"] is None
    assert values["enhet", "Frisk", MARCH, "vacancies"] == 0


def twelve_months(first_year=2024, first_month=4):
    months = []
    for i in range(12):
        index = first_year * 12 + first_month - 1 + i
        months.append(f"{index // 12}-{index % 12 + 1:02d}")
    return months  # 2024-04 … 2025-03


def test_twelve_month_window(con):
    load(con, csv_bytes(ORGANISATION[:3]), "org.csv")
    months = twelve_months()
    sick = [SICK_HEADER]
    turnover = [TURNOVER_HEADER]
    for i, m in enumerate(months):
        # Mottagningen: 1000 h a month, 50 sick hours except 170 in one winter month.
        sick.append(["Mottagningen", m, 10, 1000, 170 if m == "2025-01" else 50, 0, 0])
        sick.append(["Utredning", m, 20, 2000, 100, 0, 0])
        # Mottagningen has 10 permanent employees for six months, then 14 (average 12).
        turnover.append(["Mottagningen", m, 10 if i < 6 else 14, 1 if i in (2, 7, 11) else 0, 0, 0])
        turnover.append(["Utredning", m, 20, 1 if i == 5 else 0, 1 if i == 5 else 0, 0])
    load(con, csv_bytes(sick), "sjuk.csv")
    load(con, csv_bytes(turnover), "oms.csv")
    values = figures(con)
    # (11 * 50 + 170) / 12 000 = 6 %; Utredning 1200 / 24 000 = 5 %.
    assert values["enhet", "Mottagningen", "2025-03", "sick_leave_12m_pct"] == pytest.approx(6.0)
    assert values["enhet", "Utredning", "2025-03", "sick_leave_12m_pct"] == pytest.approx(5.0)
    # Barn och unga: (720 + 1200) / (12 000 + 24 000).
    assert values["avdelning", "Barn och unga", "2025-03", "sick_leave_12m_pct"] == pytest.approx(5.333333333)
    # Only 11 months before: no 12-month figure in February.
    assert values["enhet", "Mottagningen", "2025-02", "sick_leave_12m_pct"] is None
    # Turnover: 3 leavers over an average of 12 = 25 %; the group: 4 over 32 = 12.5 %,
    # and 3 over 32 left the förvaltning (Utredning's leaver moved internally).
    assert values["enhet", "Mottagningen", "2025-03", "turnover_12m_pct"] == pytest.approx(25.0)
    assert values["avdelning", "Barn och unga", "2025-03", "turnover_12m_pct"] == pytest.approx(12.5)
    assert values["avdelning", "Barn och unga", "2025-03", "external_turnover_12m_pct"] == pytest.approx(9.375)


def test_twelve_month_window_is_empty_when_a_unit_missed_a_month(con):
    load(con, csv_bytes(ORGANISATION[:3]), "org.csv")
    sick = [SICK_HEADER]
    for m in twelve_months():
        sick.append(["Mottagningen", m, 10, 1000, 50, 0, 0])
        if m != "2024-09":
            sick.append(["Utredning", m, 20, 2000, 100, 0, 0])
    load(con, csv_bytes(sick), "sjuk.csv")
    values = figures(con)
    assert values["enhet", "Mottagningen", "2025-03", "sick_leave_12m_pct"] == pytest.approx(5.0)
    assert values["enhet", "Utredning", "2025-03", "sick_leave_12m_pct"] is None
    assert values["avdelning", "Barn och unga", "2025-03", "sick_leave_12m_pct"] is None
    # The single month with a missing unit is still computed from the units that reported.
    assert values["avdelning", "Barn och unga", "2024-09", "sick_leave_pct"] == pytest.approx(5.0)


def test_twelve_month_figure_is_suppressed_by_its_smallest_month(con):
    sick = [SICK_HEADER] + [["Växande", m, 9 if m == "2024-06" else 12, 1000, 50, 0, 0] for m in twelve_months()]
    load(con, csv_bytes(sick))
    public = figures(con, unsuppressed=False)
    assert public["enhet", "Växande", "2025-03", "sick_leave_12m_pct"] is None
    assert public["enhet", "Växande", "2025-03", "sick_leave_pct"] == pytest.approx(5.0)


SPLIT_HEADER = ["enhet", "månad", "kön", "åldersgrupp", *SICK_HEADER[2:]]


def test_gender_and_age_split(con):
    rows = [SPLIT_HEADER,
            ["Delad", MARCH, "kvinna", "-29", 4, 640, 64, 0, 0],
            ["Delad", MARCH, "kvinna", "30-49", 8, 1280, 128, 0, 0],
            ["Delad", MARCH, "man", "30-49", 6, 960, 48, 0, 0],
            ["Delad", MARCH, "man", "50-", 4, 640, 32, 0, 0]]
    load(con, csv_bytes(rows))
    values = figures(con)
    # The unit's totals are the sums of its rows: 272 / 3520.
    assert values["enhet", "Delad", MARCH, "sick_leave_pct"] == pytest.approx(7.727272727)
    assert values["enhet", "Delad", MARCH, "sick_leave_women_pct"] == pytest.approx(10.0)  # 192 / 1920
    assert values["enhet", "Delad", MARCH, "sick_leave_men_pct"] == pytest.approx(5.0)  # 80 / 1600
    assert values["enhet", "Delad", MARCH, "sick_leave_age_29_pct"] == pytest.approx(10.0)
    assert values["enhet", "Delad", MARCH, "sick_leave_age_30_49_pct"] == pytest.approx(176 / 2240 * 100)
    assert values["enhet", "Delad", MARCH, "sick_leave_age_50_pct"] == pytest.approx(5.0)
    public = figures(con, unsuppressed=False)
    # 12 women and 10 men: the men are on the law's line (at most 10), and beside the total the
    # women's figure would give them away, so both are hidden. Age: 4, 14 and 4 people; the two
    # small groups hide each other (together 8) and the third (14) must go too, or the total would
    # reveal them.
    assert public["enhet", "Delad", MARCH, "sick_leave_women_pct"] is None
    assert public["enhet", "Delad", MARCH, "sick_leave_men_pct"] is None
    assert public["enhet", "Delad", MARCH, "sick_leave_age_29_pct"] is None
    assert public["enhet", "Delad", MARCH, "sick_leave_age_50_pct"] is None
    assert public["enhet", "Delad", MARCH, "sick_leave_age_30_49_pct"] is None


def test_a_small_group_in_a_split_also_hides_the_next_smallest(con):
    rows = [["enhet", "månad", "kön", *SICK_HEADER[2:]],
            ["Skev", MARCH, "kvinna", 15, 2400, 240, 0, 0],
            ["Skev", MARCH, "man", 3, 480, 0, 0, 0]]
    load(con, csv_bytes(rows))
    public = figures(con, unsuppressed=False)
    assert public["enhet", "Skev", MARCH, "sick_leave_pct"] == pytest.approx(240 / 2880 * 100)
    assert public["enhet", "Skev", MARCH, "sick_leave_men_pct"] is None
    # With the total shown, the women's figure would give away the three men's: hidden too.
    assert public["enhet", "Skev", MARCH, "sick_leave_women_pct"] is None
    assert figures(con)["enhet", "Skev", MARCH, "sick_leave_women_pct"] == pytest.approx(10.0)


def test_group_split_figures_need_every_reporting_unit_split(con):
    load(con, csv_bytes(ORGANISATION[:3]), "org.csv")
    load(con, csv_bytes([["enhet", "månad", "kön", *SICK_HEADER[2:]],
                         ["Mottagningen", MARCH, "kvinna", 12, 1000, 100, 0, 0],
                         ["Mottagningen", MARCH, "man", 10, 1000, 50, 0, 0]]), "delad.csv")
    load(con, csv_bytes([SICK_HEADER, ["Utredning", MARCH, 20, 2000, 100, 0, 0]]), "hel.csv")
    values = figures(con)
    assert values["enhet", "Mottagningen", MARCH, "sick_leave_women_pct"] == pytest.approx(10.0)
    assert values["avdelning", "Barn och unga", MARCH, "sick_leave_women_pct"] is None
    assert values["avdelning", "Barn och unga", MARCH, "sick_leave_pct"] == pytest.approx(6.25)


def test_coverage_counts_the_units_that_reported(con):
    load(con, csv_bytes(ORGANISATION), "org.csv")
    load(con, csv_bytes([SICK_HEADER, ["Mottagningen", MARCH, 10, 1000, 50, 0, 0],
                         ["Beroende", MARCH, 12, 1000, 100, 0, 0]]), "sjuk.csv")
    from hrdash.figures import indicators

    frame = indicators.fetch(con, unsuppressed=True)
    row = frame[(frame.level == "förvaltning") & (frame.indicator == "sick_leave_pct")].iloc[0]
    assert (row.units_reported, row.units) == (2, 4)
    row = frame[(frame.level == "avdelning") & (frame.group_name == "Vuxen") & (frame.indicator == "sick_leave_pct")]
    assert (row.units_reported.iloc[0], row.units.iloc[0]) == (1, 2)


def test_the_kommun_sums_its_forvaltningar_when_there_are_several(con):
    load(con, csv_bytes([["enhet", "avdelning", "förvaltning"], ["A", "Vuxen", "Socialförvaltningen"],
                         ["B", "Skola", "Utbildningsförvaltningen"], ["C", "Stab", "Utbildningsförvaltningen"]]),
         "org.csv")
    load(con, csv_bytes([SICK_HEADER, ["A", MARCH, 20, 2000, 200, 0, 0], ["B", MARCH, 30, 3000, 60, 0, 0],
                         ["C", MARCH, 10, 1000, 40, 0, 0]]), "sjuk.csv")
    values = figures(con)
    assert values["förvaltning", "Utbildningsförvaltningen", MARCH, "sick_leave_pct"] == pytest.approx(2.5)  # 100/4000
    assert values["kommun", "Hela kommunen", MARCH, "sick_leave_pct"] == pytest.approx(5.0)  # 300 / 6000
    from hrdash.figures.groups import groups, top_group

    all_groups = groups(con)
    assert all_groups[0].label == "Hela kommunen"
    assert top_group(all_groups).level == "kommun"


def test_one_forvaltning_has_no_kommun_level(con, march):
    assert not [k for k in march if k[0] == "kommun"]


SICK_WITH_SIGNALS = SICK_HEADER + ["upprepad_korttidsfrånvaro", "frisknärvaro", "sjuklönekostnad_kr"]


def test_repeated_short_absence_healthy_presence_and_sick_pay_cost(con):
    load(con, csv_bytes(ORGANISATION), "organisation.csv")
    load(con, csv_bytes([SICK_WITH_SIGNALS,
                         ["Mottagningen", MARCH, 10, 1600, 160, 40, 80, 2, 6, "12 000"],
                         ["Utredning", MARCH, 30, 4800, 240, 120, 0, 3, 21, 18000],
                         ["Beroende", MARCH, 12, 2000, 300, 60, 150, 1, 8, ""],
                         ["Liten", MARCH, 6, 960, 96, 0, 96, 1, 4, 3000]]), "sjuk.csv")
    values, public = figures(con), figures(con, unsuppressed=False)
    assert values["enhet", "Mottagningen", MARCH, "repeated_short_absence_pct"] == pytest.approx(20.0)  # 2 of 10
    # Barn och unga: (2 + 3) / (10 + 30) people, not the mean of 20 % and 10 %.
    assert values["avdelning", "Barn och unga", MARCH, "repeated_short_absence_pct"] == pytest.approx(12.5)
    assert values["avdelning", "Barn och unga", MARCH, "healthy_presence_pct"] == pytest.approx(67.5)  # 27 / 40
    assert values["avdelning", "Barn och unga", MARCH, "sick_pay_cost_sek"] == 30000
    # Beroende left the cost out: Vuxen and the förvaltning have none, the others' figures still hold.
    assert values["avdelning", "Vuxen", MARCH, "sick_pay_cost_sek"] is None
    assert values["förvaltning", "Socialförvaltningen", MARCH, "sick_pay_cost_sek"] is None
    assert values["förvaltning", "Socialförvaltningen", MARCH, "repeated_short_absence_pct"] == pytest.approx(
        100 * 7 / 58)
    # Liten has 6 people: health data, hidden for readers like its sick leave.
    assert values["enhet", "Liten", MARCH, "repeated_short_absence_pct"] == pytest.approx(100 / 6)
    for indicator in ("repeated_short_absence_pct", "healthy_presence_pct", "sick_pay_cost_sek"):
        assert public["enhet", "Liten", MARCH, indicator] is None
    assert public["avdelning", "Vuxen", MARCH, "healthy_presence_pct"] == pytest.approx(100 * 12 / 18)
