-- reads: group_coverage
-- The month a page opens on: the latest month in which every unit reported every kind of
-- figures the database holds; the latest month at all if no month is complete.
CREATE OR REPLACE VIEW default_month AS
WITH held AS (  -- the kinds of figures the database holds at all
    SELECT kind
    FROM group_coverage
    GROUP BY kind
    HAVING max(units_reported) > 0
),
months AS (
    SELECT month, bool_and(units_reported = units) AS complete
    FROM group_coverage
    WHERE level = 'förvaltning' AND kind IN (SELECT kind FROM held)
    GROUP BY month
)
SELECT coalesce(max(month) FILTER (complete), max(month)) AS month
FROM months;
