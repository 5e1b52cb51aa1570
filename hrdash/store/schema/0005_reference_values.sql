-- Step 5: other municipalities' and the nation's published figures, from Kolada (RKA's open database),
-- imported from a saved answer of its API or fetched by `hrdash kolada fetch`, each import a batch
-- (kind 'kolada') undone like every other; and which municipalities HR compares with. Only adds.

-- A reference value is (kpi, municipality_id, year, gender): a later batch with the same one replaces
-- it (latest wins), and undoing that batch brings the earlier back (queries/staging/current_references.sql).
CREATE TABLE IF NOT EXISTS reference_rows (
    batch_id          INTEGER NOT NULL,
    source_row        INTEGER NOT NULL,   -- the record (JSON) or line (CSV) of the file
    kpi               VARCHAR NOT NULL,   -- Kolada's id, as N00090
    municipality_id   VARCHAR NOT NULL,   -- four digits; 0000 is Riket
    municipality_name VARCHAR,            -- when the file names it
    year              INTEGER NOT NULL,
    gender            VARCHAR NOT NULL,   -- T (totalt), K (kvinnor), M (män)
    value             DOUBLE NOT NULL,
    status            VARCHAR             -- Kolada's status of the value, when it gives one
);

-- The organisation's own municipality in Kolada and up to five more HR compares with (Data →
-- Inställningar). Appended, never changed: the latest row holds.
CREATE TABLE IF NOT EXISTS reference_choices (
    municipality_id VARCHAR,              -- NULL: not chosen
    compared        VARCHAR NOT NULL,     -- municipality ids, comma separated ('' for none)
    set_by          VARCHAR NOT NULL,
    set_at          TIMESTAMP NOT NULL
);
