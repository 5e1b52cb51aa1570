-- reads: batches, targets, comments, baselines, settings, reference_choices, privacy_limits
-- Counters that change whenever the figures, the targets, the comments, the baselines or the
-- settings (with the municipalities compared with) do: the keys of the app's caches. `data` changes
-- when a batch is imported or undone, and when the privacy line moves (every stored figure and
-- cache is then made again).
CREATE OR REPLACE VIEW versions AS
SELECT
    (SELECT count(*) || ':' || coalesce(max(batch_id), 0) || ':' || count(undone_at) FROM batches)
        || ':' || (SELECT health_limit FROM privacy_limits) AS data,
    (SELECT count(*) FROM targets) AS targets,
    (SELECT count(*) FROM comments) AS comments,
    (SELECT count(*) FROM baselines) AS baselines,
    (SELECT count(*) FROM settings) + (SELECT count(*) FROM reference_choices) AS settings;
