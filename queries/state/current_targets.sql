-- reads: targets
-- The targets that hold now: the latest setting per indicator and group, unless it removed it.
CREATE OR REPLACE VIEW current_targets AS
SELECT indicator, level, group_id, value, set_by, set_at
FROM targets
QUALIFY row_number() OVER (PARTITION BY indicator, level, group_id ORDER BY set_at DESC) = 1
    AND value IS NOT NULL;
