-- What a committee member or the public may see: suppressed figures are NULL. Every
-- committee-facing output reads this view, never indicator_values.
CREATE OR REPLACE VIEW indicators_public AS
SELECT * EXCLUDE (value, people), CASE WHEN suppressed THEN NULL ELSE value END AS value
FROM indicator_values;
