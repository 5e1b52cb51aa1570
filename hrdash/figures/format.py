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


def decimals(indicator_id: str, value: float) -> int:
    """How many decimals `format_value` shows of this value."""
    unit = BY_ID[indicator_id].unit
    if unit in ("%", "1–5", "ärenden per handläggare"):
        return 1
    if unit == "kr":
        return 0
    return 0 if float(value).is_integer() else 1


def shown(indicator_id: str, value: float) -> float:
    """The value as the reader sees it, rounded as `format_value` rounds it."""
    return float(swedish.rounded(value, decimals(indicator_id, value)))


def difference(indicator_id: str, value: float | None, other: float | None) -> float | None:
    """value − other, from the rounded figures shown, so that '7,3 %' against '7,9 %' is a change
    of 0,6 whatever the decimals behind them."""
    if value is None or other is None:
        return None
    return round(shown(indicator_id, value) - shown(indicator_id, other), 6)


def change_size(indicator_id: str, change: float) -> str:
    """The size of a change, without sign: '0,6 procentenheter', '2 tjänster', '120 000 kr', '0,2'
    (for Ärenden per handläggare, whose name says the unit)."""
    if BY_ID[indicator_id].unit == "%":
        return f"{swedish.number(abs(change), 1)} procentenheter"
    if BY_ID[indicator_id].unit == "ärenden per handläggare":
        return swedish.number(abs(change), 1)
    return format_value(indicator_id, abs(change))


def together(indicator_id: str, value: float | None, first: float | None, others: list[float | None]) -> str:
    """`value` as it stands beside `first` on one card: amounts in the same scale ('12 tkr' beside
    '899 tkr'), counts of positions with the same decimals ('8,0' beside '24,5')."""
    unit = BY_ID[indicator_id].unit
    if value is None:
        return swedish.DASH
    if unit == "kr":
        return swedish.kronor_as(value, first)
    if unit in ("%", "1–5", "ärenden per handläggare"):
        return format_value(indicator_id, value)
    tenths = any(v is not None and v == v and not float(v).is_integer() for v in [first, *others])
    if not tenths:
        return format_value(indicator_id, value)
    return swedish.number(value, 1) + ("" if unit == "st" else f" {unit}")


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


def target_status(indicator_id: str, value: float | None, goal: float | None) -> tuple[str, bool | None]:
    """A figure against its target, as cards, report and slides all say it, judged on the figure
    shown: ('Över målet (högst 7,0 %)', False), ('Inom målet (högst 3,0 %)', True); for a figure
    where higher is better ('Under målet (minst 70,0 %)', False); ('Mål: högst 7,0 %', None)
    without a value and ('', None) without a target."""
    if goal is None:
        return "", None
    higher_is_worse = BY_ID[indicator_id].higher_is_worse is not False
    limit = f"{'högst' if higher_is_worse else 'minst'} {format_value(indicator_id, goal)}"
    if value is None:
        return f"Mål: {limit}", None
    value = shown(indicator_id, value)
    if higher_is_worse:
        return (f"Inom målet ({limit})", True) if value <= goal else (f"Över målet ({limit})", False)
    return (f"Når målet ({limit})", True) if value >= goal else (f"Under målet ({limit})", False)


def format_apart(indicator_id: str, value: float, other: float) -> tuple[str, str]:
    """Two values that differ, each with the decimals that show they differ: a value of 12,24
    ärenden beside a limit of 12,16 is '12,24' and '12,16', never '12,2' and '12,2' (up to two
    more decimals than usual)."""
    unit = BY_ID[indicator_id].unit
    if unit not in ("%", "1–5", "ärenden per handläggare"):
        return format_value(indicator_id, value), format_value(indicator_id, other)
    for extra in range(3):
        places = 1 + extra
        a, b = swedish.number(value, places), swedish.number(other, places)
        if a != b or value == other:
            break
    suffix = {"%": "\u00a0%", "1–5": "", "ärenden per handläggare": f" {unit}"}[unit]
    return a + suffix, b + suffix
