-- reads: current_roles, unit_scopes
-- Who manages each unit each month: the e-mail addresses that hold the role chef for the
-- narrowest part of the organisation that holds the unit that month (its own enhet before its
-- avdelning before its förvaltning). A group claim has no address to write to and is left out.
CREATE OR REPLACE VIEW unit_managers AS
SELECT s.unit_id, s.month, r.subject AS email
FROM unit_scopes s
JOIN current_roles r ON r.scope = s.scope AND r.role = 'chef' AND r.subject_kind = 'e-post'
QUALIFY rank() OVER (
    PARTITION BY s.unit_id, s.month
    ORDER BY CASE split_part(s.scope, ':', 1) WHEN 'enhet' THEN 0 WHEN 'avdelning' THEN 1 ELSE 2 END
) = 1;
