"""The one place the workbook's import writes into the plans folder. Every file is written
whole, and all of them or none (planc/atomic.py: each beside its target first, then renamed).
The plans folder's shared writer (its lock and journal, issue 24) takes this function's place
when it lands: one call to change."""

from __future__ import annotations

from pathlib import Path

from planc.atomic import write_files


def write_sources(plans: Path, texts: dict[str, str]) -> list[str]:
    """Write `texts` (file relative to `plans` -> its new text); returns what was written."""
    write_files((plans / rel, text) for rel, text in sorted(texts.items()))
    return sorted(texts)
