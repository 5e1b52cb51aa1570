-- Roles with a scope: a role holds for a part of the organisation, written as the key of its
-- group ('förvaltning:Socialförvaltningen', 'avdelning:Socialförvaltningen / Barn och unga',
-- 'enhet:kod:1203'). NULL, as every assignment of an older release has, is the whole organisation.
ALTER TABLE role_assignments ADD COLUMN IF NOT EXISTS scope VARCHAR;
