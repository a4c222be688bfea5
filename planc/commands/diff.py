"""planc diff: what changed between two rounds, or two versions of one round (planc/diff),
in the format asked for."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import IO

from planc.diff import report as diff_report
from planc.diff.sides import compare
from planc.errors import UsageError
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
    result = compare(plans, a, b, cache)
    if fmt == "json":
        stream.write(diff_report.as_json(result, chosen))
    elif fmt == "markdown":
        stream.write(diff_report.as_markdown(result, chosen))
    elif fmt == "html":
        stream.write(diff_report.as_html(result, chosen))
    else:
        diff_report.write_text(result, chosen, stream)
    return 0
