"""planc consult forms | import | report: parse what the command line gave, call planc.consult,
print the outcome."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from planc import report
from planc.diagnostics import Diagnostic, Severity, count
from planc.errors import UsageError
from planc.pipeline import Analysis, analyze


def _analysis(plans: Path, round_name: str, stream: IO[str]) -> Analysis | None:
    """The plans, loaded and checked; None (with the errors printed) when the round has
    errors, since forms and records would be made from a broken plan."""
    analysis = analyze(plans, [round_name])
    errors = [d for d in analysis.diagnostics if d.severity is Severity.ERROR]
    if errors or round_name not in analysis.index.rounds:
        report.write_text(errors, plans, 1, stream)
        stream.write(f"planc: {round_name} has errors; fix them first (planc check {round_name})\n")
        return None
    return analysis


def forms(
    plans: Path, round_name: str, number: int, out: Path, units: Sequence[str], stream: IO[str]
) -> int:
    from planc.consult.forms import draft_revision, unit_forms
    from planc.sheets import write_form

    analysis = _analysis(plans, round_name, stream)
    if analysis is None:
        return 1
    registry = analysis.index.project.registry.units
    for uid in units:
        if uid not in registry:
            raise UsageError(f"no unit '{uid}' in registry/units.yaml")
    draft = draft_revision(plans, round_name)
    made = unit_forms(analysis.index, round_name, number, draft)
    if units:
        made = [f for f in made if f.unit.id in units]
    if not made:
        stream.write(f"planc: no unit leads or partners a task of {round_name}; no forms\n")
        return 1
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {out} is a file, not a folder")
    # A form already there may be one a unit filled in: planc never writes over it.
    there = [f.file for f in made if (out / f.file).exists()]
    if there:
        raise UsageError(
            f"{out.as_posix()} already holds {there[0]}"
            + (f" and {len(there) - 1} more forms" if len(there) > 1 else "")
            + "; planc does not write over forms (a filled one would be lost): "
            "use another --out folder"
        )
    out.mkdir(parents=True, exist_ok=True)
    for form in made:
        write_form(form.form, out / form.file)
        stream.write(f"  {form.file}  {form.unit.name}: {report.plural(form.tasks, 'task')}\n")
    stream.write(
        f"wrote {report.plural(len(made), 'form')} for consultation {number} of {round_name} "
        f"into {out.as_posix()}/\n"
    )
    if draft is None:
        stream.write(
            f"note: {round_name} is not committed unchanged in git, so the forms record no draft "
            "revision; planc check cannot then tell whether adopted comments changed their tasks\n"
        )
    return 0


def _diagnostic_lines(diagnostics: Sequence[Diagnostic], stream: IO[str]) -> None:
    paint = report.Painter(stream)
    for d in diagnostics:
        label = paint(f"{d.severity.value}[{d.code}]", report.STYLES[d.severity])
        stream.write(f"{paint(str(d.loc) + ':', 'bold')} {label} {d.message}\n")
        if d.hint:
            stream.write(paint(f"    hint: {d.hint}", "dim") + "\n")


def import_(
    plans: Path, round_name: str, files: Sequence[Path], received: str | None, stream: IO[str]
) -> int:
    from planc.consult.importer import import_forms

    if received is not None:
        try:
            dt.date.fromisoformat(received)
        except ValueError:
            raise UsageError(f"--received takes a date YYYY-MM-DD, not '{received}'") from None
    day = received or dt.date.today().isoformat()
    analysis = _analysis(plans, round_name, stream)
    if analysis is None:
        return 1
    shown = [(path, str(path)) for path in files]
    result = import_forms(analysis.index, plans, round_name, shown, day)
    diagnostics = sorted(result.diagnostics, key=lambda d: (d.loc.file, d.loc.line, d.loc.column))
    _diagnostic_lines(diagnostics, stream)
    if result.failed:
        errors = count(diagnostics, Severity.ERROR)
        stream.write(
            f"planc: {report.plural(errors, 'error')} in the forms; nothing was imported\n"
        )
        return 1
    for form in result.forms:
        stream.write(
            f"  {form.shown}  {form.unit}, consultation {form.number}: "
            f"{report.plural(form.comments, 'comment')}\n"
        )
    for change in result.changes:
        where = display(plans, change.path)
        if change.text is None:
            stream.write(f"{where}: nothing new (every comment is already there)\n")
        else:
            stream.write(
                f"{where}: {report.plural(change.added, 'new comment')}, "
                f"{report.plural(change.responses, 'new response')}\n"
            )
    return 0


def display(plans: Path, path: Path) -> str:
    return (plans / path.relative_to(plans)).as_posix()


def _write_bytes(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def report_(plans: Path, round_name: str, fmt: str, out: Path | None, stream: IO[str]) -> int:
    from planc.consult import report as consult_report

    analysis = _analysis(plans, round_name, stream)
    if analysis is None:
        return 1
    data = consult_report.report_data(analysis.index, round_name)
    if out is None:
        if fmt == "json":
            stream.write(consult_report.as_json(data))
        elif fmt == "html":
            stream.write(consult_report.as_html(data, "screen"))
        else:
            consult_report.write_text(data, stream)
        return 0
    from planc.errors import FontMissing
    from planc.render.pdf import require_fonts, write_pdf

    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {out} is a file, not a folder")
    try:
        require_fonts()
    except FontMissing as exc:
        stream.write(f"planc: {exc}\n")
        return 1
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".planc-report-", dir=out) as scratch:
        pdf = Path(scratch) / "consultation.pdf"
        warnings = write_pdf(consult_report.as_html(data, "print"), pdf)
        _write_bytes(out / "consultation.html", consult_report.as_html(data, "screen").encode())
        _write_bytes(out / "consultation.json", consult_report.as_json(data).encode())
        os.replace(pdf, out / "consultation.pdf")
    for message in sorted(set(warnings)):
        stream.write(f"planc: warning from WeasyPrint: {message}\n")
    stream.write(
        f"wrote consultation.html, consultation.pdf and consultation.json into {out.as_posix()}/\n"
    )
    return 0
