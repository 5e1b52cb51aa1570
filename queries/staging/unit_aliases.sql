-- reads: data_rows, organisation_placements
-- Which unit each (code, name) written in a data file means.
-- The code wins: a row with a code the organisation knows is that unit. Otherwise the name
-- decides, if exactly one unit of the organisation has it and the two codes do not disagree.
-- A unit the organisation does not know keeps its own identity and is shown as not placed.
CREATE OR REPLACE VIEW unit_aliases AS
WITH seen AS (
    SELECT DISTINCT unit_code, unit_key
    FROM data_rows
),
by_code AS (
    SELECT DISTINCT unit_code, unit_id
    FROM organisation_placements
    WHERE unit_code IS NOT NULL
),
by_name AS (
    SELECT
        unit_key,
        min(unit_id) AS unit_id,
        count(DISTINCT unit_id) AS units,
        bool_or(unit_id LIKE 'kod:%') AS coded
    FROM organisation_placements
    GROUP BY unit_key
)
SELECT
    seen.unit_code,
    seen.unit_key,
    coalesce(
        by_code.unit_id,
        CASE WHEN by_name.units = 1 AND (seen.unit_code IS NULL OR NOT by_name.coded) THEN by_name.unit_id END,
        CASE WHEN seen.unit_code IS NOT NULL THEN 'kod:' || seen.unit_code ELSE 'namn:' || seen.unit_key END
    ) AS unit_id
FROM seen
LEFT JOIN by_code ON by_code.unit_code = seen.unit_code
LEFT JOIN by_name ON by_name.unit_key = seen.unit_key;
