"""Dates as clerks type them, made ISO: 2024-01-10, 2024/1/10, 2024.1.10, 2024年1月10日 (in
full-width digits too) is 2024-01-10; a deadline may be a month (2025-06, 2025年6月, 2025年6月底)
or a year (2025年, 2025年底: its last month). One reader for every option and form cell."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

SPACES = " \t\u3000\xa0"
_DAY = re.compile(r"([0-9]{4})\s*[-/.年]\s*([0-9]{1,2})\s*[-/.月]\s*([0-9]{1,2})\s*日?")
_MONTH = re.compile(r"([0-9]{4})\s*[-/.年]\s*([0-9]{1,2})\s*月?\s*(?:底|末|前|份)?")
_YEAR = re.compile(r"([0-9]{4})\s*年?\s*(?:底|末|前|年底|年末)?")


def _plain(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip(SPACES).split("T")[0]


def day(text: str) -> str | None:
    """YYYY-MM-DD, or None when `text` is not a real day."""
    found = _DAY.fullmatch(_plain(text))
    if found is None:
        return None
    try:
        return dt.date(int(found[1]), int(found[2]), int(found[3])).isoformat()
    except ValueError:
        return None


def deadline(text: str) -> str | None:
    """A deadline as `due:` holds it: YYYY-MM-DD for a day, YYYY-MM for a month, and for a
    year alone (2025年, 2025年底) its December, which is what the office means by it."""
    whole = day(text)
    if whole is not None:
        return whole
    plain = _plain(text)
    found = _MONTH.fullmatch(plain)
    if found is not None and 1 <= int(found[2]) <= 12:
        return f"{found[1]}-{int(found[2]):02d}"
    found = _YEAR.fullmatch(plain)
    return f"{found[1]}-12" if found is not None else None
