-- reads: indicator_values, current_baselines
-- The points of the series hrdash/figures/signals.py draws its limits from: every figure that
-- exists, in a month where every unit of its group reported (a figure without coverage counts
-- as it is), unsuppressed, with whether the privacy rule hides it and where HR restarted the
-- group's baseline, if it did.
CREATE OR REPLACE VIEW signal_values AS
SELECT v.level, v.level_rank, v.group_id, v.group_name, v.group_key, v.indicator, v.month, v.value, v.suppressed,
       b.month AS restart
FROM indicator_values v
LEFT JOIN current_baselines b ON b.kind = 'signals' AND b.level = v.level AND b.group_id = v.group_id
WHERE v.value IS NOT NULL AND (v.units IS NULL OR v.units_reported = v.units);
