-- reads: group_coverage, group_month_snapshot, unit_scopes, unit_managers
-- Every unit that was expected to report a kind of figures for a month (a tertial's pulse
-- answers in the tertial's month) and has not, once for each part of the organisation that holds
-- it that month (`scope`: a role's scope, hrdash/store/scopes.py), with its managers' addresses
-- ('' when no chef is named for it). The page Data and `hrdash missing` read it.
CREATE OR REPLACE VIEW missing_reports AS
WITH missing AS (
    SELECT c.kind, c.month, s.unit_id, s.group_name AS unit_name, s.department, s.administration
    FROM group_coverage c
    JOIN group_month_snapshot s USING (level, group_id, month)
    WHERE c.level = 'enhet' AND c.units = 1 AND c.units_reported = 0
),
managers AS (
    SELECT unit_id, month, string_agg(email, ', ' ORDER BY email) AS managers
    FROM unit_managers
    GROUP BY unit_id, month
)
SELECT m.*, coalesce(managers.managers, '') AS managers, sc.scope
FROM missing m
LEFT JOIN managers USING (unit_id, month)
JOIN unit_scopes sc USING (unit_id, month);
