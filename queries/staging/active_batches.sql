-- reads: batches
-- Imports that count: every batch that has not been undone.
CREATE OR REPLACE VIEW active_batches AS
SELECT *
FROM batches
WHERE undone_at IS NULL;
