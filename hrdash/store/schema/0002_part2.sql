-- Step 2: caseload, the staff's pulse questions and exit reasons (domain.md, Part 2), three
-- optional sick-leave figures, the baselines HR marks, and settings. Only adds.

ALTER TABLE sick_leave_rows ADD COLUMN IF NOT EXISTS repeated_short_absence DOUBLE;  -- 6 or more spells in 12 months
ALTER TABLE sick_leave_rows ADD COLUMN IF NOT EXISTS healthy_presence DOUBLE;        -- at most 5 sick days in 12 months
ALTER TABLE sick_leave_rows ADD COLUMN IF NOT EXISTS sick_pay_cost_sek DOUBLE;

CREATE TABLE IF NOT EXISTS caseload_rows (
    batch_id     INTEGER NOT NULL,
    source_row   INTEGER NOT NULL,
    unit_name    VARCHAR NOT NULL,
    unit_key     VARCHAR NOT NULL,
    unit_code    VARCHAR,
    month        DATE NOT NULL,
    open_cases   DOUBLE NOT NULL,   -- at month end
    case_workers DOUBLE NOT NULL,   -- full-time equivalents handling them
    new_cases    DOUBLE,
    closed_cases DOUBLE
);

CREATE TABLE IF NOT EXISTS pulse_rows (
    batch_id   INTEGER NOT NULL,
    source_row INTEGER NOT NULL,
    unit_name  VARCHAR NOT NULL,
    unit_key   VARCHAR NOT NULL,
    unit_code  VARCHAR,
    month      DATE NOT NULL,       -- the last month of the survey's tertial
    question   VARCHAR NOT NULL,    -- work_situation, good_work, recommend
    answers    DOUBLE NOT NULL,
    agree      DOUBLE NOT NULL,     -- of which the two highest steps of the scale
    asked      DOUBLE,
    mean       DOUBLE               -- on the scale 1–5
);

CREATE TABLE IF NOT EXISTS exit_reason_rows (
    batch_id   INTEGER NOT NULL,
    source_row INTEGER NOT NULL,
    unit_name  VARCHAR NOT NULL,
    unit_key   VARCHAR NOT NULL,
    unit_code  VARCHAR,
    month      DATE NOT NULL,       -- the month they left
    reason     VARCHAR NOT NULL,    -- an id of hrdash/catalogue.py REASONS
    interviews DOUBLE NOT NULL      -- how many gave it
);

-- Baselines HR marks for a group: 'signals' starts the XmR baseline again from a month (after a
-- reorganisation, say); 'pulse' marks the survey period the pulse questions are compared with
-- (nollmätning). Appended, never changed: the latest row per kind and group holds; a NULL month
-- removes it.
CREATE TABLE IF NOT EXISTS baselines (
    kind     VARCHAR NOT NULL,
    level    VARCHAR NOT NULL,
    group_id VARCHAR NOT NULL,
    month    DATE,
    set_by   VARCHAR NOT NULL,
    set_at   TIMESTAMP NOT NULL
);

-- Settings HR can change (hrdash/store/settings.py lists them and their defaults). Appended: the
-- latest value per key holds.
CREATE TABLE IF NOT EXISTS settings (
    key    VARCHAR NOT NULL,
    value  DOUBLE NOT NULL,
    set_by VARCHAR NOT NULL,
    set_at TIMESTAMP NOT NULL
);
