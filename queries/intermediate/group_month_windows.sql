-- reads: group_month_parts
-- The parts of every group and month, and beside them their sums over the 12 months ending
-- with the month, for the 12-month indicators. A window's figures are only used when every
-- unit of the group reported in each of its months (the *_complete_months_12m counts).
--
-- The year's statutory figures (domain.md, Part 3) need the long spells' hours and the gender and
-- age splits over the window too; a split's figure only where every month of the window has it
-- (<split>_complete_months_12m), and, for its privacy rule, its smallest and largest month.
CREATE OR REPLACE VIEW group_month_windows AS
SELECT
    *,
    count(*) FILTER (sick_leave_units > 0 AND sick_leave_units_reported = sick_leave_units) OVER last_12
        AS sick_leave_complete_months_12m,
    sum(sick_hours) OVER last_12 AS sick_hours_12m,
    sum(ordinary_hours) OVER last_12 AS ordinary_hours_12m,
    sum(sick_hours_60_days) OVER last_12 AS sick_hours_60_days_12m,
    -- For the privacy rule of a 12-month figure: the group's smallest month.
    min(employees) OVER last_12 AS employees_min_12m,
    count(women_sick_hours) OVER last_12 AS women_complete_months_12m,
    sum(women_sick_hours) OVER last_12 AS women_sick_hours_12m,
    sum(women_ordinary_hours) OVER last_12 AS women_ordinary_hours_12m,
    min(women_employees) OVER last_12 AS women_employees_min_12m,
    max(women_employees) OVER last_12 AS women_employees_max_12m,
    count(men_sick_hours) OVER last_12 AS men_complete_months_12m,
    sum(men_sick_hours) OVER last_12 AS men_sick_hours_12m,
    sum(men_ordinary_hours) OVER last_12 AS men_ordinary_hours_12m,
    min(men_employees) OVER last_12 AS men_employees_min_12m,
    max(men_employees) OVER last_12 AS men_employees_max_12m,
    count(age_29_sick_hours) OVER last_12 AS age_29_complete_months_12m,
    sum(age_29_sick_hours) OVER last_12 AS age_29_sick_hours_12m,
    sum(age_29_ordinary_hours) OVER last_12 AS age_29_ordinary_hours_12m,
    min(age_29_employees) OVER last_12 AS age_29_employees_min_12m,
    max(age_29_employees) OVER last_12 AS age_29_employees_max_12m,
    count(age_30_49_sick_hours) OVER last_12 AS age_30_49_complete_months_12m,
    sum(age_30_49_sick_hours) OVER last_12 AS age_30_49_sick_hours_12m,
    sum(age_30_49_ordinary_hours) OVER last_12 AS age_30_49_ordinary_hours_12m,
    min(age_30_49_employees) OVER last_12 AS age_30_49_employees_min_12m,
    max(age_30_49_employees) OVER last_12 AS age_30_49_employees_max_12m,
    count(age_50_sick_hours) OVER last_12 AS age_50_complete_months_12m,
    sum(age_50_sick_hours) OVER last_12 AS age_50_sick_hours_12m,
    sum(age_50_ordinary_hours) OVER last_12 AS age_50_ordinary_hours_12m,
    min(age_50_employees) OVER last_12 AS age_50_employees_min_12m,
    max(age_50_employees) OVER last_12 AS age_50_employees_max_12m,
    -- Its size in a fair comparison (domain.md, Part 3): the mean of the monthly headcounts.
    sum(employees) OVER last_12 / 12 AS average_employees_12m,
    count(*) FILTER (turnover_units > 0 AND turnover_units_reported = turnover_units) OVER last_12
        AS turnover_complete_months_12m,
    sum(leavers) OVER last_12 AS leavers_12m,
    sum(internal_moves) OVER last_12 AS internal_moves_12m,
    -- Average headcount over the window: Σ over units of each unit's mean over the 12 months,
    -- which for a complete window is the sum of the monthly totals / 12.
    sum(permanent_employees) OVER last_12 / 12 AS average_permanent_employees_12m,
    -- Exit interviews by the month the leavers left: every answer of the 12 months counts.
    sum(exit_salary) OVER last_12 AS exit_salary_12m,
    sum(exit_workload) OVER last_12 AS exit_workload_12m,
    sum(exit_management) OVER last_12 AS exit_management_12m,
    sum(exit_development) OVER last_12 AS exit_development_12m,
    sum(exit_organisation) OVER last_12 AS exit_organisation_12m,
    sum(exit_work_environment) OVER last_12 AS exit_work_environment_12m,
    sum(exit_private) OVER last_12 AS exit_private_12m,
    sum(exit_retirement) OVER last_12 AS exit_retirement_12m,
    sum(exit_studies) OVER last_12 AS exit_studies_12m,
    sum(exit_other) OVER last_12 AS exit_other_12m,
    sum(exit_interviews) OVER last_12 AS exit_interviews_12m
FROM group_month_parts
WINDOW last_12 AS (PARTITION BY level, group_id ORDER BY month_index RANGE BETWEEN 11 PRECEDING AND CURRENT ROW);
