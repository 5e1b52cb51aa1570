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

# Privacy classes (domain.md, "Privacy"): health data is hidden for groups of at most
# HEALTH_LIMIT people (the law's line; a municipality may raise it in Inställningar, never lower
# it); personal answers (pulse questions, exit interviews) below MIN_ANSWERS answers; none is
# never hidden. The SQL of the privacy rule (queries/state/privacy_limits.sql,
# queries/marts/group_month_values.sql) and every text about it read these two values.
HEALTH = "health"
PERSONAL = "personal"
NONE = "none"
HEALTH_LIMIT = 10
MIN_ANSWERS = 5
HEALTH_LAW = ("lagen om kommunal bokföring och redovisning, som för vidare 4 kap. 1 a § i den tidigare lagen om "
              "kommunal redovisning (SFS 2002:1065): uppgiften ska inte lämnas ”om antalet anställda i gruppen är "
              "högst tio eller om uppgiften kan hänföras till en enskild individ”")


def few_people(health_limit: int) -> str:
    """The reason a hidden sick-leave figure gives: '10 personer eller färre'."""
    return f"{health_limit} personer eller färre"


def few_answers() -> str:
    return f"färre än {MIN_ANSWERS} svar"


def privacy_notes(health_limit: int) -> dict[str, str]:
    return {
        HEALTH: f"{few_people(health_limit).capitalize()} – uppgiften visas inte för att skydda enskildas "
                "hälsouppgifter.",
        PERSONAL: f"{few_answers().capitalize()} – uppgiften visas inte för att skydda dem som svarat.",
    }


# Windows: a month's figure, the 12 months ending with the month, or a tertial of the staff
# survey (a figure only at the tertial's last month: April, August, December).
MONTH = "month"
TWELVE_MONTHS = "12m"
TERTIAL = "tertial"
TERTIAL_END_MONTHS = (4, 8, 12)

# Where an indicator is shown, besides its topic's page, the workbook and Om siffrorna, which
# show every indicator.
CARD = "card"  # a card on Översikt
SPARKLINE = "sparkline"  # a column of Översikt's grid of avdelningar and units
ATTENTION = "attention"  # checked for "Behöver uppmärksamhet"
KEY_FIGURE = "key_figure"  # the report's table of key figures
SLIDE = "slide"  # the overview slide
REPORT_TABLE = "report_table"  # its topic's per-unit table in the report
SIGNALS = "signals"  # an XmR chart: `hrdash signals`, the limits on its trend, a word on its card
PLACES = (CARD, SPARKLINE, ATTENTION, KEY_FIGURE, SLIDE, REPORT_TABLE, SIGNALS)


@dataclass(frozen=True)
class Term:
    """A word a file may hold in a column of fixed values (a pulse question, an exit reason): its
    id, the name pages show, the texts a file may write for it (matched like headers), and a short
    name for charts and tables."""

    id: str
    label: str
    texts: tuple[str, ...]
    short: str = ""
    sheet: str = ""  # the name in an Excel sheet's name (31 characters in all), where not the label or short


# The staff survey's three questions (Stockholm's plan, seed 004), by full text or short name.
QUESTIONS = (
    Term("work_situation", "Jag har en bra arbetssituation", ("Jag har en bra arbetssituation", "arbetssituation"),
         "Bra arbetssituation", "Arbetssituation"),
    Term("good_work", "Jag känner att jag kan göra ett gott arbete",
         ("Jag känner att jag kan göra ett gott arbete", "gott arbete"), "Kan göra ett gott arbete",
         "Gott arbete"),
    Term("recommend", "Jag kan rekommendera min arbetsplats till andra",
         ("Jag kan rekommendera min arbetsplats till andra", "rekommendera"), "Rekommenderar arbetsplatsen",
         "Rekommenderar"),
)

# The main reason given in an exit interview: the categories the seeds' exit interviews name.
REASONS = (
    Term("salary", "Lön", ("Lön",)),
    Term("workload", "Arbetsbelastning", ("Arbetsbelastning", "Hög arbetsbelastning")),
    Term("management", "Ledarskap och chefsstöd", ("Ledarskap", "Chefsstöd", "Chef")),
    Term("development", "Utveckling och karriär", ("Utveckling", "Nya arbetsuppgifter", "Karriär")),
    Term("organisation", "Omorganisation", ("Omorganisation", "Organisation")),
    Term("work_environment", "Arbetsmiljö", ("Arbetsmiljö",)),
    Term("private", "Privata skäl", ("Privata skäl", "Flytt", "Resväg")),
    Term("retirement", "Pension", ("Pension",)),
    Term("studies", "Studier", ("Studier",)),
    Term("other", "Annat eller vill ej uppge", ("Annat", "Övrigt", "Vill ej uppge"), sheet="Annat eller ej uppgett"),
)


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
    # An Excel sheet's name (at most 31 characters), where the label is longer or its family shortens: every
    # "12 månader" is "12 mån", every exit reason "Avgång, …", every pulse figure the question's sheet name.
    short_label: str | None = None
    subject: str | None = None  # the subject of a sentence ("Sjukfrånvaron"); the label where none
    shown: frozenset[str] = frozenset()  # PLACES it appears in
    breakdown: str | None = None  # the title of its topic page's breakdown chart, if it is in one
    legend: str | None = None  # its name in that chart's legend, where shorter than the label
    source: str | None = None  # the kind of file it comes from, where not its topic's

    @property
    def sheet_label(self) -> str:
        return self.short_label or self.label

    @property
    def is_ratio(self) -> bool:
        """A ratio of sums (a share, cases per worker, a mean), which a whole group has as fairly as its
        units; not a count, which grows with the group."""
        return self.unit in ("%", "ärenden per handläggare", "1–5")

    @property
    def sentence_subject(self) -> str:
        return self.subject or self.label

    @property
    def kind(self) -> str:
        """The kind of file it comes from, whose coverage (units reported of units expected) applies."""
        return self.source or TOPICS[self.topic].kind

    @property
    def has_coverage(self) -> bool:
        """Exit interviews have no coverage: a unit-month without them had none."""
        return self.kind not in KINDS_WITHOUT_COVERAGE


KINDS_WITHOUT_COVERAGE = ("exit_reasons",)
# Kinds not every unit reports: only the units that have reported one at least once are expected
# to (queries/intermediate/unit_month_parts.sql), and pages compare only those.
KINDS_OF_SOME_UNITS = ("caseload", "pulse")


@dataclass(frozen=True)
class Breakdown:
    """A chart on a topic's page below its trend. One indicator: a trend of its own, with its target
    and, where it has one, its control chart; several: lines side by side; `bars`: the month's
    value of each, as bars (the exit reasons)."""

    title: str
    missing: str = "Uppgiften finns inte i de inlästa filerna för den här perioden."
    bars: bool = False


@dataclass(frozen=True)
class Topic:
    id: str
    title: str
    kind: str  # the kind of file its figures come from (hrdash/ingest/columns.py)
    page: str  # the file in pages/
    main: str  # its headline: the indicator of its page's trend, its report section and its slide
    rolling: str | None  # the 12-month figure drawn beside it, a percentage of the same kind
    rank_by: str  # the indicator its page ranks the units by, where it has no fair comparison
    breakdowns: tuple[Breakdown, ...] = ()
    compare_by: str | None = None  # the indicator its units are compared by with the whole (hrdash compare)


TOPICS: dict[str, Topic] = {
    topic.id: topic
    for topic in (
        Topic("sick_leave", "Sjukfrånvaro", "sick_leave", "pages/sjukfranvaro.py", "sick_leave_pct",
              "sick_leave_12m_pct", "sick_leave_pct", (
                  Breakdown("Korttidssjukfrånvaro (dag 1–14)"),
                  Breakdown("Andel långa sjukfall (60 dagar eller mer)"),
                  Breakdown("Kvinnor och män", "Filerna delar inte upp sjukfrånvaron på kön, eller grupperna är för "
                                               "små för att visas."),
                  Breakdown("Åldersgrupper", "Filerna delar inte upp sjukfrånvaron på ålder, eller grupperna är för "
                                             "små för att visas."),
                  Breakdown("Tidiga signaler: upprepad korttidsfrånvaro och frisknärvaro",
                            "Filerna anger inte upprepad korttidsfrånvaro och frisknärvaro för alla enheter, eller "
                            "gruppen är för liten för att visas."),
                  Breakdown("Sjuklönekostnad", "Filerna anger inte sjuklönekostnad för alla enheter, eller gruppen är "
                                               "för liten för att visas."),
              ), "sick_leave_12m_pct"),
        Topic("turnover", "Personalomsättning", "turnover", "pages/personalomsattning.py", "turnover_12m_pct",
              None, "turnover_12m_pct", (
                  Breakdown("Avgångar per månad"),
                  Breakdown("Lämnat förvaltningen, rullande 12 månader"),
                  Breakdown("Varför slutar de?", "Inga avgångssamtal är inlästa för de senaste 12 månaderna.",
                            bars=True),
              ), "turnover_12m_pct"),
        Topic("workload", "Arbetsbelastning", "caseload", "pages/arbetsbelastning.py", "caseload_per_worker", None,
              "caseload_per_worker", (
                  Breakdown("Aktuella ärenden"),
                  Breakdown("Inflöde och utflöde", "Filerna anger inte nya och avslutade ärenden för alla enheter."),
              )),
        Topic("voice", "Medarbetarnas röst", "pulse", "pages/medarbetarnas_rost.py", "pulse_work_situation_agree_pct",
              None, "pulse_work_situation_agree_pct", (
                  Breakdown("Andel som instämmer"),
                  Breakdown("Medelvärde (1–5)", "Filerna anger inte medelvärden för alla enheter."),
                  Breakdown("Svarsfrekvens", "Filerna anger inte hur många som tillfrågades."),
              ), "pulse_work_situation_agree_pct"),
        Topic("vacancies", "Vakanser", "vacancies", "pages/vakanser.py", "vacancies", None, "vacancies", (
            Breakdown("Andel vakanta tjänster"),
            Breakdown("Inhyrda konsulter", "Filerna anger inte konsulter för alla enheter."),
            Breakdown("Konsultkostnad", "Filerna anger inte konsultkostnad för alla enheter."),
        ), "vacancy_rate_pct"),
        Topic("recruitment", "Rekryteringsbehov", "recruitment", "pages/rekrytering.py", "recruitment_need", None,
              "recruitment_need", (
                  Breakdown("Pågående rekryteringar och tillsatta tjänster"),
              )),
    )
}


def _sick_leave_by_group(id_: str, label: str, legend: str, who: str, people: str, breakdown: str) -> Indicator:
    group = people.removesuffix("_employees")
    return Indicator(id_, label, "sick_leave", "%", f"Sjuktimmar som andel av ordinarie arbetstimmar för {who}.",
                     (f"{group}_sick_hours", f"{group}_ordinary_hours"), True, HEALTH, people,
                     breakdown=breakdown, legend=legend)


def _year_by_group(id_: str, label: str, short_label: str | None, who: str, group: str) -> Indicator:
    """A split of the annual report's figures (domain.md, Part 3): the 12 months ending with the month,
    hidden by the split group's smallest month (and the rule that hides a second group of the split)."""
    return Indicator(id_, label, "sick_leave", "%",
                     f"Sjuktimmar som andel av ordinarie arbetstimmar för {who} under de senaste 12 månaderna. "
                     "Visas bara när alla enheter har rapporterat alla 12 månaderna.",
                     (f"{group}_sick_hours", f"{group}_ordinary_hours"), True, HEALTH, f"{group}_employees_min_12m",
                     TWELVE_MONTHS, short_label=short_label)


INDICATORS: tuple[Indicator, ...] = (
    Indicator("sick_leave_pct", "Sjukfrånvaro", "sick_leave", "%",
              "Sjuktimmar som andel av de ordinarie (schemalagda) arbetstimmarna under månaden.",
              ("sick_hours", "ordinary_hours"), True, HEALTH, "employees", subject="Sjukfrånvaron",
              shown=frozenset({CARD, SPARKLINE, ATTENTION, KEY_FIGURE, SLIDE, REPORT_TABLE, SIGNALS})),
    Indicator("short_sick_leave_pct", "Korttidssjukfrånvaro (dag 1–14)", "sick_leave", "%",
              "Sjuktimmar under dag 1–14 av ett sjukfall (sjuklöneperioden) som andel av de ordinarie arbetstimmarna.",
              ("sick_hours_day_1_14", "ordinary_hours"), True, HEALTH, "employees",
              subject="Korttidssjukfrånvaron", shown=frozenset({CARD, ATTENTION, KEY_FIGURE, REPORT_TABLE, SIGNALS}),
              breakdown="Korttidssjukfrånvaro (dag 1–14)"),
    Indicator("long_sick_leave_share_pct", "Andel långa sjukfall (60 dagar eller mer)", "sick_leave", "%",
              "Hur stor del av sjuktimmarna som hör till sjukfall som pågått 60 dagar eller mer.",
              ("sick_hours_60_days", "sick_hours"), True, HEALTH, "employees", short_label="Andel långa sjukfall",
              subject="Andelen långa sjukfall", shown=frozenset({CARD, REPORT_TABLE}),
              breakdown="Andel långa sjukfall (60 dagar eller mer)"),
    Indicator("sick_leave_12m_pct", "Sjukfrånvaro, 12 månader", "sick_leave", "%",
              "Sjuktimmar som andel av ordinarie arbetstimmar under de senaste 12 månaderna. "
              "Visas bara när alla enheter har rapporterat alla 12 månaderna.",
              ("sick_hours", "ordinary_hours"), True, HEALTH, "employees_min_12m", TWELVE_MONTHS,
              short_label="Sjukfrånvaro, 12 mån", subject="Sjukfrånvaron de senaste 12 månaderna",
              shown=frozenset({CARD, KEY_FIGURE, REPORT_TABLE})),
    Indicator("long_sick_leave_share_12m_pct", "Andel långa sjukfall, 12 månader", "sick_leave", "%",
              "Hur stor del av sjuktimmarna under de senaste 12 månaderna som hör till sjukfall som pågått 60 dagar "
              "eller mer. Visas bara när alla enheter har rapporterat alla 12 månaderna.",
              ("sick_hours_60_days", "sick_hours"), True, HEALTH, "employees_min_12m", TWELVE_MONTHS,
              short_label="Andel långa sjukfall, 12 mån", subject="Andelen långa sjukfall de senaste 12 månaderna"),
    _year_by_group("sick_leave_women_12m_pct", "Sjukfrånvaro kvinnor, 12 månader",
                   "Sjukfrånvaro kvinnor, 12 mån", "kvinnorna", "women"),
    _year_by_group("sick_leave_men_12m_pct", "Sjukfrånvaro män, 12 månader", "Sjukfrånvaro män, 12 mån", "männen",
                   "men"),
    _year_by_group("sick_leave_age_29_12m_pct", "Sjukfrånvaro 29 år eller yngre, 12 månader",
                   "Sjukfrånvaro ≤ 29 år, 12 mån", "medarbetare som är 29 år eller yngre", "age_29"),
    _year_by_group("sick_leave_age_30_49_12m_pct", "Sjukfrånvaro 30–49 år, 12 månader",
                   "Sjukfrånvaro 30–49 år, 12 mån",
                   "medarbetare som är 30–49 år", "age_30_49"),
    _year_by_group("sick_leave_age_50_12m_pct", "Sjukfrånvaro 50 år eller äldre, 12 månader",
                   "Sjukfrånvaro ≥ 50 år, 12 mån", "medarbetare som är 50 år eller äldre", "age_50"),
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
    Indicator("repeated_short_absence_pct", "Upprepad korttidsfrånvaro", "sick_leave", "%",
              "Andel av de anställda som haft sex eller fler sjuktillfällen de senaste 12 månaderna, räknat vid "
              "månadens slut: en tidig signal om ohälsa.",
              ("repeated_short_absence", "employees"), True, HEALTH, "employees",
              breakdown="Tidiga signaler: upprepad korttidsfrånvaro och frisknärvaro"),
    Indicator("healthy_presence_pct", "Frisknärvaro", "sick_leave", "%",
              "Andel av de anställda som haft högst fem sjukdagar de senaste 12 månaderna, räknat vid månadens slut.",
              ("healthy_presence", "employees"), False, HEALTH, "employees", subject="Frisknärvaron",
              breakdown="Tidiga signaler: upprepad korttidsfrånvaro och frisknärvaro"),
    Indicator("sick_pay_cost_sek", "Sjuklönekostnad", "sick_leave", "kr",
              "Sjuklön som betalats ut under månaden, i kronor.",
              ("sick_pay_cost_sek",), True, HEALTH, "sick_pay_employees", subject="Sjuklönekostnaden",
              breakdown="Sjuklönekostnad"),

    Indicator("turnover_pct", "Personalomsättning, månaden", "turnover", "%",
              "Tillsvidareanställda som slutat på enheten under månaden, som andel av antalet tillsvidareanställda. "
              "Räknar även dem som flyttat till en annan enhet i förvaltningen.",
              ("leavers", "permanent_employees"), True,
              subject="Personalomsättningen", shown=frozenset({REPORT_TABLE}),
              breakdown="Avgångar per månad", legend="Alla avgångar, även interna flyttar"),
    Indicator("turnover_12m_pct", "Personalomsättning, 12 månader", "turnover", "%",
              "Avgångar under de senaste 12 månaderna som andel av det genomsnittliga antalet tillsvidareanställda "
              "under samma tid.",
              ("leavers", "permanent_employees"), True, window=TWELVE_MONTHS,
              short_label="Personalomsättning, 12 mån", subject="Personalomsättningen de senaste 12 månaderna",
              shown=frozenset({CARD, SPARKLINE, ATTENTION, KEY_FIGURE, SLIDE, REPORT_TABLE})),
    Indicator("external_turnover_pct", "Lämnat förvaltningen", "turnover", "%",
              "Avgångar utom flyttar till en annan enhet i förvaltningen, som andel av antalet tillsvidareanställda: "
              "de som lämnat förvaltningen.",
              ("leavers", "internal_moves", "permanent_employees"), True,
              breakdown="Avgångar per månad"),
    Indicator("external_turnover_12m_pct", "Lämnat förvaltningen, 12 månader", "turnover", "%",
              "Avgångar ur förvaltningen under de senaste 12 månaderna som andel av det genomsnittliga antalet "
              "tillsvidareanställda.",
              ("leavers", "internal_moves", "permanent_employees"), True, window=TWELVE_MONTHS,
              short_label="Lämnat förvaltningen, 12 mån",
              subject="Andelen som lämnat förvaltningen de senaste 12 månaderna",
              shown=frozenset({CARD, KEY_FIGURE, REPORT_TABLE}), breakdown="Lämnat förvaltningen, rullande 12 månader"),
    Indicator("turnover_excl_retirement_pct", "Personalomsättning utom pension", "turnover", "%",
              "Avgångar ur förvaltningen utom pensionsavgångar, som andel av antalet tillsvidareanställda.",
              ("leavers", "internal_moves", "retirements", "permanent_employees"), True,
              shown=frozenset({REPORT_TABLE}),
              breakdown="Avgångar per månad", legend="Lämnat förvaltningen, utom pension"),
    *(Indicator(f"exit_reason_{reason.id}_pct", f"Avgångsorsak: {reason.label}", "turnover", "%",
                f"Andel av avgångssamtalen de senaste 12 månaderna där huvudorsaken var: {reason.label.lower()}.",
                (f"exit_{reason.id}", "exit_interviews"), None, PERSONAL, "exit_interviews_12m", TWELVE_MONTHS,
                short_label=f"Avgång, {reason.sheet or reason.label}", breakdown="Varför slutar de?",
                legend=reason.label, source="exit_reasons")
      for reason in REASONS),
    Indicator("exit_interviews_12m", "Avgångssamtal, 12 månader", "turnover", "st",
              "Antal avgångssamtal med en angiven huvudorsak under de senaste 12 månaderna.",
              ("exit_interviews",), None, window=TWELVE_MONTHS, short_label="Avgångssamtal, 12 mån",
              source="exit_reasons"),

    Indicator("open_cases", "Aktuella ärenden", "workload", "ärenden",
              "Ärenden som var öppna vid månadens slut.",
              ("open_cases",), None, subject="Antalet aktuella ärenden", shown=frozenset({REPORT_TABLE}),
              breakdown="Aktuella ärenden"),
    Indicator("caseload_per_worker", "Ärenden per handläggare", "workload", "ärenden per handläggare",
              "Aktuella ärenden vid månadens slut delat med antalet handläggare (årsarbetare) som handlade dem.",
              ("open_cases", "case_workers"), True, subject="Ärendebelastningen",
              shown=frozenset({CARD, SPARKLINE, ATTENTION, KEY_FIGURE, SLIDE, REPORT_TABLE, SIGNALS})),
    Indicator("new_cases", "Nya ärenden", "workload", "ärenden",
              "Ärenden som öppnades under månaden (inflöde).",
              ("new_cases",), None, shown=frozenset({REPORT_TABLE}), breakdown="Inflöde och utflöde"),
    Indicator("closed_cases", "Avslutade ärenden", "workload", "ärenden",
              "Ärenden som avslutades under månaden (utflöde).",
              ("closed_cases",), None, shown=frozenset({REPORT_TABLE}), breakdown="Inflöde och utflöde"),

    *(Indicator(f"pulse_{question.id}_agree_pct", f"{question.short}, andel som instämmer", "voice", "%",
                f"Andel av dem som svarade på påståendet ”{question.label}” som instämmer (de två högsta stegen på "
                "skalan).",
                (f"pulse_{question.id}_agree", f"pulse_{question.id}_answers"), False, PERSONAL,
                f"pulse_{question.id}_answers", TERTIAL, short_label=f"{question.sheet}, instämmer",
                shown=frozenset({REPORT_TABLE}), breakdown="Andel som instämmer", legend=question.short)
      for question in QUESTIONS),
    *(Indicator(f"pulse_{question.id}_answers", f"{question.short}, antal svar", "voice", "st",
                f"Antal som svarade på påståendet ”{question.label}”.",
                (f"pulse_{question.id}_answers",), None, PERSONAL, f"pulse_{question.id}_answers", TERTIAL,
                short_label=f"{question.sheet}, antal svar")
      for question in QUESTIONS),
    *(Indicator(f"pulse_{question.id}_mean", f"{question.short}, medelvärde", "voice", "1–5",
                f"Medelvärdet av svaren på påståendet ”{question.label}” på skalan 1–5, vägt med antalet svar.",
                (f"pulse_{question.id}_mean_x_answers", f"pulse_{question.id}_answers"), False, PERSONAL,
                f"pulse_{question.id}_answers", TERTIAL, short_label=f"{question.sheet}, medelvärde",
                breakdown="Medelvärde (1–5)", legend=question.short)
      for question in QUESTIONS),
    Indicator("pulse_response_rate_pct", "Svarsfrekvens, pulsfrågor", "voice", "%",
              "Svar på de tre pulsfrågorna som andel av dem som tillfrågades.",
              ("pulse_answers", "pulse_asked"), False, window=TERTIAL, shown=frozenset({REPORT_TABLE}),
              breakdown="Svarsfrekvens"),

    Indicator("vacancies", "Vakanta tjänster", "vacancies", "tjänster",
              "Budgeterade tjänster minus besatta tjänster.",
              ("budgeted_positions", "filled_positions"), True, subject="Antalet vakanta tjänster",
              shown=frozenset({CARD, SPARKLINE, KEY_FIGURE, SLIDE, REPORT_TABLE})),
    Indicator("vacancy_rate_pct", "Andel vakanta tjänster", "vacancies", "%",
              "Vakanta tjänster som andel av de budgeterade tjänsterna.",
              ("budgeted_positions", "filled_positions"), True,
              subject="Andelen vakanta tjänster",
              shown=frozenset({CARD, ATTENTION, KEY_FIGURE, REPORT_TABLE, SIGNALS}),
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
              ("recruitment_need",), True, subject="Rekryteringsbehovet",
              shown=frozenset({CARD, SPARKLINE, KEY_FIGURE, SLIDE, REPORT_TABLE, SIGNALS})),
    Indicator("recruitments_ongoing", "Pågående rekryteringar", "recruitment", "st",
              "Rekryteringar som pågår.",
              ("recruitments_ongoing",), None, shown=frozenset({CARD, REPORT_TABLE}),
              breakdown="Pågående rekryteringar och tillsatta tjänster"),
    Indicator("positions_filled", "Tillsatta tjänster", "recruitment", "st",
              "Tjänster som tillsattes under månaden.",
              ("positions_filled",), None, shown=frozenset({CARD, REPORT_TABLE}),
              breakdown="Pågående rekryteringar och tillsatta tjänster"),
)
BY_ID: dict[str, Indicator] = {i.id: i for i in INDICATORS}


def shown_in(place: str, topic: str | None = None) -> tuple[str, ...]:
    """The ids of the indicators shown in `place` (of one topic, if given), in catalogue order."""
    return tuple(i.id for i in INDICATORS if place in i.shown and (topic is None or i.topic == topic))


def shown_or_judged(place: str, judged: frozenset[str] | set[str]) -> tuple[str, ...]:
    """The ids shown in `place`, and every indicator in `judged` (those with a target for the group:
    a target set is a target reported), in catalogue order."""
    return tuple(i.id for i in INDICATORS if place in i.shown or i.id in judged)


def breakdowns(topic: str) -> list[tuple[Breakdown, tuple[Indicator, ...]]]:
    """A topic page's breakdown charts, each with its indicators in catalogue order."""
    return [(b, tuple(i for i in INDICATORS if i.topic == topic and i.breakdown == b.title))
            for b in TOPICS[topic].breakdowns]


def privacy_note(indicator_ids, health_limit: int) -> list[str]:
    """The notes that explain the '–' of hidden figures among these indicators, with the line of
    the health rule that holds (hrdash/store/settings.py: health_limit)."""
    classes = {BY_ID[i].privacy for i in indicator_ids}
    return [note for privacy, note in privacy_notes(health_limit).items() if privacy in classes]
