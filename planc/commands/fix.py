"""planc fix: apply the `punctuation` fixes to the sources, in place, changing nothing else
(planc/load/fix.py); print each change, and the files it could not read."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import IO

from planc import report
from planc.i18n import _
from planc.load import REGISTRY
from planc.load.fix import fix_plans
from planc.pipeline import select_rounds


def fix(plans: Path, rounds: Sequence[str], stream: IO[str]) -> int:
    """Exit 1 when a file could not be read (not UTF-8, not YAML): it is left as it is."""
    done = fix_plans(plans, select_rounds(plans, rounds), [REGISTRY])
    for c in done.changes:
        where = report.display_path(plans, c.file)
        stream.write(f"{where}:{c.line}:{c.column}: {c.old} → {c.new}\n")
    report.write_diagnostics(done.unread, plans, stream)
    fixed = report.plural(len(done.changes), "value")
    stream.write(_("fixed {values} in {plans}", values=fixed, plans=plans.as_posix()) + "\n")
    if done.unread:
        files = report.plural(len(done.unread), "file")
        said = _("not read, left unchanged: {files} (fix them first: planc check)", files=files)
        stream.write(said + "\n")
        return 1
    return 0
