"""What a control chart and a fair comparison say, in the words a committee reads: always with
what the figure is compared with ("lägre än det normala för årstiden, mätt mot 2024"), never a
bare "Förbättring" beside a rising figure over its target, and a value and a limit that would
round alike given one more decimal. Cards, hovers, the attention list, the report and the
slides all read these sentences."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from hrdash import swedish
from hrdash.catalogue import BY_ID
from hrdash.figures import compare, effects, signals
from hrdash.figures.format import format_apart, format_value, shown, value_range


def period(first: dt.date, last: dt.date) -> str:
    """'2024' for a calendar year, else 'mar 2024–feb 2025'."""
    if first.month == 1 and last.month == 12 and first.year == last.year:
        return str(first.year)
    return f"{swedish.month_name(first, short=True)}–{swedish.month_name(last, short=True)}"


def normal(point: signals.Point) -> str:
    """'det normala för årstiden' where the limits follow the season, else 'det normala'."""
    return "det normala för årstiden" if point.seasonal is not None else "det normala"


def chart_says(point: signals.Point, indicator_id: str, baseline: tuple[dt.date, dt.date] | None) -> str:
    """What the chart says of the point, with what it compares with: 'Högre än det normala för
    årstiden, mätt mot 2024', 'Inom det normala, mätt mot mars 2024–februari 2025'."""
    against = f", mätt mot {period(*baseline)}" if baseline else ""
    word = point.variation(signals.worse_when_higher(indicator_id))
    if word == signals.COMMON:
        return f"Inom {normal(point)}{against}"
    higher = (word == signals.CONCERN) == signals.worse_when_higher(indicator_id)
    return f"{'Högre' if higher else 'Lägre'} än {normal(point)}{against}"


def card_reading(point: signals.Point, indicator_id: str, baseline: tuple[dt.date, dt.date] | None,
                 target: float | None, previous: float | None, previous_month: dt.date) -> str:
    """The chart's sentence for a card, with what would otherwise contradict it said beside it: a
    figure better than its normal but over its target, or worse than last month."""
    text = chart_says(point, indicator_id, baseline)
    word = point.variation(signals.worse_when_higher(indicator_id))
    if word != signals.IMPROVEMENT:
        return text
    worse_up = signals.worse_when_higher(indicator_id)
    buts = []
    if target is not None and ((shown(indicator_id, point.value) > target) == worse_up
                               and shown(indicator_id, point.value) != target):
        buts.append("över målet" if worse_up else "under målet")
    if previous is not None and shown(indicator_id, point.value) != shown(indicator_id, previous) and (
            (point.value > previous) == worse_up):
        buts.append(f"{'högre' if point.value > previous else 'lägre'} än i {swedish.MONTHS[previous_month.month - 1]}")
    return text + (f", men {' och '.join(buts)}" if buts else "")


def rule_texts(point: signals.Point, indicator_id: str) -> list[str]:
    """Each rule that holds at a point, in plain Swedish, as a hover or a report says it:
    'Ovanligt hög för årstiden: 9,84 % över den övre gränsen 9,80 %'."""
    season = " för årstiden" if point.seasonal is not None else ""
    texts = []
    for rule, ways in point.rules:
        if rule == "outside":
            limit = point.upper if 1 in ways else point.lower
            value, bound = format_apart(indicator_id, point.value, limit)
            texts.append(f"Ovanligt hög{season}: {value}, över den övre gränsen {bound}" if 1 in ways
                         else f"Ovanligt låg{season}: {value}, under den nedre gränsen {bound}")
        elif rule == "shift":
            texts.append(f"Sju månader i rad eller fler {'över' if 1 in ways else 'under'} {normal(point)}")
        elif rule == "trend":
            if len(ways) == 2:
                texts.append("Vändpunkt: sist i sex månader i rad uppåt och först i sex nedåt, eller tvärtom")
            else:
                texts.append("Del av sex månader i rad uppåt" if ways[0] > 0 else "Del av sex månader i rad nedåt")
        else:
            texts.append(f"Två av tre månader nära den {'övre' if 1 in ways else 'nedre'} gränsen")
    return texts


# The report has the table, not the funnel chart: the same rule, said without the chart.
FUNNEL_EXPLAINED_IN_TEXT = ("Varje grupp jämförs med helheten med hänsyn till sin storlek: en liten grupp varierar mer av "
                            "slumpen, och bara den som ligger utanför det förväntade skiljer sig mer än slumpen förklarar.")
FUNNEL_EXPLAINED = ("Varje grupp jämförs med helheten med hänsyn till hur stor den är: en liten enhet varierar mer av "
             "slumpen än en stor. Tratten visar vad slumpen ger en grupp av varje storlek (95 % och 99,8 % av "
             "utfallen); bara den som ligger utanför tratten skiljer sig mer än slumpen förklarar.")
TWELVE_MONTHS_EXPLAINED = ("Sjukfrånvaron jämförs över 12 månader: en enda lång sjukskrivning håller annars en liten "
                           "enhets siffra hög länge.")


PARENTS = {"förvaltning": "förvaltningen", "kommun": "kommunen"}
SIZES = {"enhet": "en enhet", "avdelning": "en avdelning", "förvaltning": "en förvaltning"}


def verdict_words(verdict: str | None, level: str, parent_level: str) -> str:
    """A comparison's verdict as a sentence fragment: 'klart högre än förvaltningen', 'inom det
    förväntade för en enhet av den storleken'."""
    whole = PARENTS.get(parent_level, "helheten")
    return {
        compare.ABOVE: f"klart högre än {whole}",
        compare.HIGH: f"högre än {whole}",
        compare.WITHIN: f"inom det förväntade för {SIZES.get(level, 'en grupp')} av den storleken",
        compare.LOW: f"lägre än {whole}",
        compare.BELOW: f"klart lägre än {whole}",
    }.get(verdict if isinstance(verdict, str) else "", "går inte att jämföra")


SHORT_VERDICTS = {compare.ABOVE: "Klart högre", compare.HIGH: "Högre", compare.WITHIN: "Inom det förväntade",
                  compare.LOW: "Lägre", compare.BELOW: "Klart lägre"}


def verdict_is_worse(indicator_id: str, verdict: str | None) -> bool | None:
    """Whether a verdict is on the worse side (True), the better (False), or neither (None)."""
    if not isinstance(verdict, str) or verdict == compare.WITHIN:  # no verdict (hidden), or within
        return None
    higher = verdict in (compare.ABOVE, compare.HIGH)
    return higher == compare.worse_when_higher(indicator_id)


SIZE_WORDS = {"sick_leave_12m_pct": "anställda", "sick_leave_pct": "anställda", "short_sick_leave_pct": "anställda",
              "vacancy_rate_pct": "budgeterade tjänster", "turnover_12m_pct": "tillsvidareanställda"}


def size_words(indicator_id: str, n: float) -> str:
    """A compared group's size as it is counted, in whole numbers (a mean headcount over 12 months
    of 20,3 is about 20 people): '23 anställda', '41 svar', '18 budgeterade tjänster'."""
    return f"{swedish.number(n, 0)} {SIZE_WORDS.get(indicator_id, 'svar')}"



def funnel_table(funnel, hidden_reason: str) -> pd.DataFrame:
    """A comparison (hrdash/figures/compare.py's Funnel) as the table a reader reads, on the page and
    in the report: name, size, figure, verdict, and what is expected for the size; a hidden figure as
    '–' with the reason."""
    indicator_id = funnel.indicator_id
    name = {"enhet": "Enhet", "avdelning": "Avdelning", "förvaltning": "Förvaltning"}[funnel.level]
    whole = PARENTS.get(funnel.parent_level, "helheten")
    size = SIZE_WORDS.get(indicator_id, "svar")
    rows = []
    for row in funnel.rows.itertuples():
        shown = row.value == row.value
        rows.append({
            name: row.unit,
            f"Storlek ({size})": swedish.number(row.n, 0),
            BY_ID[indicator_id].label: format_value(indicator_id, row.value if shown else None),
            f"Jämfört med {whole}": SHORT_VERDICTS.get(row.verdict, "–") if shown else f"Visas inte: {hidden_reason}",
            "Förväntat för storleken (95 %)": (value_range(indicator_id, row.lower95, row.upper95)
                                               if shown and row.lower95 == row.lower95 else "–"),
        })
    return pd.DataFrame(rows)


def funnel_width(funnel) -> str | None:
    """Why a small group can hardly be told from chance, where the funnel is wide: the band of the smallest
    group shown, and, where none lies outside, what that means. None where even the smallest group's band is
    narrower than the whole's own figure (a funnel that can tell)."""
    indicator_id = funnel.indicator_id
    shown = funnel.rows[funnel.rows["value"].notna() & funnel.rows["lower95"].notna()]
    if shown.empty or funnel.target is None:
        return None
    smallest = shown.loc[shown["n"].idxmin()]
    if smallest["upper95"] - smallest["lower95"] <= funnel.target:
        return None
    band = (f"för {smallest['unit']} ({size_words(indicator_id, smallest['n'])}) ryms "
            f"{value_range(indicator_id, smallest['lower95'], smallest['upper95'])} inom det förväntade")
    if all(verdict_is_worse(indicator_id, v) is None for v in funnel.rows["verdict"]):
        return f"För små grupper är spannet brett: {band}. Att ingen ligger utanför betyder inte att alla är lika."
    return f"För små grupper är spannet brett: {band}, så bara mycket stora skillnader syns."


def outside(funnel) -> list[str]:
    """The groups outside what chance gives their size, worse side first, as a slide lists them:
    'Utredning barn och unga 2: 49,2 %, klart högre än förvaltningen (14,0 %)'."""
    indicator_id = funnel.indicator_id
    return [f"{row.unit}: {format_value(indicator_id, row.value)}, "
            f"{verdict_words(row.verdict, funnel.level, funnel.parent_level)} ({format_value(indicator_id, row.target)})"
            for row in funnel.rows.itertuples() if verdict_is_worse(indicator_id, row.verdict) is not None]


def position(funnel, name: str) -> str | None:
    """Where one of the compared groups stands against the whole, as a förvaltning's page says it of
    itself against the kommun: 'Socialförvaltningen har 7,5 %, inom det förväntade för en
    förvaltning av den storleken (kommunen 6,9 %).' None where it is not among them or its figure is hidden."""
    row = funnel.rows[funnel.rows["unit"] == name]
    if row.empty or row["value"].iloc[0] != row["value"].iloc[0]:
        return None
    row = row.iloc[0]
    whole = PARENTS.get(funnel.parent_level, "helheten")
    return (f"{name} har {format_value(funnel.indicator_id, row['value'])}, "
            f"{verdict_words(row['verdict'], funnel.level, funnel.parent_level)} "
            f"({whole} {format_value(funnel.indicator_id, row['target'])}).")


def marks_note(trend) -> str:
    """Under a control chart whose marks include a month inside the limits, what a mark means: a
    reader otherwise takes ▼ for "fine" beside a figure over its target (charts/trend.py's Trend)."""
    marked = trend.signalled()
    inside = [p for p in marked if p.has_limits and p.lower <= p.value <= p.upper]
    if not inside:
        return ""
    months = len(trend.shown())
    return (f"▲ och ▼ markerar {len(marked)} av {months} månader: en signal mot {normal(marked[0])}, inte mot "
            "målet. Även en månad innanför gränserna kan vara en signal, t.ex. den sjunde i rad på samma sida om "
            "mittlinjen.")


def effect_words(effect, hidden_reason: str) -> str:
    """What an effect (hrdash/figures/effects.py) says, as a sign and never as proof: 'Tecken på
    förbättring som håller i sig sedan mars 2026', 'Ingen säker förändring ännu', 'För tidigt att
    säga: 4 av 7 månader', 'Går inte att bedöma: för få månader före starten'."""
    if effect.indicator_id is None:
        return "Bedöms inte månad för månad: avgångar är för få för att visa en förändring inom ett år"
    pulse = effect.indicator_id.startswith("pulse_")
    if effect.verdict is None:
        return f"Visas inte: {hidden_reason}"
    since = f" sedan {swedish.month_name(effect.since)}" if effect.since else ""
    if effect.verdict == effects.IMPROVEMENT:
        return f"Tecken på förbättring{' som håller i sig' if not pulse else ''}{since}"
    if effect.verdict == effects.DETERIORATION:
        return f"Tecken på försämring{since}"
    if effect.verdict == effects.MIXED:
        return f"Både tecken på förbättring och på försämring{since}"
    if effect.verdict == effects.NO_CHANGE:
        return "Ingen säker förändring ännu" if not pulse else "Ingen säker skillnad mot mätningen före starten"
    if effect.verdict == effects.TOO_EARLY:
        if pulse:
            return "För tidigt att säga: ingen mätning sedan starten"
        return f"För tidigt att säga: {effect.points_after} av {effects.RUN_POINTS} månader"
    return ("Går inte att bedöma: ingen mätning före starten" if pulse
            else "Går inte att bedöma: för få månader före starten")


def chart_caption(series: signals.Series | None, pattern, indicator_id: str, month: dt.date,
                  unsuppressed: bool) -> str:
    """What a control chart takes into account, under it: its baseline and, for sick leave, the
    season ('Gränserna följer årstiden: januari brukar ligga 25 % över årets snitt i …')."""
    if series is None or series.baseline is None or (series.limits_hidden and not unsuppressed):
        return ""
    text = f"Mittlinjen och gränserna för det normala bygger på {period(*series.baseline)}."
    said = pattern.describe(indicator_id, month)
    if said:
        text += (f" De följer årstiden: {said}. Varje månad jämförs med det som är normalt för just den tiden "
                 "på året.")
    return text
