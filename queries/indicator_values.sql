-- Every indicator for every group and month in long format, unsuppressed: the figures of
-- group_month_values, read from its stored copy group_month_snapshot. `suppressed` and
-- `suppression_reason` say what the privacy rule hides; `people` is how many the figure is
-- about; `units_reported` of `units` is the coverage of the indicator's kind (topic).
CREATE OR REPLACE VIEW indicator_values AS
WITH wording AS (
    SELECT
        *,
        'Färre än 10 personer' AS few,
        'Dold så att en grupp med färre än 10 personer inte kan räknas fram' AS hides
    FROM group_month_snapshot
),
flagged AS (
    SELECT
        *,
        CASE WHEN sick_leave_too_few THEN few END AS why_few,
        CASE WHEN sick_leave_12m_too_few THEN few END AS why_few_12m,
        women_too_few OR women_hides_small_group AS hide_women,
        CASE WHEN women_too_few THEN few WHEN women_hides_small_group THEN hides END AS why_women,
        men_too_few OR men_hides_small_group AS hide_men,
        CASE WHEN men_too_few THEN few WHEN men_hides_small_group THEN hides END AS why_men,
        age_29_too_few OR age_29_hides_small_group AS hide_age_29,
        CASE WHEN age_29_too_few THEN few WHEN age_29_hides_small_group THEN hides END AS why_age_29,
        age_30_49_too_few OR age_30_49_hides_small_group AS hide_age_30_49,
        CASE WHEN age_30_49_too_few THEN few WHEN age_30_49_hides_small_group THEN hides END AS why_age_30_49,
        age_50_too_few OR age_50_hides_small_group AS hide_age_50,
        CASE WHEN age_50_too_few THEN few WHEN age_50_hides_small_group THEN hides END AS why_age_50,
        -- Turnover, vacancies and recruitment are not health data: never hidden.
        NULL::DOUBLE AS no_people, false AS never, NULL::VARCHAR AS no_reason,
        'sick_leave' AS sick, 'turnover' AS turn, 'vacancies' AS vac, 'recruitment' AS rec
    FROM wording
)
SELECT
    level, group_id, group_name, administration, department, unit_id, month, month_index,
    indicator, topic, value, people, suppressed, suppression_reason, units_reported, units
FROM flagged
UNPIVOT INCLUDE NULLS (
    (topic, value, people, suppressed, suppression_reason, units_reported, units)
    FOR indicator IN (
        (sick, sick_leave_pct, employees, sick_leave_too_few, why_few, sick_leave_units_reported, sick_leave_units) AS 'sick_leave_pct',
        (sick, sick_leave_12m_pct, employees_min_12m, sick_leave_12m_too_few, why_few_12m, sick_leave_units_reported, sick_leave_units) AS 'sick_leave_12m_pct',
        (sick, short_sick_leave_pct, employees, sick_leave_too_few, why_few, sick_leave_units_reported, sick_leave_units) AS 'short_sick_leave_pct',
        (sick, long_sick_leave_share_pct, employees, sick_leave_too_few, why_few, sick_leave_units_reported, sick_leave_units) AS 'long_sick_leave_share_pct',
        (sick, sick_leave_women_pct, women_employees, hide_women, why_women, sick_leave_units_reported, sick_leave_units) AS 'sick_leave_women_pct',
        (sick, sick_leave_men_pct, men_employees, hide_men, why_men, sick_leave_units_reported, sick_leave_units) AS 'sick_leave_men_pct',
        (sick, sick_leave_age_29_pct, age_29_employees, hide_age_29, why_age_29, sick_leave_units_reported, sick_leave_units) AS 'sick_leave_age_29_pct',
        (sick, sick_leave_age_30_49_pct, age_30_49_employees, hide_age_30_49, why_age_30_49, sick_leave_units_reported, sick_leave_units) AS 'sick_leave_age_30_49_pct',
        (sick, sick_leave_age_50_pct, age_50_employees, hide_age_50, why_age_50, sick_leave_units_reported, sick_leave_units) AS 'sick_leave_age_50_pct',
        (turn, turnover_pct, no_people, never, no_reason, turnover_units_reported, turnover_units) AS 'turnover_pct',
        (turn, turnover_12m_pct, no_people, never, no_reason, turnover_units_reported, turnover_units) AS 'turnover_12m_pct',
        (turn, external_turnover_pct, no_people, never, no_reason, turnover_units_reported, turnover_units) AS 'external_turnover_pct',
        (turn, external_turnover_12m_pct, no_people, never, no_reason, turnover_units_reported, turnover_units) AS 'external_turnover_12m_pct',
        (turn, turnover_excl_retirement_pct, no_people, never, no_reason, turnover_units_reported, turnover_units) AS 'turnover_excl_retirement_pct',
        (vac, vacancies, no_people, never, no_reason, vacancies_units_reported, vacancies_units) AS 'vacancies',
        (vac, vacancy_rate_pct, no_people, never, no_reason, vacancies_units_reported, vacancies_units) AS 'vacancy_rate_pct',
        (vac, consultants, no_people, never, no_reason, vacancies_units_reported, vacancies_units) AS 'consultants',
        (vac, consultant_cost_sek, no_people, never, no_reason, vacancies_units_reported, vacancies_units) AS 'consultant_cost_sek',
        (rec, recruitment_need, no_people, never, no_reason, recruitment_units_reported, recruitment_units) AS 'recruitment_need',
        (rec, recruitments_ongoing, no_people, never, no_reason, recruitment_units_reported, recruitment_units) AS 'recruitments_ongoing',
        (rec, positions_filled, no_people, never, no_reason, recruitment_units_reported, recruitment_units) AS 'positions_filled'
    )
);
