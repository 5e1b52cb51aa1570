"""A whole municipality for the benchmark: 1 500 units in 8 förvaltningar, 60 months, all four
kinds, written as the spreadsheets a user would upload (xlsx and csv). Deterministic: the same
files every time, kept in bench/data/ (not committed)."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import numpy as np
from openpyxl import Workbook

UNITS, ADMINISTRATIONS, DEPARTMENTS_PER_ADMINISTRATION, MONTHS = 1500, 8, 12, 60
FIRST = dt.date(2021, 11, 1)
HEADERS = {
    "organisation": ["enhetskod", "enhet", "avdelning", "förvaltning"],
    "sjukfranvaro": ["enhetskod", "enhet", "månad", "anställda", "ordinarie_timmar", "sjuktimmar",
                     "sjuktimmar_dag_1_14", "sjuktimmar_60_dagar"],
    "personalomsattning": ["enhetskod", "enhet", "månad", "tillsvidareanställda", "avgångar", "varav_interna",
                           "varav_pension", "nyanställda"],
    "vakanser": ["enhetskod", "enhet", "månad", "budgeterade_tjänster", "besatta_tjänster", "konsulter",
                 "konsultkostnad_kr"],
    "rekryteringsbehov": ["enhetskod", "enhet", "månad", "rekryteringsbehov", "pågående_rekryteringar", "tillsatta"],
}


def month_at(i: int) -> dt.date:
    index = FIRST.year * 12 + FIRST.month - 1 + i
    return dt.date(index // 12, index % 12 + 1, 1)


def rows(rng: np.random.Generator) -> dict[str, list[list[object]]]:
    units = [(f"{10000 + i}", f"Enhet {i + 1:04d}") for i in range(UNITS)]
    out: dict[str, list[list[object]]] = {name: [] for name in HEADERS}
    for i, (code, name) in enumerate(units):
        administration = i % ADMINISTRATIONS
        out["organisation"].append([code, name, f"Avdelning {administration + 1}.{i % DEPARTMENTS_PER_ADMINISTRATION + 1}",
                                    f"Förvaltning {administration + 1}"])
    size = rng.integers(4, 60, UNITS)
    n = UNITS * MONTHS
    employees = np.repeat(size, MONTHS)
    ordinary = np.round(employees * rng.uniform(140, 165, n), 1)
    sick = np.round(ordinary * rng.uniform(0.01, 0.12, n), 1)
    short = np.round(sick * rng.uniform(0.2, 0.5, n), 1)
    long = np.round((sick - short) * rng.uniform(0, 0.9, n), 1)
    leavers = rng.binomial(employees, 0.012)
    internal = rng.binomial(leavers, 0.3)
    retired = rng.binomial(leavers - internal, 0.15)
    vacant = rng.integers(0, 4, n)
    consultants = np.minimum(vacant, rng.integers(0, 2, n))
    need = vacant + rng.integers(0, 2, n)
    ongoing = np.minimum(need, rng.integers(0, 3, n))
    filled = rng.binomial(ongoing, 0.4)
    for k in range(n):
        code, name = units[k // MONTHS]
        month = f"{month_at(k % MONTHS):%Y-%m}"
        out["sjukfranvaro"].append([code, name, month, int(employees[k]), float(ordinary[k]), float(sick[k]),
                                    float(short[k]), float(long[k])])
        out["personalomsattning"].append([code, name, month, int(employees[k]), int(leavers[k]), int(internal[k]),
                                          int(retired[k]), int(leavers[k])])
        out["vakanser"].append([code, name, month, float(employees[k] + vacant[k]), float(employees[k]),
                                int(consultants[k]), int(consultants[k]) * 100_000])
        out["rekryteringsbehov"].append([code, name, month, int(need[k]), int(ongoing[k]), int(filled[k])])
    return out


def write(folder: Path) -> dict[str, dict[str, Path]]:
    """Write every kind as xlsx and csv (once); return kind -> format -> path."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {kind: {fmt: folder / f"{kind}.{fmt}" for fmt in ("xlsx", "csv")} for kind in HEADERS}
    if all(p.exists() for formats in paths.values() for p in formats.values()):
        return paths
    data = rows(np.random.default_rng(7))
    for kind, header in HEADERS.items():
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("Data")
        sheet.append(header)
        for row in data[kind]:
            sheet.append(row)
        workbook.save(paths[kind]["xlsx"])
        with open(paths[kind]["csv"], "w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out, delimiter=";")
            writer.writerow(header)
            writer.writerows([str(v).replace(".", ",") if isinstance(v, float) else v for v in row]
                             for row in data[kind])
    return paths
