"""The interface script (hrdash/ui/interface.py, interface.js) as Streamlit receives it."""

import json
import re

from hrdash.ui import interface


def test_the_script_survives_streamlits_sanitiser():
    """st.html runs its HTML through DOMPurify, which drops a script whose text has '<' before a
    letter or '/' (it could be markup): the script would then silently not run at all."""
    body = interface.SCRIPT.read_text(encoding="utf-8") + json.dumps(
        {"texts": interface.TEXTS, "patterns": interface.PATTERNS}, ensure_ascii=False)
    assert re.findall(r".{0,20}<[/\w].{0,20}", body) == []

