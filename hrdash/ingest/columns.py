"""The file kinds and their columns: canonical names, accepted synonyms and value types.

This is the one place that knows what an input file may look like (domain.md, "Input files").
"""

from __future__ import annotations

from dataclasses import dataclass

from hrdash.catalogue import TOPICS, Term
from hrdash.errors import UserError

# Value types of a column; they decide how a cell is parsed and validated.
TEXT = "text"
MONTH = "month"
COUNT = "count"  # whole number >= 0
HOURS = "hours"  # number >= 0
FTE = "fte"  # positions, number >= 0
SEK = "sek"  # kronor, number >= 0
GENDER = "gender"
AGE_GROUP = "age_group"
YEAR = "year"
TERTIAL = "tertial"  # a survey period, stored as the tertial's last month
QUESTION = "question"  # one of the three pulse questions (hrdash/catalogue.py)
REASON = "reason"  # one of the exit reasons (hrdash/catalogue.py)
MEAN = "mean"  # a mean answer on the scale 1–5
TOPIC = "topic"  # the topic a measure concerns (MEASURE_TOPICS)
STATUS = "status"  # how far a measure has come (STATUSES)
VALUE_TYPES = (COUNT, HOURS, FTE, SEK, MEAN)  # the figures: what is summed, and what makes a row data


@dataclass(frozen=True)
class Column:
    canonical: str  # the name in domain.md, also the header HR can type
    field: str  # the column name in the database
    type: str
    required: bool
    synonyms: tuple[str, ...] = ()  # the contract's synonyms (domain.md), named in messages
    also: tuple[str, ...] = ()  # more headers read as this column, as payroll systems write them

    @property
    def label(self) -> str:
        """The column as the pages name it, in words: 'Sjuktimmar dag 1–14', 'Konsultkostnad (kr)'."""
        words = self.canonical.replace("_kr", " (kr)").replace("dag_1_14", "dag 1–14").replace("_", " ")
        return words[:1].upper() + words[1:]


@dataclass(frozen=True)
class Kind:
    id: str  # English id used in the code and the database
    name: str  # the Swedish name users and the CLI use
    table: str  # database table holding its rows
    columns: tuple[Column, ...]
    derived: tuple[str, ...] = ("unit_key",)  # fields reading adds to the file's columns, stored with them

    def column(self, canonical: str) -> Column:
        return next(c for c in self.columns if c.canonical == canonical)

    def has_field(self, field: str) -> bool:
        return any(c.field == field for c in self.columns)

    @property
    def value_columns(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.type in VALUE_TYPES)

    @property
    def period(self) -> Column:
        """The column that says which month (or survey period) a row is about."""
        return next(c for c in self.columns if c.type in (MONTH, TERTIAL))

    @property
    def row_keys(self) -> tuple[str, ...]:
        """What a file may hold once per unit and period: the fields besides the unit and period."""
        return tuple(c.field for c in self.columns if c.type in (GENDER, AGE_GROUP, QUESTION, REASON))


# Payroll systems name the unit column after their own ledger: "Ansvar" (a code, or a code and a
# name in one cell), "Ansvar benämning" (the name), "Kostnadsställe". A code in a unit cell is
# matched to the organisation's enhetskod (hrdash/ingest/units.py).
CODE_OR_UNIT = ("Ansvar", "Kostnadsställe", "Kst", "Ansvarsnummer", "Ansvarskod", "Kostnadsställenummer")
UNIT = Column("enhet", "unit_name", TEXT, True, ("Enhetsnamn", "Arbetsplats", "Organisationsenhet", "Unit"),
              ("Enhet namn", "Enhetsbenämning", "Ansvar benämning", "Ansvarsbenämning", "Ansvar namn", "Ansvarsnamn",
               "Kostnadsställe benämning", "Kostnadsställe namn", "Kostnadsställenamn", *CODE_OR_UNIT))
UNIT_CODE = Column("enhetskod", "unit_code", TEXT, False, ("Kod", "Enhets-id", "Unit code"))
MONTH_COLUMN = Column("månad", "month", MONTH, True, ("Period", "Månad/år", "Month"))
# A separate year column; with it, `månad` holds 1-12 or a month name.
YEAR_COLUMN = Column("år", "year", YEAR, False, ("Year",))

ORGANISATION = Kind(
    "organisation",
    "organisation",
    "organisation_rows",
    (
        UNIT,
        UNIT_CODE,
        Column("avdelning", "department", TEXT, True, ("Verksamhet", "Department")),
        Column("förvaltning", "administration", TEXT, True, ("Administration",)),
        # In an organisation file the month is optional: it says from which month the placement holds.
        Column("månad", "valid_from", MONTH, False, MONTH_COLUMN.synonyms),
        Column("år", "year", YEAR, False, YEAR_COLUMN.synonyms),
    ),
)

SICK_LEAVE = Kind(
    "sick_leave",
    "sjukfrånvaro",
    "sick_leave_rows",
    (
        UNIT,
        UNIT_CODE,
        MONTH_COLUMN,
        YEAR_COLUMN,
        Column("kön", "gender", GENDER, False, ("Gender",)),
        Column("åldersgrupp", "age_group", AGE_GROUP, False, ("Age group", "Ålder")),
        Column("anställda", "employees", COUNT, True, ("Antal anställda", "Antal personer", "Employees", "Headcount")),
        Column(
            "ordinarie_timmar",
            "ordinary_hours",
            HOURS,
            True,
            ("Ordinarie arbetstid", "Ordinarie tid (tim)", "Scheduled hours", "Ordinarie timmar"),
        ),
        Column("sjuktimmar", "sick_hours", HOURS, True, ("Sjukfrånvaro (tim)", "Sjukfrånvarotid", "Sick hours")),
        Column(
            "sjuktimmar_dag_1_14",
            "sick_hours_day_1_14",
            HOURS,
            True,
            ("Varav dag 1-14", "Kort sjukfrånvaro (tim)", "Short-term sick hours"),
        ),
        Column(
            "sjuktimmar_60_dagar",
            "sick_hours_60_days",
            HOURS,
            True,
            ("Varav 60 dagar eller mer", "Långtidssjukfrånvaro (tim)", "Long-term sick hours"),
            ("Varav ≥ 60 dagar", "Varav minst 60 dagar"),
        ),
        Column("upprepad_korttidsfrånvaro", "repeated_short_absence", COUNT, False,
               ("Upprepad korttidsfrånvaro", "Antal med 6 eller fler sjuktillfällen")),
        Column("frisknärvaro", "healthy_presence", COUNT, False, ("Frisknärvaro", "Antal friska", "Högst 5 sjukdagar")),
        Column("sjuklönekostnad_kr", "sick_pay_cost_sek", SEK, False, ("Sjuklönekostnad", "Sjuklön (kr)")),
    ),
)

TURNOVER = Kind(
    "turnover",
    "personalomsättning",
    "turnover_rows",
    (
        UNIT,
        UNIT_CODE,
        MONTH_COLUMN,
        YEAR_COLUMN,
        Column(
            "tillsvidareanställda",
            "permanent_employees",
            COUNT,
            True,
            ("Antal tillsvidareanställda", "Permanent employees"),
        ),
        Column("avgångar", "leavers", COUNT, True, ("Slutat", "Avslutade anställningar", "Leavers")),
        Column("varav_interna", "internal_moves", COUNT, True, ("Varav intern rörlighet", "Internal moves")),
        Column("varav_pension", "retirements", COUNT, True, ("Varav pensionsavgångar", "Retirements")),
        Column("nyanställda", "hires", COUNT, False, ("Hires",)),
    ),
)

VACANCIES = Kind(
    "vacancies",
    "vakanser",
    "vacancy_rows",
    (
        UNIT,
        UNIT_CODE,
        MONTH_COLUMN,
        YEAR_COLUMN,
        Column("budgeterade_tjänster", "budgeted_positions", FTE, True, ("Budgeted positions",)),
        Column("besatta_tjänster", "filled_positions", FTE, True, ("Filled positions",)),
        Column("vakanta_tjänster", "vacant_positions", FTE, False, ("Vakanser", "Vacancies")),
        Column("konsulter", "consultants", COUNT, False, ("Inhyrda konsulter", "Consultants")),
        Column("konsultkostnad_kr", "consultant_cost_sek", SEK, False, ("Konsultkostnad", "Consultant cost")),
    ),
)

RECRUITMENT = Kind(
    "recruitment",
    "rekryteringsbehov",
    "recruitment_rows",
    (
        UNIT,
        UNIT_CODE,
        MONTH_COLUMN,
        YEAR_COLUMN,
        Column("rekryteringsbehov", "recruitment_need", COUNT, True, ("Behov", "Recruitment need")),
        Column(
            "pågående_rekryteringar",
            "recruitments_ongoing",
            COUNT,
            True,
            ("Ongoing recruitments",),
        ),
        Column("tillsatta", "positions_filled", COUNT, True, ("Filled",)),
    ),
)

CASELOAD = Kind(
    "caseload",
    "ärenden",
    "caseload_rows",
    (
        UNIT,
        UNIT_CODE,
        MONTH_COLUMN,
        YEAR_COLUMN,
        Column("aktuella_ärenden", "open_cases", COUNT, True,
               ("Aktuella ärenden", "Antal ärenden", "Öppna ärenden", "Open cases")),
        Column("handläggare", "case_workers", FTE, True,
               ("Antal handläggare", "Handläggare (åa)", "Årsarbetare", "Case workers")),
        Column("nya_ärenden", "new_cases", COUNT, False, ("Nya ärenden", "Inkomna ärenden", "Aktualiseringar",
                                                          "New cases")),
        Column("avslutade_ärenden", "closed_cases", COUNT, False, ("Avslutade ärenden", "Closed cases")),
    ),
)

PULSE = Kind(
    "pulse",
    "puls",
    "pulse_rows",
    (
        UNIT,
        UNIT_CODE,
        Column("tertial", "month", TERTIAL, True, ("Period", "Mätperiod", "Tertial")),
        Column("fråga", "question", QUESTION, True, ("Fråga", "Påstående", "Question")),
        Column("svar", "answers", COUNT, True, ("Antal svar", "Svarande", "Answers")),
        Column("instämmer", "agree", COUNT, True, ("Antal instämmer", "Instämmer (antal)", "Agree")),
        Column("tillfrågade", "asked", COUNT, False, ("Antal tillfrågade", "Asked")),
        Column("medelvärde", "mean", MEAN, False, ("Medel", "Medelvärde (1-5)", "Mean")),
    ),
)

EXIT_REASONS = Kind(
    "exit_reasons",
    "avgångsorsaker",
    "exit_reason_rows",
    (
        UNIT,
        UNIT_CODE,
        MONTH_COLUMN,
        YEAR_COLUMN,
        Column("orsak", "reason", REASON, True, ("Orsak", "Avgångsorsak", "Skäl", "Reason")),
        Column("antal", "interviews", COUNT, True, ("Antal", "Antal avgångar", "Count")),
    ),
)

# What was done about a topic, for a group (domain.md, Part 3): no figures, one row per group, start
# month and title. Its `enhet` names a unit, an avdelning or a förvaltning; reading resolves it to the
# group (level, group_id) and folds the title to what makes two rows the same measure.
MEASURES = Kind(
    "measures",
    "åtgärder",
    "measure_rows",
    (
        Column("enhet", "group_name", TEXT, True, ("Enhet", "Avdelning", "Verksamhet", "Organisation"),
               (*UNIT.synonyms, "Enhet/avdelning", "Avdelning/enhet", "Enhet eller avdelning", "Avser")),
        Column("startmånad", "start_month", MONTH, True, ("Start", "Startmånad", "Från"),
               ("Startdatum", "Från och med", "Startar")),
        Column("åtgärd", "title", TEXT, True, ("Åtgärd", "Rubrik", "Insats"), ("Aktivitet",)),
        Column("område", "topic", TOPIC, True, ("Område", "Nyckeltal", "Ämne")),
        Column("ansvarig", "responsible", TEXT, False, ("Ansvarig",)),
        Column("status", "status", STATUS, False, ("Status",)),
        Column("uppföljning", "follow_up", MONTH, False, ("Uppföljning", "Följs upp"), ("Uppföljningsmånad",)),
        Column("beskrivning", "description", TEXT, False, ("Beskrivning",)),
    ),
    ("level", "group_id", "title_key"),
)

KINDS: tuple[Kind, ...] = (ORGANISATION, SICK_LEAVE, TURNOVER, VACANCIES, RECRUITMENT, CASELOAD, PULSE, EXIT_REASONS,
                           MEASURES)
DATA_KINDS: tuple[Kind, ...] = (SICK_LEAVE, TURNOVER, VACANCIES, RECRUITMENT, CASELOAD, PULSE, EXIT_REASONS)


def kind_by_name(name: str) -> Kind:
    """Find a kind by its Swedish name or English id (as given to `--kind`)."""
    wanted = name.strip().lower()
    for kind in KINDS:
        if wanted in (kind.id, kind.name):
            return kind
    names = ", ".join(k.name for k in KINDS)
    raise UserError(f"Okänd filtyp '{name}'. Välj en av: {names}.")


GENDERS = {"kvinna": "kvinna", "kvinnor": "kvinna", "k": "kvinna", "female": "kvinna", "woman": "kvinna",
           "women": "kvinna", "f": "kvinna", "man": "man", "män": "man", "m": "man", "male": "man", "men": "man"}

AGE_GROUPS = ("-29", "30-49", "50-")

# The topics of a measure as files write them: the topic pages' titles (hrdash/catalogue.py), in the
# contract's order; 'ärenden' and 'puls' are what the files of two of them are called.
MEASURE_TOPICS = tuple(
    Term(topic, TOPICS[topic].title, (TOPICS[topic].title, *more))
    for topic, more in (("sick_leave", ()), ("turnover", ()), ("vacancies", ("vakans",)),
                        ("recruitment", ("rekrytering",)), ("workload", ("ärenden",)), ("voice", ("puls",)))
)
# How far a measure has come: stored by id, shown and written in Swedish.
STATUSES = (
    Term("planned", "Planerad", ("planerad", "planerat")),
    Term("ongoing", "Pågår", ("pågår", "pågående")),
    Term("done", "Genomförd", ("genomförd", "genomfört", "klar")),
    Term("cancelled", "Avbruten", ("avbruten", "avbrutet")),
)
