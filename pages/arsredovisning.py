"""Årsredovisning: the annual report's seven sick-leave figures (layout in hrdash/ui/year_page.py)."""

from hrdash.ui import registry, year_page

registry.guard(__file__)
year_page.render()
