-- reads: group_month_snapshot
-- Every indicator for every group and month in long format, unsuppressed: the figures of
-- group_month_values, read from its stored copy group_month_snapshot. `suppressed` and
-- `suppression_reason` say what the privacy rule hides; `people` is how many the figure is
-- about; `units_reported` of `units` is the coverage of the indicator's kind of file;
-- `group_key` is the group's name folded for matching (case and spacing ignored), and
-- `level_rank` orders the levels from unit up.
--
-- The lists below are filled from hrdash/catalogue.py (hrdash/store/queries.py): for each
-- indicator, in catalogue order, its column, and, by its privacy class, its `people` count with
-- that count's <people>_hidden and <people>_why columns (or nobody, never_hidden, no_reason),
-- and its kind's coverage (or no_coverage); and the indicators of the staff survey, which exist
-- only in the last month of a tertial.
CREATE OR REPLACE VIEW indicator_values AS
WITH figures AS (
    SELECT *, NULL::DOUBLE AS nobody, false AS never_hidden, NULL::VARCHAR AS no_reason, NULL::BIGINT AS no_coverage
    FROM group_month_snapshot
)
SELECT
    level, group_id, group_name, administration, department, unit_id, month, month_index,
    indicator, value, people, suppressed, suppression_reason, units_reported, units,
    lower(regexp_replace(trim(group_name), '\s+', ' ', 'g')) AS group_key,
    CASE level WHEN 'enhet' THEN 1 WHEN 'avdelning' THEN 2 WHEN 'förvaltning' THEN 3 ELSE 4 END AS level_rank
FROM figures
UNPIVOT INCLUDE NULLS (
    (value, people, suppressed, suppression_reason, units_reported, units)
    FOR indicator IN (
        {{ indicator_columns }}
    )
)
WHERE indicator NOT IN ({{ tertial_indicators }}) OR month(month) IN ({{ tertial_end_months }});
