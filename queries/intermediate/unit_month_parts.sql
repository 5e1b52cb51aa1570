-- reads: unit_placement, organisation_placements, sick_leave_by_unit, turnover_by_unit, vacancies_by_unit, recruitment_by_unit
-- One row per unit and month: its placement and the additive parts of every kind.
-- A unit-month exists where the organisation places the unit or where it has figures.
-- A unit the organisation does not place that month sits under the avdelning 'Ej placerad'
-- of the only förvaltning (or of 'Ej placerad' when the organisation has several), so it
-- still counts in the totals above it.
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
    UNION SELECT unit_id, month FROM sick_leave_by_unit
    UNION SELECT unit_id, month FROM turnover_by_unit
    UNION SELECT unit_id, month FROM vacancies_by_unit
    UNION SELECT unit_id, month FROM recruitment_by_unit
)
SELECT
    um.unit_id,
    um.month,
    year(um.month) * 12 + month(um.month) - 1 AS month_index,
    p.unit_id IS NOT NULL AS placed,
    coalesce(p.administration, administrations.unplaced_administration) AS administration,
    coalesce(p.department, 'Ej placerad') AS department,
    s.employees IS NOT NULL AS has_sick_leave,
    t.permanent_employees IS NOT NULL AS has_turnover,
    v.budgeted_positions IS NOT NULL AS has_vacancies,
    r.recruitment_need IS NOT NULL AS has_recruitment,
    s.* EXCLUDE (unit_id, month, batch_id),
    t.* EXCLUDE (unit_id, month, batch_id),
    v.* EXCLUDE (unit_id, month, batch_id),
    r.* EXCLUDE (unit_id, month, batch_id)
FROM unit_months um
CROSS JOIN administrations
LEFT JOIN unit_placement p USING (unit_id, month)
LEFT JOIN sick_leave_by_unit s USING (unit_id, month)
LEFT JOIN turnover_by_unit t USING (unit_id, month)
LEFT JOIN vacancies_by_unit v USING (unit_id, month)
LEFT JOIN recruitment_by_unit r USING (unit_id, month);
