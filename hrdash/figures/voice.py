"""The staff's own voice as the pages and the report show it: the three pulse questions of the
latest survey (a tertial) up to a month, compared with the survey HR marked as the baseline
(nollmätning), for a group and the groups under it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb
import pandas as pd

from hrdash import swedish
from hrdash.catalogue import QUESTIONS, TERTIAL_END_MONTHS
from hrdash.figures import indicators
from hrdash.figures.format import difference, format_value
from hrdash.figures.groups import Group
from hrdash.store import baselines

AGREE = tuple(f"pulse_{q.id}_agree_pct" for q in QUESTIONS)
ANSWERS = tuple(f"pulse_{q.id}_answers" for q in QUESTIONS)
RESPONSE = "pulse_response_rate_pct"


def survey_of(month: dt.date) -> dt.date:
    """The latest survey up to a month: the last month of the tertial that has ended by then."""
    ends = [dt.date(month.year, m, 1) for m in TERTIAL_END_MONTHS if m <= month.month]
    return ends[-1] if ends else dt.date(month.year - 1, TERTIAL_END_MONTHS[-1], 1)


@dataclass
class Voice:
    survey: dt.date  # the tertial's last month
    baseline: dt.date | None  # the nollmätning that holds for the group
    values: dict[str, float | None]  # indicator id -> the group's figure in the survey
    reference: dict[str, float | None]  # indicator id -> the group's figure in the nollmätning
    notes: dict[str, str]  # indicator id -> why a figure is missing
    members: pd.DataFrame  # name, the figures, note_<id>, for each group under the group


def voice(con: duckdb.DuckDBPyConnection, group: Group, members: list[Group], month: dt.date,
          unsuppressed: bool) -> Voice:
    survey = survey_of(month)
    mark = baselines.for_group(con, baselines.PULSE, group)
    baseline = mark[0] if mark and mark[0] <= survey else None
    ids = (*AGREE, *ANSWERS, RESPONSE)
    wanted = [survey] + ([baseline] if baseline else [])
    frame = indicators.fetch(con, unsuppressed, levels=tuple({group.level, *(m.level for m in members)}),
                             group_ids=(group.group_id, *(m.group_id for m in members)), indicator_ids=ids,
                             first=min(wanted), last=survey)
    frame = frame[frame["month"].isin(wanted)]
    own = frame[frame["group_id"] == group.group_id]

    def at(month_wanted: dt.date) -> dict[str, float | None]:
        rows = own[own["month"] == month_wanted]
        return {i: (None if v != v else float(v)) for i, v in zip(rows["indicator"], rows["value"])}

    in_survey = own[own["month"] == survey]
    notes = {i: r for i, r in zip(in_survey["indicator"], in_survey["suppression_reason"]) if isinstance(r, str)}
    table = []
    for member in members:
        rows = frame[(frame["group_id"] == member.group_id) & (frame["month"] == survey)]
        values = {i: (None if v != v else float(v)) for i, v in zip(rows["indicator"], rows["value"])}
        reasons = {i: r for i, r in zip(rows["indicator"], rows["suppression_reason"]) if isinstance(r, str)}
        table.append({"name": member.name, **{i: values.get(i) for i in ids},
                      **{f"note_{i}": reasons.get(i, "" if i in values else "ingen uppgift") for i in ids}})
    return Voice(survey, baseline, at(survey), at(baseline) if baseline else {}, notes, pd.DataFrame(table))


def headline(name: str, found: Voice) -> str:
    """'I Socialförvaltningen instämde 61,8 % i att de har en bra arbetssituation i T2 2026, 4,2
    procentenheter lägre än vid nollmätningen T1 2024.'"""
    value = found.values.get(AGREE[0])
    when = swedish.tertial_name(found.survey)
    if value is None:
        return f"Svaren om arbetssituationen i {name} redovisas inte för {when}."
    text = f"I {name} instämde {format_value(AGREE[0], value)} i att de har en bra arbetssituation i {when}"
    reference = found.reference.get(AGREE[0])
    if reference is not None and found.baseline != found.survey:
        change = difference(AGREE[0], value, reference)
        baseline = f"nollmätningen {swedish.tertial_name(found.baseline)}"
        text += (f", samma andel som vid {baseline}" if change == 0 else
                 f", {swedish.number(abs(change), 1)} procentenheter {'högre' if change > 0 else 'lägre'} än vid "
                 f"{baseline}")
    return text + "."
