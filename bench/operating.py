"""Operating figures (issue 18, item 6): how the sick-leave control charts behave on data shaped like
a real organisation's, drawn as Part 2 drew them (no season) and as Part 3 does (seasonally
adjusted), so that a change to the method can be judged by what it does, not by what it promises.

The generated organisation: 4 förvaltningar × 40 units of 5–60 people, 48 months. Its sick leave
is simulated person by person, day by day: short spells (a few days, more in winter) and now and
then a long one of several months, summed to the sick-leave file's columns per unit and month.
In 16 units a step is planted from a known month: 8 get more short spells, 8 more long ones. The
file goes through hrdash's own import into a temporary database, and `signals.frame` draws the
charts with and without the season. The demo data is measured the same way.

`make bench-operating` (`python bench/operating.py`) prints the table alone; `make bench` runs it
too and keeps it in bench/results.json.
Deterministic: the same organisation every time.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

import sickness
from sickness import day_of_spell, spells  # noqa: F401 (tests/test_operating.py)

from hrdash import demo
from hrdash.figures import signals
from hrdash.ingest.parse import parse_file
from hrdash.store import batches, database, units

ADMINISTRATIONS, UNITS_PER_ADMINISTRATION, DEPARTMENTS_PER_ADMINISTRATION = 4, 40, 4
SMALLEST, LARGEST = 5, 60
MONTHS = 48
FIRST = dt.date(2022, 11, 1)
PLANTED_SHORT, PLANTED_LONG = 8, 8
SHORT_STEP, LONG_STEP = 1.6, 2.0  # the planted units' spells start this many times as often from their month
PLANTED_MIN_SIZE = 15
STEP_MONTHS = (24, 36)  # a step starts in one of these months (0 is the first): after the seasonal window,
# with 12 months after it
CAUGHT_WITHIN = 6  # a planted step is caught by a concern signal in its month or the 5 after
INDICATORS = ("sick_leave_pct", "short_sick_leave_pct")
SICK_COLUMNS = ["enhetskod", "enhet", "månad", "anställda", "ordinarie_timmar", "sjuktimmar", "sjuktimmar_dag_1_14",
                "sjuktimmar_60_dagar"]


@dataclass(frozen=True)
class Step:
    """A planted change: from `month` on, the unit's short (or long) spells start `factor` times as often."""

    code: str
    name: str
    kind: str  # "short" or "long"
    month: dt.date
    factor: float


@dataclass(frozen=True)
class Organisation:
    organisation: pd.DataFrame  # enhetskod, enhet, avdelning, förvaltning
    sick: pd.DataFrame  # the sick-leave file's columns, one row per unit and month
    steps: tuple[Step, ...]


def month_at(i: int) -> dt.date:
    index = FIRST.year * 12 + FIRST.month - 1 + i
    return dt.date(index // 12, index % 12 + 1, 1)


def simulate(seed: int = 18, units_per_administration: int = UNITS_PER_ADMINISTRATION) -> Organisation:
    """The generated organisation and its sick-leave file, person by person (see the module's text;
    a test asks for fewer units), its hours counted as bench/sickness.py counts them."""
    rng = np.random.default_rng(seed)
    count = ADMINISTRATIONS * units_per_administration
    codes = [f"E{i + 1:03d}" for i in range(count)]
    names = [f"Enhet {i // units_per_administration + 1}.{i % units_per_administration + 1:02d}" for i in range(count)]
    organisation = pd.DataFrame({
        "enhetskod": codes, "enhet": names,
        "avdelning": [f"Avdelning {i // units_per_administration + 1}.{i % DEPARTMENTS_PER_ADMINISTRATION + 1}"
                      for i in range(count)],
        "förvaltning": [f"Förvaltning {i // units_per_administration + 1}" for i in range(count)]})
    size = rng.integers(SMALLEST, LARGEST + 1, count)
    unit_of = np.repeat(np.arange(count), size)
    persons = len(unit_of)
    degree = rng.choice(sickness.DEGREES, persons, p=sickness.DEGREE_SHARES)

    days = sickness.calendar(FIRST, MONTHS)
    dates = days.dates
    candidates = rng.permutation(np.flatnonzero(size >= PLANTED_MIN_SIZE))[:PLANTED_SHORT + PLANTED_LONG]
    steps = tuple(Step(codes[u], names[u], "short" if k < PLANTED_SHORT else "long",
                       month_at(int(rng.integers(STEP_MONTHS[0], STEP_MONTHS[1] + 1))),
                       SHORT_STEP if k < PLANTED_SHORT else LONG_STEP) for k, u in enumerate(candidates))
    step_factor = {kind: np.ones((persons, len(dates)), np.float32) for kind in ("short", "long")}
    for step, u in zip(steps, candidates):
        step_factor[step.kind][np.ix_(unit_of == u, dates >= np.datetime64(step.month, "D"))] = step.factor

    short_rate = (sickness.SHORT_PER_YEAR / 365.25 * sickness.frailty(rng, persons)[:, None]
                  * days.winter[None, :] * step_factor["short"]).astype(np.float32)
    long_rate = (sickness.LONG_PER_YEAR / 365.25 * sickness.frailty(rng, persons)[:, None]
                 * step_factor["long"]).astype(np.float32)
    sick, spell_day = sickness.sick_days(rng, short_rate, long_rate)

    in_month = days.in_month()
    unit_matrix = np.zeros((count, persons))
    unit_matrix[unit_of, np.arange(persons)] = degree * sickness.HOURS_PER_DAY
    table = {"enhetskod": np.repeat(codes, MONTHS), "enhet": np.repeat(names, MONTHS),
             "månad": [f"{month_at(m):%Y-%m}" for m in range(MONTHS)] * count,
             "anställda": np.repeat(size, MONTHS)}
    for column, flags in sickness.hour_days(sick, spell_day, days.weekday).items():
        hours = unit_matrix @ sickness.monthly(flags, in_month)  # units × months, in multiples of 0.4 hours
        table[column] = np.round(hours, 1).ravel()
    return Organisation(organisation, pd.DataFrame(table)[SICK_COLUMNS], steps)


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """A frame as a Swedish payroll export writes it: `;` between fields, a decimal comma."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(frame.columns)
    writer.writerows([f"{v:.1f}".replace(".", ",") if isinstance(v, float) else v for v in row]
                     for row in frame.itertuples(index=False))
    return out.getvalue().encode("utf-8")


def load(con, generated: Organisation, folder: Path) -> None:
    """Write the organisation and sick-leave files to `folder` and import them as an upload is."""
    for name, frame in (("organisation.csv", generated.organisation), ("sjukfranvaro.csv", generated.sick)):
        (folder / name).write_bytes(csv_bytes(frame))
        parsed = parse_file((folder / name).read_bytes(), name, units=units.known(con))
        batches.import_file(con, parsed, "bench")


def charted(con, adjust: bool) -> pd.DataFrame:
    """Every point of the two sick-leave charts, with its signal and variation as `hrdash signals`
    gives them (unsuppressed: the method is measured, not what the privacy rule lets a reader see),
    and the value the chart is drawn on (divided by the season where `adjust`)."""
    points = signals.frame(con, adjust=adjust, indicator=list(INDICATORS))
    shown = signals.table(points, unsuppressed=True)
    out = points[["level", "group_name", "indicator", "month", "value", "has_limits", "series",
                  "baseline_start"]].copy()
    out["signal"] = shown["signal"].fillna("")
    out["variation"] = shown["variation"]
    out["drawn"] = points["value"] / points["seasonal"].fillna(1.0)
    out["position"] = out.groupby("series").cumcount()
    return out


def lag1(values: np.ndarray) -> float:
    """The lag-1 autocorrelation of a series, as a sample statistic:
    Σ (x_t − x̄)(x_t+1 − x̄) / Σ (x_t − x̄)². Near 0 for independent months (about −0.08 for 12)."""
    centred = values - values.mean()
    total = float(centred @ centred)
    return float(centred[:-1] @ centred[1:]) / total if total else float("nan")


def figures(points: pd.DataFrame, stable: set[str] | None = None, steps: tuple[Step, ...] = ()) -> dict:
    """Per indicator: the share of points with a signal (every group, points with limits); the share
    of (stable) units whose latest month carries one, and carries a concern; the share of their
    January points that carry a concern (the winter the season should not flag); the mean lag-1
    autocorrelation of the units' baseline values as drawn; the planted steps caught, and how
    often a stable unit has a concern in the same months by chance."""
    found = {}
    last = points["month"].max()
    for indicator in INDICATORS:
        mine = points[(points["indicator"] == indicator) & points["has_limits"]]
        unit = mine[mine["level"] == "enhet"]
        calm = unit[unit["group_name"].isin(stable)] if stable is not None else unit
        latest = calm[calm["month"] == last]
        january = calm[calm["month"].dt.month == 1]
        base = calm[(calm["position"] >= calm["baseline_start"])
                    & (calm["position"] < calm["baseline_start"] + signals.BASELINE_POINTS)]
        row = {"points": len(mine), "signal_share": float((mine["signal"] != "").mean()),
               "units_latest": len(latest), "latest_signal_share": float((latest["signal"] != "").mean()),
               "latest_concern_share": float((latest["variation"] == signals.CONCERN).mean()),
               "january_concern_share": float((january["variation"] == signals.CONCERN).mean()),
               "lag1": float(np.mean([lag1(g["drawn"].to_numpy()) for _, g in base.groupby("series")]))}
        if steps:
            caught, chance = {"short": 0, "long": 0}, []
            for step in steps:
                after = pd.Timestamp(step.month)
                until = after + pd.DateOffset(months=CAUGHT_WITHIN)
                window = unit[(unit["month"] >= after) & (unit["month"] < until)]
                concern = window[window["variation"] == signals.CONCERN]
                caught[step.kind] += int(step.name in set(concern["group_name"]))
                in_calm = window[window["group_name"].isin(stable)]
                chance.append(in_calm.loc[in_calm["variation"] == signals.CONCERN, "group_name"].nunique()
                              / in_calm["group_name"].nunique())
            row |= {"caught_short": caught["short"], "caught_long": caught["long"], "chance": float(np.mean(chance))}
        found[indicator] = row
    return found


def realised(generated: Organisation) -> list[dict]:
    """Each planted step as it came out: the unit's mean figures over the 12 months after its month
    against the 12 before (whole years, so the season cancels), in percentage points."""
    sick = generated.sick.assign(month=pd.to_datetime(generated.sick["månad"]))
    hours = ["ordinarie_timmar", "sjuktimmar", "sjuktimmar_dag_1_14"]
    out = []
    for step in generated.steps:
        unit = sick[sick["enhetskod"] == step.code]
        start = pd.Timestamp(step.month)
        before = unit[(unit["month"] < start) & (unit["month"] >= start - pd.DateOffset(months=12))][hours].sum()
        after = unit[(unit["month"] >= start) & (unit["month"] < start + pd.DateOffset(months=12))][hours].sum()
        change = {indicator: 100 * (after[column] / after["ordinarie_timmar"]
                                    - before[column] / before["ordinarie_timmar"])
                  for indicator, column in (("sick_leave_pct", "sjuktimmar"),
                                            ("short_sick_leave_pct", "sjuktimmar_dag_1_14"))}
        out.append({"unit": step.name, "people": int(unit["anställda"].iloc[0]), "kind": step.kind,
                    "month": f"{step.month:%Y-%m}", "factor": step.factor, **change})
    return out


def measure() -> dict:
    """Measure the generated organisation and the demo data, before and after."""
    results: dict = {}
    generated = simulate()
    stable = set(generated.organisation["enhet"]) - {s.name for s in generated.steps}
    with tempfile.TemporaryDirectory() as folder:
        con = database.connect(Path(folder) / "operating.duckdb")
        load(con, generated, Path(folder))
        results["generated"] = {when: figures(charted(con, adjust), stable, generated.steps)
                                for when, adjust in (("before", False), ("after", True))}
        con.close()
        con = database.connect(Path(folder) / "demo.duckdb")
        for _ in demo.load(con, "bench"):
            pass
        results["demo"] = {when: figures(charted(con, adjust)) for when, adjust in (("before", False), ("after", True))}
        con.close()
    sick = generated.sick
    results["organisation"] = {
        "units": len(generated.organisation), "people": int(sick.groupby("enhetskod")["anställda"].first().sum()),
        "months": MONTHS, "sick_leave_pct": 100 * sick["sjuktimmar"].sum() / sick["ordinarie_timmar"].sum(),
        "short_sick_leave_pct": 100 * sick["sjuktimmar_dag_1_14"].sum() / sick["ordinarie_timmar"].sum(),
        "long_share_pct": 100 * sick["sjuktimmar_60_dagar"].sum() / sick["sjuktimmar"].sum()}
    results["steps"] = realised(generated)
    return results


COLUMNS = (("signal_share", "signal", 9), ("latest_signal_share", "sen. signal", 13),
           ("latest_concern_share", "sen. oro", 10), ("january_concern_share", "jan. oro", 10))


def report(results: dict) -> None:
    """The table: per source, indicator and method, the figures `figures` describes, in per cent."""
    o = results["organisation"]
    print(f"\nStyrdiagrammens driftmått. Genererad organisation: {o['units']} enheter, {o['people']} personer, "
          f"{o['months']} månader; sjukfrånvaro {o['sick_leave_pct']:.1f} %, "
          f"korttid {o['short_sick_leave_pct']:.1f} %, andel 60 dagar+ {o['long_share_pct']:.0f} %.")
    print("Planterade steg (utfall: 12 månader efter mot 12 före, procentenheter):")
    for s in results["steps"]:
        spells = "korta fall" if s["kind"] == "short" else "långa fall"
        print(f"  {s['unit']:<12}{s['people']:>3} pers.  {spells} ×{s['factor']:.1f} från {s['month']}: "
              f"total {s['sick_leave_pct']:+.1f}, korttid {s['short_sick_leave_pct']:+.1f}")
    print(f"\n{'':<46}" + "".join(f"{title:>{width}}" for _, title, width in COLUMNS)
          + f"{'lag-1':>7}{'fångade kort/lång':>19}{'slump':>7}")
    for source, label in (("generated", "genererad"), ("demo", "demo")):
        for indicator in INDICATORS:
            for when, word in (("before", "före (del 2)"), ("after", "efter (del 3)")):
                f = results[source][when][indicator]
                planted = "chance" in f
                caught = f"{f['caught_short']}/{PLANTED_SHORT}  {f['caught_long']}/{PLANTED_LONG}" if planted else ""
                chance = f"{100 * f['chance']:.0f} %" if planted else ""
                print(f"{label + ' ' + indicator + ' ' + word:<46}"
                      + "".join(f"{100 * f[key]:>{width - 2}.0f} %" for key, _, width in COLUMNS)
                      + f"{f['lag1']:>7.2f}{caught:>19}{chance:>7}")
    print("signal: andel av alla punkter med gränser (alla nivåer) som har en signal; sen. signal / sen. oro: andel "
          "av de stabila enheterna\n(demo: alla enheter) vars senaste månad har en signal / en oroande signal; "
          "jan. oro: andel av deras januaripunkter med\noroande signal; lag-1: medelvärdet av enheternas "
          f"autokorrelation i baslinjens 12 värden, som de ritas; fångade: planterade steg med\noroande signal "
          f"inom {CAUGHT_WITHIN} månader från stegets månad; slump: andel stabila enheter med oroande signal under "
          "samma månader.")


if __name__ == "__main__":
    report(measure())
