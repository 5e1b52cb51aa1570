-- reads: group_month_indicators, unit_names, organisation_placements, privacy_limits
-- stored as: group_month_snapshot
-- Every indicator for every group and month (one row each), with the group's name and what
-- the privacy rule decides. hrdash stores this view as the table group_month_snapshot once per
-- change of the batches; every page, export and the CLI read that stored copy.
--
-- The kommun level (the municipality above its förvaltningar) is only there when the
-- organisation has several förvaltningar.
--
-- The privacy rule, per count of people an indicator is about (its `people` in
-- hrdash/catalogue.py): <people>_hidden says whether a figure about it is hidden, and
-- <people>_why the reason a reader sees. The lines are those of privacy_limits: a sick-leave
-- figure about at most `health_limit` people (the law's ten; for a 12-month figure: its smallest
-- month) is hidden. Within a split (women/men; the three age groups) a hidden small group must not
-- be computable from the others and the total, so the groups are hidden in order of size (ties
-- in the order the ids sort) as long as those hidden before them hold at most `health_limit`
-- people together.
--
-- The year's splits over the 12-month window (domain.md, Part 3) follow the statutory disclosure's
-- rule instead: a split group whose smallest month in the window holds at most `health_limit` people
-- is hidden, and when exactly one group of a split (women/men; the three age groups) is hidden, the
-- other group of that split with the fewest people (its smallest month; ties in the order women, men
-- and −29, 30–49, 50–) is hidden too. A group with no people in the window is neither hidden nor chosen.
--
-- Personal answers (a pulse question's answers in a tertial; the exit interviews of the 12
-- months) about fewer than `min_answers` answers are hidden. So that a hidden group cannot be worked out
-- from the group above it and its siblings, when exactly one unit of an avdelning is hidden
-- that way, the avdelning's unit with the fewest answers among the others is hidden too (ties:
-- the name that sorts first by code point); the same holds for avdelningar within a
-- förvaltning and förvaltningar within the kommun. A group with no pulse answers, or no exit
-- interviews at all, is neither hidden nor chosen.
--
-- The sick pay cost is an amount in kronor, and amounts add up: a hidden group's cost would be its
-- parent's less its siblings'. So when exactly one group among siblings is hidden (at most
-- `health_limit` people), the sibling with the fewest people among the others has its cost hidden
-- too (ties: the name that sorts first), at every level, as for the answers
-- (sick_pay_employees_hidden). The shares of sick leave are ratios and do not add up.
CREATE OR REPLACE VIEW group_month_values AS
WITH shared_departments AS (
    -- An avdelning name used in several förvaltningar is shown with its förvaltning.
    SELECT department
    FROM (SELECT DISTINCT administration, department FROM organisation_placements)
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
        coalesce(women_employees > 0 AND women_employees <= p.health_limit, false)
            OR coalesce(men_employees > 0 AND men_employees <= p.health_limit, false) AS gender_has_small_group,
        coalesce(age_29_employees > 0 AND age_29_employees <= p.health_limit, false)
            OR coalesce(age_30_49_employees > 0 AND age_30_49_employees <= p.health_limit, false)
            OR coalesce(age_50_employees > 0 AND age_50_employees <= p.health_limit, false) AS age_has_small_group,
        -- How many people the groups hidden before each one hold (see the ordering above).
        CASE WHEN men_employees <= women_employees THEN men_employees ELSE 0 END AS before_women,
        CASE WHEN women_employees < men_employees THEN women_employees ELSE 0 END AS before_men,
        CASE WHEN age_30_49_employees < age_29_employees THEN age_30_49_employees ELSE 0 END
            + CASE WHEN age_50_employees < age_29_employees THEN age_50_employees ELSE 0 END AS before_age_29,
        CASE WHEN age_29_employees <= age_30_49_employees THEN age_29_employees ELSE 0 END
            + CASE WHEN age_50_employees < age_30_49_employees THEN age_50_employees ELSE 0 END AS before_age_30_49,
        CASE WHEN age_29_employees <= age_50_employees THEN age_29_employees ELSE 0 END
            + CASE WHEN age_30_49_employees <= age_50_employees THEN age_30_49_employees ELSE 0 END AS before_age_50,
        p.health_limit,
        p.min_answers,
        p.health_limit || ' personer eller färre' AS few,
        'Dold så att en grupp med ' || p.health_limit || ' personer eller färre inte kan räknas fram' AS hides
    FROM group_month_indicators g
    CROSS JOIN privacy_limits p
    LEFT JOIN unit_names n ON n.unit_id = g.unit_id AND g.level = 'enhet'
    WHERE g.level <> 'kommun' OR (SELECT count(DISTINCT administration) > 1 FROM organisation_placements)
),
answers AS (
    SELECT
        level, group_id, month, group_name, measure, answers, min_answers,
        CASE level
            WHEN 'enhet' THEN administration || ' / ' || department
            WHEN 'avdelning' THEN administration
            WHEN 'förvaltning' THEN 'kommun'
        END AS parent,
        answers < min_answers AND (measure <> 'exit_interviews_12m' OR answers > 0) AS too_few,
        measure <> 'exit_interviews_12m' OR answers > 0 AS answered
    FROM sizes
    UNPIVOT (answers FOR measure IN (pulse_work_situation_answers, pulse_good_work_answers, pulse_recommend_answers,
                                     exit_interviews_12m))
),
chosen AS (
    SELECT
        *,
        count(*) FILTER (too_few) OVER siblings AS hidden_siblings,
        row_number() OVER (PARTITION BY parent, month, measure ORDER BY too_few OR NOT answered, answers, group_name)
            AS fewest
    FROM answers
    WINDOW siblings AS (PARTITION BY parent, month, measure)
),
personal AS (
    SELECT
        level, group_id, month,
        bool_or(hidden) FILTER (measure = 'pulse_work_situation_answers') AS pulse_work_situation_answers_hidden,
        any_value(why) FILTER (measure = 'pulse_work_situation_answers') AS pulse_work_situation_answers_why,
        bool_or(hidden) FILTER (measure = 'pulse_good_work_answers') AS pulse_good_work_answers_hidden,
        any_value(why) FILTER (measure = 'pulse_good_work_answers') AS pulse_good_work_answers_why,
        bool_or(hidden) FILTER (measure = 'pulse_recommend_answers') AS pulse_recommend_answers_hidden,
        any_value(why) FILTER (measure = 'pulse_recommend_answers') AS pulse_recommend_answers_why,
        bool_or(hidden) FILTER (measure = 'exit_interviews_12m') AS exit_interviews_12m_hidden,
        any_value(why) FILTER (measure = 'exit_interviews_12m') AS exit_interviews_12m_why
    FROM (
        SELECT
            *,
            too_few OR (parent IS NOT NULL AND hidden_siblings = 1 AND answered AND NOT too_few AND fewest = 1)
                AS hidden,
            CASE
                WHEN too_few THEN 'Färre än ' || min_answers || ' svar'
                WHEN parent IS NOT NULL AND hidden_siblings = 1 AND answered AND fewest = 1
                    THEN 'Dold så att en grupp med färre än ' || min_answers || ' svar inte kan räknas fram'
            END AS why
        FROM chosen
    )
    GROUP BY level, group_id, month
),
cost_people AS (
    -- The groups whose sick pay cost is given, among their siblings.
    SELECT
        level, group_id, month, group_name, employees, health_limit,
        CASE level
            WHEN 'enhet' THEN administration || ' / ' || department
            WHEN 'avdelning' THEN administration
            WHEN 'förvaltning' THEN 'kommun'
        END AS parent,
        coalesce(employees <= health_limit, false) AS too_few
    FROM sizes
    WHERE sick_pay_cost_sek IS NOT NULL
),
cost_chosen AS (
    SELECT
        *,
        count(*) FILTER (too_few) OVER siblings AS hidden_siblings,
        row_number() OVER (PARTITION BY parent, month ORDER BY too_few, employees, group_name) AS fewest
    FROM cost_people
    WINDOW siblings AS (PARTITION BY parent, month)
),
cost_hidden AS (
    SELECT
        level, group_id, month,
        employees AS sick_pay_employees,
        too_few OR (parent IS NOT NULL AND hidden_siblings = 1 AND fewest = 1) AS sick_pay_employees_hidden,
        CASE
            WHEN too_few THEN health_limit || ' personer eller färre'
            WHEN parent IS NOT NULL AND hidden_siblings = 1 AND fewest = 1
                THEN 'Dold så att en grupp med ' || health_limit || ' personer eller färre inte kan räknas fram'
        END AS sick_pay_employees_why
    FROM cost_chosen
),
flags AS (
    SELECT
        *,
        coalesce(employees <= health_limit, false) AS employees_hidden,
        coalesce(employees_min_12m <= health_limit, false) AS employees_min_12m_hidden,
        coalesce(women_employees <= health_limit, false) AS women_too_few,
        coalesce(men_employees <= health_limit, false) AS men_too_few,
        coalesce(age_29_employees <= health_limit, false) AS age_29_too_few,
        coalesce(age_30_49_employees <= health_limit, false) AS age_30_49_too_few,
        coalesce(age_50_employees <= health_limit, false) AS age_50_too_few,
        gender_has_small_group AND coalesce(before_women <= health_limit, false) AS women_hides_small_group,
        gender_has_small_group AND coalesce(before_men <= health_limit, false) AS men_hides_small_group,
        age_has_small_group AND coalesce(before_age_29 <= health_limit, false) AS age_29_hides_small_group,
        age_has_small_group AND coalesce(before_age_30_49 <= health_limit, false) AS age_30_49_hides_small_group,
        age_has_small_group AND coalesce(before_age_50 <= health_limit, false) AS age_50_hides_small_group,
        coalesce(women_employees_max_12m > 0, false) AS women_12m_has_people,
        coalesce(women_employees_max_12m > 0 AND women_employees_min_12m <= health_limit, false) AS women_12m_too_few,
        coalesce(men_employees_max_12m > 0, false) AS men_12m_has_people,
        coalesce(men_employees_max_12m > 0 AND men_employees_min_12m <= health_limit, false) AS men_12m_too_few,
        coalesce(age_29_employees_max_12m > 0, false) AS age_29_12m_has_people,
        coalesce(age_29_employees_max_12m > 0 AND age_29_employees_min_12m <= health_limit, false) AS age_29_12m_too_few,
        coalesce(age_30_49_employees_max_12m > 0, false) AS age_30_49_12m_has_people,
        coalesce(age_30_49_employees_max_12m > 0 AND age_30_49_employees_min_12m <= health_limit, false) AS age_30_49_12m_too_few,
        coalesce(age_50_employees_max_12m > 0, false) AS age_50_12m_has_people,
        coalesce(age_50_employees_max_12m > 0 AND age_50_employees_min_12m <= health_limit, false) AS age_50_12m_too_few
    FROM sizes
    LEFT JOIN personal USING (level, group_id, month)
    LEFT JOIN cost_hidden USING (level, group_id, month)
),
year_counts AS (
    SELECT
        *,
        women_12m_too_few::INTEGER + men_12m_too_few::INTEGER AS gender_12m_too_few,
        age_29_12m_too_few::INTEGER + age_30_49_12m_too_few::INTEGER + age_50_12m_too_few::INTEGER AS age_12m_too_few,
        women_12m_has_people AND NOT women_12m_too_few AS women_12m_candidate,
        men_12m_has_people AND NOT men_12m_too_few AS men_12m_candidate,
        age_29_12m_has_people AND NOT age_29_12m_too_few AS age_29_12m_candidate,
        age_30_49_12m_has_people AND NOT age_30_49_12m_too_few AS age_30_49_12m_candidate,
        age_50_12m_has_people AND NOT age_50_12m_too_few AS age_50_12m_candidate
    FROM flags
),
year_chosen AS (
    -- The group hidden beside a split's only small one: the candidate with the fewest people, ties in order.
    SELECT
        *,
        CASE WHEN gender_12m_too_few = 1 THEN
            CASE WHEN women_12m_candidate THEN 'women' WHEN men_12m_candidate THEN 'men' END
        END AS gender_12m_chosen,
        CASE WHEN age_12m_too_few = 1 THEN
            CASE
                WHEN age_29_12m_candidate
                    AND (NOT age_30_49_12m_candidate OR age_29_employees_min_12m <= age_30_49_employees_min_12m)
                    AND (NOT age_50_12m_candidate OR age_29_employees_min_12m <= age_50_employees_min_12m) THEN 'age_29'
                WHEN age_30_49_12m_candidate
                    AND (NOT age_50_12m_candidate OR age_30_49_employees_min_12m <= age_50_employees_min_12m)
                    THEN 'age_30_49'
                WHEN age_50_12m_candidate THEN 'age_50'
            END
        END AS age_12m_chosen
    FROM year_counts
)
SELECT
    * EXCLUDE (health_limit, min_answers, gender_has_small_group, age_has_small_group, before_women, before_men, before_age_29,
               before_age_30_49, before_age_50, few, hides, women_too_few, men_too_few, age_29_too_few,
               age_30_49_too_few, age_50_too_few, women_hides_small_group, men_hides_small_group,
               age_29_hides_small_group, age_30_49_hides_small_group, age_50_hides_small_group,
               gender_12m_too_few, age_12m_too_few, gender_12m_chosen, age_12m_chosen,
               women_12m_has_people, women_12m_too_few, women_12m_candidate,
               men_12m_has_people, men_12m_too_few, men_12m_candidate,
               age_29_12m_has_people, age_29_12m_too_few, age_29_12m_candidate,
               age_30_49_12m_has_people, age_30_49_12m_too_few, age_30_49_12m_candidate,
               age_50_12m_has_people, age_50_12m_too_few, age_50_12m_candidate)
      REPLACE (coalesce(pulse_work_situation_answers_hidden, false) AS pulse_work_situation_answers_hidden,
               coalesce(pulse_good_work_answers_hidden, false) AS pulse_good_work_answers_hidden,
               coalesce(pulse_recommend_answers_hidden, false) AS pulse_recommend_answers_hidden,
               coalesce(exit_interviews_12m_hidden, false) AS exit_interviews_12m_hidden,
               coalesce(sick_pay_employees_hidden, false) AS sick_pay_employees_hidden),
    CASE WHEN employees_hidden THEN few END AS employees_why,
    CASE WHEN employees_min_12m_hidden THEN few END AS employees_min_12m_why,
    women_too_few OR women_hides_small_group AS women_employees_hidden,
    CASE WHEN women_too_few THEN few WHEN women_hides_small_group THEN hides END AS women_employees_why,
    men_too_few OR men_hides_small_group AS men_employees_hidden,
    CASE WHEN men_too_few THEN few WHEN men_hides_small_group THEN hides END AS men_employees_why,
    age_29_too_few OR age_29_hides_small_group AS age_29_employees_hidden,
    CASE WHEN age_29_too_few THEN few WHEN age_29_hides_small_group THEN hides END AS age_29_employees_why,
    age_30_49_too_few OR age_30_49_hides_small_group AS age_30_49_employees_hidden,
    CASE WHEN age_30_49_too_few THEN few WHEN age_30_49_hides_small_group THEN hides END AS age_30_49_employees_why,
    age_50_too_few OR age_50_hides_small_group AS age_50_employees_hidden,
    CASE WHEN age_50_too_few THEN few WHEN age_50_hides_small_group THEN hides END AS age_50_employees_why,
    women_12m_too_few OR coalesce(gender_12m_chosen = 'women', false) AS women_employees_min_12m_hidden,
    CASE WHEN women_12m_too_few THEN few WHEN gender_12m_chosen = 'women' THEN hides END AS women_employees_min_12m_why,
    men_12m_too_few OR coalesce(gender_12m_chosen = 'men', false) AS men_employees_min_12m_hidden,
    CASE WHEN men_12m_too_few THEN few WHEN gender_12m_chosen = 'men' THEN hides END AS men_employees_min_12m_why,
    age_29_12m_too_few OR coalesce(age_12m_chosen = 'age_29', false) AS age_29_employees_min_12m_hidden,
    CASE WHEN age_29_12m_too_few THEN few WHEN age_12m_chosen = 'age_29' THEN hides END AS age_29_employees_min_12m_why,
    age_30_49_12m_too_few OR coalesce(age_12m_chosen = 'age_30_49', false) AS age_30_49_employees_min_12m_hidden,
    CASE WHEN age_30_49_12m_too_few THEN few WHEN age_12m_chosen = 'age_30_49' THEN hides END AS age_30_49_employees_min_12m_why,
    age_50_12m_too_few OR coalesce(age_12m_chosen = 'age_50', false) AS age_50_employees_min_12m_hidden,
    CASE WHEN age_50_12m_too_few THEN few WHEN age_12m_chosen = 'age_50' THEN hides END AS age_50_employees_min_12m_why
FROM year_chosen
-- The order `hrdash indicators` prints: units, avdelningar, förvaltningar, the kommun; by group and month.
ORDER BY CASE level WHEN 'enhet' THEN 1 WHEN 'avdelning' THEN 2 WHEN 'förvaltning' THEN 3 ELSE 4 END, group_id, month;
