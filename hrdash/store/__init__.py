"""The database: stored tables and their migrations, imports as batches, the views of
queries/ built from their files and read by name, and what people set (roles, targets,
comments, the audit log)."""
