"""An indicator's value as a committee member reads it, by its unit in the catalogue."""

from __future__ import annotations

from hrdash import swedish
from hrdash.catalogue import BY_ID

SINGULAR = {"tjänster": "tjänst", "ärenden": "ärende"}


def format_value(indicator_id: str, value: float | None) -> str:
    """'7,4 %', '3,5 tjänster', '1 200 000 kr', '13,4 ärenden per handläggare', '3,8' (on the scale
    1–5); '–' where there is no value."""
    unit = BY_ID[indicator_id].unit
    if unit == "%":
        return swedish.percent(value)
    if unit == "kr":
        return swedish.kronor(value)
    if value is None:
        return swedish.DASH
    if unit in ("1–5", "ärenden per handläggare"):  # a mean or a ratio: always one decimal
        return swedish.number(value, 1) + ("" if unit == "1–5" else f" {unit}")
    decimals = 0 if float(value).is_integer() else 1
    if value == 1:
        unit = SINGULAR.get(unit, unit)
    return swedish.number(value, decimals) + ("" if unit == "st" else f" {unit}")


def change_size(indicator_id: str, change: float) -> str:
    """The size of a change, without sign: '0,6 procentenheter', '2 tjänster', '120 000 kr'."""
    if BY_ID[indicator_id].unit == "%":
        return f"{swedish.number(abs(change), 1)} procentenheter"
    return format_value(indicator_id, abs(change))
