-- reads: organisation_placements, group_month_snapshot, unit_names
-- Each unit where the organisation places it now (its latest placement), and the units with
-- figures that the organisation does not place, as 'Ej placerad'.
CREATE OR REPLACE VIEW organisation_tree AS
WITH latest AS (
    SELECT unit_id, administration, department, valid_from
    FROM organisation_placements
    QUALIFY row_number() OVER (PARTITION BY unit_id ORDER BY batch_id DESC, valid_from DESC NULLS LAST) = 1
),
unplaced AS (
    SELECT DISTINCT unit_id, administration, department, NULL::DATE AS valid_from
    FROM group_month_snapshot
    WHERE level = 'enhet' AND department = 'Ej placerad' AND unit_id NOT IN (SELECT unit_id FROM latest)
)
SELECT p.administration AS förvaltning, p.department AS avdelning, n.unit_name AS enhet,
       n.unit_code AS enhetskod, p.valid_from AS gäller_från,
       p.unit_id IN (SELECT unit_id FROM unplaced) AS ej_placerad
FROM (SELECT * FROM latest UNION ALL SELECT * FROM unplaced) p
JOIN unit_names n USING (unit_id)
ORDER BY ej_placerad, lower(förvaltning), lower(avdelning), lower(enhet);
