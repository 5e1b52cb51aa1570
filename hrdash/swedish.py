"""Swedish formats for the UI and reports, made here rather than taken from system locales."""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
          "november", "december")
MONTHS_SHORT = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec")

MINUS = "\u2212"
NBSP = "\u00a0"
DASH = "–"  # shown where a figure is suppressed or missing


def month_name(month: dt.date, short: bool = False) -> str:
    """date(2025, 3, 1) -> 'mars 2025' (or 'mar 2025')."""
    names = MONTHS_SHORT if short else MONTHS
    return f"{names[month.month - 1]} {month.year}"


def tertial_name(month: dt.date) -> str:
    """The tertial a month ends (or falls in): date(2025, 4, 1) -> 'T1 2025'."""
    return f"T{(month.month - 1) // 4 + 1} {month.year}"


def tertial_months(month: dt.date) -> str:
    """The months of a tertial: date(2025, 4, 1) -> 'januari–april 2025'."""
    first = (month.month - 1) // 4 * 4
    return f"{MONTHS[first]}–{MONTHS[first + 3]} {month.year}"


def rounded(value: float, decimals: int = 0) -> Decimal:
    """The value rounded as a hand calculation and Excel round it: half away from zero, on the decimal
    figure (12,25 is 12,3 and 329/20 = 16,45 is 16,5, where binary floats and round-half-even give 12,2
    and 16,4). Ten decimals first take away the float's last bits."""
    return Decimal(f"{value:.10f}").quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def number(value: float | None, decimals: int = 0) -> str:
    """1234.5 -> '1 234,5' with a no-break space between thousands; None (or no finite number) -> '–'."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return DASH
    text = f"{abs(rounded(value, decimals)):,.{decimals}f}".replace(",", NBSP).replace(".", ",")
    if value < 0 and text.strip("0,\u00a0"):
        text = MINUS + text
    return text


# Where the long compound words of hrdash's labels may break, as Swedish breaks them (a narrow column
# on a projector, a table header in the PDF): never inside a part, as "Korttidssjukfrånv-aro".
_PARTS = ("korttids", "långtids", "sjuklöne", "sjuk", "frånvaro", "frisk", "närvaro", "personal", "omsättning",
          "rekryterings", "behov", "hand", "läggare", "konsult", "kostnad", "medarbetar", "svars", "frekvens",
          "förvaltnings", "förvaltning", "avdelning", "noll", "mätning", "tillsvidare", "anställda", "vakanta",
          "tjänster", "ärenden", "pågående", "rekryteringar")
_PART = re.compile("|".join(sorted(_PARTS, key=len, reverse=True)), re.IGNORECASE)
SOFT_HYPHEN = "\u00ad"


def breakable(text: str) -> str:
    """The text with soft hyphens between the parts of its long words ('Korttids·sjuk·frånvaro'):
    a line breaks there, with a hyphen, only where it must."""
    def one(word: re.Match) -> str:
        parts, at = [], 0
        for found in _PART.finditer(word.group()):
            if found.start() > at + 2:  # a part must not leave a fragment of a letter or two behind
                parts.append(word.group()[at:found.start()])
                at = found.start()
        parts.append(word.group()[at:])
        return SOFT_HYPHEN.join(p for p in parts if p)
    return re.sub(r"\w{13,}", one, text)


def join_words(words: list[str]) -> str:
    """['a', 'b', 'c'] -> 'a, b och c'."""
    return " och ".join([", ".join(words[:-1]), words[-1]] if len(words) > 1 else words)


def percent(value: float | None, decimals: int = 1) -> str:
    """12.5 -> '12,5 %'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return DASH
    return f"{number(value, decimals)}{NBSP}%"


def points(value: float | None, decimals: int = 1) -> str:
    """A change between two percentages: 0.6 -> '+0,6 procentenheter'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return DASH
    sign = "+" if value > 0 else ""
    return f"{sign}{number(value, decimals)} procentenheter"


def kronor(value: float | None) -> str:
    return DASH if value is None or (isinstance(value, float) and math.isnan(value)) else f"{number(value)}{NBSP}kr"


def kronor_rounded(value: float | None) -> str:
    """An amount for a card or a slide, in words a committee uses: '9,6 mnkr', '899 tkr', '850 kr'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return DASH
    if abs(value) >= 1_000_000:
        return f"{number(value / 1_000_000, 1)}{NBSP}mnkr"
    if abs(value) >= 10_000:
        return f"{number(value / 1000)}{NBSP}tkr"
    return kronor(value)


def kronor_as(value: float | None, like: float | None) -> str:
    """An amount in the scale `kronor_rounded` gives `like` (a card's figure), so that one card never
    mixes '899 tkr' with '12 000 kr': '12 tkr', '1 612 tkr'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return DASH
    size = abs(like) if like is not None and like == like else abs(value)
    if size >= 1_000_000:
        return f"{number(value / 1_000_000, 1)}{NBSP}mnkr"
    if size >= 10_000:
        return f"{number(value / 1000)}{NBSP}tkr"
    return kronor(value)


SWEDISH_TIME = ZoneInfo("Europe/Stockholm")


def clock(moment: dt.datetime) -> str:
    """When something happened, in Swedish time: '2026-12-04 14:08'. hrdash stores the server's local
    time without a zone (dt.datetime.now()); a server that runs on UTC would otherwise show the wrong hour."""
    if hasattr(moment, "to_pydatetime"):  # a pandas Timestamp
        moment = moment.to_pydatetime()
    if moment.tzinfo is None:
        moment = moment.astimezone()  # the server's own zone, which wrote it
    return f"{moment.astimezone(SWEDISH_TIME):%Y-%m-%d %H:%M}"


def count(value: int, one: str, many: str) -> str:
    """2566 rows -> '2 566 rader', 1 -> '1 rad'."""
    return f"{number(value)} {one if value == 1 else many}"


def date(value: dt.date) -> str:
    """The date as Swedish documents write it: '23 november 2026'."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"
