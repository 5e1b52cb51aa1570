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
    -- The year's statutory figures (domain.md, Part 3): the window ending in December.
    CASE WHEN sick_leave_complete_months_12m = 12
        THEN 100 * sick_hours_60_days_12m / nullif(sick_hours_12m, 0) END AS long_sick_leave_share_12m_pct,
    CASE WHEN sick_leave_complete_months_12m = 12 AND women_complete_months_12m = 12
        THEN 100 * women_sick_hours_12m / nullif(women_ordinary_hours_12m, 0) END AS sick_leave_women_12m_pct,
    CASE WHEN sick_leave_complete_months_12m = 12 AND men_complete_months_12m = 12
        THEN 100 * men_sick_hours_12m / nullif(men_ordinary_hours_12m, 0) END AS sick_leave_men_12m_pct,
    CASE WHEN sick_leave_complete_months_12m = 12 AND age_29_complete_months_12m = 12
        THEN 100 * age_29_sick_hours_12m / nullif(age_29_ordinary_hours_12m, 0) END AS sick_leave_age_29_12m_pct,
    CASE WHEN sick_leave_complete_months_12m = 12 AND age_30_49_complete_months_12m = 12
        THEN 100 * age_30_49_sick_hours_12m / nullif(age_30_49_ordinary_hours_12m, 0) END AS sick_leave_age_30_49_12m_pct,
    CASE WHEN sick_leave_complete_months_12m = 12 AND age_50_complete_months_12m = 12
        THEN 100 * age_50_sick_hours_12m / nullif(age_50_ordinary_hours_12m, 0) END AS sick_leave_age_50_12m_pct,
    100 * women_sick_hours / nullif(women_ordinary_hours, 0) AS sick_leave_women_pct,
    100 * men_sick_hours / nullif(men_ordinary_hours, 0) AS sick_leave_men_pct,
    100 * age_29_sick_hours / nullif(age_29_ordinary_hours, 0) AS sick_leave_age_29_pct,
    100 * age_30_49_sick_hours / nullif(age_30_49_ordinary_hours, 0) AS sick_leave_age_30_49_pct,
    100 * age_50_sick_hours / nullif(age_50_ordinary_hours, 0) AS sick_leave_age_50_pct,
    100 * repeated_short_absence / nullif(employees, 0) AS repeated_short_absence_pct,
    100 * healthy_presence / nullif(employees, 0) AS healthy_presence_pct,

    100 * leavers / nullif(permanent_employees, 0) AS turnover_pct,
    CASE WHEN turnover_complete_months_12m = 12
        THEN 100 * leavers_12m / nullif(average_permanent_employees_12m, 0) END AS turnover_12m_pct,
    100 * (leavers - internal_moves) / nullif(permanent_employees, 0) AS external_turnover_pct,
    CASE WHEN turnover_complete_months_12m = 12
        THEN 100 * (leavers_12m - internal_moves_12m) / nullif(average_permanent_employees_12m, 0) END
        AS external_turnover_12m_pct,
    100 * (leavers - internal_moves - retirements) / nullif(permanent_employees, 0) AS turnover_excl_retirement_pct,
    -- The share of each reason among the exit interviews of the 12 months, where there were any.
    100 * exit_salary_12m / nullif(exit_interviews_12m, 0) AS exit_reason_salary_pct,
    100 * exit_workload_12m / nullif(exit_interviews_12m, 0) AS exit_reason_workload_pct,
    100 * exit_management_12m / nullif(exit_interviews_12m, 0) AS exit_reason_management_pct,
    100 * exit_development_12m / nullif(exit_interviews_12m, 0) AS exit_reason_development_pct,
    100 * exit_organisation_12m / nullif(exit_interviews_12m, 0) AS exit_reason_organisation_pct,
    100 * exit_work_environment_12m / nullif(exit_interviews_12m, 0) AS exit_reason_work_environment_pct,
    100 * exit_private_12m / nullif(exit_interviews_12m, 0) AS exit_reason_private_pct,
    100 * exit_retirement_12m / nullif(exit_interviews_12m, 0) AS exit_reason_retirement_pct,
    100 * exit_studies_12m / nullif(exit_interviews_12m, 0) AS exit_reason_studies_pct,
    100 * exit_other_12m / nullif(exit_interviews_12m, 0) AS exit_reason_other_pct,

    -- Cases per case worker is not a percentage.
    open_cases / nullif(case_workers, 0) AS caseload_per_worker,

    100 * pulse_work_situation_agree / nullif(pulse_work_situation_answers, 0) AS pulse_work_situation_agree_pct,
    100 * pulse_good_work_agree / nullif(pulse_good_work_answers, 0) AS pulse_good_work_agree_pct,
    100 * pulse_recommend_agree / nullif(pulse_recommend_answers, 0) AS pulse_recommend_agree_pct,
    pulse_work_situation_mean_x_answers / nullif(pulse_work_situation_answers, 0) AS pulse_work_situation_mean,
    pulse_good_work_mean_x_answers / nullif(pulse_good_work_answers, 0) AS pulse_good_work_mean,
    pulse_recommend_mean_x_answers / nullif(pulse_recommend_answers, 0) AS pulse_recommend_mean,
    100 * pulse_answers / nullif(pulse_asked, 0) AS pulse_response_rate_pct,

    budgeted_positions - filled_positions AS vacancies,
    100 * (budgeted_positions - filled_positions) / nullif(budgeted_positions, 0) AS vacancy_rate_pct
    -- Sums that are indicators as they stand, already columns of group_month_parts or
    -- group_month_windows: sick_pay_cost_sek, consultants, consultant_cost_sek, recruitment_need,
    -- recruitments_ongoing, positions_filled, open_cases, new_cases, closed_cases, the three
    -- pulse_<question>_answers, exit_interviews_12m.
FROM group_month_windows;
