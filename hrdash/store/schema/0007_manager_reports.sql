-- Which kinds of figures managers report themselves on Min del (hrdash/store/manager_reports.py
-- lists them and which are open by default). Appended: the latest change per kind holds.
CREATE TABLE IF NOT EXISTS manager_reports (
    kind VARCHAR NOT NULL,
    opened BOOLEAN NOT NULL,
    changed_by VARCHAR NOT NULL,
    changed_at TIMESTAMP NOT NULL
);
