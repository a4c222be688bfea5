"""Ids planc makes for items a clerk adds (a task typed into the office's workbook, a task a
unit proposes on a solicitation form): never asked of a clerk, stable (the same sources and
the same rows give the same ids) and readable (who or what the item is about, then a number).

An id is a prefix, the id of what the item belongs to most (a task's lead unit, a case's
place, an indicator's dimension), and the number after the highest the round gives that
prefix: `commerce-3`, `singapore-2` (a number is not given again to a new item while a higher
one is in use). The prefix is itself an id, so the result is a valid one."""

from __future__ import annotations

import re
from collections.abc import Iterable

SLUG = re.compile(r"[^a-z0-9]+")
MAX_PREFIX = 40


def slug(text: str) -> str:
    """English words as an id: 'Municipal Bureau of Commerce' -> 'municipal-bureau-of-commerce';
    '' when nothing of it is Latin letters or digits."""
    return SLUG.sub("-", text.lower()).strip("-")[:MAX_PREFIX].strip("-")


def new_id(prefix: str, taken: Iterable[str]) -> str:
    """`prefix-N`, N one more than the highest number `taken` gives the prefix (1 if none)."""
    base = slug(prefix) or "item"
    pattern = re.compile(re.escape(base) + r"-([0-9]+)")
    used = [int(m[1]) for t in taken if (m := pattern.fullmatch(t))]
    return f"{base}-{max(used, default=0) + 1}"
