-- reads: organisation_placements, calendar
-- Where each unit of the organisation sits each month. Of the placements that hold in a
-- month (no valid_from, or valid_from at or before it) the latest batch wins, and within a
-- batch the latest valid_from: a reorganisation file moves units from its month on, and
-- earlier months keep their placement.
--
-- A unit placed under the avdelning 'Nedlagd' (or 'Avvecklad', 'Upphörd') from a month has
-- left the organisation from then on: it is no longer expected to report.
CREATE OR REPLACE VIEW unit_placement AS
WITH holding AS (
    SELECT
        p.unit_id,
        c.month,
        p.department,
        p.administration
    FROM organisation_placements p
    JOIN calendar c ON p.valid_from IS NULL OR p.valid_from <= c.month
    QUALIFY row_number() OVER (
        PARTITION BY p.unit_id, c.month
        ORDER BY p.batch_id DESC, p.valid_from DESC NULLS LAST, p.part DESC, p.source_row DESC
    ) = 1
)
SELECT unit_id, month, department, administration
FROM holding
WHERE lower(department) NOT IN ('nedlagd', 'avvecklad', 'upphörd');
