-- reads: current_rows, sick_leave_rows, turnover_rows, vacancy_rows, recruitment_rows, caseload_rows, pulse_rows, exit_reason_rows
-- The current figures of every kind per unit and month, one row each: for each kind, the batch
-- they come from (NULL where the unit has none that month) and its figures, a unit's rows summed.
--
-- Sick leave: rows split by gender or age group are summed to the unit's totals; the parts per
-- gender and age group are NULL when the batch does not split that way. An optional figure
-- (upprepad korttidsfrånvaro, frisknärvaro, sjuklönekostnad) is NULL unless every row gave it.
-- Pulse questions (month: the tertial's last month): per question, how many answered and agreed,
-- and Σ mean × answers for the weighted mean (NULL unless a mean was given); how many were asked,
-- over the three questions, is NULL unless every row gave it.
-- Exit interviews (month: the month they left): how many gave each reason, and in all.
CREATE OR REPLACE VIEW current_unit_figures AS
SELECT
    c.unit_id,
    c.month,
    max(c.batch_id) FILTER (c.kind = 'sick_leave') AS sick_leave_batch,
    max(c.batch_id) FILTER (c.kind = 'turnover') AS turnover_batch,
    max(c.batch_id) FILTER (c.kind = 'vacancies') AS vacancies_batch,
    max(c.batch_id) FILTER (c.kind = 'recruitment') AS recruitment_batch,
    max(c.batch_id) FILTER (c.kind = 'caseload') AS caseload_batch,
    max(c.batch_id) FILTER (c.kind = 'pulse') AS pulse_batch,
    max(c.batch_id) FILTER (c.kind = 'exit_reasons') AS exit_reasons_batch,

    sum(s.employees) AS employees,
    sum(s.ordinary_hours) AS ordinary_hours,
    sum(s.sick_hours) AS sick_hours,
    sum(s.sick_hours_day_1_14) AS sick_hours_day_1_14,
    sum(s.sick_hours_60_days) AS sick_hours_60_days,
    CASE WHEN bool_and(s.repeated_short_absence IS NOT NULL) FILTER (c.kind = 'sick_leave')
        THEN sum(s.repeated_short_absence) END AS repeated_short_absence,
    CASE WHEN bool_and(s.healthy_presence IS NOT NULL) FILTER (c.kind = 'sick_leave')
        THEN sum(s.healthy_presence) END AS healthy_presence,
    CASE WHEN bool_and(s.sick_pay_cost_sek IS NOT NULL) FILTER (c.kind = 'sick_leave')
        THEN sum(s.sick_pay_cost_sek) END AS sick_pay_cost_sek,
    bool_and(s.gender IS NOT NULL) FILTER (c.kind = 'sick_leave') AS by_gender,
    CASE WHEN bool_and(s.gender IS NOT NULL) FILTER (c.kind = 'sick_leave') THEN coalesce(sum(s.employees) FILTER (s.gender = 'kvinna'), 0) END AS women_employees,
    CASE WHEN bool_and(s.gender IS NOT NULL) FILTER (c.kind = 'sick_leave') THEN coalesce(sum(s.ordinary_hours) FILTER (s.gender = 'kvinna'), 0) END AS women_ordinary_hours,
    CASE WHEN bool_and(s.gender IS NOT NULL) FILTER (c.kind = 'sick_leave') THEN coalesce(sum(s.sick_hours) FILTER (s.gender = 'kvinna'), 0) END AS women_sick_hours,
    CASE WHEN bool_and(s.gender IS NOT NULL) FILTER (c.kind = 'sick_leave') THEN coalesce(sum(s.employees) FILTER (s.gender = 'man'), 0) END AS men_employees,
    CASE WHEN bool_and(s.gender IS NOT NULL) FILTER (c.kind = 'sick_leave') THEN coalesce(sum(s.ordinary_hours) FILTER (s.gender = 'man'), 0) END AS men_ordinary_hours,
    CASE WHEN bool_and(s.gender IS NOT NULL) FILTER (c.kind = 'sick_leave') THEN coalesce(sum(s.sick_hours) FILTER (s.gender = 'man'), 0) END AS men_sick_hours,
    bool_and(s.age_group IS NOT NULL) FILTER (c.kind = 'sick_leave') AS by_age,
    CASE WHEN bool_and(s.age_group IS NOT NULL) FILTER (c.kind = 'sick_leave') THEN coalesce(sum(s.employees) FILTER (s.age_group = '-29'), 0) END AS age_29_employees,
    CASE WHEN bool_and(s.age_group IS NOT NULL) FILTER (c.kind = 'sick_leave') THEN coalesce(sum(s.ordinary_hours) FILTER (s.age_group = '-29'), 0) END AS age_29_ordinary_hours,
    CASE WHEN bool_and(s.age_group IS NOT NULL) FILTER (c.kind = 'sick_leave') THEN coalesce(sum(s.sick_hours) FILTER (s.age_group = '-29'), 0) END AS age_29_sick_hours,
    CASE WHEN bool_and(s.age_group IS NOT NULL) FILTER (c.kind = 'sick_leave') THEN coalesce(sum(s.employees) FILTER (s.age_group = '30-49'), 0) END AS age_30_49_employees,
    CASE WHEN bool_and(s.age_group IS NOT NULL) FILTER (c.kind = 'sick_leave') THEN coalesce(sum(s.ordinary_hours) FILTER (s.age_group = '30-49'), 0) END AS age_30_49_ordinary_hours,
    CASE WHEN bool_and(s.age_group IS NOT NULL) FILTER (c.kind = 'sick_leave') THEN coalesce(sum(s.sick_hours) FILTER (s.age_group = '30-49'), 0) END AS age_30_49_sick_hours,
    CASE WHEN bool_and(s.age_group IS NOT NULL) FILTER (c.kind = 'sick_leave') THEN coalesce(sum(s.employees) FILTER (s.age_group = '50-'), 0) END AS age_50_employees,
    CASE WHEN bool_and(s.age_group IS NOT NULL) FILTER (c.kind = 'sick_leave') THEN coalesce(sum(s.ordinary_hours) FILTER (s.age_group = '50-'), 0) END AS age_50_ordinary_hours,
    CASE WHEN bool_and(s.age_group IS NOT NULL) FILTER (c.kind = 'sick_leave') THEN coalesce(sum(s.sick_hours) FILTER (s.age_group = '50-'), 0) END AS age_50_sick_hours,

    -- One row per unit-month for these kinds: its values as they are.
    any_value(t.permanent_employees) AS permanent_employees,
    any_value(t.leavers) AS leavers,
    any_value(t.internal_moves) AS internal_moves,
    any_value(t.retirements) AS retirements,
    any_value(t.hires) AS hires,
    any_value(v.budgeted_positions) AS budgeted_positions,
    any_value(v.filled_positions) AS filled_positions,
    any_value(v.consultants) AS consultants,
    any_value(v.consultant_cost_sek) AS consultant_cost_sek,
    any_value(r.recruitment_need) AS recruitment_need,
    any_value(r.recruitments_ongoing) AS recruitments_ongoing,
    any_value(r.positions_filled) AS positions_filled,
    any_value(k.open_cases) AS open_cases,
    any_value(k.case_workers) AS case_workers,
    any_value(k.new_cases) AS new_cases,
    any_value(k.closed_cases) AS closed_cases,

    sum(q.answers) FILTER (q.question = 'work_situation') AS pulse_work_situation_answers,
    sum(q.agree) FILTER (q.question = 'work_situation') AS pulse_work_situation_agree,
    sum(q.mean * q.answers) FILTER (q.question = 'work_situation') AS pulse_work_situation_mean_x_answers,
    sum(q.answers) FILTER (q.question = 'good_work') AS pulse_good_work_answers,
    sum(q.agree) FILTER (q.question = 'good_work') AS pulse_good_work_agree,
    sum(q.mean * q.answers) FILTER (q.question = 'good_work') AS pulse_good_work_mean_x_answers,
    sum(q.answers) FILTER (q.question = 'recommend') AS pulse_recommend_answers,
    sum(q.agree) FILTER (q.question = 'recommend') AS pulse_recommend_agree,
    sum(q.mean * q.answers) FILTER (q.question = 'recommend') AS pulse_recommend_mean_x_answers,
    sum(q.answers) AS pulse_answers,
    CASE WHEN bool_and(q.asked IS NOT NULL) FILTER (c.kind = 'pulse') THEN sum(q.asked) END AS pulse_asked,

    sum(e.interviews) FILTER (e.reason = 'salary') AS exit_salary,
    sum(e.interviews) FILTER (e.reason = 'workload') AS exit_workload,
    sum(e.interviews) FILTER (e.reason = 'management') AS exit_management,
    sum(e.interviews) FILTER (e.reason = 'development') AS exit_development,
    sum(e.interviews) FILTER (e.reason = 'organisation') AS exit_organisation,
    sum(e.interviews) FILTER (e.reason = 'work_environment') AS exit_work_environment,
    sum(e.interviews) FILTER (e.reason = 'private') AS exit_private,
    sum(e.interviews) FILTER (e.reason = 'retirement') AS exit_retirement,
    sum(e.interviews) FILTER (e.reason = 'studies') AS exit_studies,
    sum(e.interviews) FILTER (e.reason = 'other') AS exit_other,
    sum(e.interviews) AS exit_interviews
FROM current_rows c
LEFT JOIN sick_leave_rows s ON c.kind = 'sick_leave' AND s.batch_id = c.batch_id AND s.part = c.part AND s.source_row = c.source_row
LEFT JOIN turnover_rows t ON c.kind = 'turnover' AND t.batch_id = c.batch_id AND t.part = c.part AND t.source_row = c.source_row
LEFT JOIN vacancy_rows v ON c.kind = 'vacancies' AND v.batch_id = c.batch_id AND v.part = c.part AND v.source_row = c.source_row
LEFT JOIN recruitment_rows r ON c.kind = 'recruitment' AND r.batch_id = c.batch_id AND r.part = c.part AND r.source_row = c.source_row
LEFT JOIN caseload_rows k ON c.kind = 'caseload' AND k.batch_id = c.batch_id AND k.part = c.part AND k.source_row = c.source_row
LEFT JOIN pulse_rows q ON c.kind = 'pulse' AND q.batch_id = c.batch_id AND q.part = c.part AND q.source_row = c.source_row
LEFT JOIN exit_reason_rows e ON c.kind = 'exit_reasons' AND e.batch_id = c.batch_id AND e.part = c.part AND e.source_row = c.source_row
GROUP BY c.unit_id, c.month;
