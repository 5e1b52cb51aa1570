-- Step 3: which part of its file a row comes from, and the units HR has chosen for names the
-- organisation does not know. Only adds.

-- A row is (batch_id, part, source_row): two sheets of one workbook both have a row 2, and a
-- sheet with the months as columns gives one part per month. `part` numbers the parts of a
-- batch from 0; rows stored before this step are all part 0, as their batches had one part per kind.
ALTER TABLE organisation_rows ADD COLUMN IF NOT EXISTS part INTEGER DEFAULT 0;
ALTER TABLE sick_leave_rows ADD COLUMN IF NOT EXISTS part INTEGER DEFAULT 0;
ALTER TABLE turnover_rows ADD COLUMN IF NOT EXISTS part INTEGER DEFAULT 0;
ALTER TABLE vacancy_rows ADD COLUMN IF NOT EXISTS part INTEGER DEFAULT 0;
ALTER TABLE recruitment_rows ADD COLUMN IF NOT EXISTS part INTEGER DEFAULT 0;
ALTER TABLE caseload_rows ADD COLUMN IF NOT EXISTS part INTEGER DEFAULT 0;
ALTER TABLE pulse_rows ADD COLUMN IF NOT EXISTS part INTEGER DEFAULT 0;
ALTER TABLE exit_reason_rows ADD COLUMN IF NOT EXISTS part INTEGER DEFAULT 0;

-- What HR chose on the upload page for a unit name the organisation does not know: the unit
-- it means (its name and code as the organisation has them), or a new unit (unit_name NULL).
-- Appended, never changed: the latest choice per written name holds, like column mappings.
CREATE TABLE IF NOT EXISTS unit_choices (
    written_key VARCHAR NOT NULL,   -- the name as files write it, folded (case and spacing ignored)
    unit_name   VARCHAR,            -- NULL: a new unit, counted under 'Ej placerad'
    unit_code   VARCHAR,
    set_by      VARCHAR NOT NULL,
    set_at      TIMESTAMP NOT NULL
);
