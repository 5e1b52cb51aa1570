-- reads: sick_leave_rows, turnover_rows, vacancy_rows, recruitment_rows, caseload_rows, pulse_rows, exit_reason_rows
-- Every stored row of every kind of figures, by how it names its unit and month: the one list
-- of the kinds' tables that the views about units and months read. A row is (batch_id, part,
-- source_row): the part of its file (a sheet) and its row there.
CREATE OR REPLACE VIEW data_rows AS
SELECT 'sick_leave' AS kind, batch_id, part, source_row, unit_name, unit_key, unit_code, month FROM sick_leave_rows
UNION ALL SELECT 'turnover', batch_id, part, source_row, unit_name, unit_key, unit_code, month FROM turnover_rows
UNION ALL SELECT 'vacancies', batch_id, part, source_row, unit_name, unit_key, unit_code, month FROM vacancy_rows
UNION ALL SELECT 'recruitment', batch_id, part, source_row, unit_name, unit_key, unit_code, month FROM recruitment_rows
UNION ALL SELECT 'caseload', batch_id, part, source_row, unit_name, unit_key, unit_code, month FROM caseload_rows
UNION ALL SELECT 'pulse', batch_id, part, source_row, unit_name, unit_key, unit_code, month FROM pulse_rows
UNION ALL SELECT 'exit_reasons', batch_id, part, source_row, unit_name, unit_key, unit_code, month FROM exit_reason_rows;
