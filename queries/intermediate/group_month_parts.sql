-- reads: unit_month_parts
-- The additive parts summed for every group and month: each unit, each avdelning, each
-- förvaltning and the whole kommun. Indicators are computed from these sums, never by
-- averaging the units' percentages.
--
-- Per kind: how many units the group has that month (placed there, or reporting there
-- without a placement) and how many of them reported. A group's gender or age parts, and its
-- consultant figures, are only summed when every reporting unit gave them.
CREATE OR REPLACE VIEW group_month_parts AS
SELECT
    CASE
        WHEN grouping(unit_id) = 0 THEN 'enhet'
        WHEN grouping(department) = 0 THEN 'avdelning'
        WHEN grouping(administration) = 0 THEN 'förvaltning'
        ELSE 'kommun'
    END AS level,
    CASE
        WHEN grouping(unit_id) = 0 THEN unit_id
        WHEN grouping(department) = 0 THEN administration || ' / ' || department
        WHEN grouping(administration) = 0 THEN administration
        ELSE 'kommun'
    END AS group_id,
    administration,
    department,
    unit_id,
    month,
    month_index,

    count(*) FILTER (placed OR has_sick_leave) AS sick_leave_units,
    count(*) FILTER (has_sick_leave) AS sick_leave_units_reported,
    sum(employees) AS employees,
    sum(ordinary_hours) AS ordinary_hours,
    sum(sick_hours) AS sick_hours,
    sum(sick_hours_day_1_14) AS sick_hours_day_1_14,
    sum(sick_hours_60_days) AS sick_hours_60_days,
    CASE WHEN count(repeated_short_absence) = count(*) FILTER (has_sick_leave) THEN sum(repeated_short_absence) END
        AS repeated_short_absence,
    CASE WHEN count(healthy_presence) = count(*) FILTER (has_sick_leave) THEN sum(healthy_presence) END
        AS healthy_presence,
    CASE WHEN count(sick_pay_cost_sek) = count(*) FILTER (has_sick_leave) THEN sum(sick_pay_cost_sek) END
        AS sick_pay_cost_sek,
    CASE WHEN bool_and(by_gender) THEN sum(women_employees) END AS women_employees,
    CASE WHEN bool_and(by_gender) THEN sum(women_ordinary_hours) END AS women_ordinary_hours,
    CASE WHEN bool_and(by_gender) THEN sum(women_sick_hours) END AS women_sick_hours,
    CASE WHEN bool_and(by_gender) THEN sum(men_employees) END AS men_employees,
    CASE WHEN bool_and(by_gender) THEN sum(men_ordinary_hours) END AS men_ordinary_hours,
    CASE WHEN bool_and(by_gender) THEN sum(men_sick_hours) END AS men_sick_hours,
    CASE WHEN bool_and(by_age) THEN sum(age_29_employees) END AS age_29_employees,
    CASE WHEN bool_and(by_age) THEN sum(age_29_ordinary_hours) END AS age_29_ordinary_hours,
    CASE WHEN bool_and(by_age) THEN sum(age_29_sick_hours) END AS age_29_sick_hours,
    CASE WHEN bool_and(by_age) THEN sum(age_30_49_employees) END AS age_30_49_employees,
    CASE WHEN bool_and(by_age) THEN sum(age_30_49_ordinary_hours) END AS age_30_49_ordinary_hours,
    CASE WHEN bool_and(by_age) THEN sum(age_30_49_sick_hours) END AS age_30_49_sick_hours,
    CASE WHEN bool_and(by_age) THEN sum(age_50_employees) END AS age_50_employees,
    CASE WHEN bool_and(by_age) THEN sum(age_50_ordinary_hours) END AS age_50_ordinary_hours,
    CASE WHEN bool_and(by_age) THEN sum(age_50_sick_hours) END AS age_50_sick_hours,

    count(*) FILTER (placed OR has_turnover) AS turnover_units,
    count(*) FILTER (has_turnover) AS turnover_units_reported,
    sum(permanent_employees) AS permanent_employees,
    sum(leavers) AS leavers,
    sum(internal_moves) AS internal_moves,
    sum(retirements) AS retirements,
    CASE WHEN count(hires) = count(*) FILTER (has_turnover) THEN sum(hires) END AS hires,

    count(*) FILTER (placed OR has_vacancies) AS vacancies_units,
    count(*) FILTER (has_vacancies) AS vacancies_units_reported,
    sum(budgeted_positions) AS budgeted_positions,
    sum(filled_positions) AS filled_positions,
    CASE WHEN count(consultants) = count(*) FILTER (has_vacancies) THEN sum(consultants) END AS consultants,
    CASE WHEN count(consultant_cost_sek) = count(*) FILTER (has_vacancies) THEN sum(consultant_cost_sek) END
        AS consultant_cost_sek,

    count(*) FILTER (placed OR has_recruitment) AS recruitment_units,
    count(*) FILTER (has_recruitment) AS recruitment_units_reported,
    sum(recruitment_need) AS recruitment_need,
    sum(recruitments_ongoing) AS recruitments_ongoing,
    sum(positions_filled) AS positions_filled,

    count(*) FILTER (expects_caseload OR has_caseload) AS caseload_units,
    count(*) FILTER (has_caseload) AS caseload_units_reported,
    sum(open_cases) AS open_cases,
    sum(case_workers) AS case_workers,
    CASE WHEN count(new_cases) = count(*) FILTER (has_caseload) THEN sum(new_cases) END AS new_cases,
    CASE WHEN count(closed_cases) = count(*) FILTER (has_caseload) THEN sum(closed_cases) END AS closed_cases,

    count(*) FILTER (expects_pulse OR has_pulse) AS pulse_units,
    count(*) FILTER (has_pulse) AS pulse_units_reported,
    sum(pulse_work_situation_answers) AS pulse_work_situation_answers,
    sum(pulse_work_situation_agree) AS pulse_work_situation_agree,
    CASE WHEN count(pulse_work_situation_mean_x_answers) = count(pulse_work_situation_answers)
        THEN sum(pulse_work_situation_mean_x_answers) END AS pulse_work_situation_mean_x_answers,
    sum(pulse_good_work_answers) AS pulse_good_work_answers,
    sum(pulse_good_work_agree) AS pulse_good_work_agree,
    CASE WHEN count(pulse_good_work_mean_x_answers) = count(pulse_good_work_answers)
        THEN sum(pulse_good_work_mean_x_answers) END AS pulse_good_work_mean_x_answers,
    sum(pulse_recommend_answers) AS pulse_recommend_answers,
    sum(pulse_recommend_agree) AS pulse_recommend_agree,
    CASE WHEN count(pulse_recommend_mean_x_answers) = count(pulse_recommend_answers)
        THEN sum(pulse_recommend_mean_x_answers) END AS pulse_recommend_mean_x_answers,
    sum(pulse_answers) AS pulse_answers,
    CASE WHEN count(pulse_asked) = count(*) FILTER (has_pulse) THEN sum(pulse_asked) END AS pulse_asked,

    coalesce(sum(exit_salary), 0) AS exit_salary,
    coalesce(sum(exit_workload), 0) AS exit_workload,
    coalesce(sum(exit_management), 0) AS exit_management,
    coalesce(sum(exit_development), 0) AS exit_development,
    coalesce(sum(exit_organisation), 0) AS exit_organisation,
    coalesce(sum(exit_work_environment), 0) AS exit_work_environment,
    coalesce(sum(exit_private), 0) AS exit_private,
    coalesce(sum(exit_retirement), 0) AS exit_retirement,
    coalesce(sum(exit_studies), 0) AS exit_studies,
    coalesce(sum(exit_other), 0) AS exit_other,
    coalesce(sum(exit_interviews), 0) AS exit_interviews
FROM unit_month_parts
GROUP BY GROUPING SETS (
    (administration, department, unit_id, month, month_index),
    (administration, department, month, month_index),
    (administration, month, month_index),
    (month, month_index)
);
