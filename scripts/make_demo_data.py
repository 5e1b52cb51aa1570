"""Write the demo spreadsheets in data/demo/ (run once; the files are committed).

A made-up Socialförvaltningen with 4 avdelningar and 15 units, 36 months up to October 2026. Its
sick leave is simulated person by person, day by day (bench/sickness.py, as the operating figures'
generated organisation is): each unit's own people, short spells more often in winter, now and then
a long one of several months, slowly fewer over the three years and fewer short ones after early
contact (March 2025). Winter peaks in sick leave, one unit whose turnover climbs (Utredning barn
och unga 2), and vacancies and consultant costs that fall after a recruitment drive from autumn
2025. The units that handle cases report their caseload; in Utredning barn och unga 1 it climbs
through 2026, its staff's answers to the pulse questions fall, and its sick leave follows. Every
unit answers the pulse questions each tertial (the 7 people of Ledningsstöd are often too few to be
shown); leavers give a reason in an exit interview; from November 2024 the sick-leave export also
has repeated short-term absence, frisknärvaro and sick pay. Arbetsmarknadsinsatser moves to Vuxen
in July 2025 (`hrdash demo` then restarts the baselines of the avdelningar concerned). HR's plan of
action lists the measures of seeds 003 and 004: the recruitment drive (vacancies fall after it),
early contact at short-term absence (sick leave lower since), "hela chefer" in Barn och unga (no
sure change yet), a new introduction programme where turnover climbs, a plan after T1's answers
and, late, two more case workers where the caseload climbs (too early to tell in October 2026). The
files are shaped like real exports, several of them messy, and are loaded through the same import
path as a user's upload (`hrdash demo`).

Deterministic (fixed seeds): the files come out the same every time, but for the timestamps
openpyxl writes into each workbook. The sick leave's seed (SICK_SEED) was chosen so that a
person-level draw shows what the demo is meant to show: February above July by more than 2
percentage points each year, Utredning barn och unga 1's latest month a concern, "hela chefer" no
sure change and early contact an improvement; another seed may not.

    python scripts/make_demo_data.py
"""

from __future__ import annotations

import datetime as dt
import math
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from openpyxl import Workbook
from openpyxl.styles import Font

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import sickness  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "data" / "demo"
FIRST, MONTHS = dt.date(2023, 11, 1), 36
ADMINISTRATION = "Socialförvaltningen"

# code, name, avdelning, employees, sick-leave level (%), myndighetsutövning (hard to recruit)
UNITS = [
    ("1101", "Mottagning barn och unga", "Barn och unga", 14, 6.5, True),
    ("1102", "Utredning barn och unga 1", "Barn och unga", 22, 7.5, True),
    ("1103", "Utredning barn och unga 2", "Barn och unga", 21, 8.5, True),
    ("1104", "Familjebehandling", "Barn och unga", 16, 5.5, False),
    ("1105", "Placering och uppföljning", "Barn och unga", 18, 6.8, True),
    ("1201", "Mottagning vuxen", "Vuxen", 11, 6.0, True),
    ("1202", "Missbruk och beroende", "Vuxen", 19, 7.2, True),
    ("1203", "Socialpsykiatri", "Vuxen", 24, 8.0, False),
    ("1204", "Boendestöd", "Vuxen", 28, 9.0, False),
    ("1301", "Mottagning ekonomiskt bistånd", "Ekonomiskt bistånd", 12, 5.8, True),
    ("1302", "Försörjningsstöd 1", "Ekonomiskt bistånd", 20, 6.6, True),
    ("1303", "Försörjningsstöd 2", "Ekonomiskt bistånd", 19, 7.0, True),
    ("1304", "Arbetsmarknadsinsatser", "Ekonomiskt bistånd", 15, 5.2, False),
    ("1401", "Ledningsstöd", "Stab", 7, 4.5, False),
    ("1402", "HR och ekonomi", "Stab", 10, 4.8, False),
]
CLIMBING = "Utredning barn och unga 2"
OVERLOADED = "Utredning barn och unga 1"  # caseload climbs through 2026; answers fall; sick leave follows
LOAD_FROM = dt.date(2026, 1, 1)
SIGNALS_FROM = dt.date(2024, 11, 1)  # the sick-leave export has the three early signals from here
MOVED = ("Arbetsmarknadsinsatser", "Vuxen", dt.date(2025, 7, 1))  # reorganisation: moves to Vuxen
DRIVE = dt.date(2025, 9, 1)  # the recruitment drive starts
GENDER_SHARE = {"kvinna": 0.8, "man": 0.2}
AGE_SHARE = {"-29": 0.22, "30-49": 0.5, "50-": 0.28}


def month_at(i: int) -> dt.date:
    index = FIRST.year * 12 + FIRST.month - 1 + i
    return dt.date(index // 12, index % 12 + 1, 1)


def split(total: int, shares: list[float], rng: np.random.Generator) -> list[int]:
    """Whole people per group, summing to `total`."""
    counts = rng.multinomial(total, shares)
    return [int(c) for c in counts]


def build(rng: np.random.Generator) -> dict[str, list[dict]]:
    turnover, vacancies, recruitment = [], [], []
    for code, name, department, size, level, hard in UNITS:
        employees = size
        expected_leavers = rng.uniform(0, 1)
        for i in range(MONTHS):
            month = month_at(i)
            drive = max(0, (month.year - DRIVE.year) * 12 + month.month - DRIVE.month)
            # The sick leave is simulated person by person (sick_leave below); the draws the unit-level
            # figures made here before are still made, so that the files sharing this stream stay as they were.
            _former_sick_leave_draws(rng, employees)

            # Turnover: about 12 % a year; one unit climbs to about 50 % a year.
            permanent = max(1, employees - int(rng.integers(0, 3)))
            monthly = 0.009
            if name == CLIMBING and i >= 18:
                monthly = 0.009 + 0.003 * (i - 18)
            # Leavers accumulate smoothly, so the story is not lost in the noise of small numbers.
            expected_before = expected_leavers
            expected_leavers += permanent * monthly * rng.uniform(0.7, 1.3)
            leavers = int(expected_leavers) - int(expected_before)
            internal = int(rng.binomial(leavers, 0.3))
            retired = int(rng.binomial(leavers - internal, 0.15))
            hires = leavers if rng.random() < 0.8 else max(0, leavers - 1)
            turnover.append(dict(enhetskod=code, enhet=name, år=month.year, månad=month.month,
                                 tillsvidareanställda=permanent, avgångar=leavers, varav_interna=internal,
                                 varav_pension=retired, nyanställda=hires))

            # Vacancies fall after the drive; consultants fill the gap at about 100 000 kr a month.
            if not hard:
                vacant = max(0.0, 0.5 + rng.normal(0, 0.4))
            elif month < DRIVE:
                vacant = max(0.5, 2.2 + 0.03 * i + rng.normal(0, 0.3))
            else:
                vacant = max(0.5, 2.8 - 0.2 * drive + rng.normal(0, 0.4))
            vacant = round(vacant * 2) / 2
            budgeted = float(employees + round(vacant))
            filled = budgeted - vacant
            consultants = math.ceil(vacant / 2) if hard else 0
            cost = consultants * int(rng.integers(92, 108)) * 1000
            vacancies.append(dict(enhet=name, månad=month, budgeterade_tjänster=budgeted,
                                  besatta_tjänster=filled, vakanta_tjänster=vacant, konsulter=consultants,
                                  konsultkostnad_kr=cost))

            need = int(round(vacant + rng.integers(0, 2)))
            ongoing = min(need, int(rng.integers(0, 2)) + (2 if hard and month >= DRIVE else 0))
            filled_now = int(rng.binomial(ongoing, 0.5 if month >= DRIVE else 0.25))
            recruitment.append(dict(enhet=name, månad=month, rekryteringsbehov=need,
                                    pågående_rekryteringar=ongoing, tillsatta=filled_now))
    return {"turnover": turnover, "vacancies": vacancies, "recruitment": recruitment}


def _former_sick_leave_draws(rng: np.random.Generator, employees: int) -> None:
    """What the unit-level sick leave drew from `build`'s stream for a unit and month: the month's
    noise, the people per gender and age group, and four uniforms for each group with people."""
    rng.normal(0, 0.7)
    shares = [GENDER_SHARE[g] * AGE_SHARE[a] for g in GENDER_SHARE for a in AGE_SHARE]
    for n in split(employees, shares, rng):
        if n:
            rng.uniform(size=4)


def _months_between(first: dt.date, month: dt.date) -> int:
    """Whole months from `first` to `month`; negative before it."""
    return (month.year - first.year) * 12 + month.month - first.month


HANDLES_CASES = [(code, name, department, size) for code, name, department, size, _, hard in UNITS if hard]
REASON_WEIGHTS = {"Lön": 0.22, "Hög arbetsbelastning": 0.24, "Chefsstöd": 0.12, "Karriär": 0.14, "Omorganisation": 0.04,
                  "Arbetsmiljö": 0.06, "Flytt": 0.08, "Pension": 0.04, "Studier": 0.03, "Vill ej uppge": 0.03}
QUESTIONS = ("Jag har en bra arbetssituation", "gott arbete", "Rekommendera")


def build_part2(rows: dict[str, list[dict]], rng: np.random.Generator) -> dict[str, list[dict]]:
    """Caseload, pulse answers and exit interviews, drawn from a random stream of their own so that
    the other figures stay as they were."""
    caseload, pulse, exits = [], [], []
    for code, name, department, size in HANDLES_CASES:
        workers = round(size * 0.7 * 2) / 2
        for i in range(MONTHS):
            month = month_at(i)
            per_worker = 11.5 + rng.normal(0, 0.8) + (0.6 * max(0, _months_between(LOAD_FROM, month))
                                                       if name == OVERLOADED else 0)
            staffed = workers - (1.0 if rng.random() < 0.15 else 0.0)
            open_cases = int(round(per_worker * staffed))
            new = int(rng.poisson(open_cases * 0.18))
            closed = max(0, new - int(round(rng.normal(0.6 if name == OVERLOADED and month >= LOAD_FROM else 0, 1.5))))
            caseload.append(dict(enhetskod=code, enhet=name, månad=month, aktuella_ärenden=open_cases,
                                 handläggare=staffed, nya_ärenden=new, avslutade_ärenden=closed))
    for code, name, department, size, _, _ in UNITS:
        base = rng.uniform(0.55, 0.75)
        for i in range(MONTHS):
            month = month_at(i)
            if month.month not in (4, 8, 12):
                continue
            asked = size - int(rng.integers(0, 2))
            strain = 0.045 * max(0, _months_between(LOAD_FROM, month)) if name == OVERLOADED else 0.0
            for question, offset in zip(QUESTIONS, (0.0, 0.12, -0.08)):
                answers = int(rng.binomial(asked, 0.8))
                share = min(0.95, max(0.05, base + offset - strain + rng.normal(0, 0.05)))
                agree = int(rng.binomial(answers, share))
                mean = round(min(5.0, max(1.0, 1.6 + 3.0 * share + rng.normal(0, 0.1))), 1)
                pulse.append(dict(enhet=name, period=f"{month.year} T{(month.month - 1) // 4 + 1}", fråga=question,
                                  svar=answers, instämmer=agree, tillfrågade=asked, medelvärde=mean))
    for r in rows["turnover"]:
        left = r["avgångar"] - r["varav_interna"]
        if left <= 0:
            continue
        interviewed = int(rng.binomial(left, 0.85))
        weights = dict(REASON_WEIGHTS)
        if r["enhet"] == CLIMBING:
            weights["Hög arbetsbelastning"] *= 2.5
        if r["varav_pension"]:
            weights["Pension"] *= 6
        reasons = rng.choice(list(weights), size=interviewed, p=np.array(list(weights.values())) / sum(weights.values()))
        for reason, count in zip(*np.unique(reasons, return_counts=True)):
            exits.append(dict(enhetskod=r["enhetskod"], enhet=r["enhet"], månad=dt.date(r["år"], r["månad"], 1),
                              orsak=str(reason), antal=int(count)))
    return {"caseload": caseload, "pulse": pulse, "exits": exits}


# The sick leave, person by person (bench/sickness.py): the units' own people, each with a gender,
# an age (groups change as people age), an employment degree, a wage and a proneness of their own.
SICK_SEED = 6109  # chosen (scan of seeds 0–6599) so the planted patterns show: see the module text
SHORT_SCALE, LONG_SCALE = 1.06, 0.8  # against bench/sickness.py's rates: 5–8 % in all, under 3 % day 1–14
DEMO_WINTER = 0.7  # short spells start 70 % more often at the end of January, 70 % less at the end of July
AGE_SPAN = {"-29": (22, 30), "30-49": (30, 50), "50-": (50, 64)}  # age at the first month, uniform
SHORT_BY_AGE, LONG_BY_AGE = {"-29": 1.15, "30-49": 1.0, "50-": 0.9}, {"-29": 0.6, "30-49": 1.0, "50-": 1.5}
BY_GENDER = {"kvinna": 1.1, "man": 0.75}
TREND = 0.08  # spells start 8 % less often by the last month than in the first: a slow improvement
EARLY_CONTACT = (dt.date(2025, 3, 1), 0.75)  # the measure: short spells start 25 % less often from its month
HELA_CHEFER = ("Barn och unga", dt.date(2026, 1, 1), 0.85)  # the measure: spells 15 % less often in its units
# but the overloaded one, from its month: not enough to tell against the overloaded unit's rise
STRAIN_FROM = dt.date(2026, 2, 1)  # the overloaded unit: its spells start more often each month after this
STRAIN_SHORT, STRAIN_LONG = 0.2, 0.3  # … by these shares of the usual rate a month
WAGE = (220, 260)  # kr an hour; sick pay is 80 % of it on day 2–14 of a spell (day 1 is the qualifying day)


@dataclass(frozen=True)
class People:
    """The demo's people and their months: each array persons × months, but for the attributes."""

    unit_of: np.ndarray  # index in UNITS
    gender: np.ndarray
    age: np.ndarray  # at the first month
    hours: dict[str, np.ndarray]  # per column of sickness.COLUMNS
    sick_pay: np.ndarray  # kr
    spells_12m: np.ndarray  # spells begun in the 12 months to the month's end
    sick_days_12m: np.ndarray  # sick working days in them


def people(rng: np.random.Generator) -> People:
    """Each person's sick leave, day by day, summed to months."""
    days = sickness.calendar(FIRST, MONTHS, winter=DEMO_WINTER)
    unit_of = np.repeat(np.arange(len(UNITS)), [size for _, _, _, size, _, _ in UNITS])
    persons = len(unit_of)
    gender = rng.choice(list(GENDER_SHARE), persons, p=list(GENDER_SHARE.values()))
    age_group = rng.choice(list(AGE_SHARE), persons, p=list(AGE_SHARE.values()))
    age = np.array([rng.uniform(*AGE_SPAN[a]) for a in age_group])
    degree = rng.choice(sickness.DEGREES, persons, p=sickness.DEGREE_SHARES)
    wage = rng.uniform(*WAGE, persons)
    levels = np.array([level for _, _, _, _, level, _ in UNITS])
    person = (levels / levels.mean())[unit_of] * np.array([BY_GENDER[g] for g in gender])

    elapsed = np.clip(days.month, 0, None) / (MONTHS - 1)
    short_time = (1 - TREND * elapsed) * np.where(days.dates >= np.datetime64(EARLY_CONTACT[0]), EARLY_CONTACT[1], 1.0)
    long_time = 1 - TREND * elapsed
    strained = unit_of == next(i for i, u in enumerate(UNITS) if u[1] == OVERLOADED)
    after_strain = (days.dates.astype("datetime64[M]") - np.datetime64(STRAIN_FROM, "M")).astype(int)
    months_strained = np.clip(after_strain, 0, None)
    department, since, factor = HELA_CHEFER
    managed = np.array([u[2] == department for u in UNITS])[unit_of] & ~strained
    managed_factor = np.where(managed[:, None] & (days.dates >= np.datetime64(since))[None, :], factor, 1.0)
    short_strain = np.where(strained[:, None], 1 + STRAIN_SHORT * months_strained[None, :], managed_factor)
    long_strain = np.where(strained[:, None], 1 + STRAIN_LONG * months_strained[None, :], managed_factor)
    short_rate = (SHORT_SCALE * sickness.SHORT_PER_YEAR / 365.25 * sickness.frailty(rng, persons)[:, None]
                  * (person * np.array([SHORT_BY_AGE[a] for a in age_group]))[:, None]
                  * (days.winter * short_time)[None, :] * short_strain).astype(np.float32)
    long_rate = (LONG_SCALE * sickness.LONG_PER_YEAR / 365.25 * sickness.frailty(rng, persons)[:, None]
                 * (person * np.array([LONG_BY_AGE[a] for a in age_group]))[:, None]
                 * long_time[None, :] * long_strain).astype(np.float32)
    sick, spell_day = sickness.sick_days(rng, short_rate, long_rate)

    in_month = days.in_month()
    hours = {column: sickness.monthly(flags, in_month) * (degree * sickness.HOURS_PER_DAY)[:, None]
             for column, flags in sickness.hour_days(sick, spell_day, days.weekday).items()}
    paid = (spell_day >= 2) & (spell_day <= 14) & days.weekday[None, :]
    sick_pay = sickness.monthly(paid, in_month) * (degree * sickness.HOURS_PER_DAY * 0.8 * wage)[:, None]
    # The 12 months to each month's end: spells begun and sick working days, per person.
    month_end = np.array([np.flatnonzero(days.month == m)[-1] for m in range(MONTHS)])
    begun = np.cumsum(spell_day == 1, axis=1)
    sick_workdays = np.cumsum((sick == 1) & days.weekday[None, :], axis=1)
    year_ago = month_end - 365
    spells_12m = begun[:, month_end] - begun[:, year_ago]
    sick_days_12m = sick_workdays[:, month_end] - sick_workdays[:, year_ago]
    return People(unit_of, gender, age, hours, sick_pay, spells_12m, sick_days_12m)


def sick_leave(found: People) -> list[dict]:
    """The sick-leave export's rows, one per unit, month, gender and age group with people in it
    (age groups as old as the person is that month); from SIGNALS_FROM also the early signals:
    employees with 6 or more spells in the 12 months to the month's end, those with at most 5 sick
    working days in them, and the month's sick pay."""
    unit_of, gender, age, hours = found.unit_of, found.gender, found.age, found.hours
    spells_12m, sick_days_12m, sick_pay = found.spells_12m, found.sick_days_12m, found.sick_pay
    rows = []
    for u, (_, name, *_) in enumerate(UNITS):
        for m in range(MONTHS):
            month = month_at(m)
            now = age + m / 12
            group = np.where(now < 30, "-29", np.where(now < 50, "30-49", "50-"))
            for g in GENDER_SHARE:
                for a in AGE_SHARE:
                    mine = (unit_of == u) & (gender == g) & (group == a)
                    if not mine.any():
                        continue
                    row = dict(enhet=name, månad=month, kön=g, åldersgrupp=a, anställda=int(mine.sum()),
                               **{column: round(float(hours[column][mine, m].sum()), 1) for column in sickness.COLUMNS})
                    if month >= SIGNALS_FROM:
                        row["upprepad_korttidsfrånvaro"] = int((spells_12m[mine, m] >= 6).sum())
                        row["frisknärvaro"] = int((sick_days_12m[mine, m] <= 5).sum())
                        row["sjuklönekostnad_kr"] = int(round(float(sick_pay[mine, m].sum()), -1))
                    rows.append(row)
    return rows


def sv_number(value: float, decimals: int = 1) -> str:
    """12345.5 -> '12 345,5' as a Swedish export writes it."""
    text = f"{value:,.{decimals}f}".replace(",", " ").replace(".", ",")
    return text


def write_organisation() -> None:
    workbook = Workbook()
    info = workbook.active
    info.title = "Instruktioner"
    info["A1"] = "Organisationen för HR-uppföljningen"
    info["A3"] = "Fyll i en rad per enhet. Bladet Organisation läses in."
    sheet = workbook.create_sheet("Organisation")
    sheet["A1"] = "Socialförvaltningen – organisation"
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A2"] = f"Uttag {dt.date(2023, 11, 1):%Y-%m-%d}"
    sheet.append([])
    sheet.append(["Enhetskod", "Enhet", "Avdelning", "Förvaltning"])
    for code, name, department, *_ in UNITS:
        sheet.append([code, name, department, ADMINISTRATION])
    workbook.save(OUT / "organisation.xlsx")

    name, department, month = MOVED
    code = next(c for c, n, *_ in UNITS if n == name)
    (OUT / "omorganisation_2025-07.csv").write_text(
        "Enhetskod;Enhet;Avdelning;Förvaltning;Månad\n"
        f"{code};{name};{department};{ADMINISTRATION};{month:%Y-%m}\n",
        encoding="utf-8",
    )


def write_sick_leave(rows: list[dict]) -> None:
    last = month_at(MONTHS - 1)
    history = [r for r in rows if r["månad"] < last]
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Sjukfrånvaro"
    sheet["A1"] = "Sjukfrånvaro per enhet, kön och åldersgrupp"
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A2"] = f"Källa: lönesystemet, {month_at(0):%Y-%m} – {month_at(MONTHS - 2):%Y-%m}"
    sheet.append([])
    sheet.append(["Enhet", "Period", "Kön", "Åldersgrupp", "Antal anställda", "Ordinarie tid (tim)",
                  "Sjukfrånvaro (tim)", "Varav dag 1-14", "Varav 60 dagar eller mer", "Upprepad korttidsfrånvaro",
                  "Frisknärvaro", "Sjuklön (kr)"])
    age_labels = {"-29": "29 år eller yngre", "30-49": "30–49 år", "50-": "50 år eller äldre"}
    for r in history:
        sheet.append([r["enhet"], r["månad"], "Kvinnor" if r["kön"] == "kvinna" else "Män", age_labels[r["åldersgrupp"]],
                      r["anställda"], r["ordinarie_timmar"], r["sjuktimmar"], r["sjuktimmar_dag_1_14"],
                      r["sjuktimmar_60_dagar"], r.get("upprepad_korttidsfrånvaro"), r.get("frisknärvaro"),
                      r.get("sjuklönekostnad_kr")])
        sheet.cell(sheet.max_row, 2).number_format = "yyyy-mm"
    sheet.append([])
    sheet.append(["Totalt", None, None, None, sum(r["anställda"] for r in history),
                  round(sum(r["ordinarie_timmar"] for r in history), 1), round(sum(r["sjuktimmar"] for r in history), 1)])
    workbook.save(OUT / f"sjukfranvaro_{month_at(0):%Y-%m}_{month_at(MONTHS - 2):%Y-%m}.xlsx")

    # The latest month as Excel on Swedish Windows saves CSV: semicolons, decimal comma, cp1252.
    latest = [r for r in rows if r["månad"] == last]
    lines = ["Enhetsnamn;Månad;Kön;Åldersgrupp;Anställda;Ordinarie arbetstid;Sjukfrånvarotid;"
             "Kort sjukfrånvaro (tim);Långtidssjukfrånvaro (tim);Antal med 6 eller fler sjuktillfällen;Antal friska;"
             "Sjuklönekostnad"]
    for r in latest:
        lines.append(";".join([r["enhet"], "oktober 2026", r["kön"], r["åldersgrupp"], str(r["anställda"]),
                               sv_number(r["ordinarie_timmar"]), sv_number(r["sjuktimmar"]),
                               sv_number(r["sjuktimmar_dag_1_14"]), sv_number(r["sjuktimmar_60_dagar"]),
                               str(r["upprepad_korttidsfrånvaro"]), str(r["frisknärvaro"]),
                               f"{sv_number(r['sjuklönekostnad_kr'], 0)} kr"]))
    (OUT / f"sjukfranvaro_{last:%Y-%m}.csv").write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))


def write_turnover(rows: list[dict]) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Personalomsättning"
    sheet.append(["Personalomsättning, tillsvidareanställda"])
    sheet.append([])
    sheet.append(["Enhetskod", "Enhet", "År", "Månad", "Antal tillsvidareanställda", "Avgångar",
                  "Varav intern rörlighet", "Varav pensionsavgångar", "Nyanställda", "Kommentar"])
    for i, r in enumerate(rows):
        values = [r["enhetskod"], r["enhet"], r["år"], r["månad"], r["tillsvidareanställda"], r["avgångar"],
                  r["varav_interna"], r["varav_pension"], r["nyanställda"]]
        if i % 7 == 0:  # numbers stored as text, as some exports do
            values[4:9] = [str(v) for v in values[4:9]]
        sheet.append(values)
    sheet.append(["", "Summa", None, None, None, sum(r["avgångar"] for r in rows)])
    workbook.save(OUT / "personalomsattning.xlsx")


def write_vacancies(rows: list[dict]) -> None:
    lines = ['Enhet,Månad,Budgeterade tjänster,Besatta tjänster,Vakanser,Inhyrda konsulter,Konsultkostnad (kr)']
    for r in rows:
        lines.append(",".join([r["enhet"], f"{r['månad']:%Y%m}", f'"{sv_number(r["budgeterade_tjänster"])}"',
                               f'"{sv_number(r["besatta_tjänster"])}"', f'"{sv_number(r["vakanta_tjänster"])}"',
                               str(r["konsulter"]), f'"{sv_number(r["konsultkostnad_kr"], 0)}"']))
    (OUT / "vakanser.csv").write_bytes(("\ufeff" + "\n".join(lines) + "\n").encode("utf-8"))


def write_recruitment(rows: list[dict]) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Recruitment"
    sheet.append(["Unit", "Month", "Recruitment need", "Ongoing recruitments", "Filled"])
    for r in rows:
        sheet.append([r["enhet"], r["månad"], r["rekryteringsbehov"], r["pågående_rekryteringar"], r["tillsatta"]])
        sheet.cell(sheet.max_row, 2).number_format = "mmm yyyy"
    workbook.save(OUT / "rekryteringsbehov.xlsx")


def write_caseload(rows: list[dict]) -> None:
    """A case-management system's export: a title, the case workers as decimals, codes first."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Ärenden"
    sheet["A1"] = "Aktuella ärenden per enhet och månad"
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([])
    sheet.append(["Kod", "Enhetsnamn", "Månad", "Öppna ärenden", "Handläggare (åa)", "Aktualiseringar",
                  "Avslutade ärenden"])
    for r in rows:
        sheet.append([r["enhetskod"], r["enhet"], r["månad"], r["aktuella_ärenden"], r["handläggare"], r["nya_ärenden"],
                      r["avslutade_ärenden"]])
        sheet.cell(sheet.max_row, 3).number_format = "yyyy-mm"
    workbook.save(OUT / "arenden.xlsx")


def write_pulse(rows: list[dict]) -> None:
    """The survey tool's summary: one row per unit, tertial and question, semicolons and decimal commas."""
    lines = ["Enhet;Mätperiod;Påstående;Antal tillfrågade;Antal svar;Antal instämmer;Medelvärde (1-5)"]
    for r in rows:
        lines.append(";".join([r["enhet"], r["period"], r["fråga"], str(r["tillfrågade"]), str(r["svar"]),
                               str(r["instämmer"]), sv_number(r["medelvärde"])]))
    (OUT / "puls.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_exits(rows: list[dict]) -> None:
    """HR's own log of exit interviews, kept by hand: the reasons as people wrote them."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Avgångssamtal"
    sheet.append(["Enhetskod", "Enhet", "Månad", "Avgångsorsak", "Antal"])
    for r in rows:
        sheet.append([r["enhetskod"], r["enhet"], f"{r['månad']:%Y-%m}", r["orsak"], r["antal"]])
    workbook.save(OUT / "avgangssamtal.xlsx")


# HR's plan of action (seeds 003 and 004), as kept by hand: one row per group, start and title.
MEASURES = (
    (ADMINISTRATION, "mars 2025", "Tidig kontakt vid korttidsfrånvaro", "Sjukfrånvaro", "HR-chef", "Genomförd",
     "mars 2026", "Chefen kontaktar medarbetaren vid det tredje sjukfrånvarotillfället på tolv månader, och "
     "företagshälsovården erbjuder samtal."),
    (ADMINISTRATION, "september 2025", "Rekryteringssatsning: tio fler socialsekreterartjänster", "Vakanser",
     "HR-chef", "Genomförd", "mars 2026", "Tio nya tjänster som socialsekreterare, riktad annonsering och "
     "lönesatsning för erfarna handläggare."),
    ("Barn och unga", "januari 2026", "Hela chefer: högst 25 medarbetare per chef", "Sjukfrånvaro",
     "Avdelningschef Barn och unga", "Pågår", "januari 2027", "En ny enhetschef, så att varje chef har tid "
     "för sina medarbetare."),
    ("Utredning barn och unga 2", "februari 2026", "Nytt introduktionsprogram för nyanställda",
     "Personalomsättning", "Enhetschef", "Pågår", "december 2026", "Mentor under första halvåret och en "
     "skyddad ärendemängd de första tre månaderna."),
    ("Utredning barn och unga 1", "maj 2026", "Handlingsplan efter T1: arbetsbelastning och stöd",
     "Medarbetarnas röst", "Enhetschef", "Pågår", "december 2026", "Planen efter vårens pulsfrågor: "
     "veckovis ärendegenomgång och handledning varannan vecka."),
    ("Utredning barn och unga 1", "september 2026", "Två tillfälliga handläggartjänster och ärendetak",
     "Arbetsbelastning", "Avdelningschef Barn och unga", "Pågår", "mars 2027", "Två visstidsanställda "
     "handläggare och ett tak på 14 aktuella ärenden per handläggare."),
)


def write_measures() -> None:
    """HR's plan of action, a workbook kept by hand: the measures, their status and follow-up."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Åtgärdsplan"
    sheet.append(["Avser", "Start", "Åtgärd", "Område", "Ansvarig", "Status", "Följs upp", "Beskrivning"])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for measure in MEASURES:
        sheet.append(list(measure))
    workbook.save(OUT / "atgarder.xlsx")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.iterdir():
        old.unlink()
    rows = build(np.random.default_rng(20261101))
    more = build_part2(rows, np.random.default_rng(20261123))
    write_organisation()
    write_sick_leave(sick_leave(people(np.random.default_rng(SICK_SEED))))
    write_turnover(rows["turnover"])
    write_vacancies(rows["vacancies"])
    write_recruitment(rows["recruitment"])
    write_caseload(more["caseload"])
    write_pulse(more["pulse"])
    write_exits(more["exits"])
    write_measures()
    for path in sorted(OUT.iterdir()):
        print(path.relative_to(OUT.parent.parent), f"{path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
