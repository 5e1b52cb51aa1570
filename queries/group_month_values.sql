-- Every indicator for every group and month (one row each), with the group's name and what
-- the privacy rule decides. This is the view hrdash/indicators.py stores as the table
-- group_month_snapshot; indicator_values lists the same figures in long format.
--
-- The privacy rule: a sick-leave figure about fewer than 10 people (for a 12-month figure:
-- its smallest month) is hidden. Within a split (women/men; the three age groups) a hidden
-- small group must not be computable from the others and the total, so the groups are hidden
-- in order of size (ties in the order the ids sort) as long as those hidden before them hold
-- fewer than 10 people together.
CREATE OR REPLACE VIEW group_month_values AS
WITH shared_departments AS (
    -- An avdelning name used in several förvaltningar is shown with its förvaltning.
    SELECT department
    FROM (SELECT DISTINCT administration, department FROM unit_placement)
    GROUP BY department
    HAVING count(*) > 1
),
sizes AS (
    SELECT
        g.*,
        CASE g.level
            WHEN 'enhet' THEN n.unit_name
            WHEN 'avdelning' THEN g.department || CASE WHEN g.department IN (SELECT department FROM shared_departments)
                THEN ' (' || g.administration || ')' ELSE '' END
            WHEN 'förvaltning' THEN g.administration
            ELSE 'Hela kommunen'
        END AS group_name,
        coalesce(women_employees > 0 AND women_employees < 10, false)
            OR coalesce(men_employees > 0 AND men_employees < 10, false) AS gender_has_small_group,
        coalesce(age_29_employees > 0 AND age_29_employees < 10, false)
            OR coalesce(age_30_49_employees > 0 AND age_30_49_employees < 10, false)
            OR coalesce(age_50_employees > 0 AND age_50_employees < 10, false) AS age_has_small_group,
        -- How many people the groups hidden before each one hold (see the ordering above).
        CASE WHEN men_employees <= women_employees THEN men_employees ELSE 0 END AS before_women,
        CASE WHEN women_employees < men_employees THEN women_employees ELSE 0 END AS before_men,
        CASE WHEN age_30_49_employees < age_29_employees THEN age_30_49_employees ELSE 0 END
            + CASE WHEN age_50_employees < age_29_employees THEN age_50_employees ELSE 0 END AS before_age_29,
        CASE WHEN age_29_employees <= age_30_49_employees THEN age_29_employees ELSE 0 END
            + CASE WHEN age_50_employees < age_30_49_employees THEN age_50_employees ELSE 0 END AS before_age_30_49,
        CASE WHEN age_29_employees <= age_50_employees THEN age_29_employees ELSE 0 END
            + CASE WHEN age_30_49_employees <= age_50_employees THEN age_30_49_employees ELSE 0 END AS before_age_50
    FROM group_month_indicators g
    LEFT JOIN unit_names n ON n.unit_id = g.unit_id AND g.level = 'enhet'
)
SELECT
    * EXCLUDE (gender_has_small_group, age_has_small_group, before_women, before_men, before_age_29,
               before_age_30_49, before_age_50),
    coalesce(employees < 10, false) AS sick_leave_too_few,
    coalesce(employees_min_12m < 10, false) AS sick_leave_12m_too_few,
    coalesce(women_employees < 10, false) AS women_too_few,
    coalesce(men_employees < 10, false) AS men_too_few,
    coalesce(age_29_employees < 10, false) AS age_29_too_few,
    coalesce(age_30_49_employees < 10, false) AS age_30_49_too_few,
    coalesce(age_50_employees < 10, false) AS age_50_too_few,
    gender_has_small_group AND coalesce(before_women < 10, false) AS women_hides_small_group,
    gender_has_small_group AND coalesce(before_men < 10, false) AS men_hides_small_group,
    age_has_small_group AND coalesce(before_age_29 < 10, false) AS age_29_hides_small_group,
    age_has_small_group AND coalesce(before_age_30_49 < 10, false) AS age_30_49_hides_small_group,
    age_has_small_group AND coalesce(before_age_50 < 10, false) AS age_50_hides_small_group
FROM sizes;
