-- reads: settings
-- The settings that hold now: the latest value per key (hrdash/store/settings.py has the defaults).
CREATE OR REPLACE VIEW current_settings AS
SELECT key, value, set_by, set_at
FROM settings
QUALIFY row_number() OVER (PARTITION BY key ORDER BY set_at DESC) = 1;
