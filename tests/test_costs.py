"""What it costs (hrdash/figures/costs.py): turnover, consultants as own staff and sick pay, each
worked out by hand from a small organisation, with the settings HR can change."""

import pytest
from conftest import ORGANISATION, SICK_HEADER, TURNOVER_HEADER, VACANCY_HEADER, csv_bytes, load, month

from hrdash.errors import UserError
from hrdash.figures.costs import costs
from hrdash.figures.groups import Group, groups
from hrdash.store import settings

UNITS = [row[0] for row in ORGANISATION[1:]]
MONTHS = [f"2024-{m:02d}" for m in range(4, 13)] + ["2025-01", "2025-02", "2025-03"]


@pytest.fixture
def organisation(con):
    """Twelve months of turnover for every unit: Mottagningen lost one person in June 2024;
    Utredning two in January 2025, one of whom moved to another unit of the förvaltning."""
    load(con, csv_bytes(ORGANISATION), "org.csv")
    leavers = {("Mottagningen", "2024-06"): (1, 0), ("Utredning", "2025-01"): (2, 1)}
    rows = [TURNOVER_HEADER] + [[unit, m, 10, *leavers.get((unit, m), (0, 0)), 0] for unit in UNITS for m in MONTHS]
    load(con, csv_bytes(rows), "omsattning.csv")
    load(con, csv_bytes([VACANCY_HEADER,
                         ["Mottagningen", "2025-03", 12, 10, 2, 150000],
                         ["Utredning", "2025-03", 8, 7, 1, 90000],
                         ["Beroende", "2025-03", 6, 6, 0, 0],
                         ["Liten", "2025-03", 3, 3, 0, 0]]), "vakanser.csv")
    load(con, csv_bytes([SICK_HEADER + ["sjuklönekostnad_kr"],
                         ["Mottagningen", "2025-03", 12, 1800, 90, 40, 0, 30000],
                         ["Utredning", "2025-03", 8, 1200, 60, 30, 0, 20000],
                         ["Beroende", "2025-03", 6, 900, 30, 10, 0, 5000],
                         ["Liten", "2025-03", 3, 450, 0, 0, 0, 0]]), "sjuk.csv")
    return con


def group(con, level: str, name: str) -> Group:
    return next(g for g in groups(con) if g.level == level and g.name == name)


def by_label(found):
    return {cost.label: cost for cost in found}


def cost_of(con, level: str, name: str, when: str, label: str, unsuppressed: bool = False):
    return by_label(costs(con, group(con, level, name), month(when), unsuppressed))[label]


TURNOVER, CONSULTANTS, SICK_PAY = ("Personalomsättningens kostnad, 12 månader", "Konsulter räknat i egen personal",
                                   "Sjuklönekostnad")


def plain(text: str) -> str:
    """The text as read: Swedish formats keep numbers and units together with no-break spaces."""
    return text.replace("\u00a0", " ")


def test_turnover_cost_counts_only_those_who_left_the_forvaltning(organisation):
    cost = cost_of(organisation, "förvaltning", "Socialförvaltningen", "2025-03", TURNOVER)
    # 1 + 2 leavers, of whom 1 moved within the förvaltning: 2 × 400 000 kr.
    assert cost.amount == 800_000
    assert plain(cost.arithmetic) == "2 som lämnat förvaltningen × 400 000 kr per rekrytering"


def test_turnover_cost_follows_the_setting(organisation):
    settings.change(organisation, "recruitment_cost_sek", 350_000, "hr@kommun.se")
    cost = cost_of(organisation, "förvaltning", "Socialförvaltningen", "2025-03", TURNOVER)
    assert cost.amount == 700_000
    assert "350 000 kr per rekrytering" in plain(cost.arithmetic)


def test_turnover_cost_needs_twelve_reported_months(organisation):
    cost = cost_of(organisation, "förvaltning", "Socialförvaltningen", "2025-02", TURNOVER)
    assert cost.amount is None
    assert cost.note == "Inte alla enheter har rapporterat personalomsättning alla 12 månaderna."


def test_consultants_in_own_social_workers(organisation):
    cost = cost_of(organisation, "avdelning", "Barn och unga", "2025-03", CONSULTANTS)
    # 150 000 + 90 000 kr for 2 + 1 consultants; 240 000 / 50 000 = 4,8 own social workers.
    assert cost.amount == 240_000
    assert plain(cost.arithmetic) == ("240 000 kr för 3 konsulter under månaden ÷ 50 000 kr för en egen "
                                      "socialsekreterare = lönen för 4,8 egna socialsekreterare")


def test_ten_or_more_social_workers_are_counted_whole(organisation):
    # Barn och unga's 240 000 kr at a month's cost of 20 000 kr: 12,0 people.
    settings.change(organisation, "staff_monthly_cost_sek", 20_000, "hr")
    cost = cost_of(organisation, "avdelning", "Barn och unga", "2025-03", CONSULTANTS)
    assert plain(cost.arithmetic).endswith("= lönen för cirka 12 egna socialsekreterare")


def test_sick_pay_is_summed_and_hidden_for_ten_people_or_fewer(organisation):
    assert cost_of(organisation, "förvaltning", "Socialförvaltningen", "2025-03", SICK_PAY).amount == 55_000
    assert cost_of(organisation, "avdelning", "Barn och unga", "2025-03", SICK_PAY, unsuppressed=True).amount == 50_000
    # Vuxen (9 people) is hidden, so Barn och unga is too: 55 000 − 50 000 would give Vuxen's 5 000 kr.
    beside = cost_of(organisation, "avdelning", "Barn och unga", "2025-03", SICK_PAY)
    assert beside.amount is None
    assert beside.note == ("Dold så att en grupp med 10 personer eller färre inte kan räknas fram – uppgiften visas "
                           "inte.")
    hidden = cost_of(organisation, "enhet", "Utredning", "2025-03", SICK_PAY)
    assert hidden.amount is None
    assert hidden.note == "10 personer eller färre – uppgiften visas inte."
    shown = cost_of(organisation, "enhet", "Utredning", "2025-03", SICK_PAY, unsuppressed=True)
    assert shown.amount == 20_000


def test_a_setting_must_be_a_positive_amount(con):
    with pytest.raises(UserError, match="Kostnad för en rekrytering måste vara ett belopp större än noll"):
        settings.change(con, "recruitment_cost_sek", 0, "hr@kommun.se")
    assert settings.current(con)["recruitment_cost_sek"] == 400_000
