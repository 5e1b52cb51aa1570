-- reads: group_coverage, group_month_snapshot
-- Which unit reported which kind of figures in each of the latest 12 months: reported, or
-- expected (the organisation places the unit there) but missing.
CREATE OR REPLACE VIEW unit_reporting AS
SELECT
    c.kind,
    s.department,
    s.group_name AS unit_name,
    c.month,
    c.units_reported = 1 AS reported,
    c.units = 1 AS expected
FROM group_coverage c
JOIN group_month_snapshot s USING (level, group_id, month)
WHERE c.level = 'enhet' AND c.month > (SELECT max(month) FROM group_month_snapshot) - INTERVAL 12 MONTH;
