"""The topic pages share one layout: trend, ranking of the units, breakdowns, each with the
numbers behind it and the definition in plain Swedish. What each topic shows is declared in
hrdash/catalogue.py; each page in pages/ names its topic and calls `render`."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from hrdash import swedish
from hrdash.catalogue import BY_ID, KINDS_OF_SOME_UNITS, TOPICS, breakdowns
from hrdash.charts.trend import Trend
from hrdash.figures import narrative
from hrdash.figures.format import format_value
from hrdash.figures.groups import member_units, parent, reporting
from hrdash.figures.series import why_empty
from hrdash.months import shift
from hrdash.figures import measures
from hrdash.ui import cache, charts, comparison, session, sidebar, widgets
from hrdash.ui import measures as measures_ui


def render(topic_id: str) -> None:
    topic = TOPICS[topic_id]
    selection = sidebar.selection()
    st.title(topic.title)
    if selection is None:
        widgets.empty_state(topic.title.lower())
        return
    group, month = selection.group, selection.month
    data_version, hidden = session.version(), session.unsuppressed()
    st.subheader(f"{group.name} · {swedish.month_name(month)}")
    covered = cache.coverage(data_version, group, month)
    widgets.coverage_warnings({topic.kind: covered[topic.kind]} if topic.kind in covered else {}, month)

    goals = cache.targets()
    target = goals.for_group(topic.main, group)
    parts = breakdowns(topic.id)
    ids = tuple(dict.fromkeys([topic.main, topic.rank_by] + ([topic.rolling] if topic.rolling else [])
                              + [i.id for _, indicators in parts for i in indicators]
                              + [i.people for b, indicators in parts if b.bars for i in indicators]))
    # A year more than the chart shows: last year's months are drawn behind the first ones.
    since = shift(selection.first, -12) if selection.first else None
    series = cache.series(data_version, group, ids, hidden, since, month)
    if series.empty or series[topic.main].isna().all():
        widgets.empty_state(topic.title.lower(), *why_empty(series, topic.main, group.name, topic.title.lower()))
        return
    st.markdown(f"#### {narrative.headline(series, topic.main, month, group.name)}")

    done = cache.topic_measures(topic.id, group)
    marks = measures.marks(done)
    trend = Trend(series, topic.main, topic.rolling, target, selection.first, cache.chart_points(group, topic.main, hidden),
                  marks)
    st.plotly_chart(charts.trend(trend), config=widgets.PLOTLY_CONFIG, theme=None, key="trend")
    widgets.chart_notes(trend, cache.chart_caption(group, topic.main, month, hidden))
    shown = series if selection.first is None else series[series["month"] >= selection.first]
    with st.expander("Siffrorna bakom diagrammet"):
        widgets.table(shown, [topic.main] + ([topic.rolling] if topic.rolling else []))
    widgets.definitions([topic.main] + ([topic.rolling] if topic.rolling else []))
    widgets.comment(topic.id, group, month)
    # Listed as the report lists them: also the measures of the groups under it, started by the month.
    measures_ui.topic_section(topic.id, group, month, [m for m in cache.topic_measures(topic.id, group, below=True)
                                                       if m.start <= month])

    all_groups = cache.groups(data_version)
    kommun = next((g for g in all_groups if g.level == "kommun"), None)
    if group.level == "förvaltning" and kommun is not None and topic.compare_by is not None:
        comparison.against_kommun(topic.compare_by, group, member_units(all_groups, kommun), month, hidden)
    members = member_units(all_groups, group)
    if topic.kind in KINDS_OF_SOME_UNITS:
        members = reporting(session.cursor(), members, topic.kind)
    compared = bool(members) and topic.compare_by is not None and comparison.render(
        topic.compare_by, group, members, month, hidden, key="jämförelse")
    if members and not compared:
        above = parent(all_groups, group)
        st.header(f"Jämförelse, {swedish.month_name(month)}")
        ranked = cache.ranking(data_version, tuple(members), topic.rank_by, month, hidden)
        # A ratio of the whole group is a fair yardstick for its units; a count of the whole is not.
        reference_value = None
        if BY_ID[topic.rank_by].is_ratio:
            reference = cache.series(data_version, above, (topic.rank_by,), hidden, month, month)
            if not reference.empty and reference[topic.rank_by].notna().any():
                reference_value = float(reference[topic.rank_by].iloc[0])
        rank_target = goals.for_group(topic.rank_by, above)
        st.plotly_chart(
            charts.ranking(ranked, topic.rank_by, reference_value, above.name,
                           highlight=group.name if group.level == "enhet" else None, target=rank_target),
            config=widgets.PLOTLY_CONFIG, theme=None, key="ranking",
        )
        with st.expander("Siffrorna bakom diagrammet"):
            ranked_table = ranked.rename(columns={"value": topic.rank_by, "note": f"note_{topic.rank_by}"})
            widgets.table(ranked_table, [topic.rank_by], first_column="name", first_label="Enhet")
        widgets.definitions([topic.rank_by])

    for position, (breakdown, indicators) in enumerate(parts):
        ids_shown = [i.id for i in indicators]
        if breakdown.bars:
            _bars(breakdown, indicators, series, month, position)
            continue
        st.header(breakdown.title)
        if shown[ids_shown].isna().all().all():
            st.info(breakdown.missing, icon=":material/info:")
            continue
        if len(ids_shown) == 1:  # a trend of its own: its target and its control chart
            only = ids_shown[0]
            figure = charts.trend(Trend(series, only, None, goals.for_group(only, group), selection.first,
                                        cache.chart_points(group, only, hidden), marks), height=380)
        else:
            figure = charts.lines(shown, ids_shown, labels={i.id: i.legend for i in indicators if i.legend})
        st.plotly_chart(figure, config=widgets.PLOTLY_CONFIG, theme=None, key=f"breakdown_{position}")
        with st.expander("Siffrorna bakom diagrammet"):
            widgets.table(shown, ids_shown)
        widgets.definitions(ids_shown)


def _bars(breakdown, indicators, series, month, position: int) -> None:
    """The month's value of each indicator as a bar, largest first: why people left, over 12 months."""
    row = series[series["month"] == month]
    values = [(i.legend or i.label, None if row.empty else row[i.id].iloc[0],
               "" if row.empty else row[f"note_{i.id}"].iloc[0]) for i in indicators]
    counted = BY_ID[indicators[0].people] if indicators[0].people in BY_ID else None
    heading = breakdown.title
    if counted is not None and not row.empty and counted.id in row and row[counted.id].iloc[0] == row[counted.id].iloc[0]:
        heading += f" ({format_value(counted.id, row[counted.id].iloc[0])} avgångssamtal de senaste 12 månaderna)"
    st.header(heading)
    frame = pd.DataFrame(values, columns=["name", "value", "note"])
    if frame["value"].isna().all():
        hidden = next((n for n in frame["note"] if isinstance(n, str) and n), "")
        st.info(f"Visas inte: {hidden.lower()}." if hidden else breakdown.missing, icon=":material/info:")
        return
    st.plotly_chart(charts.ranking(frame, indicators[0].id, None, ""), config=widgets.PLOTLY_CONFIG, theme=None,
                    key=f"breakdown_{position}")
    with st.expander("Siffrorna bakom diagrammet"):
        widgets.table(frame.rename(columns={"value": indicators[0].id, "note": f"note_{indicators[0].id}"}),
                      [indicators[0].id], first_column="name", first_label="Orsak")
    widgets.definitions([indicators[0].id, counted.id] if counted else [indicators[0].id])
