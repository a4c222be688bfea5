"""planc diff: what changed between two rounds, or two versions of one round."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from planc.diff import diff_rounds
from planc.diff import report as diff_report
from planc.diff.sides import load_side, parse_side
from planc.errors import SourcesHaveErrors, UsageError
from planc.i18n import _
from planc.matching import KINDS


def diff(
    plans: Path,
    a: str,
    b: str,
    fmt: str,
    only: Sequence[str],
    stream: IO[str],
    cache: bool = True,
) -> int:
    for kind in only:
        if kind not in KINDS:
            raise UsageError(
                _("--only takes {kinds}, not '{kind}'", kinds=", ".join(KINDS), kind=kind)
            )
    chosen = [k for k in KINDS if k in only] if only else list(KINDS)
    old_side, new_side = parse_side(a), parse_side(b)
    with tempfile.TemporaryDirectory(prefix="planc-diff-") as scratch:
        sides = [load_side(side, plans, Path(scratch), cache) for side in (old_side, new_side)]
        failing = [
            found
            for side, analysis in zip((old_side, new_side), sides, strict=True)
            if (found := analysis.failing(_("{side} does not check:", side=side.spec)))
        ]
        if failing:
            raise SourcesHaveErrors(failing)
        result = diff_rounds(sides[0].index, old_side.round, sides[1].index, new_side.round, a, b)
    if fmt == "json":
        stream.write(diff_report.as_json(result, chosen))
    elif fmt == "markdown":
        stream.write(diff_report.as_markdown(result, chosen))
    elif fmt == "html":
        stream.write(diff_report.as_html(result, chosen))
    else:
        diff_report.write_text(result, chosen, stream)
    return 0
