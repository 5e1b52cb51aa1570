-- The tables of the first release (step 1 of hrdash/store/schema.py). Rows are never updated
-- or deleted: every import is a batch, and the views in queries/ pick the current figures
-- (latest batch not undone, per unit and month).

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

-- Stored copies of views (group_month_snapshot) are made by hrdash/store/queries.py and
-- refreshed by hrdash/store/snapshot.py whenever the batches or queries/ change; snapshot_state
-- says for which.
CREATE TABLE IF NOT EXISTS snapshot_state (version VARCHAR);
-- Which version of queries/ the views were built from: they are built again when it changes.
CREATE TABLE IF NOT EXISTS schema_state (queries VARCHAR);

-- Targets per indicator: for the förvaltning (or kommun) as default, or for one avdelning or
-- unit. Appended, never changed: the latest row per indicator and group holds; a NULL value
-- removes the target.
CREATE TABLE IF NOT EXISTS targets (
    indicator VARCHAR NOT NULL,
    level     VARCHAR NOT NULL,
    group_id  VARCHAR NOT NULL,
    value     DOUBLE,
    set_by    VARCHAR NOT NULL,
    set_at    TIMESTAMP NOT NULL
);

-- Who did what and when: imports, undos, targets, comments, roles, sign-ins. Append-only.
CREATE TABLE IF NOT EXISTS audit_log (
    happened_at TIMESTAMP NOT NULL,
    who         VARCHAR NOT NULL,
    action      VARCHAR NOT NULL,
    detail      VARCHAR
);

-- Column mappings made by hand on the upload page, remembered for files with the same headers.
CREATE TABLE IF NOT EXISTS column_mappings (
    header_signature VARCHAR NOT NULL,
    header           VARCHAR NOT NULL,
    canonical        VARCHAR NOT NULL,
    set_by           VARCHAR NOT NULL,
    set_at           TIMESTAMP NOT NULL
);

-- HR's short analysis beside the numbers, per topic (sjukfrånvaro, personalomsättning, …),
-- group and month. Appended: the latest text holds, earlier versions stay.
CREATE TABLE IF NOT EXISTS comments (
    topic      VARCHAR NOT NULL,
    level      VARCHAR NOT NULL,
    group_id   VARCHAR NOT NULL,
    month      DATE NOT NULL,
    body       VARCHAR NOT NULL,
    written_by VARCHAR NOT NULL,
    written_at TIMESTAMP NOT NULL
);

-- Who may do what: an e-mail address or a group claim from the sign-in, mapped to a role
-- (läsare, hr, admin). Appended by admins; the latest row per subject holds, NULL removes it.
CREATE TABLE IF NOT EXISTS role_assignments (
    subject_kind VARCHAR NOT NULL,   -- 'e-post' or 'grupp'
    subject      VARCHAR NOT NULL,   -- lower-case e-mail address, or the group claim as given
    role         VARCHAR,
    set_by       VARCHAR NOT NULL,
    set_at       TIMESTAMP NOT NULL
);
