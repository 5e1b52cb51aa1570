-- reads: group_month_snapshot
-- For every group, month and kind of figures: how many of the group's units reported, of how
-- many that were expected to. (Exit interviews have no coverage.)
CREATE OR REPLACE VIEW group_coverage AS
SELECT level, group_id, month, kind, coverage.units_reported AS units_reported, coverage.units AS units
FROM (
    SELECT
        level, group_id, month,
        {'units_reported': sick_leave_units_reported, 'units': sick_leave_units} AS sick_leave,
        {'units_reported': turnover_units_reported, 'units': turnover_units} AS turnover,
        {'units_reported': vacancies_units_reported, 'units': vacancies_units} AS vacancies,
        {'units_reported': recruitment_units_reported, 'units': recruitment_units} AS recruitment,
        {'units_reported': caseload_units_reported, 'units': caseload_units} AS caseload,
        {'units_reported': pulse_units_reported, 'units': pulse_units} AS pulse
    FROM group_month_snapshot
)
UNPIVOT (coverage FOR kind IN (sick_leave, turnover, vacancies, recruitment, caseload, pulse));
