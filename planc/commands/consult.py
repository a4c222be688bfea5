"""planc consult forms | import | report: parse what the command line gave, call planc.consult,
print the outcome."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import IO

from planc import report
from planc.commands import received_on
from planc.errors import FormsHaveErrors
from planc.i18n import _
from planc.pipeline import Analysis, analyze


def _analysis(plans: Path, round_name: str) -> Analysis:
    """The plans, loaded and checked; their errors stop the command, since forms and records
    would be made from a broken plan (a round that does not load has an error: its
    plan.yaml's)."""
    closing = _("{round} has errors; fix them first (planc check {round})", round=round_name)
    return analyze(plans, [round_name]).require_clean(closing)


def forms(
    plans: Path,
    round_name: str,
    number: int,
    out: Path,
    units: Sequence[str],
    stream: IO[str],
    everyone: bool = False,
) -> int:
    from planc.consult.forms import write_forms

    analysis = _analysis(plans, round_name)
    made, draft = write_forms(analysis.index, plans, round_name, number, out, units, everyone)
    for form in made:
        count = report.plural(form.tasks, "task")
        stream.write(f"  {form.file}  {_('{unit}: {count}', unit=form.unit.name, count=count)}\n")
    wrote = _(
        "wrote {forms} for consultation {number} of {round} into {out}/",
        forms=report.plural(len(made), "form"),
        number=number,
        round=round_name,
        out=out.as_posix(),
    )
    stream.write(wrote + "\n")
    if draft.uncommitted:
        note = _(
            "note: {round} is not committed unchanged in git, so the forms record no draft "
            "revision; planc check cannot then tell whether adopted comments changed their tasks",
            round=round_name,
        )
        stream.write(note + "\n")
    return 0


def import_(
    plans: Path, round_name: str, files: Sequence[Path], received: str | None, stream: IO[str]
) -> int:
    from planc.consult.importer import import_forms

    day = received_on(received)
    analysis = _analysis(plans, round_name)
    shown = [(path, str(path)) for path in files]
    result = import_forms(analysis.index, plans, round_name, shown, day)
    diagnostics = sorted(result.diagnostics, key=lambda d: (d.loc.file, d.loc.line, d.loc.column))
    if result.failed:
        raise FormsHaveErrors(diagnostics)
    report.write_cells(diagnostics, stream)
    for form in result.forms:
        line = _(
            "  {file}  {unit}, consultation {number}: {comments}",
            file=form.shown,
            unit=form.unit,
            number=form.number,
            comments=report.plural(form.comments, "comment"),
        )
        stream.write(line + "\n")
    for change in result.changes:
        where = display(plans, change.path)
        if change.text is None:
            stream.write(_("{path}: nothing new (every comment is already there)", path=where))
        else:
            added = report.plural(change.added, "new comment")
            responses = report.plural(change.responses, "new response")
            stream.write(
                _("{path}: {added}, {responses}", path=where, added=added, responses=responses)
            )
        stream.write("\n")
    return 0


def display(plans: Path, path: Path) -> str:
    return (plans / path.relative_to(plans)).as_posix()


def report_(plans: Path, round_name: str, fmt: str, out: Path | None, stream: IO[str]) -> int:
    from planc.consult import report as consult_report

    analysis = _analysis(plans, round_name)
    data = consult_report.report_data(analysis.index, round_name)
    if out is None:
        if fmt == "json":
            stream.write(consult_report.as_json(data))
        elif fmt == "html":
            stream.write(consult_report.as_html(data, "screen"))
        else:
            consult_report.write_text(data, stream)
        return 0
    for message in consult_report.write_report(data, out):
        stream.write(_("planc: warning from WeasyPrint: {message}", message=message) + "\n")
    wrote = _(
        "wrote consultation.html, consultation.pdf, consultation.docx and consultation.json into "
        "{out}/",
        out=out.as_posix(),
    )
    stream.write(wrote + "\n")
    return 0
