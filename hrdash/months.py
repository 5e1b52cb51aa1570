"""Month arithmetic: figures are kept per month, as the first day of the month."""

from __future__ import annotations

import datetime as dt


def shift(month: dt.date, months: int) -> dt.date:
    """The month `months` after (or, negative, before) `month`."""
    index = month.year * 12 + month.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def window(last: dt.date, length: int) -> list[dt.date]:
    """The `length` months ending with `last`, oldest first."""
    return [shift(last, -k) for k in range(length - 1, -1, -1)]
