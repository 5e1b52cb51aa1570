-- Every indicator for every group and month in long format, unsuppressed, with what the
-- privacy rule needs: how many people the figure is about and whether it must be hidden.
--
-- A sick-leave figure about fewer than 10 people (for a 12-month figure: its smallest month)
-- is suppressed. Within a split (women/men, the three age groups) a suppressed small group
-- must not be computable from the others and the total, so the next smallest groups are
-- suppressed too until the hidden groups hold at least 10 people together.
CREATE OR REPLACE VIEW indicator_values AS
WITH long AS (
    SELECT
        g.level, g.group_id, g.administration, g.department, g.unit_id, g.month, g.month_index,
        g.sick_leave_units, g.sick_leave_units_reported, g.turnover_units, g.turnover_units_reported,
        g.vacancies_units, g.vacancies_units_reported, g.recruitment_units, g.recruitment_units_reported,
        item.indicator, item.topic, item.split, item.value, item.people
    FROM group_month_indicators g,
    unnest([
        {indicator: 'sick_leave_pct', topic: 'sick_leave', split: NULL, value: sick_leave_pct, people: employees},
        {indicator: 'sick_leave_12m_pct', topic: 'sick_leave', split: NULL, value: sick_leave_12m_pct, people: employees_min_12m},
        {indicator: 'short_sick_leave_pct', topic: 'sick_leave', split: NULL, value: short_sick_leave_pct, people: employees},
        {indicator: 'long_sick_leave_share_pct', topic: 'sick_leave', split: NULL, value: long_sick_leave_share_pct, people: employees},
        {indicator: 'sick_leave_women_pct', topic: 'sick_leave', split: 'gender', value: sick_leave_women_pct, people: women_employees},
        {indicator: 'sick_leave_men_pct', topic: 'sick_leave', split: 'gender', value: sick_leave_men_pct, people: men_employees},
        {indicator: 'sick_leave_age_29_pct', topic: 'sick_leave', split: 'age', value: sick_leave_age_29_pct, people: age_29_employees},
        {indicator: 'sick_leave_age_30_49_pct', topic: 'sick_leave', split: 'age', value: sick_leave_age_30_49_pct, people: age_30_49_employees},
        {indicator: 'sick_leave_age_50_pct', topic: 'sick_leave', split: 'age', value: sick_leave_age_50_pct, people: age_50_employees},
        {indicator: 'turnover_pct', topic: 'turnover', split: NULL, value: turnover_pct, people: NULL},
        {indicator: 'turnover_12m_pct', topic: 'turnover', split: NULL, value: turnover_12m_pct, people: NULL},
        {indicator: 'external_turnover_pct', topic: 'turnover', split: NULL, value: external_turnover_pct, people: NULL},
        {indicator: 'external_turnover_12m_pct', topic: 'turnover', split: NULL, value: external_turnover_12m_pct, people: NULL},
        {indicator: 'turnover_excl_retirement_pct', topic: 'turnover', split: NULL, value: turnover_excl_retirement_pct, people: NULL},
        {indicator: 'vacancies', topic: 'vacancies', split: NULL, value: vacancies, people: NULL},
        {indicator: 'vacancy_rate_pct', topic: 'vacancies', split: NULL, value: vacancy_rate_pct, people: NULL},
        {indicator: 'consultants', topic: 'vacancies', split: NULL, value: consultants, people: NULL},
        {indicator: 'consultant_cost_sek', topic: 'vacancies', split: NULL, value: consultant_cost_sek, people: NULL},
        {indicator: 'recruitment_need', topic: 'recruitment', split: NULL, value: recruitment_need, people: NULL},
        {indicator: 'recruitments_ongoing', topic: 'recruitment', split: NULL, value: recruitments_ongoing, people: NULL},
        {indicator: 'positions_filled', topic: 'recruitment', split: NULL, value: positions_filled, people: NULL}
    ]) AS t(item)
),
protected AS (
    SELECT
        *,
        topic = 'sick_leave' AND people < 10 AS too_few,
        split IS NOT NULL
            AND bool_or(people > 0 AND people < 10) OVER (PARTITION BY level, group_id, month, split)
            AND coalesce(sum(people) OVER (
                PARTITION BY level, group_id, month, split ORDER BY people, indicator
                ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING
            ), 0) < 10 AS hides_small_group
    FROM long
),
-- An avdelning name used in several förvaltningar is shown with its förvaltning.
shared_departments AS (
    SELECT department
    FROM (SELECT DISTINCT administration, department FROM group_month_parts WHERE level = 'avdelning')
    GROUP BY department
    HAVING count(*) > 1
)
SELECT
    p.level,
    p.group_id,
    CASE p.level
        WHEN 'enhet' THEN n.unit_name
        WHEN 'avdelning' THEN p.department || CASE WHEN p.department IN (SELECT department FROM shared_departments)
            THEN ' (' || p.administration || ')' ELSE '' END
        WHEN 'förvaltning' THEN p.administration
        ELSE 'Hela kommunen'
    END AS group_name,
    p.administration,
    p.department,
    p.unit_id,
    p.month,
    p.month_index,
    p.indicator,
    p.topic,
    p.value,
    p.people,
    coalesce(p.too_few OR p.hides_small_group, false) AS suppressed,
    CASE
        WHEN p.too_few THEN 'Färre än 10 personer'
        WHEN p.hides_small_group THEN 'Dold så att en grupp med färre än 10 personer inte kan räknas fram'
    END AS suppression_reason,
    CASE p.topic
        WHEN 'sick_leave' THEN p.sick_leave_units_reported
        WHEN 'turnover' THEN p.turnover_units_reported
        WHEN 'vacancies' THEN p.vacancies_units_reported
        ELSE p.recruitment_units_reported
    END AS units_reported,
    CASE p.topic
        WHEN 'sick_leave' THEN p.sick_leave_units
        WHEN 'turnover' THEN p.turnover_units
        WHEN 'vacancies' THEN p.vacancies_units
        ELSE p.recruitment_units
    END AS units
FROM protected p
LEFT JOIN unit_names n ON n.unit_id = p.unit_id AND p.level = 'enhet';
