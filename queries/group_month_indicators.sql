-- Every indicator of domain.md for every group and month, one column each. This file is
-- where the definitions live; each is a ratio of sums (×100 for percentages), and a ratio
-- whose denominator is 0 is NULL, not 0.
--
-- The 12-month figures sum the parts over the 12 months ending with the month, and are
-- only computed when every unit of the group reported in each of those months.
CREATE OR REPLACE VIEW group_month_indicators AS
WITH windowed AS (
    SELECT
        *,
        count(*) FILTER (sick_leave_units > 0 AND sick_leave_units_reported = sick_leave_units) OVER last_12 AS sick_leave_complete_months_12m,
        sum(sick_hours) OVER last_12 AS sick_hours_12m,
        sum(ordinary_hours) OVER last_12 AS ordinary_hours_12m,
        min(employees) OVER last_12 AS employees_min_12m,
        count(*) FILTER (turnover_units > 0 AND turnover_units_reported = turnover_units) OVER last_12 AS turnover_complete_months_12m,
        sum(leavers) OVER last_12 AS leavers_12m,
        sum(leavers - internal_moves) OVER last_12 AS external_leavers_12m,
        -- Average headcount over the window: Σ over units of each unit's mean over the 12
        -- months, which for a complete window is the sum of the monthly totals / 12.
        sum(permanent_employees) OVER last_12 / 12 AS average_permanent_employees_12m
    FROM group_month_parts
    WINDOW last_12 AS (PARTITION BY level, group_id ORDER BY month_index RANGE BETWEEN 11 PRECEDING AND CURRENT ROW)
)
SELECT
    level,
    group_id,
    administration,
    department,
    unit_id,
    month,
    month_index,
    sick_leave_units,
    sick_leave_units_reported,
    turnover_units,
    turnover_units_reported,
    vacancies_units,
    vacancies_units_reported,
    recruitment_units,
    recruitment_units_reported,
    employees,
    employees_min_12m,
    women_employees,
    men_employees,
    age_29_employees,
    age_30_49_employees,
    age_50_employees,
    permanent_employees,

    100 * sick_hours / nullif(ordinary_hours, 0) AS sick_leave_pct,
    CASE WHEN sick_leave_complete_months_12m = 12
        THEN 100 * sick_hours_12m / nullif(ordinary_hours_12m, 0) END AS sick_leave_12m_pct,
    100 * sick_hours_day_1_14 / nullif(ordinary_hours, 0) AS short_sick_leave_pct,
    100 * sick_hours_60_days / nullif(sick_hours, 0) AS long_sick_leave_share_pct,
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
        THEN 100 * external_leavers_12m / nullif(average_permanent_employees_12m, 0) END AS external_turnover_12m_pct,
    100 * (leavers - internal_moves - retirements) / nullif(permanent_employees, 0) AS turnover_excl_retirement_pct,

    budgeted_positions - filled_positions AS vacancies,
    100 * (budgeted_positions - filled_positions) / nullif(budgeted_positions, 0) AS vacancy_rate_pct,
    consultants,
    consultant_cost_sek,

    recruitment_need,
    recruitments_ongoing,
    positions_filled,

    leavers,
    internal_moves,
    retirements,
    hires,
    budgeted_positions,
    filled_positions
FROM windowed;
