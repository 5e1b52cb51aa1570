-- reads: unit_placement, organisation_placements, current_unit_figures
-- One row per unit and month: its placement and the additive parts of every kind.
-- A unit-month exists where the organisation places the unit or where it has figures.
-- A unit the organisation does not place that month sits under the avdelning 'Ej placerad'
-- of the only förvaltning (or of 'Ej placerad' when the organisation has several), so it
-- still counts in the totals above it.
--
-- Which units are expected to report: every placed unit for the kinds of Part 1; for caseload
-- and pulse questions, the placed units that have reported that kind at least once (not every
-- unit handles cases), and pulse questions only in a tertial's last month. Exit interviews have
-- no coverage: a unit-month without them had none.
CREATE OR REPLACE VIEW unit_month_parts AS
WITH administrations AS (
    SELECT CASE count(DISTINCT administration)
        WHEN 0 THEN 'Förvaltningen'
        WHEN 1 THEN any_value(administration)
        ELSE 'Ej placerad'
    END AS unplaced_administration
    FROM organisation_placements
),
unit_months AS (
    SELECT unit_id, month FROM unit_placement
    UNION SELECT unit_id, month FROM current_unit_figures
),
handles_cases AS (SELECT DISTINCT unit_id FROM current_unit_figures WHERE caseload_batch IS NOT NULL),
answers_pulse AS (SELECT DISTINCT unit_id FROM current_unit_figures WHERE pulse_batch IS NOT NULL)
SELECT
    um.unit_id,
    um.month,
    year(um.month) * 12 + month(um.month) - 1 AS month_index,
    p.unit_id IS NOT NULL AS placed,
    coalesce(p.administration, administrations.unplaced_administration) AS administration,
    coalesce(p.department, 'Ej placerad') AS department,
    f.sick_leave_batch IS NOT NULL AS has_sick_leave,
    f.turnover_batch IS NOT NULL AS has_turnover,
    f.vacancies_batch IS NOT NULL AS has_vacancies,
    f.recruitment_batch IS NOT NULL AS has_recruitment,
    f.caseload_batch IS NOT NULL AS has_caseload,
    f.pulse_batch IS NOT NULL AS has_pulse,
    p.unit_id IS NOT NULL AND um.unit_id IN (SELECT unit_id FROM handles_cases) AS expects_caseload,
    p.unit_id IS NOT NULL AND month(um.month) IN (4, 8, 12) AND um.unit_id IN (SELECT unit_id FROM answers_pulse)
        AS expects_pulse,
    f.* EXCLUDE (unit_id, month, sick_leave_batch, turnover_batch, vacancies_batch, recruitment_batch,
                 caseload_batch, pulse_batch, exit_reasons_batch)
FROM unit_months um
CROSS JOIN administrations
LEFT JOIN unit_placement p USING (unit_id, month)
LEFT JOIN current_unit_figures f USING (unit_id, month);
