-- reads: reference_rows, active_batches
-- Kolada's figures that hold: per KPI, municipality, year and gender, the row of the latest Kolada
-- import not undone; undoing it brings the earlier one back. municipality_name is the latest name a
-- file gave the municipality; fetched_at is when the import holding the row was made.
CREATE OR REPLACE VIEW current_references AS
WITH holding AS (
    SELECT r.*, b.imported_at AS fetched_at
    FROM reference_rows r
    JOIN active_batches b USING (batch_id)
    QUALIFY row_number() OVER (PARTITION BY r.kpi, r.municipality_id, r.year, r.gender
                               ORDER BY r.batch_id DESC, r.source_row DESC) = 1
),
names AS (
    SELECT municipality_id, arg_max(municipality_name, batch_id) AS municipality_name
    FROM reference_rows
    WHERE municipality_name IS NOT NULL AND batch_id IN (SELECT batch_id FROM active_batches)
    GROUP BY municipality_id
)
SELECT h.kpi, h.municipality_id, n.municipality_name, h.year, h.gender, h.value, h.status, h.batch_id, h.fetched_at
FROM holding h
LEFT JOIN names n USING (municipality_id);
