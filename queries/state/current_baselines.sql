-- reads: baselines
-- The baselines that hold now (see hrdash/store/schema/0002_part2.sql): the latest mark per kind
-- and group, unless it removed it.
CREATE OR REPLACE VIEW current_baselines AS
SELECT kind, level, group_id, month, set_by, set_at
FROM baselines
QUALIFY row_number() OVER (PARTITION BY kind, level, group_id ORDER BY set_at DESC) = 1
    AND month IS NOT NULL;
