-- What a committee member or the public may see: every indicator, with suppressed figures
-- NULL. It reads indicator_snapshot, the stored copy of indicator_values that
-- hrdash/indicators.py keeps up to date; every committee-facing output reads this view.
CREATE OR REPLACE VIEW indicators_public AS
SELECT * EXCLUDE (value, people), CASE WHEN suppressed THEN NULL ELSE value END AS value
FROM indicator_snapshot;
