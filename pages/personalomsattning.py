"""Personalomsättning: trend, comparison of the units and breakdowns (layout in hrdash/topic_page.py)."""

from hrdash import topic_page, web

web.page_guard(__file__)
topic_page.render("turnover")
