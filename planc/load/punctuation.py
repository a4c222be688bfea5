"""`punctuation` (info): half-width punctuation in Chinese text of the sources, found while
they load (GB/T 15834: ，；：？！ and （）full-width, quotes “‘’” nested); `planc fix` rewrites
exactly those characters in the files (planc/load/fix.py)."""

from __future__ import annotations

import re

from planc.cjk import punctuate
from planc.diagnostics import Diagnostic, Loc
from planc.i18n import _

# What can need a fix: a half-width mark or a straight quote (ASCII-only values never do).
SUSPECT = re.compile(r"[,;:?!()\"]")


def finding(value: str, loc: Loc) -> Diagnostic | None:
    """The diagnostic for one scalar of the sources, or None."""
    fixed = punctuate(value)
    if fixed == value:
        return None
    at = next(i for i, (a, b) in enumerate(zip(value, fixed, strict=True)) if a != b)
    start = max(0, at - 8)
    return Diagnostic(
        "punctuation",
        loc,
        _("half-width punctuation in Chinese text: '{passage}'", passage=value[start : at + 12]),
        _(
            "write '{passage}' (GB/T 15834); `planc fix` rewrites it in the file",
            passage=fixed[start : at + 12],
        ),
    )
