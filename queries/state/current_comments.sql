-- reads: comments
-- The comment that holds for each topic, group and month: the latest one written. An empty
-- text removes it.
CREATE OR REPLACE VIEW current_comments AS
SELECT topic, level, group_id, month, body, written_by, written_at
FROM comments
QUALIFY row_number() OVER (PARTITION BY topic, level, group_id, month ORDER BY written_at DESC) = 1
    AND trim(body) <> '';
