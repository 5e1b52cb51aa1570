"""A fair comparison of groups with their whole, the way funnel plots do it (Spiegelhalter 2005;
NHS-R's FunnelPlotR): a unit of 9 people is judged by what chance does to 9 people, not ranked
by its raw figure (domain.md, Part 3, "Fair comparison of units: hrdash compare").

Sets: every unit of a förvaltning against the förvaltning, every avdelning of a förvaltning
against it, every förvaltning against the kommun. Proportions are compared on the arcsine
scale, with an overdispersion term τ² from the set's winsorised z-scores; turnover over 12 months,
a count of rare events, with exact Poisson limits. The parts come from
queries/marts/compare_parts.sql.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb
import numpy as np
import pandas as pd
from scipy import special

from hrdash.catalogue import BY_ID
from hrdash.store.queries import read

INDICATORS = ("sick_leave_12m_pct", "sick_leave_pct", "short_sick_leave_pct", "vacancy_rate_pct",
              "pulse_work_situation_agree_pct", "pulse_good_work_agree_pct", "pulse_recommend_agree_pct",
              "turnover_12m_pct")
POISSON = "turnover_12m_pct"
Z95, Z998 = 1.959964, 3.090232
WINSOR = (10, 90)  # percentiles of z the set's z-scores are clipped to
MIN_GROUPS = 5  # fewer groups entering z: no overdispersion term
ABOVE, HIGH, WITHIN, LOW, BELOW = "above", "high", "within", "low", "below"
COLUMNS = ("level", "unit", "parent", "month", "indicator", "value", "n", "target", "lower95", "upper95",
           "lower998", "upper998", "tau2", "verdict")
LEVEL_ORDER = {"enhet": 1, "avdelning": 2, "förvaltning": 3}


def tau2(z: np.ndarray, n: np.ndarray) -> float:
    """The overdispersion of a set of groups on the arcsine scale: φ is the mean of the squared
    z-scores winsorised to their 10th and 90th percentiles; with k groups, τ² = (kφ − (k − 1)) /
    (Σw − Σw² / Σw), w = 1 / s² = 4n, where kφ > k − 1, else 0; 0 with fewer than 5 groups."""
    k = len(z)
    if k < MIN_GROUPS:
        return 0.0
    low, high = np.percentile(z, WINSOR)
    phi = float(np.mean(np.clip(z, low, high) ** 2))
    if k * phi <= k - 1:
        return 0.0
    w = 4.0 * n
    return (k * phi - (k - 1)) / (w.sum() - (w ** 2).sum() / w.sum())


def proportion_limits(theta: float, n: np.ndarray, tau: float) -> dict[str, np.ndarray]:
    """100 × sin²(t ± z* √(s² + τ²)), the argument clipped to [0, π/2], for each group's size."""
    t = np.arcsin(np.sqrt(theta))
    spread = np.sqrt(1.0 / (4.0 * n) + tau)
    found = {}
    for name, z_star in (("95", Z95), ("998", Z998)):
        found[f"lower{name}"] = 100 * np.sin(np.clip(t - z_star * spread, 0, np.pi / 2)) ** 2
        found[f"upper{name}"] = 100 * np.sin(np.clip(t + z_star * spread, 0, np.pi / 2)) ** 2
    return found


def verdicts(value: np.ndarray, limits: dict[str, np.ndarray]) -> np.ndarray:
    """above / high / below / low / within: the value against the 99,8 % and 95 % limits."""
    return np.select([value > limits["upper998"], value > limits["upper95"], value < limits["lower998"],
                      value < limits["lower95"]], [ABOVE, HIGH, BELOW, LOW], WITHIN).astype(object)


def poisson_quantile(q: float, mu: np.ndarray) -> np.ndarray:
    """The smallest count k with P(X ≤ k) ≥ q for X ~ Poisson(mu): scipy.stats.poisson.ppf's own
    method, on scipy.special's Poisson distribution function and its inverse, because importing
    scipy.stats takes 0.6 s of a CLI run (tests/test_compare.py checks the two agree)."""
    guess = np.ceil(special.pdtrik(q, mu))
    below = np.maximum(guess - 1, 0)
    return np.where(special.pdtr(below, mu) >= q, below, guess)


def poisson_limits(theta: float, n: np.ndarray, observed: np.ndarray) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """Exact Poisson limits of the count expected at the parent's rate, E = θ n, as rates (100 ×
    the q-quantile / n), and the verdicts that compare the observed count with the quantiles."""
    expected = theta * n
    quantiles = {q: poisson_quantile(q, expected) for q in (0.025, 0.975, 0.001, 0.999)}
    limits = {"lower95": 100 * quantiles[0.025] / n, "upper95": 100 * quantiles[0.975] / n,
              "lower998": 100 * quantiles[0.001] / n, "upper998": 100 * quantiles[0.999] / n}
    verdict = np.select([observed > quantiles[0.999], observed > quantiles[0.975], observed < quantiles[0.001],
                         observed < quantiles[0.025]], [ABOVE, HIGH, BELOW, LOW], WITHIN).astype(object)
    none = expected <= 0
    for name in limits:
        limits[name] = np.where(none, np.nan, limits[name])
    verdict[none] = None
    return limits, verdict


def _compare_set(children: pd.DataFrame, parent: pd.Series, indicator_id: str, unsuppressed: bool) -> pd.DataFrame:
    """One comparison set: the groups with a value and n > 0, against their parent."""
    found = children[children["value"].notna() & (children["n"] > 0)].copy()
    for name in ("target", "lower95", "upper95", "lower998", "upper998", "tau2"):
        found[name] = np.nan
    found["verdict"] = None
    if parent["value"] != parent["value"] or found.empty:
        return found
    parent_hidden = bool(parent["suppressed"]) and not unsuppressed
    if parent_hidden:
        return found  # the target would give a hidden figure away, and so would the limits around it
    theta = parent["value"] / 100
    found["target"] = parent["value"]
    n = found["n"].to_numpy(float)
    value = found["value"].to_numpy(float)
    if indicator_id == POISSON:
        limits, verdict = poisson_limits(theta, n, found["events"].to_numpy(float))
    else:
        entering = ~found["suppressed"].to_numpy(bool)
        z = ((np.arcsin(np.sqrt(value[entering] / 100)) - np.arcsin(np.sqrt(theta)))
             * 2 * np.sqrt(n[entering]))
        found["tau2"] = tau = tau2(z, n[entering])
        limits = proportion_limits(theta, n, tau)
        verdict = verdicts(value, limits)
    for name, values in limits.items():
        found[name] = values
    found["verdict"] = verdict
    return found


def compare(con: duckdb.DuckDBPyConnection, month: dt.date, indicator_ids: tuple[str, ...] = INDICATORS,
            unsuppressed: bool = False) -> pd.DataFrame:
    """Every comparison of the month, in the columns of `hrdash compare` (COLUMNS) and beside them
    group_id, parent_id, suppressed, events (O, for turnover) and expected (E). A group whose value
    is hidden keeps its n, target and tau2 but has no value, limits or verdict (unless
    `unsuppressed`); a hidden value never enters z, φ or τ², so everyone sees the same limits."""
    parts = read(con, "compare_parts", month=month, indicator=tuple(indicator_ids)).df()
    parents = {(r.level, r.group_id, r.indicator): r for r in parts.itertuples(index=False)}
    names = {(r.level, r.group_id): r.group_name for r in parts.itertuples(index=False)}
    sets = []
    for (parent_level, parent_id, level, indicator_id), children in parts[parts["parent_level"].notna()].groupby(
            ["parent_level", "parent_id", "level", "indicator"], sort=False):
        parent = parents.get((parent_level, parent_id, indicator_id))
        if parent is None:  # förvaltningar without a kommun above them
            continue
        found = _compare_set(children, pd.Series(parent._asdict()), indicator_id, unsuppressed)
        found["parent"] = names.get((parent_level, parent_id), parent_id)
        sets.append(found)
    if not sets:
        return pd.DataFrame(columns=[*COLUMNS, "group_id", "parent_id", "suppressed", "events", "expected"])
    found = pd.concat(sets, ignore_index=True)
    found["expected"] = np.where(found["indicator"] == POISSON, found["target"] / 100 * found["n"], np.nan)
    if not unsuppressed:
        hidden = found["suppressed"].astype(bool)
        for name in ("value", "lower95", "upper95", "lower998", "upper998"):
            found.loc[hidden, name] = np.nan
        found.loc[hidden, "verdict"] = None
    found["month"] = pd.to_datetime(found["month"])
    found = found.rename(columns={"group_name": "unit"})
    found["order"] = found["indicator"].map({i: p for p, i in enumerate(INDICATORS)})
    found["level_order"] = found["level"].map(LEVEL_ORDER)
    found = found.sort_values(["order", "level_order", "parent", "unit"], key=_sort_key).reset_index(drop=True)
    return found[[*COLUMNS, "group_id", "parent_id", "suppressed", "events", "expected"]]


def _sort_key(column: pd.Series) -> pd.Series:
    return column.str.casefold() if column.dtype == object else column


def worse_when_higher(indicator_id: str) -> bool:
    """Every compared indicator is worse when higher, but the pulse questions' share who agree."""
    return BY_ID[indicator_id].higher_is_worse is not False


VERDICT_ORDER = (ABOVE, HIGH, WITHIN, LOW, BELOW)  # from the highest figure to the lowest


@dataclass(frozen=True)
class Funnel:
    """One comparison as a page, the report and a slide show it: the groups of `group`'s set (its
    members) against their whole, the worse side first, then by distance from the whole."""

    indicator_id: str
    month: dt.date
    parent: str  # the whole's name
    parent_level: str  # förvaltning or kommun
    level: str  # the compared groups' level
    target: float | None  # the whole's value
    tau2: float | None
    rows: pd.DataFrame  # the columns of `compare`, in the order shown
    highlight: str | None = None  # the group chosen in the sidebar, where it is one of them

    def curve(self, points: int = 80) -> pd.DataFrame:
        """The funnel around the whole: n and the four limits, from the smallest group to the largest
        (for turnover the exact Poisson steps at every whole size)."""
        sizes = self.rows["n"].dropna()
        sizes = sizes[sizes > 0]
        if self.target is None or sizes.empty:
            return pd.DataFrame(columns=["n", "lower95", "upper95", "lower998", "upper998"])
        low, high = float(sizes.min()), float(sizes.max())
        theta = self.target / 100
        if self.indicator_id == POISSON:  # whole people: the exact limits at every whole size
            n = np.arange(max(1, int(low * 0.8)), int(np.ceil(high * 1.1)) + 1, dtype=float)
            limits, _ = poisson_limits(theta, n, np.zeros(len(n)))
        else:
            n = np.unique(np.r_[np.geomspace(max(low * 0.8, 0.5), high * 1.1, points), sizes.to_numpy(float)])
            limits = proportion_limits(theta, n, self.tau2 or 0.0)
        return pd.DataFrame({"n": n, **limits})


def order(rows: pd.DataFrame, indicator_id: str) -> pd.DataFrame:
    """The worse side first (above, high for figures where higher is worse; below, low for the pulse
    questions), then within, then the better side; within each, the farthest from the whole first;
    a hidden figure last."""
    ranks = {v: i for i, v in enumerate(VERDICT_ORDER if worse_when_higher(indicator_id) else VERDICT_ORDER[::-1])}
    keyed = rows.assign(_rank=rows["verdict"].map(ranks).fillna(len(ranks)),
                        _distance=-(rows["value"] - rows["target"]).abs().fillna(-1))
    return keyed.sort_values(["_rank", "_distance", "unit"]).drop(columns=["_rank", "_distance"]).reset_index(drop=True)


def funnel(con: duckdb.DuckDBPyConnection, members: list, month: dt.date, indicator_id: str, unsuppressed: bool,
           highlight: str | None = None) -> Funnel | None:
    """The comparison of `members` (groups of one level under one whole: hrdash/figures/groups.py's
    member_units) in a month; None where none of them has a value."""
    if not members:
        return None
    found = compare(con, month, (indicator_id,), unsuppressed)
    level = members[0].level
    rows = found[(found["level"] == level) & found["group_id"].isin([m.group_id for m in members])]
    if rows.empty:
        return None
    parent_level = "kommun" if level == "förvaltning" else "förvaltning"
    target = rows["target"].dropna()
    tau = rows["tau2"].dropna()
    return Funnel(indicator_id, month, rows["parent"].iloc[0], parent_level, level,
                  float(target.iloc[0]) if not target.empty else None, float(tau.iloc[0]) if not tau.empty else None,
                  order(rows, indicator_id), highlight)


# A 12-month window not yet complete (in the first year of figures, or after a month a unit missed):
# the month's own figure is compared instead.
FALLBACK = {"sick_leave_12m_pct": "sick_leave_pct"}


def topic_funnel(con: duckdb.DuckDBPyConnection, members: list, month: dt.date, indicator_id: str,
                 unsuppressed: bool, highlight: str | None = None) -> Funnel | None:
    """A topic's comparison as its page and the report show it (see FALLBACK)."""
    found = funnel(con, members, month, indicator_id, unsuppressed, highlight)
    if found is None and indicator_id in FALLBACK:
        found = funnel(con, members, month, FALLBACK[indicator_id], unsuppressed, highlight)
    return found
