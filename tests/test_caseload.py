"""Caseload (ärenden): open cases, cases per case worker, inflow and outflow, rolled up from sums;
coverage counted over the units that handle cases."""

import pytest
from conftest import ORGANISATION, csv_bytes, figures, load

from hrdash.figures import indicators

HEADER = ["enhet", "månad", "aktuella_ärenden", "handläggare", "nya_ärenden", "avslutade_ärenden"]


@pytest.fixture
def caseload(con):
    """Liten never handles cases. Beroende has cases but no case worker this month."""
    load(con, csv_bytes(ORGANISATION), "org.csv")
    load(con, csv_bytes([HEADER,
                         ["Mottagningen", "2025-03", 40, "3,5", 6, 4],
                         ["Utredning", "2025-03", 30, 2, 5, ""],
                         ["Beroende", "2025-03", 20, 0, 2, 1],
                         ["Mottagningen", "2025-04", 44, 4, 8, 4]]), "arenden.csv")
    return figures(con)


def test_cases_per_case_worker_divides_sums(caseload):
    assert caseload["enhet", "Mottagningen", "2025-03", "caseload_per_worker"] == pytest.approx(40 / 3.5)
    assert caseload["enhet", "Utredning", "2025-03", "caseload_per_worker"] == pytest.approx(15.0)
    # Barn och unga: (40 + 30) / (3,5 + 2) = 12,73, not the mean of 11,43 and 15.
    assert caseload["avdelning", "Barn och unga", "2025-03", "caseload_per_worker"] == pytest.approx(70 / 5.5)
    # The förvaltning counts Beroende's 20 cases, handled by no case worker: 90 / 5,5.
    assert caseload["förvaltning", "Socialförvaltningen", "2025-03", "caseload_per_worker"] == pytest.approx(90 / 5.5)
    assert caseload["förvaltning", "Socialförvaltningen", "2025-03", "open_cases"] == 90


def test_no_case_worker_gives_no_ratio_not_zero(caseload):
    assert caseload["enhet", "Beroende", "2025-03", "caseload_per_worker"] is None
    assert caseload["enhet", "Beroende", "2025-03", "open_cases"] == 20


def test_inflow_and_outflow_only_when_every_reporting_unit_gave_them(caseload):
    assert caseload["förvaltning", "Socialförvaltningen", "2025-03", "new_cases"] == 13  # 6 + 5 + 2
    assert caseload["förvaltning", "Socialförvaltningen", "2025-03", "closed_cases"] is None  # Utredning left it out
    assert caseload["avdelning", "Vuxen", "2025-03", "closed_cases"] == 1
    assert caseload["enhet", "Mottagningen", "2025-03", "closed_cases"] == 4


def test_coverage_counts_the_units_that_handle_cases(con, caseload):
    frame = indicators.fetch(con, levels=("förvaltning",), indicator_ids=("caseload_per_worker",))
    coverage = {row.month.strftime("%Y-%m"): (row.units_reported, row.units) for row in frame.itertuples()}
    assert coverage["2025-03"] == (3, 3)  # Liten, which never reports cases, is not expected to
    assert coverage["2025-04"] == (1, 3)  # only Mottagningen reported April
    assert caseload["förvaltning", "Socialförvaltningen", "2025-04", "caseload_per_worker"] == 11.0  # 44 / 4
