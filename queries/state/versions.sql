-- reads: batches, targets, comments
-- Counters that change whenever the figures, the targets or the comments do: the keys of the
-- app's caches. `data` changes when a batch is imported or undone.
CREATE OR REPLACE VIEW versions AS
SELECT
    (SELECT count(*) || ':' || coalesce(max(batch_id), 0) || ':' || count(undone_at) FROM batches) AS data,
    (SELECT count(*) FROM targets) AS targets,
    (SELECT count(*) FROM comments) AS comments;
