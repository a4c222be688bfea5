"""Progress forms back in: returned .xlsx files read with planc/sheets into
plans/ROUND/progress/PERIOD.yaml. All or nothing: any error in any form writes nothing. The
same form imported twice changes nothing (a report equal to the one on file is left as it is).
The YAML is edited in place (ruamel round-trip), so comments a clerk wrote in it stay."""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planc.atomic import write_files
from planc.diagnostics import Diagnostic, Loc, Severity
from planc.i18n import _
from planc.index import Index
from planc.load.roundtrip import round_trip_yaml
from planc.model import STATUSES
from planc.progress.forms import KIND, SHEET, target_period
from planc.sheets import FormIn, read_form

LABELS = {label: status for status, label in STATUSES.items()} | {s: s for s in STATUSES}
SPACES = " \t\u3000\xa0"


@dataclass(slots=True)
class Imported:
    """What an import found and did."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    reports: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)  # period, task
    forms: dict[str, list[dict[str, str]]] = field(default_factory=dict)  # period -> forms
    written: list[str] = field(default_factory=list)  # files changed, relative to plans
    unchanged: list[str] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity is Severity.ERROR)


def _cell(row_values: dict[str, Any], key: str) -> str:
    value = row_values.get(key)
    return "" if value is None else str(value).strip(SPACES)


def _percent(text: str) -> int | None:
    plain = unicodedata.normalize("NFKC", text).strip(SPACES).removesuffix("%").strip(SPACES)
    return int(plain) if plain.isdigit() and int(plain) <= 100 else None


def _date(text: str) -> str | None:
    plain = unicodedata.normalize("NFKC", text).strip(SPACES)
    for fmt in ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日"):
        try:
            return dt.datetime.strptime(plain.split("T")[0], fmt).date().isoformat()
        except ValueError:
            continue
    return None


class _Reader:
    def __init__(self, index: Index, name: str, result: Imported) -> None:
        self.index = index
        self.name = name
        self.ri = index.rounds[name]
        self.result = result
        self.seen: dict[tuple[str, str], str] = {}  # (period, task) -> the file reporting it

    def problem(self, code: str, loc: Loc, message: str, hint: str | None = None) -> None:
        self.result.diagnostics.append(Diagnostic(code, loc, message, hint))

    def form(self, path: Path) -> None:
        shown = str(path)
        form, found = read_form(path, shown, KIND, [SHEET])
        for d in found:  # the generic reader's hint names the consultation's command
            hint = d.hint
            if d.code == "form-foreign" and hint and "consult" in hint:
                hint = _(
                    "send the unit the form `planc progress forms {round}` made", round=self.name
                )
            self.result.diagnostics.append(Diagnostic(d.code, d.loc, d.message, hint))
        if form is not None:
            self.rows(form, shown)

    def rows(self, form: FormIn, shown: str) -> None:
        whole = Loc(shown, 0, 0)
        meta = form.meta
        if meta.get("round") != self.name:
            self.problem(
                "form-foreign",
                whole,
                _(
                    "this is a form of round {form_round}, not {round}",
                    form_round=meta.get("round") or "?",
                    round=self.name,
                ),
                _("import it with planc progress import {round}", round=meta.get("round")),
            )
            return
        unit, period = meta.get("unit", ""), meta.get("period", "")
        if unit not in self.index.project.registry.units:
            self.problem(
                "form-foreign",
                whole,
                _("the form's unit '{unit}' is not in the registry", unit=unit),
            )
            return
        try:
            target_period(self.name, period)
        except Exception:  # UsageError: the metadata was readable but names no period here
            self.problem(
                "form-foreign",
                whole,
                _("the form's period '{period}' is not of {round}", period=period, round=self.name),
            )
            return
        reports = self.result.reports.setdefault(period, {})
        taken = 0
        for row in form.rows:
            loc = Loc(shown, row.row, SHEET.column_of("status"), row.title)
            status_text = _cell(row.values, "status")
            others = [k for k in ("percent", "note", "evidence", "date") if _cell(row.values, k)]
            if not status_text:
                if others:
                    self.problem(
                        "form-cell",
                        loc,
                        _("本期状态 is empty but the row has progress written in it"),
                        _("choose the status from the drop-down list"),
                    )
                continue
            status = LABELS.get(status_text)
            if status is None:
                self.problem(
                    "form-cell",
                    loc,
                    _(
                        "本期状态 '{status}' is not one of {statuses}",
                        status=status_text,
                        statuses="、".join(STATUSES.values()),
                    ),
                    _("choose it from the drop-down list"),
                )
                continue
            if row.id not in self.ri.tasks:
                self.problem(
                    "form-tampered",
                    loc,
                    _("the form names task '{id}', not in the round", id=row.id),
                )
                continue
            report: dict[str, Any] = {"task": row.id, "unit": unit, "status": status}
            percent_text = _cell(row.values, "percent")
            if percent_text:
                percent = _percent(percent_text)
                if percent is None:
                    self.problem(
                        "form-cell",
                        Loc(shown, row.row, SHEET.column_of("percent"), row.title),
                        _(
                            "完成进度 should be a whole number from 0 to 100, found '{value}'",
                            value=percent_text,
                        ),
                    )
                    continue
                report["percent"] = percent
            if note := _cell(row.values, "note"):
                report["note"] = note
            evidence = [e.strip(SPACES) for e in _cell(row.values, "evidence").split("\n")]
            if [e for e in evidence if e]:
                report["evidence"] = [e for e in evidence if e]
            if date_text := _cell(row.values, "date"):
                date = _date(date_text)
                if date is None:
                    self.problem(
                        "form-cell",
                        Loc(shown, row.row, SHEET.column_of("date"), row.title),
                        _(
                            "填报日期 should be a date like 2021-07-05, found '{value}'",
                            value=date_text,
                        ),
                    )
                    continue
                report["date"] = date
            other = self.seen.get((period, row.id))
            if other is not None and other != shown:
                self.problem(
                    "form-cell",
                    loc,
                    _(
                        "task '{id}' is also reported in {other} for {period}",
                        id=row.id,
                        other=other,
                        period=period,
                    ),
                    _("import one of the two forms"),
                )
                continue
            self.seen[(period, row.id)] = shown
            reports[row.id] = report
            taken += 1
        if not taken:
            self.problem(
                "form-empty", whole, _("the form has no status filled in; nothing to import")
            )
            return
        forms = self.result.forms.setdefault(period, [])
        record = {"unit": unit, "form": form.form, "file": Path(shown).name}
        if record not in forms:
            forms.append(record)


def read_forms(index: Index, name: str, files: list[Path]) -> Imported:
    result = Imported()
    reader = _Reader(index, name, result)
    for path in files:
        reader.form(path)
    return result


def _plain(node: Any) -> Any:
    """A round-trip node as plain data, scalars as text (as planc reads them)."""
    if isinstance(node, dict):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    return None if node is None else str(node)


def _merged(
    text: str | None,
    reports: dict[str, dict[str, Any]],
    forms: list[dict[str, str]],
    order: list[str],
) -> str:
    yaml = round_trip_yaml()
    data = yaml.load(text) if text else None
    if data is None:
        data = yaml.load("reports: []\n")
    if data.get("reports") is None:
        data["reports"] = []
    existing = data["reports"]
    at = {str(item.get("task")): i for i, item in enumerate(existing) if isinstance(item, dict)}
    for tid in sorted(reports, key=lambda t: order.index(t) if t in order else len(order)):
        report = reports[tid]
        if tid in at:
            if _plain(existing[at[tid]]) != _plain(report):
                existing[at[tid]] = report
        else:
            existing.append(report)
    if forms:
        if data.get("forms") is None:
            data["forms"] = []
        known = [_plain(f) for f in data["forms"]]
        for record in forms:
            if _plain(record) not in known:
                data["forms"].append(record)
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


def write_imported(plans: Path, index: Index, name: str, result: Imported) -> None:
    """Write every period's file, all or nothing: each is written beside its target first, and
    only when all are ready are they renamed into place."""
    order = [t.id for t in index.rounds[name].round.tasks()]
    changed: list[tuple[Path, str]] = []
    for period in sorted(result.reports):
        if not result.reports[period]:
            continue
        rel = f"{name}/progress/{period}.yaml"
        target = plans / rel
        old = target.read_text(encoding="utf-8") if target.is_file() else None
        new = _merged(old, result.reports[period], result.forms.get(period, []), order)
        if new == old:
            result.unchanged.append(rel)
            continue
        changed.append((target, new))
        result.written.append(rel)
    write_files(changed)
