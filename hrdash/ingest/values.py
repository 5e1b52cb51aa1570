"""Parse one cell: numbers with Swedish or English separators, months in every accepted shape,
gender and age groups. A cell that cannot be read raises UserError with a Swedish explanation."""

from __future__ import annotations

import datetime as dt
import re

from hrdash.catalogue import QUESTIONS, REASONS, TERTIAL_END_MONTHS, Term
from hrdash.errors import UserError
from hrdash.ingest.columns import GENDERS
from hrdash.ingest.headers import normalize_header
from hrdash.swedish import MONTHS, MONTHS_SHORT


_ENGLISH_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
                   "october", "november", "december")
MONTH_WORDS: dict[str, int] = {}
for _names in (MONTHS, MONTHS_SHORT, _ENGLISH_MONTHS):
    for _i, _name in enumerate(_names, start=1):
        MONTH_WORDS[_name] = _i
MONTH_WORDS.update({n[:3]: i for i, n in enumerate(_ENGLISH_MONTHS, start=1)})
MONTH_WORDS.update({"sept": 9, "okt": 10, "maj": 5, "mars": 3})

EMPTY_MARKERS = {"", "-", "–", "—"}
FIRST_YEAR, LAST_YEAR = 1990, 2100


def is_empty(value: object) -> bool:
    kind = value.__class__  # called for every cell: the common types first, without isinstance
    if kind is float:
        return value != value
    if kind is str:
        return not value or value.strip() in EMPTY_MARKERS
    return value is None


def cell_text(value: object) -> str:
    """A cell as the user sees it, for messages."""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value).replace(".", ",")
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    return str(value).strip()


_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']")


def parse_number(value: object, whole: bool = False) -> float:
    """'1 234,5' -> 1234.5; '1.234,5' -> 1234.5; '1,234.5' -> 1234.5; '12,5' -> 12.5.

    A single dot is a decimal point, except in a column of whole numbers where '1.234' is 1234.
    """
    if isinstance(value, bool):
        raise UserError("är inte ett tal. Skriv en siffra.")
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, (dt.date, dt.datetime, dt.time, dt.timedelta)):
        raise UserError("är ett datum eller en tid, inte ett tal. Formatera cellen som tal.")
    text = _SPACES.sub("", str(value)).replace("\u2212", "-")
    text = text.removesuffix("kr").removesuffix("st")
    if not re.fullmatch(r"[-+]?[\d.,]*\d[\d.,]*", text):
        raise UserError("är inte ett tal. Skriv bara siffror (decimaler med komma, t.ex. 12,5).")
    sign = -1.0 if text.startswith("-") else 1.0
    text = text.lstrip("+-")
    if "," in text and "." in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        text = text.replace(thousands, "").replace(decimal, ".")
    elif text.count(",") > 1:
        if not re.fullmatch(r"\d{1,3}(,\d{3})+", text):
            raise UserError("har flera decimalkomman. Skriv talet med högst ett decimaltecken.")
        text = text.replace(",", "")
    elif "," in text:
        text = text.replace(",", ".")
    elif text.count(".") > 1 or (whole and re.fullmatch(r"\d{1,3}\.\d{3}", text)):
        if not re.fullmatch(r"\d{1,3}(\.\d{3})+", text):
            raise UserError("har flera decimalpunkter. Skriv talet med högst ett decimaltecken.")
        text = text.replace(".", "")
    return sign * float(text)


def _month(year: int, month: int) -> dt.date:
    if not 1 <= month <= 12:
        raise UserError(f"har månad {month}, som inte finns. Månaden ska vara 1–12.")
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise UserError(f"har året {year}, som inte är rimligt. Kontrollera året.")
    return dt.date(year, month, 1)


MONTH_HELP = "Skriv månaden som 2025-03, 202503, 2025-03-01 eller mars 2025."


def parse_month(value: object) -> dt.date:
    """Any accepted month shape -> the first day of that month."""
    if isinstance(value, dt.datetime):
        return _month(value.year, value.month)
    if isinstance(value, dt.date):
        return _month(value.year, value.month)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if float(value).is_integer() and 199001 <= value <= 210012:
            return _month(int(value) // 100, int(value) % 100)
        raise UserError(f"är inte en månad. {MONTH_HELP}")
    text = str(value).strip().lower().replace("\u00a0", " ")
    patterns = (
        (r"(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?(?:[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?", "ymd"),
        (r"(\d{4})(\d{2})", "ym"),
        (r"(\d{1,2})[-/.](\d{4})", "my"),
        (r"([a-zåäö]+)\.?[\s\-/]*'?(\d{4}|\d{2})", "name_year"),
        (r"(\d{4})[\s\-/]*([a-zåäö]+)\.?", "year_name"),
    )
    for pattern, shape in patterns:
        found = re.fullmatch(pattern, text)
        if not found:
            continue
        if shape == "ymd":
            year, month = int(found[1]), int(found[2])
            if found[3]:
                try:
                    dt.date(year, month, int(found[3]))
                except ValueError:
                    raise UserError(f"är inget riktigt datum. {MONTH_HELP}") from None
            return _month(year, month)
        if shape == "ym":
            return _month(int(found[1]), int(found[2]))
        if shape == "my":
            return _month(int(found[2]), int(found[1]))
        word, year_text = (found[1], found[2]) if shape == "name_year" else (found[2], found[1])
        if word not in MONTH_WORDS:
            break
        year = int(year_text) + (2000 if len(year_text) == 2 else 0)
        return _month(year, MONTH_WORDS[word])
    raise UserError(f"är inte en månad. {MONTH_HELP}")


def parse_month_of_year(value: object, year: object) -> dt.date:
    """Separate `år` and `månad` columns: månad is 1-12 or a month name."""
    try:
        year_number = parse_number(year, whole=True)
    except UserError:
        raise UserError("har ett år som inte är ett tal. Skriv året med fyra siffror, t.ex. 2025.") from None
    if not year_number.is_integer():
        raise UserError("har ett år som inte är ett heltal. Skriv året med fyra siffror, t.ex. 2025.")
    if isinstance(value, str) and value.strip().lower().rstrip(".") in MONTH_WORDS:
        return _month(int(year_number), MONTH_WORDS[value.strip().lower().rstrip(".")])
    try:
        month = parse_number(value, whole=True)
    except UserError:
        raise UserError("är inte ett månadsnummer. Skriv månaden som 1–12 eller som namn (mars).") from None
    if not month.is_integer():
        raise UserError("är inte ett månadsnummer. Skriv månaden som 1–12 eller som namn (mars).")
    return _month(int(year_number), int(month))


def parse_gender(value: object) -> str:
    key = str(value).strip().lower()
    if key in GENDERS:
        return GENDERS[key]
    raise UserError("är inget känt kön. Skriv kvinna eller man.")


_AGE_PATTERNS = (
    ("-29", re.compile(r"(-|<=|≤|0-|1[5-9]-)29(elleryngre|ochyngre)?|29(elleryngre|ochyngre)|(<|under)30")),
    ("30-49", re.compile(r"30-49")),
    ("50-", re.compile(r"50(-|\+|elleräldre|ochäldre|-\d{2,3})|(>=|≥)50|(>|över)49")),
)


def parse_age_group(value: object) -> str:
    """'-29', '29 år eller yngre', '<30' -> '-29'; '30–49 år' -> '30-49'; '50+', '50 år eller äldre' -> '50-'."""
    text = re.sub(r"\s|år", "", str(value).strip().lower().replace("–", "-").replace("—", "-"))
    for group, pattern in _AGE_PATTERNS:
        if pattern.fullmatch(text):
            return group
    raise UserError("är ingen känd åldersgrupp. Skriv -29, 30-49 eller 50-.")


_TERTIAL_SHAPES = (
    re.compile(r"(?P<year>\d{4})\s*[-:/ ]?\s*t(?P<tertial>\d)"),  # 2025 T1, 2025-T1, 2025T1
    re.compile(r"t(?P<tertial>\d)\s*[- /]?\s*(?P<year>\d{4})"),  # T1 2025, T1-2025
    re.compile(r"(?P<year>\d{4})\s*:\s*(?P<tertial>\d)"),  # 2025:1
)
TERTIAL_HELP = "Skriv perioden som 2025 T1, T1 2025, 2025-T1, 2025:1 eller som en månad i tertialet (T1 är januari–april)."


def parse_tertial(value: object) -> dt.date:
    """A survey period -> the last month of its tertial: T1 is January–April (-> April), T2 May–August,
    T3 September–December. A month means the tertial that holds it."""
    text = str(value).strip().lower().replace("\u00a0", " ") if isinstance(value, str) else None
    for shape in _TERTIAL_SHAPES if text is not None else ():
        found = shape.fullmatch(text)
        if found:
            number = int(found["tertial"])
            if not 1 <= number <= 3:
                raise UserError(f"är inget tertial: ett år har tre tertial, T1–T3. {TERTIAL_HELP}")
            return _month(int(found["year"]), TERTIAL_END_MONTHS[number - 1])
    try:
        month = parse_month(value)
    except UserError:
        raise UserError(f"är ingen period. {TERTIAL_HELP}") from None
    return dt.date(month.year, next(end for end in TERTIAL_END_MONTHS if month.month <= end), 1)


def _fold(text: object) -> str:
    """A term as it is matched: case, spacing and every punctuation mark ignored."""
    return " ".join(re.sub(r"[^\w]+", " ", normalize_header(text)).split())


def _term(value: object, terms: tuple[Term, ...], what: str) -> str:
    wanted = _fold(value)
    for term in terms:
        if wanted in {_fold(text) for text in (term.id, *term.texts)}:
            return term.id
    raise UserError(f"är inte en av de {what}")


def parse_question(value: object) -> str:
    """One of the three pulse questions, by its full text or short name (case and punctuation ignored)."""
    accepted = "; ".join(f"”{q.label}” ({q.texts[-1]})" for q in QUESTIONS)
    return _term(value, QUESTIONS, f"tre frågorna som hrdash tar emot: {accepted}. Skriv frågan som den står i "
                                   "enkäten eller med dess kortnamn.")


def parse_reason(value: object) -> str:
    """One of the exit reasons of the contract, by any of its names (case and punctuation ignored)."""
    accepted = ", ".join(text for r in REASONS for text in r.texts)
    return _term(value, REASONS, f"avgångsorsakerna som hrdash tar emot: {accepted}. Välj den som ligger närmast, "
                                 "eller Annat.")
