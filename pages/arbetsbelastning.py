"""Arbetsbelastning: cases per case worker per unit and over time, the reference level, inflow
and outflow (layout in hrdash/ui/topic_page.py)."""

from hrdash.ui import registry, topic_page

registry.guard(__file__)
topic_page.render("workload")
