"""Every indicator and topic, declared once: what it is called, what it means, what it is made
of, which way is worse, which privacy rule hides it, and where it is shown.

The formula of each indicator is SQL, in queries/marts/group_month_indicators.sql (one column
named like the id); the privacy rule for each `people` count is SQL too, in
queries/marts/group_month_values.sql. Everything else reads this module: the long view of every
indicator (queries/marts/indicator_values.sql is filled from it), the pages, the report, the
workbook, the slides and Om siffrorna. tests/test_catalogue.py fails when the two disagree.

To add an indicator: add it here, and its formula to group_month_indicators.sql.
"""

from __future__ import annotations

from dataclasses import dataclass

# Privacy classes (domain.md, "Privacy"): health data is hidden for groups of fewer than 10
# people; personal answers (pulse questions, exit interviews) below 5 answers; none is never hidden.
HEALTH = "health"
PERSONAL = "personal"
NONE = "none"
PRIVACY_NOTES = {
    HEALTH: "Färre än 10 personer – uppgiften visas inte för att skydda enskildas hälsouppgifter.",
    PERSONAL: "Färre än 5 svar – uppgiften visas inte för att skydda dem som svarat.",
}

# Windows: a month's figure, or the 12 months ending with the month.
MONTH = "month"
TWELVE_MONTHS = "12m"

# Where an indicator is shown, besides its topic's page, the workbook and Om siffrorna, which
# show every indicator.
CARD = "card"  # a card on Översikt
SPARKLINE = "sparkline"  # a column of Översikt's grid of avdelningar and units
ATTENTION = "attention"  # checked for "Behöver uppmärksamhet"
KEY_FIGURE = "key_figure"  # the report's table of key figures
SLIDE = "slide"  # the overview slide
REPORT_TABLE = "report_table"  # its topic's per-unit table in the report
PLACES = (CARD, SPARKLINE, ATTENTION, KEY_FIGURE, SLIDE, REPORT_TABLE)


@dataclass(frozen=True)
class Indicator:
    id: str  # the contract's id: the column of group_month_indicators and the `indicator` of the CLI
    label: str  # the one Swedish name every page, report, workbook and slide uses
    topic: str  # a key of TOPICS
    unit: str  # "%", "st", "kr" or "tjänster"
    definition: str  # plain Swedish, for committee members
    parts: tuple[str, ...]  # the additive parts it is computed from: columns of group_month_parts
    higher_is_worse: bool | None  # for arrows, colours and targets; None where neither is better
    privacy: str = NONE  # HEALTH, PERSONAL or NONE
    people: str | None = None  # the count the privacy rule reads (a column of group_month_values)
    window: str = MONTH  # MONTH or TWELVE_MONTHS
    short_label: str | None = None  # for narrow table columns; the label where none is given
    subject: str | None = None  # the subject of a sentence ("Sjukfrånvaron"); the label where none
    shown: frozenset[str] = frozenset()  # PLACES it appears in
    breakdown: str | None = None  # the title of its topic page's breakdown chart, if it is in one
    legend: str | None = None  # its name in that chart's legend, where shorter than the label

    @property
    def short(self) -> str:
        return self.short_label or self.label

    @property
    def sentence_subject(self) -> str:
        return self.subject or self.label

    @property
    def kind(self) -> str:
        """The kind of file whose coverage (units reported of units expected) applies."""
        return TOPICS[self.topic].kind


@dataclass(frozen=True)
class Breakdown:
    title: str
    missing: str = "Uppgiften finns inte i de inlästa filerna för den här perioden."


@dataclass(frozen=True)
class Topic:
    id: str
    title: str
    kind: str  # the kind of file its figures come from (hrdash/ingest/columns.py)
    page: str  # the file in pages/
    main: str  # the indicator of its page's trend
    rolling: str | None  # the 12-month figure drawn beside it
    rank_by: str  # the indicator its page compares the units by
    report_main: str  # the indicator of its section in the report and on the slides
    breakdowns: tuple[Breakdown, ...] = ()


TOPICS: dict[str, Topic] = {
    topic.id: topic
    for topic in (
        Topic("sick_leave", "Sjukfrånvaro", "sick_leave", "pages/sjukfranvaro.py", "sick_leave_pct",
              "sick_leave_12m_pct", "sick_leave_pct", "sick_leave_pct", (
                  Breakdown("Kort och lång sjukfrånvaro"),
                  Breakdown("Kvinnor och män", "Filerna delar inte upp sjukfrånvaron på kön, eller grupperna är för "
                                               "små för att visas."),
                  Breakdown("Åldersgrupper", "Filerna delar inte upp sjukfrånvaron på ålder, eller grupperna är för "
                                             "små för att visas."),
              )),
        Topic("turnover", "Personalomsättning", "turnover", "pages/personalomsattning.py", "turnover_pct",
              "turnover_12m_pct", "turnover_12m_pct", "turnover_12m_pct", (
                  Breakdown("Avgångar: interna flyttar, lämnat förvaltningen, pension"),
                  Breakdown("Lämnat förvaltningen, rullande 12 månader"),
              )),
        Topic("vacancies", "Vakanser", "vacancies", "pages/vakanser.py", "vacancies", None, "vacancies", "vacancies", (
            Breakdown("Andel vakanta tjänster"),
            Breakdown("Inhyrda konsulter", "Filerna anger inte konsulter för alla enheter."),
            Breakdown("Konsultkostnad", "Filerna anger inte konsultkostnad för alla enheter."),
        )),
        Topic("recruitment", "Rekryteringsbehov", "recruitment", "pages/rekrytering.py", "recruitment_need", None,
              "recruitment_need", "recruitment_need", (
                  Breakdown("Pågående rekryteringar och tillsatta tjänster"),
              )),
    )
}


def _sick_leave_by_group(id_: str, label: str, legend: str, who: str, people: str, breakdown: str) -> Indicator:
    group = people.removesuffix("_employees")
    return Indicator(id_, label, "sick_leave", "%", f"Sjuktimmar som andel av ordinarie arbetstimmar för {who}.",
                     (f"{group}_sick_hours", f"{group}_ordinary_hours"), True, HEALTH, people,
                     breakdown=breakdown, legend=legend)


INDICATORS: tuple[Indicator, ...] = (
    Indicator("sick_leave_pct", "Sjukfrånvaro", "sick_leave", "%",
              "Sjuktimmar som andel av de ordinarie (schemalagda) arbetstimmarna under månaden.",
              ("sick_hours", "ordinary_hours"), True, HEALTH, "employees", subject="Sjukfrånvaron",
              shown=frozenset({CARD, SPARKLINE, ATTENTION, KEY_FIGURE, SLIDE, REPORT_TABLE})),
    Indicator("short_sick_leave_pct", "Korttidssjukfrånvaro (dag 1–14)", "sick_leave", "%",
              "Sjuktimmar under dag 1–14 av ett sjukfall (sjuklöneperioden) som andel av de ordinarie arbetstimmarna.",
              ("sick_hours_day_1_14", "ordinary_hours"), True, HEALTH, "employees", short_label="Kort (dag 1–14)",
              subject="Korttidssjukfrånvaron", shown=frozenset({CARD, ATTENTION, KEY_FIGURE, REPORT_TABLE}),
              breakdown="Kort och lång sjukfrånvaro"),
    Indicator("long_sick_leave_share_pct", "Andel långa sjukfall (60 dagar eller mer)", "sick_leave", "%",
              "Hur stor del av sjuktimmarna som hör till sjukfall som pågått 60 dagar eller mer.",
              ("sick_hours_60_days", "sick_hours"), True, HEALTH, "employees", short_label="Andel långa sjukfall",
              subject="Andelen långa sjukfall", shown=frozenset({CARD, REPORT_TABLE}),
              breakdown="Kort och lång sjukfrånvaro"),
    Indicator("sick_leave_12m_pct", "Sjukfrånvaro, 12 månader", "sick_leave", "%",
              "Sjuktimmar som andel av ordinarie arbetstimmar under de senaste 12 månaderna. "
              "Visas bara när alla enheter har rapporterat alla 12 månaderna.",
              ("sick_hours", "ordinary_hours"), True, HEALTH, "employees_min_12m", TWELVE_MONTHS,
              short_label="Sjukfrånvaro 12 mån", subject="Sjukfrånvaron de senaste 12 månaderna",
              shown=frozenset({CARD, KEY_FIGURE, REPORT_TABLE})),
    _sick_leave_by_group("sick_leave_women_pct", "Sjukfrånvaro, kvinnor", "Kvinnor", "kvinnorna", "women_employees",
                         "Kvinnor och män"),
    _sick_leave_by_group("sick_leave_men_pct", "Sjukfrånvaro, män", "Män", "männen", "men_employees",
                         "Kvinnor och män"),
    _sick_leave_by_group("sick_leave_age_29_pct", "Sjukfrånvaro, 29 år eller yngre", "29 år eller yngre",
                         "medarbetare som är 29 år eller yngre", "age_29_employees", "Åldersgrupper"),
    _sick_leave_by_group("sick_leave_age_30_49_pct", "Sjukfrånvaro, 30–49 år", "30–49 år",
                         "medarbetare som är 30–49 år", "age_30_49_employees", "Åldersgrupper"),
    _sick_leave_by_group("sick_leave_age_50_pct", "Sjukfrånvaro, 50 år eller äldre", "50 år eller äldre",
                         "medarbetare som är 50 år eller äldre", "age_50_employees", "Åldersgrupper"),

    Indicator("turnover_pct", "Personalomsättning", "turnover", "%",
              "Tillsvidareanställda som slutat på enheten under månaden, som andel av antalet tillsvidareanställda. "
              "Räknar även dem som flyttat till en annan enhet i förvaltningen.",
              ("leavers", "permanent_employees"), True, short_label="Omsättning, månaden",
              subject="Personalomsättningen", shown=frozenset({REPORT_TABLE}),
              breakdown="Avgångar: interna flyttar, lämnat förvaltningen, pension"),
    Indicator("turnover_12m_pct", "Personalomsättning, 12 månader", "turnover", "%",
              "Avgångar under de senaste 12 månaderna som andel av det genomsnittliga antalet tillsvidareanställda "
              "under samma tid.",
              ("leavers", "permanent_employees"), True, window=TWELVE_MONTHS, short_label="Omsättning 12 mån",
              subject="Personalomsättningen de senaste 12 månaderna",
              shown=frozenset({CARD, SPARKLINE, ATTENTION, KEY_FIGURE, SLIDE, REPORT_TABLE})),
    Indicator("external_turnover_pct", "Lämnat förvaltningen", "turnover", "%",
              "Avgångar utom flyttar till en annan enhet i förvaltningen, som andel av antalet tillsvidareanställda: "
              "de som lämnat förvaltningen.",
              ("leavers", "internal_moves", "permanent_employees"), True, short_label="Lämnat förv., månaden",
              breakdown="Avgångar: interna flyttar, lämnat förvaltningen, pension"),
    Indicator("external_turnover_12m_pct", "Lämnat förvaltningen, 12 månader", "turnover", "%",
              "Avgångar ur förvaltningen under de senaste 12 månaderna som andel av det genomsnittliga antalet "
              "tillsvidareanställda.",
              ("leavers", "internal_moves", "permanent_employees"), True, window=TWELVE_MONTHS,
              short_label="Lämnat förv. 12 mån",
              subject="Andelen som lämnat förvaltningen de senaste 12 månaderna",
              shown=frozenset({CARD, KEY_FIGURE, REPORT_TABLE}), breakdown="Lämnat förvaltningen, rullande 12 månader"),
    Indicator("turnover_excl_retirement_pct", "Personalomsättning utom pension", "turnover", "%",
              "Avgångar ur förvaltningen utom pensionsavgångar, som andel av antalet tillsvidareanställda.",
              ("leavers", "internal_moves", "retirements", "permanent_employees"), True,
              short_label="Utom pension, månaden", shown=frozenset({REPORT_TABLE}),
              breakdown="Avgångar: interna flyttar, lämnat förvaltningen, pension"),

    Indicator("vacancies", "Vakanta tjänster", "vacancies", "tjänster",
              "Budgeterade tjänster minus besatta tjänster.",
              ("budgeted_positions", "filled_positions"), True, subject="Antalet vakanta tjänster",
              shown=frozenset({CARD, SPARKLINE, KEY_FIGURE, SLIDE, REPORT_TABLE})),
    Indicator("vacancy_rate_pct", "Andel vakanta tjänster", "vacancies", "%",
              "Vakanta tjänster som andel av de budgeterade tjänsterna.",
              ("budgeted_positions", "filled_positions"), True, short_label="Andel vakanta",
              subject="Andelen vakanta tjänster", shown=frozenset({CARD, ATTENTION, REPORT_TABLE}),
              breakdown="Andel vakanta tjänster"),
    Indicator("consultants", "Inhyrda konsulter", "vacancies", "st",
              "Antal inhyrda konsulter under månaden.",
              ("consultants",), True, shown=frozenset({REPORT_TABLE}), breakdown="Inhyrda konsulter"),
    Indicator("consultant_cost_sek", "Konsultkostnad", "vacancies", "kr",
              "Kostnaden för inhyrda konsulter under månaden, i kronor.",
              ("consultant_cost_sek",), True, subject="Konsultkostnaden",
              shown=frozenset({CARD, KEY_FIGURE, REPORT_TABLE}), breakdown="Konsultkostnad"),

    Indicator("recruitment_need", "Rekryteringsbehov", "recruitment", "tjänster",
              "Tjänster som behöver rekryteras nu.",
              ("recruitment_need",), None, subject="Rekryteringsbehovet",
              shown=frozenset({CARD, SPARKLINE, KEY_FIGURE, SLIDE, REPORT_TABLE})),
    Indicator("recruitments_ongoing", "Pågående rekryteringar", "recruitment", "st",
              "Rekryteringar som pågår.",
              ("recruitments_ongoing",), None, short_label="Pågående", shown=frozenset({CARD, REPORT_TABLE}),
              breakdown="Pågående rekryteringar och tillsatta tjänster"),
    Indicator("positions_filled", "Tillsatta tjänster", "recruitment", "st",
              "Tjänster som tillsattes under månaden.",
              ("positions_filled",), None, short_label="Tillsatta", shown=frozenset({CARD, REPORT_TABLE}),
              breakdown="Pågående rekryteringar och tillsatta tjänster"),
)
BY_ID: dict[str, Indicator] = {i.id: i for i in INDICATORS}


def shown_in(place: str, topic: str | None = None) -> tuple[str, ...]:
    """The ids of the indicators shown in `place` (of one topic, if given), in catalogue order."""
    return tuple(i.id for i in INDICATORS if place in i.shown and (topic is None or i.topic == topic))


def breakdowns(topic: str) -> list[tuple[Breakdown, tuple[Indicator, ...]]]:
    """A topic page's breakdown charts, each with its indicators in catalogue order."""
    return [(b, tuple(i for i in INDICATORS if i.topic == topic and i.breakdown == b.title))
            for b in TOPICS[topic].breakdowns]


def privacy_note(indicator_ids) -> list[str]:
    """The notes that explain the '–' of hidden figures among these indicators."""
    classes = {BY_ID[i].privacy for i in indicator_ids}
    return [note for privacy, note in PRIVACY_NOTES.items() if privacy in classes]
