"""Rekryteringsbehov: trend, comparison of the units and breakdowns (layout in hrdash/ui/topic_page.py)."""

from hrdash.ui import registry, topic_page

registry.guard(__file__)
topic_page.render("recruitment")
