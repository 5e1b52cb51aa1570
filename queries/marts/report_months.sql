-- reads: group_month_snapshot
-- The months that have figures, newest first: what the month selector offers.
CREATE OR REPLACE VIEW report_months AS
SELECT DISTINCT month
FROM group_month_snapshot
ORDER BY month DESC;
