"""A large city for the benchmark: 3 000 units in 14 stadsdelsförvaltningar and 10 central
förvaltningar (Stockholm's shape), 120 months, every kind of Parts 1–3, written as the exports a
user would upload: the payroll system's sick leave split by gender (two rows per unit and month,
720 000 rows, as xlsx and csv), turnover, vacancies and recruitment needs as xlsx, the case
system's caseload as xlsx, the survey tool's pulse answers and HR's exit interviews as csv, and
a plan of action. Deterministic: the same files every time, kept in bench/data/city/ (not
committed)."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import numpy as np
from openpyxl import Workbook

DISTRICTS = ["Rinkeby-Kista", "Spånga-Tensta", "Hässelby-Vällingby", "Bromma", "Kungsholmen", "Norrmalm",
             "Östermalm", "Södermalm", "Enskede-Årsta-Vantör", "Skarpnäck", "Farsta", "Älvsjö",
             "Hägersten-Liljeholmen", "Skärholmen"]
DISTRICT_DEPARTMENTS = ["Äldreomsorg", "Individ- och familjeomsorg", "Funktionsnedsättning", "Förskola",
                        "Ekonomiskt bistånd", "Kultur och fritid", "Stab"]
# name, units, avdelningar (the rest of the 3 000 units are the districts', 150 each)
CENTRAL = [("Utbildningsförvaltningen", 420, 10), ("Socialförvaltningen", 120, 6), ("Äldreförvaltningen", 60, 4),
           ("Arbetsmarknadsförvaltningen", 50, 4), ("Kulturförvaltningen", 50, 4), ("Idrottsförvaltningen", 40, 4),
           ("Trafikkontoret", 30, 4), ("Miljöförvaltningen", 20, 3), ("Serviceförvaltningen", 40, 4),
           ("Stadsledningskontoret", 70, 6)]
UNITS_PER_DISTRICT = 150
UNITS = len(DISTRICTS) * UNITS_PER_DISTRICT + sum(n for _, n, _ in CENTRAL)
ADMINISTRATIONS = len(DISTRICTS) + len(CENTRAL)
MONTHS = 120
FIRST = dt.date(2016, 11, 1)
SEASON = np.array([2.4, 2.6, 1.5, 0.4, -0.3, -0.8, -1.6, -0.9, 0.0, 0.4, 1.0, 1.8]) / 100
REASONS = ["Lön", "Hög arbetsbelastning", "Chefsstöd", "Karriär", "Omorganisation", "Arbetsmiljö", "Flytt", "Pension",
           "Studier", "Vill ej uppge"]
QUESTIONS = ["Jag har en bra arbetssituation", "Jag känner att jag kan göra ett gott arbete",
             "Jag kan rekommendera min arbetsplats till andra"]
FILES = {"organisation": "organisation.xlsx", "sjukfranvaro": "sjukfranvaro.xlsx", "sjukfranvaro_csv": "sjukfranvaro.csv",
         "personalomsattning": "personalomsattning.xlsx", "vakanser": "vakanser.xlsx",
         "rekryteringsbehov": "rekryteringsbehov.xlsx", "arenden": "arenden.xlsx", "puls": "puls.csv",
         "avgangsorsaker": "avgangsorsaker.csv", "atgarder": "atgarder.xlsx"}


def months() -> list[str]:
    first = FIRST.year * 12 + FIRST.month - 1
    return [f"{(first + i) // 12}-{(first + i) % 12 + 1:02d}" for i in range(MONTHS)]


def organisation() -> list[tuple[str, str, str, str]]:
    """(code, unit, avdelning, förvaltning) for every unit."""
    out = []
    for d, district in enumerate(DISTRICTS):
        for i in range(UNITS_PER_DISTRICT):
            department = DISTRICT_DEPARTMENTS[i % len(DISTRICT_DEPARTMENTS)]
            out.append((f"{100 + d}{i:04d}", f"{district} {department.lower()} {i + 1}", department,
                        f"{district} stadsdelsförvaltning"))
    for c, (administration, n, departments) in enumerate(CENTRAL):
        for i in range(n):
            out.append((f"{200 + c}{i:04d}", f"{administration.removesuffix('förvaltningen').removesuffix('kontoret')}"
                        f" enhet {i + 1}", f"{administration} avdelning {i % departments + 1}", administration))
    return out


def _xlsx(path: Path, title: str, header: list[str], columns: list) -> None:
    """A payroll export: a title row, a blank row, the header, one row per record."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title)
    sheet.append([f"{title}, utdrag ur lönesystemet"])
    sheet.append([])
    sheet.append(header)
    for row in zip(*columns):
        sheet.append(row)
    workbook.save(path)


def _csv(path: Path, header: list[str], columns: list) -> None:
    """A semicolon file with decimal commas, as Swedish exports are."""
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow(header)
        writer.writerows([str(v).replace(".", ",") if isinstance(v, float) else v for v in row] for row in zip(*columns))


def write(folder: Path) -> dict[str, Path]:
    """Write every file (once); return name -> path."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {name: folder / file for name, file in FILES.items()}
    if all(p.exists() for p in paths.values()):
        return paths
    rng = np.random.default_rng(21)
    org = organisation()
    codes = [o[0] for o in org]
    names = [o[1] for o in org]
    _xlsx(paths["organisation"], "Organisation", ["Enhetskod", "Enhet", "Avdelning", "Förvaltning"],
          [codes, names, [o[2] for o in org], [o[3] for o in org]])
    month = months()
    n = UNITS * MONTHS
    unit = np.repeat(np.arange(UNITS), MONTHS)
    m = np.tile(np.arange(MONTHS), UNITS)
    code_col = [codes[u] for u in unit]
    name_col = [names[u] for u in unit]
    month_col = [month[i] for i in m]
    size = rng.integers(5, 45, UNITS)
    employees = np.repeat(size, MONTHS)

    # Sick leave, two rows per unit and month (women, men): level per unit, season, noise.
    level = np.repeat(rng.uniform(0.03, 0.09, UNITS), MONTHS)
    calendar = (FIRST.month - 1 + m) % 12
    women = rng.binomial(employees, 0.75)
    split = {"Kvinna": women, "Man": employees - women}
    sick_columns: list[list] = [[] for _ in range(13)]
    for gender, people in split.items():
        ordinary = np.round(people * rng.uniform(140, 165, n), 1)
        rate = np.clip(level + SEASON[calendar] + rng.normal(0, 0.01, n), 0.005, 0.3) * (1.1 if gender == "Kvinna" else 0.8)
        sick = np.round(ordinary * rate, 1)
        short = np.round(sick * rng.uniform(0.25, 0.5, n), 1)
        long = np.round((sick - short) * rng.uniform(0, 0.9, n), 1)
        repeated = rng.binomial(people, 0.07)
        healthy = rng.binomial(people - repeated, 0.55)
        pay = np.round(short * 0.8 * 240, -1).astype(int)
        for column, values in zip(sick_columns, [code_col, name_col, month_col, [gender] * n, people.tolist(),
                                                  ordinary.tolist(), sick.tolist(), short.tolist(), long.tolist(),
                                                  repeated.tolist(), healthy.tolist(), pay.tolist()]):
            column.extend(values)
    keep = [i for i, people in enumerate(sick_columns[4]) if people > 0]  # no row for a group of nobody
    order = sorted(keep, key=lambda i: (i % n, i // n))  # the unit's women and men together
    sick_columns = [[column[i] for i in order] for column in sick_columns[:12]]
    sick_header = ["Enhetskod", "Enhet", "Period", "Kön", "Antal anställda", "Ordinarie arbetstid",
                   "Sjukfrånvarotid", "Varav dag 1-14", "Varav 60 dagar eller mer", "Upprepad korttidsfrånvaro",
                   "Frisknärvaro", "Sjuklönekostnad"]
    _xlsx(paths["sjukfranvaro"], "Sjukfrånvaro", sick_header, sick_columns)
    _csv(paths["sjukfranvaro_csv"], sick_header, sick_columns)

    leavers = rng.binomial(employees, 0.011)
    internal = rng.binomial(leavers, 0.3)
    retired = rng.binomial(leavers - internal, 0.15)
    _xlsx(paths["personalomsattning"], "Personalomsättning",
          ["Enhetskod", "Enhet", "Månad", "Antal tillsvidareanställda", "Avgångar", "Varav intern rörlighet",
           "Varav pensionsavgångar", "Nyanställda"],
          [code_col, name_col, month_col, employees.tolist(), leavers.tolist(), internal.tolist(), retired.tolist(),
           rng.binomial(leavers + 1, 0.8).tolist()])
    vacant = rng.integers(0, 4, n)
    consultants = np.minimum(vacant, rng.integers(0, 2, n))
    _xlsx(paths["vakanser"], "Vakanser",
          ["Enhetskod", "Enhet", "Månad", "Budgeterade tjänster", "Besatta tjänster", "Inhyrda konsulter",
           "Konsultkostnad"],
          [code_col, name_col, month_col, (employees + vacant).astype(float).tolist(), employees.astype(float).tolist(),
           consultants.tolist(), (consultants * 100_000).tolist()])
    need = vacant + rng.integers(0, 2, n)
    ongoing = np.minimum(need, rng.integers(0, 3, n))
    _xlsx(paths["rekryteringsbehov"], "Rekryteringsbehov",
          ["Enhetskod", "Enhet", "Månad", "Rekryteringsbehov", "Pågående rekryteringar", "Tillsatta"],
          [code_col, name_col, month_col, need.tolist(), ongoing.tolist(), rng.binomial(ongoing, 0.4).tolist()])
    workers = np.round(employees * 0.7 * 2) / 2
    open_cases = rng.poisson(workers * 11.5)
    new = rng.poisson(open_cases * 0.18)
    _xlsx(paths["arenden"], "Ärenden",
          ["Kod", "Enhetsnamn", "Månad", "Öppna ärenden", "Handläggare (åa)", "Aktualiseringar", "Avslutade ärenden"],
          [code_col, name_col, month_col, open_cases.tolist(), workers.tolist(), new.tolist(),
           rng.binomial(new, 0.95).tolist()])

    # Pulse: every unit, each tertial's last month, three questions.
    tertials = [i for i in range(MONTHS) if int(month[i][5:]) in (4, 8, 12)]
    rows = [(u, i, q) for u in range(UNITS) for i in tertials for q in range(3)]
    asked = np.array([size[u] for u, _, _ in rows])
    answers = rng.binomial(asked, 0.8)
    agree = rng.binomial(answers, rng.uniform(0.45, 0.85, len(rows)))
    mean = np.round(1.6 + 3.0 * agree / np.maximum(answers, 1), 1)
    _csv(paths["puls"], ["Enhet", "Mätperiod", "Påstående", "Antal tillfrågade", "Antal svar", "Antal instämmer",
                         "Medelvärde (1-5)"],
         [[names[u] for u, _, _ in rows], [f"{month[i][:4]} T{(int(month[i][5:]) - 1) // 4 + 1}" for _, i, _ in rows],
          [QUESTIONS[q] for _, _, q in rows], asked.tolist(), answers.tolist(), agree.tolist(), mean.tolist()])

    # Exit interviews: for each unit-month with leavers outside the förvaltning, their reasons.
    exits: list[list] = [[], [], [], [], []]
    left = leavers - internal
    for k in np.flatnonzero(left):
        reasons, counts = np.unique(rng.choice(len(REASONS), size=int(left[k])), return_counts=True)
        for reason, count in zip(reasons, counts):
            for column, value in zip(exits, (code_col[k], name_col[k], month_col[k], REASONS[reason], int(count))):
                column.append(value)
    _csv(paths["avgangsorsaker"], ["Enhetskod", "Enhet", "Månad", "Avgångsorsak", "Antal"], exits)

    # A plan of action: one measure for each förvaltning and for every tenth unit.
    administrations = sorted({o[3] for o in org})
    groups = administrations + names[::10]
    topics = ["Sjukfrånvaro", "Vakanser", "Rekryteringsbehov", "Arbetsbelastning", "Medarbetarnas röst",
              "Personalomsättning"]
    _xlsx(paths["atgarder"], "Åtgärdsplan", ["Avser", "Start", "Åtgärd", "Område", "Ansvarig", "Status"],
          [groups, [month[60 + i % 48] for i in range(len(groups))], [f"Åtgärd {i + 1}" for i in range(len(groups))],
           [topics[i % len(topics)] for i in range(len(groups))], ["Chef"] * len(groups), ["Pågår"] * len(groups)])
    return paths
