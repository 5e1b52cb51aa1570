-- reads: measure_rows, active_batches, unit_names, organisation_placements
-- The measures that hold: for each group, start month and title (case and spacing ignored), the
-- row of the latest batch not undone. A measure imported again, or edited on the page Data, is
-- replaced by the new row; undoing that batch brings the earlier one back.
--
-- group_name is the group's name as the figures show it now (queries/marts/group_month_values.sql:
-- a unit's current name; an avdelning, with its förvaltning where two förvaltningar have one of that
-- name; the förvaltning; 'Hela kommunen'); written_name is how the batch wrote it.
CREATE OR REPLACE VIEW current_measures AS
WITH holding AS (
    SELECT m.*, b.imported_by, b.imported_at,
           split_part(m.group_id, ' / ', 1) AS administration,
           substr(m.group_id, strpos(m.group_id, ' / ') + 3) AS department
    FROM measure_rows m
    JOIN active_batches b USING (batch_id)
    QUALIFY row_number() OVER (PARTITION BY m.level, m.group_id, m.start_month, m.title_key
                               ORDER BY m.batch_id DESC, m.part DESC, m.source_row DESC) = 1
),
shared_departments AS (
    SELECT department
    FROM (SELECT DISTINCT administration, department FROM organisation_placements)
    GROUP BY department
    HAVING count(*) > 1
)
SELECT
    h.level,
    h.group_id,
    CASE h.level
        WHEN 'enhet' THEN coalesce(n.unit_name, h.group_name)
        WHEN 'avdelning' THEN h.department || CASE WHEN h.department IN (SELECT department FROM shared_departments)
            THEN ' (' || h.administration || ')' ELSE '' END
        WHEN 'förvaltning' THEN h.group_id
        ELSE 'Hela kommunen'
    END AS group_name,
    h.group_name AS written_name,
    h.start_month,
    h.title,
    h.title_key,
    h.topic,
    h.responsible,
    h.status,
    h.follow_up,
    h.description,
    h.batch_id,
    h.imported_by,
    h.imported_at
FROM holding h
LEFT JOIN unit_names n ON h.level = 'enhet' AND n.unit_id = h.group_id;
