-- reads: indicator_values
-- What a committee member or the public may see: every indicator, with the figures the
-- privacy rule hides as NULL. Every committee-facing output reads this view.
CREATE OR REPLACE VIEW indicators_public AS
SELECT * EXCLUDE (value, people), CASE WHEN suppressed THEN NULL ELSE value END AS value
FROM indicator_values;
