"""Charts of the figures: interactive.py draws them with plotly for the pages (and, for now,
the report's images)."""
