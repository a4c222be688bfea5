"""Validated progress records -> the model. The only problem reported here is the file's own:
a name that is not a period (the period is the file name, so it is never written twice)."""

from __future__ import annotations

from pathlib import PurePosixPath

from planc.diagnostics import Diagnostic, Loc
from planc.i18n import _
from planc.load.spec import Rec
from planc.model import Round
from planc.progress.model import FormRecord, ProgressFile, Report
from planc.progress.periods import parse_period


def _recs(value: object) -> list[Rec]:
    return [item for item in value or [] if isinstance(item, Rec)]  # type: ignore[attr-defined]


def progress_file(rnd: Round, file: str, rec: Rec) -> list[Diagnostic]:
    stem = PurePosixPath(file).stem
    period = parse_period(stem)
    out = []
    if period is None:
        out.append(
            Diagnostic(
                "schema",
                Loc(file),
                _("a progress file is named by its period, not '{name}'", name=stem),
                _(
                    "name it like 2021-Q2.yaml (a quarter), 2021-H1.yaml (a half-year) or "
                    "2021-06.yaml (a month)"
                ),
            )
        )
    progress = ProgressFile(file=file, loc=rec.at("reports"), period=period)
    for item in _recs(rec.get("reports")):
        if item.get("task") is None or item.get("status") is None:
            continue  # a `schema` diagnostic says what is missing
        progress.reports.append(
            Report(
                task=item.get("task"),
                status=item.get("status"),
                loc=item.at("task"),
                locs=item.locs,
                unit=item.get("unit"),
                percent=item.get("percent"),
                note=item.get("note"),
                evidence=[str(e) for e in item.get("evidence", [])],
                date=item.get("date"),
            )
        )
    for form in _recs(rec.get("forms")):
        progress.forms.append(
            FormRecord(unit=form.get("unit"), form=form.get("form", ""), file=form.get("file", ""))
        )
    rnd.progress.append(progress)
    return out
