-- reads: group_month_snapshot
-- Every group with figures: each unit, avdelning, förvaltning (and the kommun, when there
-- are several förvaltningar), with where it sits in its latest month.
CREATE OR REPLACE VIEW group_list AS
SELECT
    level,
    group_id,
    arg_max(group_name, month) AS group_name,
    arg_max(administration, month) AS administration,
    arg_max(department, month) AS department
FROM group_month_snapshot
GROUP BY level, group_id;
