"""The server's log for IT: one line per import, undo, sign-in, backup and error, on stdout, in
Swedish, without figures or personal data.

Who did something is given as a pseudonym: the first 10 hex digits of an HMAC-SHA256 of the
e-mail address, keyed with the sign-in's cookie secret (so it is stable for an installation and
cannot be worked out from a list of addresses without the secret). The audit log in the
database (Data → Logg) holds the names, for those allowed to read it. File names are left out
(they are typed by people and may hold anything); the batch number leads to them.

`hrdash serve` calls `configure()` once; elsewhere (the CLI, the tests) nothing is printed.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import secrets
import sys
import traceback
from pathlib import Path

LOGGER = logging.getLogger("hrdash")
_key: bytes | None = None


def configure(stream=None) -> None:
    """Print the hrdash logger's INFO lines to stdout, one line per event, and one line for each
    error Streamlit catches in a page (Streamlit prints its traceback on stderr); once per process."""
    if any(getattr(h, "_hrdash", False) for h in LOGGER.handlers):
        return
    handler = logging.StreamHandler(stream or sys.stdout)
    # The time with the server's offset from UTC: '2026-12-04 21:30:00 +0000', never an hour to guess.
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s hrdash: %(message)s", "%Y-%m-%d %H:%M:%S %z"))
    handler._hrdash = True  # type: ignore[attr-defined]
    LOGGER.addHandler(handler)
    LOGGER.setLevel(logging.INFO)
    LOGGER.propagate = False
    logging.getLogger("streamlit.error_util").addHandler(_UncaughtErrors())


class _UncaughtErrors(logging.Handler):
    """Streamlit logs an exception a page raised as 'Uncaught app execution', with its traceback."""

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info and record.exc_info[1] is not None:
            error("fel", typ=type(record.exc_info[1]).__name__, plats=where(record.exc_info[1]))


def where(exception: BaseException) -> str:
    """The innermost place in hrdash's own code (hrdash/, pages/, app.py) an exception passed:
    'hrdash/ui/topic_page.py:47'. Not its message, which may hold figures or names."""
    root = Path(__file__).resolve().parent.parent
    place = "?"
    for frame in traceback.extract_tb(exception.__traceback__):
        path = Path(frame.filename).resolve()
        inside = path.relative_to(root).parts if path.is_relative_to(root) else ()
        if inside[:1] in (("hrdash",), ("pages",), ("app.py",)):
            place = f"{'/'.join(inside)}:{frame.lineno}"
    return place


def set_key(secret: str | None) -> None:
    """The key of the pseudonyms: the sign-in's cookie secret, or (demo mode) a random one."""
    global _key
    _key = secret.encode() if secret else None


def pseudonym(user: str) -> str:
    """A stable stand-in for an e-mail address or login name, without the name itself."""
    global _key
    if _key is None:
        _key = (os.environ.get("HRDASH_LOG_KEY") or secrets.token_hex(16)).encode()
    return hmac.new(_key, user.strip().lower().encode(), hashlib.sha256).hexdigest()[:10]


def event(what: str, **fields: object) -> None:
    """One line: the event and its fields as key=value (no spaces inside values)."""
    parts = [what] + [f"{key}={str(value).replace(' ', '_')}" for key, value in fields.items() if value is not None]
    LOGGER.info(" ".join(parts))


def error(what: str, **fields: object) -> None:
    parts = [what] + [f"{key}={str(value).replace(' ', '_')}" for key, value in fields.items() if value is not None]
    LOGGER.error(" ".join(parts))
