"""The rules a file must pass besides each cell being readable: within a row, no "varav" part larger
than its total, a mean on its scale, vacancies that agree with budgeted minus filled, a measure
followed up no earlier than it starts; across rows, one row per unit and month (and sub-group,
question or reason), or per group, start month and title for measures, in the whole file.

Each broken rule is a problem naming the row and the columns, worded as domain.md asks.
"""

from __future__ import annotations

import pandas as pd

from hrdash import swedish
from hrdash.catalogue import QUESTIONS, REASONS
from hrdash.errors import Problem
from hrdash.ingest.columns import MEASURES, ORGANISATION, TERTIAL, Kind
from hrdash.ingest.headers import HeaderMatch
from hrdash.ingest.messages import RowProblems, figure
from hrdash.ingest.model import ParsedFile, column_letter
from hrdash.ingest.rows import EPSILON

TITLE_LENGTH = 150  # characters: a measure's title is its marker's label on a chart


def check_rules(frame: pd.DataFrame, match: HeaderMatch, problems: RowProblems) -> None:
    """No "varav" part larger than its total (negative numbers are already refused); means on their scale."""
    index_of = {c.field: i for i, c in match.columns.items()}

    def label(field: str) -> str:
        return f"{column_letter(index_of[field])} ('{match.headers[index_of[field]]}')"

    def rule(parts: list[str], total: str, what: str) -> None:
        if not all(f in index_of for f in (*parts, total)):
            return
        numbers = frame[[*parts, total]].apply(pd.to_numeric, errors="coerce")
        summed = numbers[parts].sum(axis=1, min_count=len(parts))
        broken = (summed > numbers[total] + EPSILON) & (numbers >= 0).all(axis=1)
        for row, part_sum, whole in zip(frame["source_row"][broken], summed[broken], numbers[total][broken]):
            names = " + ".join(label(f) for f in parts)
            problems.parsed.problems.append(
                Problem(
                    f"{names} är {figure(part_sum)}, mer än {label(total)} som är {figure(whole)}. {what}",
                    problems.sheet,
                    int(row),
                    ", ".join(column_letter(index_of[f]) for f in (*parts, total)),
                    figure(part_sum),
                )
            )

    if match.kind.id == "sick_leave":
        rule(["sick_hours_day_1_14", "sick_hours_60_days"], "sick_hours",
             "Timmarna dag 1–14 och i sjukfall på 60 dagar eller mer är delar av sjuktimmarna och kan inte vara fler.")
        rule(["sick_hours"], "ordinary_hours",
             "Sjuktimmarna kan inte vara fler än de ordinarie timmarna. Kontrollera att kolumnerna inte bytt plats.")
        rule(["repeated_short_absence"], "employees",
             "De med upprepad korttidsfrånvaro är några av de anställda och kan inte vara fler.")
        rule(["healthy_presence"], "employees", "De med frisknärvaro är några av de anställda och kan inte vara fler.")
    if match.kind.id == "pulse":
        rule(["agree"], "answers", "De som instämmer är några av dem som svarat och kan inte vara fler.")
        rule(["answers"], "asked", "De som svarat är några av dem som tillfrågats och kan inte vara fler.")
        if "mean" in index_of:
            means = pd.to_numeric(frame["mean"], errors="coerce")
            off_scale = means.notna() & ((means < 1) | (means > 5))
            for row, mean in zip(frame["source_row"][off_scale], means[off_scale]):
                problems.add(row, index_of["mean"], mean, "ligger utanför skalan 1–5. Ett medelvärde av svaren ska "
                                                          "vara mellan 1 och 5.")
    if match.kind.id == "turnover":
        rule(["internal_moves", "retirements"], "leavers",
             "Interna flyttar och pensionsavgångar är delar av avgångarna och kan inte vara fler.")
    if match.kind.id == "vacancies" and "vacant_positions" in index_of:
        numbers = frame[["budgeted_positions", "filled_positions", "vacant_positions"]].apply(pd.to_numeric, errors="coerce")
        expected = numbers["budgeted_positions"] - numbers["filled_positions"]
        broken = numbers["vacant_positions"].notna() & ((expected - numbers["vacant_positions"]).abs() > 0.005)
        for row, given, wanted in zip(frame["source_row"][broken], numbers["vacant_positions"][broken], expected[broken]):
            problems.add(
                row,
                index_of["vacant_positions"],
                given,
                f"stämmer inte med budgeterade minus besatta tjänster ({figure(wanted)}). Rätta någon av de tre kolumnerna.",
            )
    if match.kind is MEASURES:
        _check_measure(frame, index_of, problems)


def _check_measure(frame: pd.DataFrame, index_of: dict[str, int], problems: RowProblems) -> None:
    """A title short enough to label a chart; a follow-up no earlier than the start."""
    for row, title in zip(frame["source_row"], frame["title"]):
        if isinstance(title, str) and len(title) > TITLE_LENGTH:
            problems.add(row, index_of["title"], None,
                         f"Rubriken har {len(title)} tecken. Skriv en kort rubrik, högst {TITLE_LENGTH} tecken, och "
                         "resten under beskrivning.")
    if "follow_up" not in index_of:
        return
    for row, start, follow_up in zip(frame["source_row"], frame["start_month"], frame["follow_up"]):
        if start is not None and follow_up is not None and follow_up < start:
            problems.add(row, index_of["follow_up"], None,
                         f"Uppföljningen ({swedish.month_name(follow_up)}) ligger före startmånaden "
                         f"({swedish.month_name(start)}). Rätta någon av dem.")


KEY_NAMES = {"gender": "grupp", "age_group": "grupp", "question": "fråga", "reason": "orsak"}


def check_unique(parsed: ParsedFile, kind: Kind) -> None:
    """One row per unit and month, or survey period (and sub-group, question or reason), in a file,
    across all of its sheets."""
    if kind is MEASURES:
        _check_unique_measures(parsed)
        return
    is_organisation = kind is ORGANISATION
    keys = ["valid_from"] if is_organisation else [kind.period.field, *kind.row_keys]
    frames = [p.frame.assign(_sheet=p.sheet) for p in parsed.parts if p.kind is kind]
    rows = pd.concat(frames, ignore_index=True)
    if rows.empty:
        return
    rows["_unit"] = rows["unit_code"].fillna(rows["unit_key"])
    rows = rows[rows["_unit"].notna() & (rows[keys[0]].notna() if not is_organisation else True)]
    repeated = rows[rows.duplicated(["_unit", *keys], keep=False)]  # rows missing a unit or month are refused already
    seen: dict[tuple, tuple[str, int]] = {}
    period = "period" if kind.period.type == TERTIAL else "månad"
    for row, sheet, unit_name, unit, *rest in repeated[["source_row", "_sheet", "unit_name", "_unit",
                                                         *keys]].itertuples(index=False):
        key = (unit, *rest)
        if key not in seen:
            seen[key] = (sheet, row)
            continue
        where = _where(seen[key], sheet)
        given = [(name, value) for name, value in zip(keys[1:], rest[1:]) if isinstance(value, str)]
        if is_organisation:
            same, rule = "samma giltighetsmånad", "enhet"
        else:
            when = swedish.tertial_name(rest[0]) if kind.period.type == TERTIAL else swedish.month_name(rest[0])
            labels = [_term_label(name, value) for name, value in given]
            same = f"samma {period} ({', '.join([when, *labels])})"
            rule = " och ".join(["enhet", period, *dict.fromkeys(KEY_NAMES[name] for name, _ in given)])
            rule = rule.replace(" och ", ", ", rule.count(" och ") - 1)
        parsed.problems.append(
            Problem(
                f"Enheten '{unit_name}' finns redan på {where} för {same}. En fil får bara ha en rad per "
                f"{rule}. Ta bort eller slå ihop raderna.",
                sheet,
                int(row),
                None,
                unit_name,
            )
        )


def _check_unique_measures(parsed: ParsedFile) -> None:
    """One row per group (as resolved: 'IFO' and its code are one), start month and title (case
    and spacing ignored)."""
    seen: dict[tuple, tuple[str | None, int]] = {}
    for part in (p for p in parsed.parts if p.kind is MEASURES):
        frame = part.frame
        groups = [(level, group_id) if group_id is not None else key for level, group_id, key in
                  zip(frame["level"], frame["group_id"], frame["group_key"])]
        for row, name, group, start, title, title_key in zip(frame["source_row"], frame["group_name"], groups,
                                                             frame["start_month"], frame["title"], frame["title_key"]):
            if group is None or start is None or title_key is None:
                continue  # refused for its empty cell already
            key = (group, start, title_key)
            if key not in seen:
                seen[key] = (part.sheet, row)
                continue
            parsed.problems.append(Problem(
                f"Åtgärden '{title}' för '{name}' med start {swedish.month_name(start)} finns redan på "
                f"{_where(seen[key], part.sheet)}. En fil får bara ha en rad per enhet, startmånad och åtgärd. Ta "
                "bort eller slå ihop raderna.", part.sheet, int(row), None, title))


def _where(first: tuple[str | None, int], sheet: str | None) -> str:
    first_sheet, first_row = first
    return f"rad {first_row}" if first_sheet == sheet else f"blad '{first_sheet}', rad {first_row}"


def _term_label(field: str, value: str) -> str:
    """A stored question or reason id as users wrote it; a group (kvinna, 30-49) as it is."""
    terms = {"question": QUESTIONS, "reason": REASONS}.get(field, ())
    return next((f"”{t.label}”" if field == "question" else t.label for t in terms if t.id == value), value)
