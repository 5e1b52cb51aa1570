-- reads: organisation_placements, data_rows, active_batches, unit_aliases
-- The name shown for each unit: the organisation's latest name for it, else the name in its
-- latest data row. A later file that writes the same name in other case or spacing does not
-- change how it is spelled; a real rename does. Two units with one name (told apart by their
-- codes) get the code added, so that every name printed or chosen means one unit.
CREATE OR REPLACE VIEW unit_names AS
WITH named AS (
    SELECT unit_id, unit_name, unit_key, 1 AS source_rank, batch_id, source_row
    FROM organisation_placements
    UNION ALL
    SELECT a.unit_id, r.unit_name, r.unit_key, 2, r.batch_id, r.source_row
    FROM data_rows r
    JOIN active_batches USING (batch_id)
    JOIN unit_aliases a ON a.unit_key = r.unit_key AND a.unit_code IS NOT DISTINCT FROM r.unit_code
),
current_names AS (
    SELECT
        *,
        first_value(unit_key) OVER (PARTITION BY unit_id ORDER BY source_rank, batch_id DESC, source_row DESC)
            AS current_key,
        min(source_rank) OVER (PARTITION BY unit_id) AS best_rank
    FROM named
),
chosen AS (
    SELECT unit_id, unit_name, CASE WHEN unit_id LIKE 'kod:%' THEN substr(unit_id, 5) END AS unit_code
    FROM current_names
    WHERE unit_key = current_key AND source_rank = best_rank
    QUALIFY row_number() OVER (PARTITION BY unit_id ORDER BY batch_id, source_row) = 1
)
SELECT
    unit_id,
    CASE WHEN count(*) OVER (PARTITION BY lower(unit_name)) > 1 AND unit_code IS NOT NULL
        THEN unit_name || ' (' || unit_code || ')'
        ELSE unit_name
    END AS unit_name,
    unit_code
FROM chosen;
