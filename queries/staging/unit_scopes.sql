-- reads: unit_placement
-- Which scopes of a role hold each unit in each month, by the unit's placement that month: its
-- own ('enhet:<unit id>'), its avdelning's and its förvaltning's, written as the groups' keys
-- (hrdash/figures/groups.py). A unit that moves is in its new avdelning's scope from the month
-- it moves, and in its old one's before.
CREATE OR REPLACE VIEW unit_scopes AS
SELECT unit_id, month, 'enhet:' || unit_id AS scope FROM unit_placement
UNION ALL
SELECT unit_id, month, 'avdelning:' || administration || ' / ' || department AS scope FROM unit_placement
UNION ALL
SELECT unit_id, month, 'förvaltning:' || administration AS scope FROM unit_placement;
