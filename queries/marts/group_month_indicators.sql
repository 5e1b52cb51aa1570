-- reads: group_month_windows
-- Every indicator of domain.md for every group and month, one column each, named by its id in
-- hrdash/catalogue.py. This file is where the formulas live; each is a ratio of sums (×100 for
-- percentages), and a ratio whose denominator is 0 is NULL, not 0. The 12-month figures are
-- only computed when every unit of the group reported in each of the 12 months.
CREATE OR REPLACE VIEW group_month_indicators AS
SELECT
    *,

    100 * sick_hours / nullif(ordinary_hours, 0) AS sick_leave_pct,
    100 * sick_hours_day_1_14 / nullif(ordinary_hours, 0) AS short_sick_leave_pct,
    100 * sick_hours_60_days / nullif(sick_hours, 0) AS long_sick_leave_share_pct,
    CASE WHEN sick_leave_complete_months_12m = 12
        THEN 100 * sick_hours_12m / nullif(ordinary_hours_12m, 0) END AS sick_leave_12m_pct,
    100 * women_sick_hours / nullif(women_ordinary_hours, 0) AS sick_leave_women_pct,
    100 * men_sick_hours / nullif(men_ordinary_hours, 0) AS sick_leave_men_pct,
    100 * age_29_sick_hours / nullif(age_29_ordinary_hours, 0) AS sick_leave_age_29_pct,
    100 * age_30_49_sick_hours / nullif(age_30_49_ordinary_hours, 0) AS sick_leave_age_30_49_pct,
    100 * age_50_sick_hours / nullif(age_50_ordinary_hours, 0) AS sick_leave_age_50_pct,

    100 * leavers / nullif(permanent_employees, 0) AS turnover_pct,
    CASE WHEN turnover_complete_months_12m = 12
        THEN 100 * leavers_12m / nullif(average_permanent_employees_12m, 0) END AS turnover_12m_pct,
    100 * (leavers - internal_moves) / nullif(permanent_employees, 0) AS external_turnover_pct,
    CASE WHEN turnover_complete_months_12m = 12
        THEN 100 * (leavers_12m - internal_moves_12m) / nullif(average_permanent_employees_12m, 0) END
        AS external_turnover_12m_pct,
    100 * (leavers - internal_moves - retirements) / nullif(permanent_employees, 0) AS turnover_excl_retirement_pct,

    budgeted_positions - filled_positions AS vacancies,
    100 * (budgeted_positions - filled_positions) / nullif(budgeted_positions, 0) AS vacancy_rate_pct
    -- Sums that are indicators as they stand, already columns of group_month_parts: consultants,
    -- consultant_cost_sek, recruitment_need, recruitments_ongoing, positions_filled.
FROM group_month_windows;
