-- reads: group_month_snapshot
-- The organisation's top group month by month, from which hrdash/figures/seasons.py estimates
-- the seasonal pattern of sick leave (domain.md, Part 3): the kommun where there is one (several
-- förvaltningar), else the förvaltning. Its hours, whether every unit expected to report sick
-- leave did (`complete`), and whether the privacy rule hides its sick-leave figure (`hidden`).
CREATE OR REPLACE VIEW seasonal_parts AS
SELECT
    group_name, month, sick_hours, sick_hours_day_1_14, ordinary_hours,
    coalesce(sick_leave_units > 0 AND sick_leave_units_reported = sick_leave_units, false) AS complete,
    employees_hidden AS hidden
FROM group_month_snapshot
WHERE level = (SELECT CASE WHEN bool_or(level = 'kommun') THEN 'kommun' ELSE 'förvaltning' END
               FROM group_month_snapshot)
  AND (level = 'kommun' OR group_id = (SELECT min(group_id) FROM group_month_snapshot WHERE level = 'förvaltning'));
