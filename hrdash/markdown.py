"""Text from files, users and the database, shown through Streamlit's markdown exactly as written."""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$])")


def plain(text: str) -> str:
    """Escaped so that markdown shows it as written: no links, images or formatting."""
    return _SPECIAL.sub(r"\\\1", text)
