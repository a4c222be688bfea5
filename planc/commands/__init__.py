"""One plain function per command; cli.py only parses options and calls these."""

from __future__ import annotations

import datetime as dt

from planc.dates import day
from planc.errors import UsageError
from planc.i18n import _


def received_on(option: str | None) -> str:
    """The day forms came back: `--date` as typed (2024-01-10, 2024年1月10日), else today."""
    if option is None:
        return dt.date.today().isoformat()
    found = day(option)
    if found is None:
        raise UsageError(_("--date takes a date like 2024-01-10, not '{day}'", day=option))
    return found
