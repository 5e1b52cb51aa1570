-- reads: current_settings
-- The privacy lines that hold (hrdash/catalogue.py: HEALTH_LIMIT, MIN_ANSWERS). A sick-leave
-- figure of a group of at most `health_limit` people is hidden: the law's ten (lagen om kommunal
-- bokföring och redovisning; SFS 2002:1065, 4 kap. 1 a §), or the stricter line an administrator
-- set in Inställningar, never a lower one. A pulse or exit-interview figure of fewer than
-- `min_answers` answers is hidden.
CREATE OR REPLACE VIEW privacy_limits AS
SELECT
    greatest({{health_limit}}, coalesce((SELECT value FROM current_settings WHERE key = 'health_limit'),
                                        {{health_limit}}))::INTEGER AS health_limit,
    {{min_answers}} AS min_answers;
