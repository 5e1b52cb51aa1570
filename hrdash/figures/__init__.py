"""Figures as the pages, reports and CLI use them: indicator values (suppressed unless asked
otherwise), the organisation's groups, series, cards and sentences. Everything reads the views
of queries/ by name."""
