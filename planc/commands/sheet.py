"""planc sheet export | import: the office's whole-round workbook (planc/workbook). Parse
what the command line gave, call the feature, print; the import writes only with --apply
or after a yes at the terminal, and a drop only when it is confirmed too."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import IO

from planc import report
from planc.errors import UsageError
from planc.i18n import _, chinese
from planc.pipeline import Analysis, analyze


def _checked(plans: Path, name: str) -> Analysis:
    closing = _("{round} has errors; fix them first (planc check {round})", round=name)
    return analyze(plans, [name]).require_clean(closing)


def export(plans: Path, name: str, out: Path, stream: IO[str]) -> int:
    from planc.workbook.export import export as run

    done = run(_checked(plans, name).index, name, out)
    counts = done.counts
    stream.write(
        _(
            "wrote {out}: {tasks} tasks, {cases} cases, {indicators} indicators, {units} units, "
            "{comments} comments",
            out=out.as_posix(),
            tasks=counts.get("tasks", 0),
            cases=counts.get("cases", 0),
            indicators=counts.get("indicators", 0),
            units=counts.get("units", 0),
            comments=counts.get("comments", 0),
        )
        + "\n"
    )
    return 0


Ask = Callable[[str], bool]


def import_(
    plans: Path,
    name: str,
    file: Path,
    apply: bool,
    drops: bool,
    ask: Ask | None,
    stream: IO[str],
) -> int:
    """`ask`: a yes-or-no question at an interactive terminal (None: there is none)."""
    from planc.workbook.changes import prepare
    from planc.workbook.report import as_text
    from planc.workbook.write import write_sources

    outcome = prepare(_checked(plans, name), plans, name, file, str(file))
    report.write_cells(outcome.warnings, stream)
    stream.write(as_text(outcome))
    if not outcome.texts:
        return 0
    dropped = outcome.drops
    if not apply:
        if ask is None or not ask(_("Write these changes into {plans}?", plans=plans.as_posix())):
            stream.write(
                _(
                    "nothing was written; planc sheet import {round} {file} --apply writes them",
                    round=name,
                    file=file,
                )
                + "\n"
            )
            return 0
        drops = (
            drops
            or not dropped
            or ask(_("Drop {count} items (the lines with -)?", count=len(dropped)))
        )
    if dropped and not drops:
        raise UsageError(
            _(
                "the workbook drops {count} items ({ids}); nothing was written: confirm the drops "
                "with --confirm-drops, or put the rows back",
                count=len(dropped),
                ids=", ".join(e.id for e in dropped[:5]),
            )
        )
    written = write_sources(plans, outcome.texts)
    stream.write(
        _(
            "wrote {files}: {paths}",
            files=report.plural(len(written), "file"),
            paths=("、" if chinese() else ", ").join((plans / rel).as_posix() for rel in written),
        )
        + "\n"
    )
    return 0
