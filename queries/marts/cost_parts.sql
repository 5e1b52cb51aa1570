-- reads: group_month_snapshot
-- What the cost figures of hrdash/figures/costs.py are made of, per group and month: the
-- permanent employees who left the förvaltning over the 12 months (moves within it are not a
-- cost of turnover), the consultant cost, and the sick pay with the privacy rule of its figure.
CREATE OR REPLACE VIEW cost_parts AS
SELECT
    level,
    group_id,
    month,
    CASE WHEN turnover_complete_months_12m = 12 THEN leavers_12m - internal_moves_12m END AS external_leavers_12m,
    consultant_cost_sek,
    consultants,
    sick_pay_cost_sek,
    sick_pay_employees_hidden AS sick_pay_hidden,
    sick_pay_employees_why AS sick_pay_why
FROM group_month_snapshot;
