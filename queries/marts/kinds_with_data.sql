-- reads: group_coverage
-- The kinds of figures that any unit has reported at all.
CREATE OR REPLACE VIEW kinds_with_data AS
SELECT kind
FROM group_coverage
GROUP BY kind
HAVING max(units_reported) > 0;
