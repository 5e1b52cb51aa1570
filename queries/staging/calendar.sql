-- reads: data_rows, active_batches
-- Every month from the first to the last that has figures of any kind. (Reads the stored
-- rows directly: the first and last month do not depend on which batch wins a unit-month.)
CREATE OR REPLACE VIEW calendar AS
WITH bounds AS (
    SELECT min(month) AS first_month, max(month) AS last_month
    FROM data_rows
    WHERE batch_id IN (SELECT batch_id FROM active_batches)
)
SELECT CAST(unnest(generate_series(first_month, last_month, INTERVAL 1 MONTH)) AS DATE) AS month
FROM bounds
WHERE first_month IS NOT NULL;
