"""Figures cached per data version (it changes when a batch is imported or undone), so a new
import shows at once and nothing is recomputed on a plain rerun. Each function here is the
cached twin of one in hrdash/figures or hrdash/reports."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from hrdash.catalogue import BY_ID, SIGNALS, few_answers, few_people
from hrdash.figures import attention as attention_module
from hrdash.figures import compare as compare_module
from hrdash.figures import cycle as cycle_module
from hrdash.figures import effects as effects_module
from hrdash.figures import measures as measures_module
from hrdash.figures import costs as costs_module
from hrdash.figures import readings, seasons, signals
from hrdash.figures import voice as voice_module
from hrdash.figures import year as year_module
from hrdash.figures import nation as nation_module
from hrdash.figures import groups as groups_module
from hrdash.figures import series as series_module
from hrdash.figures.groups import Group
from hrdash.ingest.columns import kind_by_name
from hrdash.ingest.parse import parse_file
from hrdash.ingest.units import Unit
from hrdash.reports import exports, slides as slides_module
from hrdash.reports import templates as templates_module
from hrdash.reports import workbook as workbook_module
from hrdash.reports import model as report_module
from hrdash.store import comments as comments_module
from hrdash.store import preview, units
from hrdash.store import settings as settings_module
from hrdash.store import targets as targets_module
from hrdash.store.queries import read
from hrdash.ui.session import cursor, unsuppressed, version, versions


@st.cache_data(show_spinner=False, max_entries=8)
def groups(data_version: str) -> list[Group]:
    return groups_module.groups(cursor())


@st.cache_data(show_spinner=False, max_entries=8)
def months(data_version: str) -> list[dt.date]:
    return series_module.months(cursor())


@st.cache_data(show_spinner=False, max_entries=8)
def default_month(data_version: str) -> dt.date | None:
    return series_module.default_month(cursor())


@st.cache_data(show_spinner="Hämtar siffrorna …", max_entries=256)
def series(data_version: str, group: Group, indicator_ids: tuple[str, ...], hidden_shown: bool,
           first: dt.date | None = None, last: dt.date | None = None) -> pd.DataFrame:
    return series_module.series(cursor(), group, list(indicator_ids), hidden_shown, first, last)


@st.cache_data(show_spinner=False, max_entries=256)
def ranking(data_version: str, members: tuple[Group, ...], indicator_id: str, month: dt.date,
            hidden_shown: bool) -> pd.DataFrame:
    return series_module.ranking(cursor(), list(members), indicator_id, month, hidden_shown)


@st.cache_data(show_spinner=False, max_entries=8)
def _effects(data_version: str) -> list:
    return effects_module.effects(cursor())


def effects_of(measure) -> list:
    """What the figures say since a measure (hrdash/figures/effects.py), unsuppressed unless HR asked."""
    found = [e for e in _effects(version()) if e.measure.key == measure.key]
    return [e.shown(unsuppressed()) for e in found]


@st.cache_data(show_spinner=False, max_entries=64)
def _topic_measures(data_version: str, topic: str, groups_: tuple[Group, ...]) -> list:
    return measures_module.concerning(cursor(), topic, list(groups_))


def topic_measures(topic: str, group: Group, below: bool = False) -> list:
    """The measures of a topic for the group and the groups above it (what its chart marks); with
    `below`, also for the groups under it, as the report lists them."""
    all_groups = groups(version())
    chosen = groups_module.lineage(all_groups, group) + (groups_module.descendants(all_groups, group) if below else [])
    return _topic_measures(version(), topic, tuple(chosen))


@st.cache_data(show_spinner=False, max_entries=32)
def _cycle(data_version: str, units: tuple[Group, ...], year: int, until: dt.date) -> list:
    return cycle_module.cycle(cursor(), groups(data_version), list(units), year, until)


def cycle(units: tuple[Group, ...], year: int, until: dt.date) -> list:
    """The tertial cycle of the staff's voice for each unit (hrdash/figures/cycle.py)."""
    return _cycle(version(), units, year, until)


def hidden_reason(topic: str) -> str:
    """Why a hidden figure of a topic is hidden, in words: '10 personer eller färre', 'färre än 5 svar'."""
    return few_answers() if topic == "voice" else few_people(health_limit())


def funnel(members: tuple[Group, ...], month: dt.date, indicator_id: str, hidden_shown: bool,
           highlight: str | None) -> compare_module.Funnel | None:
    """A fair comparison of the members with their whole (hrdash/figures/compare.py)."""
    return _funnel(version(), members, month, indicator_id, hidden_shown, highlight)


@st.cache_data(show_spinner=False, max_entries=128)
def _funnel(data_version: str, members: tuple[Group, ...], month: dt.date, indicator_id: str, hidden_shown: bool,
            highlight: str | None):
    return compare_module.topic_funnel(cursor(), list(members), month, indicator_id, hidden_shown, highlight)


@st.cache_data(show_spinner=False, max_entries=64)
def _cards(content_version: str, group: Group, month: dt.date, hidden_shown: bool):
    return series_module.cards(cursor(), group, month, hidden_shown)


def cards(group: Group, month: dt.date, hidden_shown: bool):
    """Översikt's cards: their figures, targets and control charts' words."""
    return _cards(report_version(), group, month, hidden_shown)


@st.cache_data(show_spinner=False, max_entries=64)
def _attention(content_version: str, data_version: str, group: Group, month: dt.date, hidden_shown: bool):
    return attention_module.attention(cursor(), groups(data_version), group, month, hidden_shown)


def attention(group: Group, month: dt.date, hidden_shown: bool):
    """The units that need attention, most serious first (their signals and comparisons), and the
    kinds of figures the month covers only partly."""
    return _attention(report_version(), version(), group, month, hidden_shown)


@st.cache_data(show_spinner=False, max_entries=64)
def sparklines(data_version: str, group: Group, month: dt.date, hidden_shown: bool) -> pd.DataFrame:
    members = groups_module.descendants(groups(data_version), group)
    return series_module.sparklines(cursor(), members, month, hidden_shown)


@st.cache_data(show_spinner=False, max_entries=8)
def years(data_version: str) -> list[int]:
    return year_module.years(cursor())


@st.cache_data(show_spinner="Hämtar årets siffror …", max_entries=16)
def disclosure(data_version: str, year: int) -> year_module.Disclosure:
    """The annual report's seven figures of a year (hrdash/figures/year.py), always suppressed."""
    return year_module.disclosure(cursor(), year)


@st.cache_data(show_spinner=False, max_entries=16)
def _comparison(data_version: str, settings_version: str, year: int) -> nation_module.Comparison:
    return nation_module.comparison(cursor(), disclosure(data_version, year))


def comparison(year: int) -> nation_module.Comparison:
    """The year's own figures beside Kolada's (hrdash/figures/nation.py); new when a Kolada file is
    imported or HR chooses other municipalities."""
    return _comparison(versions()["data"], str(versions()["settings"]), year)


@st.cache_data(show_spinner=False, max_entries=4)
def municipalities(data_version: str) -> dict[str, str]:
    return nation_module.municipalities(cursor())


@st.cache_data(show_spinner=False, max_entries=16)
def disclosure_file(data_version: str, year: int) -> bytes:
    return workbook_module.render_annual(disclosure(data_version, year))


@st.cache_data(show_spinner=False, max_entries=4)
def _health_limit(data_version: str) -> int:
    return settings_module.health_limit(cursor())


def health_limit() -> int:
    """The privacy line that holds: no sick-leave figure for a group of this many people or fewer
    (it is part of the data version, which changes when an administrator moves it)."""
    return _health_limit(versions()["data"])


def targets_version() -> str:
    """Changes whenever a target is set."""
    return versions()["targets"]


@st.cache_resource(show_spinner=False, max_entries=8)
def _targets(targets_version: str) -> targets_module.Targets:
    return targets_module.Targets(cursor())


def targets() -> targets_module.Targets:
    """The targets that hold now, read once per change of them and shared (nothing changes them)."""
    return _targets(targets_version())


@st.cache_data(show_spinner=False, max_entries=256)
def _comment(comments_version: str, topic: str, level: str, group_id: str, month: dt.date):
    return comments_module.current(cursor(), topic, level, group_id, month)


def comment(topic: str, level: str, group_id: str, month: dt.date):
    """HR's comment for a topic, group and month: (body, written_by, written_at) or None."""
    return _comment(versions()["comments"], topic, level, group_id, month)


@st.cache_data(show_spinner=False, max_entries=8)
def import_status(data_version: str) -> tuple:
    """(latest import that counts, how many count): the sidebar's footnote."""
    return read(cursor(), "import_status").fetchone()


@st.cache_data(show_spinner=False, max_entries=256)
def coverage(data_version: str, group: Group, month: dt.date) -> dict[str, tuple[int, int]]:
    return series_module.coverage(cursor(), group, month)


@st.cache_data(show_spinner=False, max_entries=256)
def _chart_points(content_version: str, group: Group, indicator_id: str, hidden_shown: bool) -> dict:
    for found in signals.all_series(cursor(), level=group.level, group_id=group.group_id, indicator=(indicator_id,)):
        return {p.month: shown for p, shown in zip(found.points, found.shown(hidden_shown)) if shown is not None}
    return {}


def chart_points(group: Group, indicator_id: str, hidden_shown: bool) -> dict:
    """The control chart of one indicator of a group, month by month, as the reader may see it;
    empty for an indicator without one."""
    if SIGNALS not in BY_ID[indicator_id].shown:
        return {}
    found = versions()
    return _chart_points(f"{found['data']}|{found['baselines']}", group, indicator_id, hidden_shown)


@st.cache_data(show_spinner=False, max_entries=256)
def _chart_caption(content_version: str, group: Group, indicator_id: str, month: dt.date, hidden_shown: bool) -> str:
    for found in signals.all_series(cursor(), level=group.level, group_id=group.group_id, indicator=(indicator_id,)):
        return readings.chart_caption(found, seasons.season(cursor()), indicator_id, month, hidden_shown)
    return ""


def chart_caption(group: Group, indicator_id: str, month: dt.date, hidden_shown: bool) -> str:
    """What a group's control chart of an indicator takes into account (baseline, season), in words."""
    if SIGNALS not in BY_ID[indicator_id].shown:
        return ""
    found = versions()
    return _chart_caption(f"{found['data']}|{found['baselines']}", group, indicator_id, month, hidden_shown)


@st.cache_data(show_spinner=False, max_entries=64)
def _voice(content_version: str, group: Group, members: tuple[Group, ...], month: dt.date, hidden_shown: bool):
    return voice_module.voice(cursor(), group, list(members), month, hidden_shown)


def voice(group: Group, members: tuple[Group, ...], month: dt.date, hidden_shown: bool):
    """The pulse questions of the latest survey up to a month, and the nollmätning (hrdash/figures/voice.py)."""
    return _voice(report_version(), group, members, month, hidden_shown)


@st.cache_data(show_spinner=False, max_entries=64)
def _costs(content_version: str, group: Group, month: dt.date, hidden_shown: bool):
    return costs_module.costs(cursor(), group, month, hidden_shown)


def costs(group: Group, month: dt.date, hidden_shown: bool):
    """What it costs, with the arithmetic (hrdash/figures/costs.py)."""
    return _costs(report_version(), group, month, hidden_shown)


def report_version() -> str:
    """Everything a report shows: figures, targets, comments, baselines and settings."""
    return "|".join(versions().values())


@st.cache_data(show_spinner="Sammanställer rapporten …", max_entries=16)
def _report(content_version: str, group: Group, month: dt.date):
    return report_module.build(cursor(), group, month)


def report(group: Group, month: dt.date):
    return _report(report_version(), group, month)


@st.cache_data(show_spinner=False, max_entries=16)
def _report_file(content_version: str, group: Group, month: dt.date, suffix: str) -> bytes:
    return exports.render(_report(content_version, group, month), suffix)


def report_file(group: Group, month: dt.date, suffix: str) -> bytes:
    return _report_file(report_version(), group, month, suffix)


@st.cache_data(show_spinner="Förbereder bilderna …", max_entries=16)
def _slides(content_version: str, group: Group, month: dt.date):
    return slides_module.build(_report(content_version, group, month))


def slides(group: Group, month: dt.date):
    return _slides(report_version(), group, month)


@st.cache_resource(show_spinner="Läser filen …", max_entries=8)
def parsed_upload(content: bytes, file_name: str, kind_name: str | None, mapping: tuple[tuple[str, str], ...],
                  data_version: str, choices: tuple[tuple[str, Unit | None], ...] = ()):
    """A file read once per content, kind, mapping, organisation (the data version) and the units
    chosen for names it does not know, not on every rerun of the upload page (a large export takes
    a second or two). Kept as the object itself: nothing changes it.

    Unknown unit names never refuse the file here: the page asks what each one is."""
    known = units.known(cursor()).with_choices(dict(choices))
    return parse_file(content, file_name, kind_by_name(kind_name) if kind_name else None, dict(mapping) or None,
                      units=known, new_units=True)


@st.cache_data(show_spinner=False, max_entries=8)
def organisation_units(data_version: str) -> list[Unit]:
    """The units of the organisation (their current names, codes and places)."""
    return units.known(cursor()).units


@st.cache_data(show_spinner=False, max_entries=16)
def units_open_in(data_version: str, month: dt.date) -> list[Unit]:
    """The units the organisation has open in a month, where it places them that month."""
    return units.placed_in(cursor(), month)


@st.cache_data(show_spinner="Gör mallen …", max_entries=16)
def _template(data_version: str, kind_id: str, period: dt.date | None, split: tuple[str, ...],
              limit: int) -> tuple[str, bytes]:
    kind = kind_by_name(kind_id)
    placed = units_open_in(data_version, period) if period else []
    return templates_module.file_name(kind, period, split), templates_module.build(kind, period, placed, split, limit)


def template(kind_id: str, period: dt.date | None, split: tuple[str, ...] = ()) -> tuple[str, bytes]:
    """A template to fill in (hrdash/reports/templates.py): its file name and the workbook."""
    return _template(version(), kind_id, period, split, health_limit())


@st.cache_resource(show_spinner="Räknar ut vad som ändras …", max_entries=8)
def upload_preview(sha256: str, kind_name: str | None, mapping: tuple[tuple[str, str], ...], data_version: str,
                   _parsed, choices: tuple[tuple[str, Unit | None], ...] = ()):
    return preview.preview(cursor(), _parsed)


