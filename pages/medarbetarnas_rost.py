"""Medarbetarnas röst: the three pulse questions per tertial and unit, the response rate and the
baseline they are compared with (layout in hrdash/ui/voice_page.py)."""

from hrdash.ui import registry, voice_page

registry.guard(__file__)
voice_page.render()
