-- reads: reference_choices
-- The municipalities the yearly view compares with now: the latest choice (hrdash/store/references.py).
CREATE OR REPLACE VIEW current_reference_choices AS
SELECT municipality_id, compared, set_by, set_at
FROM reference_choices
QUALIFY row_number() OVER (ORDER BY set_at DESC) = 1;
