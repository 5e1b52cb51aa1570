-- reads: current_rows
-- Which kinds of figures each unit has reported at all: a page compares only the units that
-- report its kind (not every unit handles cases).
CREATE OR REPLACE VIEW unit_kinds AS
SELECT DISTINCT unit_id, kind
FROM current_rows;
