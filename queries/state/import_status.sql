-- reads: active_batches
-- How fresh the figures are: the latest import that counts, and how many count.
CREATE OR REPLACE VIEW import_status AS
SELECT max(imported_at) AS latest_import, count(*) AS imports
FROM active_batches;
