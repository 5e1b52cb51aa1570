"""Plain-Swedish sentences written from the figures, for pages, reports and slides."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from hrdash import swedish
from hrdash.catalogue import BY_ID
from hrdash.figures.format import difference, format_value
from hrdash.figures.series import value_at
from hrdash.months import shift as month_shift


def subject(indicator_id: str) -> str:
    """The indicator as the subject of a sentence: "Sjukfrånvaron var 7,4 % …"."""
    return BY_ID[indicator_id].sentence_subject


def comparison(indicator_id: str, value: float, other: float, when: str) -> str:
    """', 0,6 procentenheter lägre än i oktober 2025' or ', samma som i …'."""
    change = difference(indicator_id, value, other)
    unit = BY_ID[indicator_id].unit
    if abs(change) < 0.05:
        return f", samma som {when}"
    if unit == "%":
        size, direction = f"{swedish.number(abs(change), 1)} procentenheter", "högre" if change > 0 else "lägre"
    elif unit == "kr":
        size, direction = swedish.kronor(abs(change)), "högre" if change > 0 else "lägre"
    else:
        size = swedish.number(abs(change), 0 if float(change).is_integer() else 1)
        direction = "fler" if change > 0 else "färre"
    return f", {size} {direction} än {when}"


def sentence(indicator_id: str, value: float | None, month: dt.date, group_name: str,
             last_year: float | None = None, previous: float | None = None, reason: str | None = None) -> str:
    """'Sjukfrånvaron i Socialförvaltningen var 7,4 % i oktober 2026, 0,6 procentenheter lägre än i oktober 2025.'"""
    who = f"{subject(indicator_id)} i {group_name}"
    when = swedish.month_name(month)
    if value is None:
        why = f" ({reason.lower()})" if reason else ""
        return f"{who} redovisas inte för {when}{why}."
    text = f"{who} var {format_value(indicator_id, value)} i {when}"
    if last_year is not None:
        text += comparison(indicator_id, value, last_year, f"i {swedish.month_name(dt.date(month.year - 1, month.month, 1))}")
    elif previous is not None:
        text += comparison(indicator_id, value, previous, "månaden innan")
    return text + "."


def headline(series: pd.DataFrame, indicator_id: str, month: dt.date, group_name: str) -> str:
    """The sentence for a page's main indicator, from its monthly series."""
    by_month = series.set_index("month")
    note = by_month.loc[month, f"note_{indicator_id}"] if month in by_month.index else None
    return sentence(indicator_id, value_at(by_month, indicator_id, month), month, group_name,
                    value_at(by_month, indicator_id, month_shift(month, -12)),
                    value_at(by_month, indicator_id, month_shift(month, -1)),
                    note if isinstance(note, str) and note else None)
