-- reads: organisation_rows, active_batches
-- Every placement the organisation files make, with the unit's identity.
-- A unit is identified by its code where the organisation gives one (a row without a code
-- takes the code of the coded rows with the same name), otherwise by its folded name.
CREATE OR REPLACE VIEW organisation_placements AS
WITH placed AS (
    SELECT o.*
    FROM organisation_rows o
    JOIN active_batches USING (batch_id)
),
codes_by_name AS (
    SELECT unit_key, min(unit_code) AS unit_code, count(DISTINCT unit_code) AS codes
    FROM placed
    WHERE unit_code IS NOT NULL
    GROUP BY unit_key
)
SELECT
    placed.batch_id,
    placed.part,
    placed.source_row,
    placed.unit_name,
    placed.unit_key,
    placed.unit_code,
    placed.department,
    placed.administration,
    placed.valid_from,
    CASE
        WHEN placed.unit_code IS NOT NULL THEN 'kod:' || placed.unit_code
        WHEN codes_by_name.codes = 1 THEN 'kod:' || codes_by_name.unit_code
        ELSE 'namn:' || placed.unit_key
    END AS unit_id
FROM placed
LEFT JOIN codes_by_name USING (unit_key);
