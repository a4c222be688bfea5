"""Ids planc makes for items a clerk adds (a task typed into the office's workbook, a task a
unit proposes on a solicitation form): never asked of a clerk, stable (the same sources and
the same rows give the same ids) and readable (who or what the item is about, then a number).

An id is a prefix, the id of what the item belongs to most (a task's lead unit, a case's
place, an indicator's dimension), and the smallest number that makes it new in its round:
`commerce-3`, `singapore-2`. The prefix is itself an id, so the result is a valid one."""

from __future__ import annotations

import re
from collections.abc import Container

SLUG = re.compile(r"[^a-z0-9]+")
MAX_PREFIX = 40


def slug(text: str) -> str:
    """English words as an id: 'Municipal Bureau of Commerce' -> 'municipal-bureau-of-commerce';
    '' when nothing of it is Latin letters or digits."""
    return SLUG.sub("-", text.lower()).strip("-")[:MAX_PREFIX].strip("-")


def new_id(prefix: str, taken: Container[str]) -> str:
    """`prefix-N` with the smallest N from 1 that is not `taken`."""
    base = slug(prefix) or "item"
    n = 1
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"
