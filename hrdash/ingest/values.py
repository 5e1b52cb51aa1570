"""Parse one cell: numbers with Swedish or English separators, months in every accepted shape,
gender and age groups, and the fixed words of a column (a pulse question, an exit reason, a
measure's topic and status). A cell that cannot be read raises UserError with a Swedish explanation."""

from __future__ import annotations

import datetime as dt
import re

from hrdash.catalogue import QUESTIONS, REASONS, TERTIAL_END_MONTHS, Term
from hrdash.errors import UserError
from hrdash.ingest.columns import GENDERS, MEASURE_TOPICS, STATUSES
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

# Units people write after a number, by what the column holds (hrdash/ingest/columns.py): each
# is stripped only where it means what the column counts. Anything else after a number refuses
# the cell with a message naming the unit: an hour in a count of people would be a wrong figure.
UNIT_WORDS = {
    "hours": ("timmar", "timme", "tim", "h"),
    "count": ("stycken", "st", "pers", "personer", "anst"),
    "fte": ("årsarbetare", "åa", "tjänster", "st"),
    "sek": ("kronor", "sek", "kr", ":-"),
    "mean": (),
}
WHAT_COLUMN_HOLDS = {"hours": "timmar", "count": "ett antal", "fte": "tjänster (årsarbetare)", "sek": "kronor",
                     "mean": "ett medelvärde"}
_UNIT_AFTER = re.compile(r"^(?P<number>[-+\u2212]?[\d.,\s\u00a0\u202f\u2009']*\d[\d.,]*)\s*(?P<unit>[^\d\s.,+\-\u2212].*)$")
EXCEL_ERRORS = {
    "#ref!": "en formel som pekar på celler som inte finns längre",
    "#value!": "en formel som räknar med text",
    "#värde!": "en formel som räknar med text",
    "#div/0!": "en division med noll",
    "#n/a": "ett värde som formeln inte hittar",
    "#saknas!": "ett värde som formeln inte hittar",
    "#name?": "en formel med ett okänt namn",
    "#namn?": "en formel med ett okänt namn",
    "#null!": "en formel med fel område",
    "#num!": "en formel med ett ogiltigt tal",
    "#spill!": "en formel som inte får plats",
    "#calc!": "en formel som inte kunde räknas ut",
}


def excel_error(value: object) -> str | None:
    """What an Excel error value ('#REF!') means, or None when the cell is no error."""
    if value.__class__ is str and value[:1] == "#":
        return EXCEL_ERRORS.get(value.strip().lower())
    return None


def parse_number(value: object, whole: bool = False, holds: str | None = None) -> float:
    """'1 234,5' -> 1234.5; '1.234,5' -> 1234.5; '1,234.5' -> 1234.5; '12,5' -> 12.5.

    A single dot is a decimal point, except in a column of whole numbers where '1.234' is 1234.
    A unit after the number ('8 977,5 tim', '42 st', '125 000,00 kr') is dropped when it is what
    the column holds (`holds`: hours, count, fte, sek; None accepts kr and st, as before);
    a percentage, thousands of kronor or an Excel error refuse the cell with what it is.
    """
    if isinstance(value, bool):
        raise UserError("är inte ett tal. Skriv en siffra.")
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, (dt.date, dt.datetime, dt.time, dt.timedelta)):
        raise UserError("är ett datum eller en tid, inte ett tal. Formatera cellen som tal.")
    error = excel_error(value)
    if error:
        raise UserError(f"är ett fel från Excel ({error}), inte ett tal. Rätta formeln i Excel eller skriv in "
                        "talet, och spara filen igen.")
    raw = str(value).strip()
    text = raw
    unit = _UNIT_AFTER.fullmatch(raw)
    if unit:
        text, written = unit["number"], unit["unit"].strip()
        _check_unit(written, holds)
    text = _SPACES.sub("", text).replace("\u2212", "-")
    if holds is None:
        text = text.removesuffix("kr").removesuffix("st")
    if text.endswith("%"):
        raise _percentage()
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


def _percentage() -> UserError:
    return UserError("är en procentsats. hrdash behöver de tal procenten räknas fram ur (timmar eller antal), "
                     "eftersom procent inte kan läggas ihop till avdelningens och förvaltningens siffror.")


def _check_unit(written: str, holds: str | None) -> None:
    """Accept a unit after a number where it is what the column holds; otherwise say what it is."""
    unit = written.lower().rstrip(".")
    if unit in ("%", "procent"):
        raise _percentage()
    if unit in ("tkr", "tsek", "mkr", "tusen kr"):
        raise UserError(f"är angivet i {written} (tusentals eller miljoner kronor). Skriv beloppet i kronor, "
                        "t.ex. 125 000.")
    if unit in ("dagar", "dag", "dgr", "d"):
        raise UserError(f"är angivet i {written}. hrdash behöver timmar: ta ut timmarna ur lönesystemet.")
    if holds is None:
        if unit in ("kr", "st"):
            return
        raise UserError(f"har enheten '{written}', som hrdash inte känner igen. Skriv bara talet.")
    if unit in UNIT_WORDS.get(holds, ()):
        return
    known = next((kind for kind, words in UNIT_WORDS.items() if unit in words), None)
    if known:
        raise UserError(f"har enheten '{written}', men kolumnen ska innehålla {WHAT_COLUMN_HOLDS[holds]}. "
                        "Kontrollera att kolumnerna inte bytt plats.")
    raise UserError(f"har enheten '{written}', som hrdash inte känner igen. Skriv bara talet.")


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
    span = _DAY_RANGE.fullmatch(text)
    if span:
        return _one_month(span, str(value).strip())
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


_DATE = r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"
_DAY_RANGE = re.compile(_DATE + r"\s*(?:-|–|—|till|to|t\.o\.m\.?)\s*" + _DATE)


def _one_month(span: re.Match, written: str) -> dt.date:
    """'2025-03-01 - 2025-03-31' is March 2025; a range over two months is no month."""
    try:
        first = dt.date(int(span[1]), int(span[2]), int(span[3]))
        last = dt.date(int(span[4]), int(span[5]), int(span[6]))
    except ValueError:
        raise UserError(f"är ingen riktig period: ett av datumen finns inte. {MONTH_HELP}") from None
    if (first.year, first.month) != (last.year, last.month) or last < first:
        raise UserError(f"är en period från {first.isoformat()} till {last.isoformat()}, inte en kalendermånad. "
                        "hrdash tar emot siffror per månad: ta ut rapporten för en hel månad "
                        "(t.ex. 2025-01-01 – 2025-01-31).")
    return _month(first.year, first.month)


EXCEL_EPOCH = dt.date(1899, 12, 30)
# Excel's serial day numbers of 2000-01-01 and 2099-12-31: a month column of such whole numbers
# has lost its date format.
SERIALS = (36526, 73050)


def is_serial(value: object) -> bool:
    return (value.__class__ in (int, float) and float(value).is_integer() and SERIALS[0] <= value <= SERIALS[1]) or (
        value.__class__ is str and value.strip().isdigit() and SERIALS[0] <= int(value.strip()) <= SERIALS[1])


def parse_serial_month(value: object) -> dt.date:
    """An Excel date that lost its format (45658 is 2025-01-01) -> its month."""
    day = EXCEL_EPOCH + dt.timedelta(days=int(float(value)))
    return _month(day.year, day.month)


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


def _term(value: object, terms: tuple[Term, ...], refusal: str) -> str:
    wanted = _fold(value)
    for term in terms:
        if wanted in {_fold(text) for text in (term.id, *term.texts)}:
            return term.id
    raise UserError(refusal)


def parse_question(value: object) -> str:
    """One of the three pulse questions, by its full text or short name (case and punctuation ignored)."""
    accepted = "; ".join(f"”{q.label}” ({q.texts[-1]})" for q in QUESTIONS)
    return _term(value, QUESTIONS, f"är inte en av de tre frågorna som hrdash tar emot: {accepted}. Skriv "
                                   "frågan som den står i enkäten eller med dess kortnamn.")


def parse_reason(value: object) -> str:
    """One of the exit reasons of the contract, by any of its names (case and punctuation ignored)."""
    accepted = ", ".join(text for r in REASONS for text in r.texts)
    return _term(value, REASONS, f"är inte en av de avgångsorsakerna som hrdash tar emot: {accepted}. Välj "
                                 "den som ligger närmast, eller Annat.")


def parse_topic(value: object) -> str:
    """The topic a measure concerns, by the title of its page (case and punctuation ignored)."""
    accepted = ", ".join(t.label.lower() for t in MEASURE_TOPICS)
    return _term(value, MEASURE_TOPICS, f"är inget av de områden som en åtgärd kan gälla: {accepted}. "
                                        "Skriv ett av dem.")


def parse_status(value: object) -> str:
    """How far a measure has come: planerad, pågår, genomförd or avbruten."""
    accepted = ", ".join(s.label.lower() for s in STATUSES)
    return _term(value, STATUSES, f"är ingen av de statusar som en åtgärd kan ha: {accepted}. Skriv en "
                                  "av dem.")
