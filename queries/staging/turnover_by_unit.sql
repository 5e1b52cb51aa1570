-- reads: turnover_rows, active_batches, unit_aliases
-- Current turnover figures per unit and month (latest active batch wins per unit-month).
CREATE OR REPLACE VIEW turnover_by_unit AS
SELECT
    a.unit_id,
    r.month,
    r.batch_id,
    r.permanent_employees,
    r.leavers,
    r.internal_moves,
    r.retirements,
    r.hires
FROM turnover_rows r
JOIN active_batches USING (batch_id)
JOIN unit_aliases a ON a.unit_key = r.unit_key AND a.unit_code IS NOT DISTINCT FROM r.unit_code
QUALIFY r.batch_id = max(r.batch_id) OVER (PARTITION BY a.unit_id, r.month);
