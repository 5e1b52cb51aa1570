-- reads: group_month_snapshot, current_baselines
-- The points of the series hrdash/figures/signals.py draws its limits from: every figure that
-- exists, in a month where every unit of its group reported (a figure without coverage counts
-- as it is), unsuppressed, with whether the privacy rule hides it and where HR restarted the
-- group's baseline, if it did. The same rows as indicator_values gives under those conditions.
--
-- The figures are read straight from the stored group_month_snapshot, one SELECT per indicator
-- of hrdash/catalogue.py (filled in by hrdash/store/queries.py), not from indicator_values: a
-- filter on `indicator` then drops the other indicators' SELECTs before a row is read, where
-- indicator_values unpivots every indicator first (a city's signals chart 1.9 million of its
-- 15.8 million indicator rows).
CREATE OR REPLACE VIEW signal_values AS
SELECT v.level,
       CASE v.level WHEN 'enhet' THEN 1 WHEN 'avdelning' THEN 2 WHEN 'förvaltning' THEN 3 ELSE 4 END AS level_rank,
       v.group_id, v.group_name, lower(regexp_replace(trim(v.group_name), '\s+', ' ', 'g')) AS group_key,
       v.indicator, v.month, v.value, v.suppressed, b.month AS restart
FROM (
    {{ indicator_points }}
) v
LEFT JOIN current_baselines b ON b.kind = 'signals' AND b.level = v.level AND b.group_id = v.group_id;
