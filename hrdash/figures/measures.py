"""What was done, for which group and topic (domain.md, Part 3: `åtgärder`): the measures that hold
(queries/staging/current_measures.sql), as pages, the report and `hrdash effects` read them, with
their words in Swedish."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass

import duckdb

from hrdash import swedish
from hrdash.catalogue import TOPICS
from hrdash.figures.groups import Group
from hrdash.ingest.columns import STATUSES
from hrdash.store.queries import read

STATUS_LABELS = {status.id: status.label for status in STATUSES}


@dataclass(frozen=True)
class Measure:
    level: str
    group_id: str
    group_name: str  # as the figures name the group now
    start: dt.date  # the month it took effect
    title: str
    title_key: str  # the title folded: what makes it the same measure
    topic: str  # a topic id of hrdash/catalogue.py TOPICS
    responsible: str | None
    status: str | None  # an id of STATUSES; None where the file gave none
    follow_up: dt.date | None
    description: str | None
    batch_id: int  # the import (or save on the page Data) it comes from
    saved_by: str
    saved_at: dt.datetime

    @property
    def key(self) -> str:
        """What makes it this measure (its group, start month and title), as a selector's value."""
        return f"{self.level}:{self.group_id}|{self.start:%Y-%m}|{self.title_key}"

    @property
    def topic_title(self) -> str:
        return TOPICS[self.topic].title

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, "Ingen status")


def measures(con: duckdb.DuckDBPyConnection, topic: str | None = None, group: Group | None = None) -> list[Measure]:
    """The measures that hold, newest start first (then by group and title); only those of a
    topic and of one group where asked."""
    equal: dict[str, object] = {}
    if topic is not None:
        equal["topic"] = topic
    if group is not None:
        equal.update(level=group.level, group_id=group.group_id)
    rows = read(con, "current_measures", "level, group_id, group_name, start_month, title, title_key, topic, responsible, "
                "status, follow_up, description, batch_id, imported_by, imported_at",
                order_by="start_month DESC, lower(group_name), lower(title)", **equal).fetchall()
    return [Measure(*row) for row in rows]


def find(all_measures: list[Measure], key: str | None) -> Measure | None:
    return next((m for m in all_measures if m.key == key), None)


@dataclass(frozen=True)
class Mark:
    """A measure as a chart of its topic draws it: a marker at its start month with its title, and
    on hover what it is, who is responsible and how far it has come."""

    month: dt.date
    title: str
    detail: str
    group: str = ""  # whose measure it is, as the text alternative names it


def marks(found: list[Measure]) -> tuple[Mark, ...]:
    """The marks of measures, oldest first."""
    out = []
    for m in sorted(found, key=lambda m: (m.start, m.title)):
        parts = [f"{m.title} ({m.group_name}), från {swedish.month_name(m.start)}", f"Status: {m.status_label.lower()}"]
        if m.responsible:
            parts.append(f"Ansvarig: {m.responsible}")
        if m.description:
            parts.append(m.description)
        out.append(Mark(m.start, m.title, "<br>".join(html.escape(p) for p in parts), m.group_name))
    return tuple(out)


def concerning(con: duckdb.DuckDBPyConnection, topic: str, groups: list[Group]) -> list[Measure]:
    """The measures of a topic for any of `groups` (a group and those above it): what its charts mark."""
    keys = {(g.level, g.group_id) for g in groups}
    return [m for m in measures(con, topic) if (m.level, m.group_id) in keys]
