-- reads: sick_leave_rows, active_batches, unit_aliases
-- Current sick-leave figures per unit and month: the latest active batch wins for a
-- unit-month, and a unit's rows split by gender or age group are summed to its totals.
-- The parts per gender and age group are NULL when the batch does not split that way.
CREATE OR REPLACE VIEW sick_leave_by_unit AS
WITH current_rows AS (
    SELECT r.*, a.unit_id
    FROM sick_leave_rows r
    JOIN active_batches USING (batch_id)
    JOIN unit_aliases a ON a.unit_key = r.unit_key AND a.unit_code IS NOT DISTINCT FROM r.unit_code
    QUALIFY r.batch_id = max(r.batch_id) OVER (PARTITION BY a.unit_id, r.month)
)
SELECT
    unit_id,
    month,
    any_value(batch_id) AS batch_id,
    sum(employees) AS employees,
    sum(ordinary_hours) AS ordinary_hours,
    sum(sick_hours) AS sick_hours,
    sum(sick_hours_day_1_14) AS sick_hours_day_1_14,
    sum(sick_hours_60_days) AS sick_hours_60_days,
    bool_and(gender IS NOT NULL) AS by_gender,
    CASE WHEN bool_and(gender IS NOT NULL) THEN coalesce(sum(employees) FILTER (gender = 'kvinna'), 0) END AS women_employees,
    CASE WHEN bool_and(gender IS NOT NULL) THEN coalesce(sum(ordinary_hours) FILTER (gender = 'kvinna'), 0) END AS women_ordinary_hours,
    CASE WHEN bool_and(gender IS NOT NULL) THEN coalesce(sum(sick_hours) FILTER (gender = 'kvinna'), 0) END AS women_sick_hours,
    CASE WHEN bool_and(gender IS NOT NULL) THEN coalesce(sum(employees) FILTER (gender = 'man'), 0) END AS men_employees,
    CASE WHEN bool_and(gender IS NOT NULL) THEN coalesce(sum(ordinary_hours) FILTER (gender = 'man'), 0) END AS men_ordinary_hours,
    CASE WHEN bool_and(gender IS NOT NULL) THEN coalesce(sum(sick_hours) FILTER (gender = 'man'), 0) END AS men_sick_hours,
    bool_and(age_group IS NOT NULL) AS by_age,
    CASE WHEN bool_and(age_group IS NOT NULL) THEN coalesce(sum(employees) FILTER (age_group = '-29'), 0) END AS age_29_employees,
    CASE WHEN bool_and(age_group IS NOT NULL) THEN coalesce(sum(ordinary_hours) FILTER (age_group = '-29'), 0) END AS age_29_ordinary_hours,
    CASE WHEN bool_and(age_group IS NOT NULL) THEN coalesce(sum(sick_hours) FILTER (age_group = '-29'), 0) END AS age_29_sick_hours,
    CASE WHEN bool_and(age_group IS NOT NULL) THEN coalesce(sum(employees) FILTER (age_group = '30-49'), 0) END AS age_30_49_employees,
    CASE WHEN bool_and(age_group IS NOT NULL) THEN coalesce(sum(ordinary_hours) FILTER (age_group = '30-49'), 0) END AS age_30_49_ordinary_hours,
    CASE WHEN bool_and(age_group IS NOT NULL) THEN coalesce(sum(sick_hours) FILTER (age_group = '30-49'), 0) END AS age_30_49_sick_hours,
    CASE WHEN bool_and(age_group IS NOT NULL) THEN coalesce(sum(employees) FILTER (age_group = '50-'), 0) END AS age_50_employees,
    CASE WHEN bool_and(age_group IS NOT NULL) THEN coalesce(sum(ordinary_hours) FILTER (age_group = '50-'), 0) END AS age_50_ordinary_hours,
    CASE WHEN bool_and(age_group IS NOT NULL) THEN coalesce(sum(sick_hours) FILTER (age_group = '50-'), 0) END AS age_50_sick_hours
FROM current_rows
GROUP BY unit_id, month;
