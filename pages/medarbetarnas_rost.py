"""Medarbetarnas röst: the three pulse questions per tertial and unit, the response rate and the
baseline they are compared with (layout in hrdash/ui/topic_page.py)."""

from hrdash.ui import registry, topic_page

registry.guard(__file__)
topic_page.render("voice")
