"""A number a person types on a page (a target, a setting), read exactly as the import reads a
file's cell (values.parse_number: '35,5', '35.5', '1 234,5'), and the range such a number must
keep, said in Swedish. One reading for files and fields, so '35,5' is never 355 on one of them."""

from __future__ import annotations

from dataclasses import dataclass

from hrdash import swedish
from hrdash.errors import UserError
from hrdash.ingest.values import is_empty, parse_number


@dataclass(frozen=True)
class Range:
    """What a typed number may be: from `low` (and up to `high`), whole or not; `holds` names the
    unit words accepted after it (values.UNIT_WORDS, or SHARE's '%'); `rule` says it in Swedish."""

    holds: str
    rule: str
    low: float = 0.0
    high: float | None = None
    whole: bool = False

    def problem(self, label: str, value: float) -> str | None:
        """Why `value` cannot be saved as `label`, in Swedish; None when it can."""
        if (self.whole and value != int(value)) or value < self.low or (self.high is not None and value > self.high):
            return f"{label}: {shown(value)} går inte – det ska vara {self.rule}."
        return None


SHARE = Range("share", "en andel mellan 0 och 100 %, t.ex. 35,5", high=100.0)
COUNT = Range("count", "ett helt antal, 0 eller fler, t.ex. 12", whole=True)
POSITIONS = Range("fte", "ett antal tjänster, 0 eller fler, t.ex. 2,5")
AMOUNT = Range("sek", "ett belopp i kronor, 0 eller mer, t.ex. 1 234,5")
RATE = Range("mean", "ett tal, 0 eller mer, t.ex. 12,5")
SCALE = Range("mean", "ett medelvärde mellan 1 och 5, t.ex. 3,5", low=1.0, high=5.0)
BY_UNIT = {"%": SHARE, "st": COUNT, "tjänster": POSITIONS, "kr": AMOUNT, "ärenden per handläggare": RATE,
           "1–5": SCALE}


def read(text: str | None, label: str, holds: str, whole: bool = False) -> float | None:
    """The number in a typed field, or None when it is empty; a UserError naming the field and what
    was typed when it is no number. A share may keep its '%'."""
    if text is None or is_empty(text):
        return None
    written = text.strip()
    number = written.removesuffix("%").rstrip() if holds == SHARE.holds else written
    try:
        return parse_number(number, whole=whole, holds="mean" if holds == SHARE.holds else holds)
    except UserError as refused:
        raise UserError(f"{label}: ”{written}” {refused.message}") from None


def shown(value: float | None) -> str:
    """A typed number shown back as Swedes write it, with the decimals it has (up to four):
    1234.5 -> '1 234,5', 355.0 -> '355'; '' for none."""
    if value is None:
        return ""
    decimals = next((d for d in range(5) if round(value, d) == round(value, 4)), 4)
    return swedish.number(value, decimals)
