"""The pages' "Jämfört med förvaltningen": each unit judged against its whole by what chance does
to a unit of its size (hrdash/figures/compare.py), as a funnel chart and a table, the worse side
first. Topic pages and Medarbetarnas röst show it."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from hrdash import swedish
from hrdash.catalogue import BY_ID, HEALTH, few_answers, few_people
from hrdash.figures import readings
from hrdash.figures.groups import Group
from hrdash.markdown import plain
from hrdash.ui import cache, charts, widgets


def render(indicator_id: str, group: Group, members: list[Group], month: dt.date, hidden: bool, key: str) -> bool:
    """The section, for the members of `group`; False where none of them can be compared."""
    highlight = group.name if group.level == "enhet" else None
    funnel = cache.funnel(tuple(members), month, indicator_id, hidden, highlight)
    if funnel is None:
        return False
    indicator_id = funnel.indicator_id
    whole = readings.PARENTS.get(funnel.parent_level, "helheten")
    when = swedish.tertial_name(month) if readings.SIZE_WORDS.get(indicator_id) is None else swedish.month_name(month)
    st.header(f"Jämfört med {whole}, {when}")
    outside = funnel.rows[[readings.verdict_is_worse(indicator_id, v) is not None for v in funnel.rows["verdict"]]]
    st.markdown(f"{BY_ID[indicator_id].label}: {len(outside)} av {len(funnel.rows)} ligger utanför det "
                f"förväntade för sin storlek" + (f" ({', '.join(outside['unit'])})." if len(outside) else ".")
                + (f" {readings.funnel_width(funnel)}" if readings.funnel_width(funnel) else ""))
    st.plotly_chart(charts.funnel(funnel), config=widgets.PLOTLY_CONFIG, theme=None, key=f"{key}_tratt")
    hidden_reason = few_people(cache.health_limit()) if BY_ID[indicator_id].privacy == HEALTH else few_answers()
    st.table(readings.funnel_table(funnel, hidden_reason), hide_index=True, border="horizontal")  # whole texts: a verdict is read, not scrolled
    st.caption(readings.FUNNEL_EXPLAINED + (f" {readings.TWELVE_MONTHS_EXPLAINED}"
                                            if indicator_id == "sick_leave_12m_pct" else ""))
    return True


def against_kommun(indicator_id: str, group: Group, siblings: list[Group], month: dt.date, hidden: bool) -> None:
    """A förvaltning's own figure against the kommun's, judged among every förvaltning (`siblings`)
    by what chance does to one of its size: one sentence, above its own units' comparison."""
    funnel = cache.funnel(tuple(siblings), month, indicator_id, hidden, group.name)
    said = funnel and readings.position(funnel, group.name)
    if not said:
        return
    when = swedish.tertial_name(month) if readings.SIZE_WORDS.get(funnel.indicator_id) is None \
        else swedish.month_name(month)
    st.header(f"Jämfört med kommunen, {when}")
    st.markdown(f"{BY_ID[funnel.indicator_id].label}: {plain(said)} Bedömt med hänsyn till storleken, bland "
                f"kommunens {len(funnel.rows)} förvaltningar. Välj hela kommunen för att se dem sida vid sida.")
