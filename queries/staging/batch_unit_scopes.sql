-- reads: data_rows, unit_aliases, unit_scopes
-- For every batch, the units and months its rows are about, with each scope of a role that holds
-- that unit that month (none: the unit is not placed that month). An import or undo by HR of a
-- part of the organisation is refused when a row's unit is outside that part
-- (hrdash/store/scopes.py).
CREATE OR REPLACE VIEW batch_unit_scopes AS
WITH units AS (
    SELECT DISTINCT r.batch_id, a.unit_id, r.month, r.unit_name
    FROM data_rows r
    JOIN unit_aliases a ON a.unit_key = r.unit_key AND a.unit_code IS NOT DISTINCT FROM r.unit_code
)
SELECT units.batch_id, units.unit_id, units.unit_name, units.month, s.scope
FROM units
LEFT JOIN unit_scopes s USING (unit_id, month);
