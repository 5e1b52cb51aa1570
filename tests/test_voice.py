"""Medarbetarnas röst (hrdash/figures/voice.py): the latest survey up to a month, compared with the
nollmätning HR marked, in a sentence worked out by hand; a hidden figure is said to be hidden."""

import datetime as dt

import pytest
from conftest import ORGANISATION, csv_bytes, load

from hrdash.figures.groups import groups
from hrdash.figures.voice import headline, survey_of, voice
from hrdash.store import baselines

HEADER = ["enhet", "period", "fråga", "svar", "instämmer"]


@pytest.mark.parametrize("month, survey", [("2024-03", "2023-12"), ("2024-04", "2024-04"), ("2024-10", "2024-08"),
                                           ("2024-12", "2024-12")])
def test_the_survey_a_month_shows_is_the_latest_tertial_ended(month, survey):
    as_date = dt.date.fromisoformat(f"{month}-01")
    assert survey_of(as_date) == dt.date.fromisoformat(f"{survey}-01")


@pytest.fixture
def surveys(con):
    """Mottagningen: 6 of 12 agreed in T1 2024, 9 of 12 in T2. Liten: 4 answers, too few (and
    Beroende hidden with it: Vuxen less Beroende would give Liten's figure)."""
    load(con, csv_bytes(ORGANISATION), "org.csv")
    load(con, csv_bytes([HEADER,
                         ["Mottagningen", "2024 T1", "arbetssituation", 12, 6],
                         ["Mottagningen", "2024 T2", "arbetssituation", 12, 9],
                         ["Utredning", "2024 T2", "arbetssituation", 10, 5],
                         ["Beroende", "2024 T2", "arbetssituation", 10, 5],
                         ["Liten", "2024 T2", "arbetssituation", 4, 1]]), "puls.csv")
    return con


def group(con, name):
    return next(g for g in groups(con) if g.name == name)


def sentence(con, name, month=dt.date(2024, 10, 1)):
    found = voice(con, group(con, name), [], month, unsuppressed=False)
    return headline(name, found).replace("\u00a0", " ")


def test_the_headline_compares_with_the_nollmatning(surveys):
    baselines.mark(surveys, baselines.PULSE, "förvaltning", "Socialförvaltningen", dt.date(2024, 4, 1),
                   "hr@kommun.se", "Socialförvaltningen")
    # 9 / 12 = 75,0 % against 6 / 12 = 50,0 %.
    assert sentence(surveys, "Mottagningen") == ("I Mottagningen instämde 75,0 % i att de har en bra arbetssituation "
                                                 "i T2 2024, 25,0 procentenheter högre än vid nollmätningen T1 2024.")


def test_without_a_nollmatning_the_figure_stands_alone(surveys):
    assert sentence(surveys, "Mottagningen") == ("I Mottagningen instämde 75,0 % i att de har en bra arbetssituation "
                                                 "i T2 2024.")


def test_too_few_answers_are_not_shown(surveys):
    assert sentence(surveys, "Liten") == "Svaren om arbetssituationen i Liten redovisas inte för T2 2024."
    assert sentence(surveys, "Beroende") == "Svaren om arbetssituationen i Beroende redovisas inte för T2 2024."
