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
    """The size of a change, without sign: '0,6 procentenheter', '2 tjänster', '120 000 kr', '0,2'
    (for Ärenden per handläggare, whose name says the unit)."""
    if BY_ID[indicator_id].unit == "%":
        return f"{swedish.number(abs(change), 1)} procentenheter"
    if BY_ID[indicator_id].unit == "ärenden per handläggare":
        return swedish.number(abs(change), 1)
    return format_value(indicator_id, abs(change))


def beside_label(indicator_id: str, value: float | None) -> str:
    """A value shown under or after its indicator's name: the unit left out where the name says it
    ('16,5' for Ärenden per handläggare, '4' for Vakanta tjänster; '13,3 %' as it is)."""
    indicator = BY_ID[indicator_id]
    text = format_value(indicator_id, value)
    if indicator.unit not in ("%", "kr") and value is not None:
        named = text.split(" ", 1)
        if len(named) == 2 and named[1].rstrip("r").removesuffix("e") in indicator.label.lower():
            return named[0]
    return text


def labelled(indicator_id: str, value: float | None) -> str:
    """An indicator's name and value, the unit said once: 'Sjukfrånvaro 13,3 %', 'Ärenden per
    handläggare 16,5', 'Vakanta tjänster 4'."""
    return f"{BY_ID[indicator_id].label} {beside_label(indicator_id, value)}"


def value_range(indicator_id: str, low: float, high: float) -> str:
    """'5,9–10,5 %', '24,1–42,5 tjänster', '11,0–12,2 ärenden per handläggare'."""
    decimals = 0 if BY_ID[indicator_id].unit == "kr" else 1
    return f"{swedish.number(low, decimals)}–{format_value(indicator_id, high)}"
