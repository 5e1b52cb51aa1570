-- reads: role_assignments
-- The role each e-mail address or group holds now, and for which part of the organisation
-- (`scope`, a group's key; NULL: all of it): the latest assignment, unless it removed it.
CREATE OR REPLACE VIEW current_roles AS
SELECT subject_kind, subject, role, scope, set_by, set_at
FROM role_assignments
QUALIFY row_number() OVER (PARTITION BY subject_kind, subject ORDER BY set_at DESC) = 1
    AND role IS NOT NULL;
