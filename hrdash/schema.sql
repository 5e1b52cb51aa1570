-- Tables. Rows are never updated or deleted: every import is a batch, and the views in
-- queries/ pick the current figures (latest batch not undone, per unit and month).

CREATE SEQUENCE IF NOT EXISTS batch_ids START 1;

CREATE TABLE IF NOT EXISTS batches (
    batch_id    INTEGER PRIMARY KEY,
    kind        VARCHAR NOT NULL,      -- kind ids, comma separated when a workbook held several
    file_name   VARCHAR NOT NULL,
    sha256      VARCHAR NOT NULL,
    sheets      VARCHAR,               -- the sheets read, comma separated
    row_count   INTEGER NOT NULL,
    imported_at TIMESTAMP NOT NULL,
    imported_by VARCHAR NOT NULL,
    undone_at   TIMESTAMP,
    undone_by   VARCHAR
);

CREATE TABLE IF NOT EXISTS organisation_rows (
    batch_id       INTEGER NOT NULL,
    source_row     INTEGER NOT NULL,
    unit_name      VARCHAR NOT NULL,
    unit_key       VARCHAR NOT NULL,   -- the name folded for matching
    unit_code      VARCHAR,
    department     VARCHAR NOT NULL,
    administration VARCHAR NOT NULL,
    valid_from     DATE                -- NULL: the placement holds for every month
);

CREATE TABLE IF NOT EXISTS sick_leave_rows (
    batch_id            INTEGER NOT NULL,
    source_row          INTEGER NOT NULL,
    unit_name           VARCHAR NOT NULL,
    unit_key            VARCHAR NOT NULL,
    unit_code           VARCHAR,
    month               DATE NOT NULL,
    gender              VARCHAR,       -- kvinna / man, when the file splits by gender
    age_group           VARCHAR,       -- -29 / 30-49 / 50-, when the file splits by age
    employees           DOUBLE NOT NULL,
    ordinary_hours      DOUBLE NOT NULL,
    sick_hours          DOUBLE NOT NULL,
    sick_hours_day_1_14 DOUBLE NOT NULL,
    sick_hours_60_days  DOUBLE NOT NULL
);

CREATE TABLE IF NOT EXISTS turnover_rows (
    batch_id            INTEGER NOT NULL,
    source_row          INTEGER NOT NULL,
    unit_name           VARCHAR NOT NULL,
    unit_key            VARCHAR NOT NULL,
    unit_code           VARCHAR,
    month               DATE NOT NULL,
    permanent_employees DOUBLE NOT NULL,
    leavers             DOUBLE NOT NULL,
    internal_moves      DOUBLE NOT NULL,
    retirements         DOUBLE NOT NULL,
    hires               DOUBLE
);

CREATE TABLE IF NOT EXISTS vacancy_rows (
    batch_id            INTEGER NOT NULL,
    source_row          INTEGER NOT NULL,
    unit_name           VARCHAR NOT NULL,
    unit_key            VARCHAR NOT NULL,
    unit_code           VARCHAR,
    month               DATE NOT NULL,
    budgeted_positions  DOUBLE NOT NULL,
    filled_positions    DOUBLE NOT NULL,
    vacant_positions    DOUBLE,
    consultants         DOUBLE,
    consultant_cost_sek DOUBLE
);

CREATE TABLE IF NOT EXISTS recruitment_rows (
    batch_id             INTEGER NOT NULL,
    source_row           INTEGER NOT NULL,
    unit_name            VARCHAR NOT NULL,
    unit_key             VARCHAR NOT NULL,
    unit_code            VARCHAR,
    month                DATE NOT NULL,
    recruitment_need     DOUBLE NOT NULL,
    recruitments_ongoing DOUBLE NOT NULL,
    positions_filled     DOUBLE NOT NULL
);
