"""Header recognition: every synonym of domain.md maps to its column, in any case and with
unit suffixes, and the kind is told from the header alone."""

import pytest

from hrdash.ingest.columns import KINDS, kind_by_name
from hrdash.ingest.headers import SYNONYMS, detect_kinds, normalize_header
from hrdash.ingest.layout import find_layout

# The tables in domain.md, "Canonical headers and accepted synonyms", Part 2's "More input kinds" and
# Part 3's `åtgärder` (whose group column shares Avdelning and Verksamhet with the organisation's avdelning:
# see SHARED).
CONTRACT = {
    "enhet": ["Enhetsnamn", "Arbetsplats", "Organisationsenhet", "Unit"],
    "enhetskod": ["Kod", "Enhets-id", "Unit code"],
    "månad": ["Månad/år", "Month"],  # and Period (see PERIOD)
    "avdelning": ["Verksamhet", "Department"],
    "förvaltning": ["Administration"],
    "anställda": ["Antal anställda", "Antal personer", "Employees", "Headcount"],
    "ordinarie_timmar": ["Ordinarie arbetstid", "Ordinarie tid (tim)", "Scheduled hours"],
    "sjuktimmar": ["Sjukfrånvaro (tim)", "Sjukfrånvarotid", "Sick hours"],
    "sjuktimmar_dag_1_14": ["Varav dag 1-14", "Kort sjukfrånvaro (tim)", "Short-term sick hours"],
    "sjuktimmar_60_dagar": ["Varav 60 dagar eller mer", "Långtidssjukfrånvaro (tim)", "Long-term sick hours"],
    "kön": ["Kön", "Gender"],
    "åldersgrupp": ["Åldersgrupp", "Age group"],
    "tillsvidareanställda": ["Antal tillsvidareanställda", "Permanent employees"],
    "avgångar": ["Slutat", "Avslutade anställningar", "Leavers"],
    "varav_interna": ["Varav intern rörlighet", "Internal moves"],
    "varav_pension": ["Varav pensionsavgångar", "Retirements"],
    "nyanställda": ["Nyanställda", "Hires"],
    "budgeterade_tjänster": ["Budgeterade tjänster", "Budgeted positions"],
    "besatta_tjänster": ["Besatta tjänster", "Filled positions"],
    "vakanta_tjänster": ["Vakanser", "Vakanta tjänster", "Vacancies"],
    "konsulter": ["Inhyrda konsulter"],
    "konsultkostnad_kr": ["Konsultkostnad", "Consultant cost"],
    "rekryteringsbehov": ["Rekryteringsbehov", "Behov", "Recruitment need"],
    "pågående_rekryteringar": ["Pågående rekryteringar", "Ongoing recruitments"],
    "tillsatta": ["Tillsatta", "Filled"],
    "aktuella_ärenden": ["Aktuella ärenden", "Antal ärenden", "Öppna ärenden", "Open cases"],
    "handläggare": ["Antal handläggare", "Handläggare (åa)", "Årsarbetare", "Case workers"],
    "nya_ärenden": ["Nya ärenden", "Inkomna ärenden", "Aktualiseringar", "New cases"],
    "avslutade_ärenden": ["Avslutade ärenden", "Closed cases"],
    "tertial": ["Mätperiod", "Tertial"],  # and Period, which is the month in every other kind
    "fråga": ["Fråga", "Påstående", "Question"],
    "svar": ["Antal svar", "Svarande", "Answers"],
    "instämmer": ["Antal instämmer", "Instämmer (antal)", "Agree"],
    "tillfrågade": ["Antal tillfrågade", "Asked"],
    "medelvärde": ["Medel", "Medelvärde (1-5)", "Mean"],
    "upprepad_korttidsfrånvaro": ["Upprepad korttidsfrånvaro", "Antal med 6 eller fler sjuktillfällen"],
    "frisknärvaro": ["Frisknärvaro", "Antal friska", "Högst 5 sjukdagar"],
    "sjuklönekostnad_kr": ["Sjuklönekostnad", "Sjuklön (kr)"],
    "orsak": ["Orsak", "Avgångsorsak", "Skäl", "Reason"],
    "antal": ["Antal", "Antal avgångar", "Count"],
    "startmånad": ["Start", "Startmånad", "Från"],
    "åtgärd": ["Åtgärd", "Rubrik", "Insats"],
    "område": ["Område", "Nyckeltal", "Ämne"],
    "ansvarig": ["Ansvarig"],
    "status": ["Status"],
    "uppföljning": ["Uppföljning", "Följs upp"],
    "beskrivning": ["Beskrivning"],
}
MEASURES_GROUP = ["Enhet", "Avdelning", "Verksamhet", "Organisation"]  # a measure's `enhet`: a unit or a group
PERIOD = {"period": {"månad", "tertial"}}  # a pulse file's period is its tertial, any other file's its month
# A measure names its group by a unit's, an avdelning's or a förvaltning's name: in a measures file Avdelning and
# Verksamhet are the group, in an organisation file the avdelning.
SHARED = {normalize_header(name): {"organisation": "avdelning", "measures": "enhet"} for name in ("Avdelning",
                                                                                               "Verksamhet")}


@pytest.mark.parametrize("canonical,synonym", [(c, s) for c, names in CONTRACT.items() for s in [c, *names]])
def test_every_synonym_maps_to_its_column(canonical, synonym):
    for text in (synonym, synonym.upper(), f"  {synonym.lower()} "):
        key = normalize_header(text)
        if key in SHARED:
            assert {kind: c.canonical for kind, c in SYNONYMS[key].items()} == SHARED[key], text
        else:
            assert {c.canonical for c in SYNONYMS[key].values()} == {canonical}, text


@pytest.mark.parametrize("synonym", MEASURES_GROUP)
def test_a_measures_group_column_has_the_contracts_names(synonym):
    assert SYNONYMS[normalize_header(synonym)]["measures"].canonical == "enhet"


def test_period_is_the_month_of_every_kind_but_the_pulse_questions():
    assert {kind: column.canonical for kind, column in SYNONYMS["period"].items()} == {
        "organisation": "månad", "sick_leave": "månad", "turnover": "månad", "vacancies": "månad",
        "recruitment": "månad", "caseload": "månad", "exit_reasons": "månad", "pulse": "tertial"}


def test_no_two_columns_share_a_normalised_name():
    for key, by_kind in SYNONYMS.items():
        if key in SHARED:
            assert {kind: c.canonical for kind, c in by_kind.items()} == SHARED[key]
            continue
        assert {c.canonical for c in by_kind.values()} <= PERIOD.get(key, {c.canonical for c in by_kind.values()})
        assert len({c.canonical for c in by_kind.values()}) == 1 or key in PERIOD, key


@pytest.mark.parametrize(
    "text,normalised",
    [("Ordinarie tid (tim)", "ordinarie tid"), ("Sjuktimmar [h]", "sjuktimmar"), ("Månad/år", "manad ar"),
     ("SJUKTIMMAR_DAG_1_14", "sjuktimmar dag 1 14"), ("Varav dag 1–14", "varav dag 1 14"),
     ("Sjukfrånvaro (%)", "sjukfranvaro (%)"), ("Konsultkostnad (tkr)", "konsultkostnad (tkr)")],
)
def test_normalisation_keeps_only_meaningful_suffixes(text, normalised):
    assert normalize_header(text) == normalised


def test_a_percentage_column_is_not_taken_for_hours():
    assert normalize_header("Sjukfrånvaro (%)") not in SYNONYMS


@pytest.mark.parametrize(
    "header,kinds",
    [
        (["enhet", "månad", "anställda", "ordinarie_timmar", "sjuktimmar", "sjuktimmar_dag_1_14",
          "sjuktimmar_60_dagar"], ["sick_leave"]),
        (["enhet", "månad", "tillsvidareanställda", "avgångar", "varav_interna", "varav_pension"], ["turnover"]),
        (["enhet", "månad", "budgeterade_tjänster", "besatta_tjänster"], ["vacancies"]),
        (["enhet", "månad", "rekryteringsbehov", "pågående_rekryteringar", "tillsatta"], ["recruitment"]),
        (["enhet", "avdelning", "förvaltning"], ["organisation"]),
        (["Enhet", "Månad", "Aktuella ärenden", "Handläggare (åa)"], ["caseload"]),
        (["Enhet", "Period", "Fråga", "Antal svar", "Antal instämmer"], ["pulse"]),
        (["Enhet", "Period", "Avgångsorsak", "Antal"], ["exit_reasons"]),
        (["Enhet", "Månad", "Tillsvidareanställda", "Avgångar"], ["turnover"]),  # incomplete: missing columns named
        (["Namn", "Belopp"], []),
        (["Enhet", "Startmånad", "Åtgärd", "Område"], ["measures"]),
        (["Avdelning", "Start", "Rubrik", "Nyckeltal", "Ansvarig", "Status"], ["measures"]),
        (["Verksamhet", "Från", "Insats", "Ämne", "Följs upp"], ["measures"]),
        (["Organisation", "Startmånad", "Åtgärd", "Område", "Beskrivning"], ["measures"]),
        # Avdelning and Verksamhet are an organisation file's avdelning, as before measures came.
        (["Enhet", "Avdelning", "Förvaltning"], ["organisation"]),
        (["Enhetskod", "Enhet", "Verksamhet", "Förvaltning", "Månad"], ["organisation"]),
        (["Enhet", "Avdelning", "Månad", "Anställda", "Ordinarie timmar", "Sjuktimmar", "Varav dag 1-14",
          "Varav 60 dagar eller mer"], ["sick_leave"]),
        (["Enhet", "Åtgärd", "Status"], ["measures"]),  # incomplete: its missing columns are named
        (["Enhet", "Avdelning", "Status"], ["organisation"]),  # as incomplete for both: the organisation, as before
    ],
)
def test_kind_is_detected_from_the_header(header, kinds):
    assert [k.id for k in detect_kinds(header)] == kinds


def test_header_row_is_found_below_title_rows():
    rows = [["Rapport"], [], ["Uttag 2025-04-01", None], ["Enhet", "Månad", "Anställda", "Sjuktimmar"], ["A", 1, 2, 3]]
    layout = find_layout(rows)
    assert (layout.top, layout.bottom) == (3, 3)
    assert layout.names == ["Enhet", "Månad", "Anställda", "Sjuktimmar"]


def test_kinds_by_swedish_name_or_id():
    assert kind_by_name("Sjukfrånvaro").id == "sick_leave"
    assert kind_by_name("vacancies").name == "vakanser"
    assert {k.name for k in KINDS} == {"organisation", "sjukfrånvaro", "personalomsättning", "vakanser",
                                       "rekryteringsbehov", "ärenden", "puls", "avgångsorsaker", "åtgärder"}
