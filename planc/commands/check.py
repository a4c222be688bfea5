"""planc check: validate the sources, print diagnostics, return the exit code."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import IO

from planc import report
from planc.diagnostics import Severity, count
from planc.recheck import check_diagnostics


def check(
    plans: Path,
    rounds: Sequence[str],
    fmt: str,
    strict: bool,
    stream: IO[str],
    cache: bool = True,
) -> int:
    checked, diagnostics = check_diagnostics(plans, rounds, cache)
    if fmt == "json":
        stream.write(report.as_json(diagnostics) + "\n")
    elif fmt == "github":
        text = report.as_github(diagnostics, plans)
        stream.write(text + "\n" if text else "")
    else:
        report.write_text(diagnostics, plans, len(checked), stream)
    failing = count(diagnostics, Severity.ERROR)
    if strict:
        failing += count(diagnostics, Severity.WARNING)
    return 1 if failing else 0
