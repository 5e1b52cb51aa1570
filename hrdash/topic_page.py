"""The four indicator pages share one layout: trend, ranking of the units, breakdowns, each
with the numbers behind it and the definition in plain Swedish. Each page in pages/ names
its topic and calls `render`."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from hrdash import charts, dashboard, narrative, swedish, targets, web, widgets
from hrdash.indicators import BY_ID, TOPICS


@dataclass(frozen=True)
class Breakdown:
    title: str
    indicator_ids: tuple[str, ...]
    labels: tuple[tuple[str, str], ...] = ()
    missing: str = "Uppgiften finns inte i de inlästa filerna för den här perioden."


@dataclass(frozen=True)
class Topic:
    id: str
    main: str  # the indicator of the trend
    rolling: str | None  # its 12-month figure
    rank_by: str
    breakdowns: tuple[Breakdown, ...]

    @property
    def title(self) -> str:
        return TOPICS[self.id]


TOPIC_PAGES = {
    "sick_leave": Topic(
        "sick_leave", "sick_leave_pct", "sick_leave_12m_pct", "sick_leave_pct",
        (
            Breakdown("Kort och lång sjukfrånvaro", ("short_sick_leave_pct", "long_sick_leave_share_pct")),
            Breakdown("Kvinnor och män", ("sick_leave_women_pct", "sick_leave_men_pct"),
                      (("sick_leave_women_pct", "Kvinnor"), ("sick_leave_men_pct", "Män")),
                      "Filerna delar inte upp sjukfrånvaron på kön, eller grupperna är för små för att visas."),
            Breakdown("Åldersgrupper", ("sick_leave_age_29_pct", "sick_leave_age_30_49_pct", "sick_leave_age_50_pct"),
                      (("sick_leave_age_29_pct", "29 år eller yngre"), ("sick_leave_age_30_49_pct", "30–49 år"),
                       ("sick_leave_age_50_pct", "50 år eller äldre")),
                      "Filerna delar inte upp sjukfrånvaron på ålder, eller grupperna är för små för att visas."),
        ),
    ),
    "turnover": Topic(
        "turnover", "turnover_pct", "turnover_12m_pct", "turnover_12m_pct",
        (
            Breakdown("Avgångar: interna flyttar, lämnat förvaltningen, pension",
                      ("turnover_pct", "external_turnover_pct", "turnover_excl_retirement_pct")),
            Breakdown("Lämnat förvaltningen, rullande 12 månader", ("external_turnover_12m_pct",)),
        ),
    ),
    "vacancies": Topic(
        "vacancies", "vacancies", None, "vacancies",
        (
            Breakdown("Andel vakanta tjänster", ("vacancy_rate_pct",)),
            Breakdown("Inhyrda konsulter", ("consultants",),
                      missing="Filerna anger inte konsulter för alla enheter."),
            Breakdown("Konsultkostnad", ("consultant_cost_sek",),
                      missing="Filerna anger inte konsultkostnad för alla enheter."),
        ),
    ),
    "recruitment": Topic(
        "recruitment", "recruitment_need", None, "recruitment_need",
        (Breakdown("Pågående rekryteringar och tillsatta tjänster", ("recruitments_ongoing", "positions_filled")),),
    ),
}


def render(topic_id: str) -> None:
    topic = TOPIC_PAGES[topic_id]
    selection = web.selection()
    st.title(topic.title)
    if selection is None:
        web.empty_state(topic.title.lower())
        return
    group, month = selection.group, selection.month
    data_version, hidden = web.version(), web.unsuppressed()
    st.subheader(f"{group.name} · {swedish.month_name(month)}")
    coverage = dashboard.topic_coverage(web.cursor(), group, month)
    widgets.coverage_warnings({k: v for k, v in coverage.items() if k == topic.id}, month)

    goals = targets.Targets(web.cursor())
    target = goals.for_group(topic.main, group)
    ids = tuple(dict.fromkeys([topic.main, topic.rank_by] + ([topic.rolling] if topic.rolling else [])
                              + [i for b in topic.breakdowns for i in b.indicator_ids]))
    # A year more than the chart shows: last year's months are drawn behind the first ones.
    since = dashboard.month_shift(selection.first, -12) if selection.first else None
    series = web.series(data_version, group, ids, hidden, since, month)
    if series.empty or series[topic.main].isna().all():
        web.empty_state(f"{topic.title.lower()} för {group.name}")
        return
    st.markdown(f"#### {narrative.headline(series, topic.main, month, group.name)}")

    st.plotly_chart(charts.trend(series, topic.main, topic.rolling, target, first=selection.first),
                    config=widgets.PLOTLY_CONFIG, theme=None, key="trend")
    shown = series if selection.first is None else series[series["month"] >= selection.first]
    with st.expander("Siffrorna bakom diagrammet"):
        widgets.table(shown, [topic.main] + ([topic.rolling] if topic.rolling else []))
    widgets.definitions([topic.main] + ([topic.rolling] if topic.rolling else []))
    widgets.comment(topic.id, group, month)

    all_groups = web.groups(data_version)
    members = dashboard.member_units(all_groups, group)
    if members:
        parent = group
        if group.level == "enhet":
            parent = next(g for g in all_groups if g.level == "avdelning" and g.administration == group.administration
                          and g.department == group.department)
        st.header(f"Jämförelse, {swedish.month_name(month)}")
        ranked = web.ranking(data_version, tuple(members), topic.rank_by, month, hidden)
        # A ratio of the whole group is a fair yardstick for its units; a count of the whole is not.
        reference_value = None
        if BY_ID[topic.rank_by].unit == "%":
            reference = web.series(data_version, parent, (topic.rank_by,), hidden, month, month)
            if not reference.empty and reference[topic.rank_by].notna().any():
                reference_value = float(reference[topic.rank_by].iloc[0])
        rank_target = goals.for_group(topic.rank_by, parent)
        st.plotly_chart(
            charts.ranking(ranked, topic.rank_by, reference_value, parent.name,
                           highlight=group.name if group.level == "enhet" else None, target=rank_target),
            config=widgets.PLOTLY_CONFIG, theme=None, key="ranking",
        )
        with st.expander("Siffrorna bakom diagrammet"):
            ranked_table = ranked.rename(columns={"value": topic.rank_by, "note": f"note_{topic.rank_by}"})
            widgets.table(ranked_table, [topic.rank_by], first_column="name", first_label="Enhet")
        widgets.definitions([topic.rank_by])

    for position, breakdown in enumerate(topic.breakdowns):
        st.header(breakdown.title)
        if shown[list(breakdown.indicator_ids)].isna().all().all():
            st.info(breakdown.missing, icon=":material/info:")
            continue
        st.plotly_chart(charts.lines(shown, list(breakdown.indicator_ids), labels=dict(breakdown.labels)),
                        config=widgets.PLOTLY_CONFIG, theme=None, key=f"breakdown_{position}")
        with st.expander("Siffrorna bakom diagrammet"):
            widgets.table(shown, list(breakdown.indicator_ids))
        widgets.definitions(list(breakdown.indicator_ids))

