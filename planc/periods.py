"""Reporting periods: a quarter (2021-Q2), a half-year (2021-H1) or a month (2021-06). A period
is named by its progress file; it runs from its first day to its last, and "as of" a period means
at its last day, so every figure is computed from the sources alone, never from the clock."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

PERIOD = r"[0-9]{4}-(?:Q[1-4]|H[12]|0[1-9]|1[0-2])"
_PERIOD = re.compile(PERIOD)
_QUARTERS = "一二三四"


@dataclass(frozen=True, order=True, slots=True)
class Period:
    """Ordered by end, then start: 2021-04, 2021-05, 2021-06, 2021-Q2, 2021-H1 (all end in June;
    the longer one is the later summary)."""

    end: dt.date
    neg_start: int  # minus the start's ordinal: a longer period of the same end sorts later
    name: str

    @property
    def start(self) -> dt.date:
        return dt.date.fromordinal(-self.neg_start)

    @property
    def label(self) -> str:
        """How the office writes it: 2021年第二季度, 2021年上半年, 2021年6月."""
        year, part = self.name.split("-")
        if part.startswith("Q"):
            return f"{year}年第{_QUARTERS[int(part[1]) - 1]}季度"
        if part.startswith("H"):
            return f"{year}年{'上' if part == 'H1' else '下'}半年"
        return f"{year}年{int(part)}月"

    def overlaps(self, other: Period) -> bool:
        return self.start <= other.end and other.start <= self.end


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def parse_period(name: str) -> Period | None:
    """The period a name stands for, or None when it is not one."""
    if not _PERIOD.fullmatch(name):
        return None
    year, part = int(name[:4]), name[5:]
    if part.startswith("Q"):
        first = 3 * int(part[1]) - 2
        start, end = dt.date(year, first, 1), _last_day(year, first + 2)
    elif part.startswith("H"):
        first = 1 if part == "H1" else 7
        start, end = dt.date(year, first, 1), _last_day(year, first + 5)
    else:
        start, end = dt.date(year, int(part), 1), _last_day(year, int(part))
    return Period(end, -start.toordinal(), name)


def due_date(due: str) -> dt.date | None:
    """A task's `due:` as a day: 2021-12 is due at the end of December, 2021-12-15 that day."""
    try:
        parts = [int(p) for p in due.split("-")]
        if len(parts) == 2:
            return _last_day(parts[0], parts[1])
        return dt.date(parts[0], parts[1], parts[2])
    except (ValueError, IndexError):
        return None


def round_years(round_name: str) -> tuple[int, int]:
    first, last = round_name.split("-")
    return int(first), int(last)
