-- reads: manager_reports
-- The kinds HR has opened or closed for managers to report on Min del: the latest change per kind
-- (hrdash/store/manager_reports.py has the defaults).
CREATE OR REPLACE VIEW current_manager_reports AS
SELECT kind, opened, changed_by, changed_at
FROM manager_reports
QUALIFY row_number() OVER (PARTITION BY kind ORDER BY changed_at DESC) = 1;
