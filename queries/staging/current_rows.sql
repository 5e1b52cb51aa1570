-- reads: data_rows, active_batches, unit_aliases
-- The stored rows that hold: for each kind, unit and month (for pulse questions: survey period),
-- every row of the latest active batch that has figures for it. Re-importing a unit-month
-- replaces all of its rows (its gender split, its questions, its exit reasons); undoing a batch
-- brings back what it replaced.
CREATE OR REPLACE VIEW current_rows AS
SELECT d.kind, d.batch_id, d.part, d.source_row, a.unit_id, d.month
FROM data_rows d
JOIN active_batches USING (batch_id)
JOIN unit_aliases a ON a.unit_key = d.unit_key AND a.unit_code IS NOT DISTINCT FROM d.unit_code
QUALIFY d.batch_id = max(d.batch_id) OVER (PARTITION BY d.kind, a.unit_id, d.month);
