"""planc solicit forms | import | report: parse what the command line gave, call
planc.solicit, print the outcome."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import IO

from planc import report
from planc.commands import received_on
from planc.errors import FormsHaveErrors, PlancError
from planc.i18n import _
from planc.pipeline import Analysis, analyze

RETRIES = 5  # plans made again when another planc wrote between loading and the lock


def _analysis(plans: Path, round_name: str) -> Analysis:
    """The round loaded and checked; its errors stop the command (forms or tasks made from a
    broken plan would carry its errors)."""
    closing = _("{round} has errors; fix them first (planc check {round})", round=round_name)
    return analyze(plans, [round_name]).require_clean(closing)


def forms(plans: Path, round_name: str, out: Path, units: Sequence[str], stream: IO[str]) -> int:
    from planc.solicit.forms import write_forms

    analysis = _analysis(plans, round_name)
    made = write_forms(analysis.index, round_name, out, units)
    for form in made.forms:
        count = report.plural(form.candidates, "candidate")
        stream.write(f"  {form.file}  {_('{unit}: {count}', unit=form.unit.name, count=count)}\n")
    wrote = _(
        "wrote {forms} for the solicitation of {round} into {out}/",
        forms=report.plural(len(made.forms), "form"),
        round=round_name,
        out=out.as_posix(),
    )
    stream.write(wrote + "\n")
    unassigned(plans, round_name, made.unassigned, stream)
    return 0


def unassigned(plans: Path, round_name: str, count: int, stream: IO[str]) -> None:
    """Say where to name the units of candidates that are on no unit's form."""
    if count:
        note = _(
            "note: {count} of the candidates name no lead unit and are on no unit's form; name "
            "the units to ask in {file} (units: [...])",
            count=count,
            file=(plans / round_name / "candidates.yaml").as_posix(),
        )
        stream.write(note + "\n")


def import_(
    plans: Path, round_name: str, files: Sequence[Path], date: str | None, stream: IO[str]
) -> int:
    from planc.solicit.records import import_forms
    from planc.solicit.store import SourcesChanged, snapshot

    day = received_on(date)
    shown = [(path, str(path)) for path in files]
    for _attempt in range(RETRIES):
        before = snapshot(plans, round_name)  # taken before loading: see planc/solicit/store.py
        analysis = _analysis(plans, round_name)
        try:
            result = import_forms(analysis.index, plans, round_name, shown, day, before)
            break
        except SourcesChanged:  # another planc wrote meanwhile: plan again from what it wrote
            continue
    else:
        said = (
            "{round} kept changing while planc read it; nothing was written: run the command again"
        )
        raise PlancError(_(said, round=round_name))
    diagnostics = result.diagnostics  # in the order of the files, each sheet by sheet, row by row
    if result.failed or result.plan is None:
        raise FormsHaveErrors(diagnostics)
    report.write_cells(diagnostics, stream)
    plan = result.plan
    for unit in plan.units:
        counts = _(
            "{kept} kept, {revised} revised, {dropped} dropped, {new} new",
            kept=unit.counts["kept"],
            revised=unit.counts["revised"],
            dropped=unit.counts["dropped"],
            new=unit.counts["new"],
        )
        stream.write(f"  {unit.shown}  {unit.unit}: {counts}\n")
        if unit.unchanged:
            stream.write("    " + _("already imported: nothing changes") + "\n")
        elif unit.replaced is not None:
            said = _(
                "replaces the form received {received} ({file}):",
                received=unit.replaced.received or "?",
                file=unit.replaced.file,
            )
            stream.write(f"    {said}\n")
            for line in unit.changes or [_("no task changes")]:
                stream.write(f"      {line}\n")
    for rel in sorted(plan.files):
        path = (plans / rel).as_posix()
        added = plan.tasks_added.get(rel)
        if added:
            stream.write(_("{path}: {tasks} added", path=path, tasks=report.plural(added, "task")))
        else:
            stream.write(_("{path}: written", path=path))
        stream.write("\n")
    if not plan.files:
        stream.write(_("nothing new: every form was imported before") + "\n")
    else:
        stream.write(_("next: planc check {round}; planc solicit report {round}", round=round_name))
        stream.write("\n")
    return 0


def report_(plans: Path, round_name: str, fmt: str, stream: IO[str]) -> int:
    from planc.solicit import report as solicit_report

    data = solicit_report.report_data(_analysis(plans, round_name).index, round_name)
    if fmt == "json":
        stream.write(solicit_report.as_json(data))
    else:
        solicit_report.write_text(data, stream)
    return 0
