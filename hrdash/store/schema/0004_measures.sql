-- Step 4: what was done, and for which group (domain.md, Part 3: `åtgärder`), imported from files or
-- entered on the page Data, each import or save a batch. Only adds.

-- A measure is (level, group_id, start_month, title_key): a later batch with the same one replaces
-- it (latest wins), and undoing that batch brings the earlier back (queries/staging/current_measures.sql).
CREATE TABLE IF NOT EXISTS measure_rows (
    batch_id    INTEGER NOT NULL,
    part        INTEGER NOT NULL,
    source_row  INTEGER NOT NULL,
    group_name  VARCHAR NOT NULL,   -- the group as the file (or the form) wrote it
    level       VARCHAR NOT NULL,   -- enhet, avdelning, förvaltning or kommun
    group_id    VARCHAR NOT NULL,   -- as the figures identify the group (queries/marts/group_list.sql)
    start_month DATE NOT NULL,      -- the month the measure took effect
    title       VARCHAR NOT NULL,
    title_key   VARCHAR NOT NULL,   -- the title folded (case and spacing ignored): what makes it the same measure
    topic       VARCHAR NOT NULL,   -- a topic id of hrdash/catalogue.py TOPICS
    responsible VARCHAR,
    status      VARCHAR,            -- planned, ongoing, done, cancelled (hrdash/ingest/columns.py STATUSES)
    follow_up   DATE,               -- the month of its planned follow-up
    description VARCHAR
);
