-- reads: current_rows
-- The kinds of figures that any unit has reported at all.
CREATE OR REPLACE VIEW kinds_with_data AS
SELECT DISTINCT kind
FROM current_rows;
