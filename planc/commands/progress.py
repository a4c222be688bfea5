"""planc progress show | forms | import | diff: parse what the command line gave, call
planc.progress, print the outcome."""

from __future__ import annotations

from pathlib import Path
from typing import IO

from planc import report
from planc.errors import FormsHaveErrors
from planc.i18n import _
from planc.pipeline import Analysis, analyze


def checked(plans: Path, name: str) -> Analysis:
    """The round analysed; its errors stop the command (a report on broken sources misleads)."""
    closing = _("the sources have errors; no progress report for {round}", round=name)
    return analyze(plans, [name]).require_clean(closing)


def show(plans: Path, name: str, as_of: str | None, fmt: str, stream: IO[str]) -> int:
    from planc.progress import report as progress_report
    from planc.render.progress import summarize

    s = summarize(checked(plans, name).index, name, as_of)
    if fmt == "json":
        stream.write(progress_report.as_json(s))
    elif fmt == "github":
        stream.write(progress_report.as_github(s, plans))
    else:
        stream.write(progress_report.as_text(s))
    return 0


def diff(plans: Path, name: str, old: str, new: str, fmt: str, stream: IO[str]) -> int:
    from planc.progress.moves import progress_moves
    from planc.progress.report import moves_json, moves_text

    moves = progress_moves(checked(plans, name).index, name, old, new)
    stream.write(moves_json(moves) if fmt == "json" else moves_text(moves))
    return 0


def forms(plans: Path, name: str, period: str, out: Path, stream: IO[str]) -> int:
    from planc.progress.forms import write_forms

    analysis = checked(plans, name)
    written = write_forms(analysis.index, name, period, out)
    units = analysis.index.project.registry.units
    for form in written:
        line = _(
            "wrote {path}  ({unit}, {tasks})",
            path=form.path.as_posix(),
            unit=units[form.unit].name,
            tasks=report.plural(form.tasks, "task"),
        )
        stream.write(line + "\n")
    stream.write(
        _("{count} forms for {period}, one per lead unit", count=len(written), period=period) + "\n"
    )
    return 0


def import_forms(plans: Path, name: str, files: list[Path], stream: IO[str], err: IO[str]) -> int:
    from planc.progress.importer import read_forms, write_imported

    analysis = checked(plans, name)
    result = read_forms(analysis.index, name, files)
    if result.errors:
        raise FormsHaveErrors(result.diagnostics)
    report.write_cells(result.diagnostics, err)
    write_imported(plans, analysis.index, name, result)
    for rel in result.written:
        period = rel.rsplit("/", 1)[-1].removesuffix(".yaml")
        n = len(result.reports[period])
        stream.write(
            _("wrote {path}  ({count} reports)", path=(plans / rel).as_posix(), count=n) + "\n"
        )
    for rel in result.unchanged:
        shown = (plans / rel).as_posix()
        stream.write(_("unchanged {path}  (already imported)", path=shown) + "\n")
    if result.written:
        stream.write(
            _("run planc check {round} and planc progress {round} to see them", round=name) + "\n"
        )
    return 0
