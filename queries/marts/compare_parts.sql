-- reads: group_month_snapshot
-- What a fair comparison of groups reads (domain.md, Part 3, "Fair comparison of units";
-- hrdash/figures/compare.py): for every group, month and compared indicator, its value, its
-- size `n`, for turnover its count of events (leavers over the 12 months), whether the privacy
-- rule hides the value (by any rule, the complementary one included), and the group it is
-- compared with: units and avdelningar with their förvaltning (as placed that month),
-- förvaltningar with the kommun.
CREATE OR REPLACE VIEW compare_parts AS
WITH parts AS (
    SELECT *, NULL::DOUBLE AS no_events, false AS never_hidden FROM group_month_snapshot
)
SELECT
    level, group_id, group_name, month, indicator, value, n, events, suppressed,
    CASE level WHEN 'förvaltning' THEN 'kommun' WHEN 'kommun' THEN NULL ELSE 'förvaltning' END AS parent_level,
    CASE level WHEN 'förvaltning' THEN 'kommun' WHEN 'kommun' THEN NULL ELSE administration END AS parent_id
FROM parts
UNPIVOT INCLUDE NULLS (
    (value, n, events, suppressed) FOR indicator IN (
        (sick_leave_12m_pct, average_employees_12m, no_events, employees_min_12m_hidden) AS 'sick_leave_12m_pct',
        (sick_leave_pct, employees, no_events, employees_hidden) AS 'sick_leave_pct',
        (short_sick_leave_pct, employees, no_events, employees_hidden) AS 'short_sick_leave_pct',
        (vacancy_rate_pct, budgeted_positions, no_events, never_hidden) AS 'vacancy_rate_pct',
        (pulse_work_situation_agree_pct, pulse_work_situation_answers, no_events, pulse_work_situation_answers_hidden)
            AS 'pulse_work_situation_agree_pct',
        (pulse_good_work_agree_pct, pulse_good_work_answers, no_events, pulse_good_work_answers_hidden)
            AS 'pulse_good_work_agree_pct',
        (pulse_recommend_agree_pct, pulse_recommend_answers, no_events, pulse_recommend_answers_hidden)
            AS 'pulse_recommend_agree_pct',
        (turnover_12m_pct, average_permanent_employees_12m, leavers_12m, never_hidden) AS 'turnover_12m_pct'
    )
)
WHERE indicator NOT LIKE 'pulse_%' OR month(month) IN ({{ tertial_end_months }});
