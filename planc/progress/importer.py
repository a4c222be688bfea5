"""Progress forms back in: returned .xlsx files read with planc/sheets into
plans/ROUND/progress/PERIOD.yaml. All or nothing: any error in any form writes nothing. The
same form imported twice changes nothing (a report equal to the one on file is left as it is).
The YAML is edited in place (ruamel round-trip), so comments a clerk wrote in it stay."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from planc.dates import day
from planc.diagnostics import Diagnostic, Loc, Severity
from planc.errors import UsageError
from planc.i18n import _
from planc.index import Index
from planc.load.roundtrip import (
    dump_with_tail,
    load_keeping_tail,
    plain,
    round_trip_yaml,
    text_scalar,
)
from planc.load.write import plans_transaction
from planc.model import STATUSES
from planc.progress.forms import KIND, SHEET, target_period
from planc.sheets import FormIn, read_form

LABELS = {label: status for status, label in STATUSES.items()} | {s: s for s in STATUSES}
SPACES = " \t\u3000\xa0"


@dataclass(slots=True)
class Imported:
    """What an import found and did."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    # period -> (task, unit) -> the report: a lead unit's, or a partner's
    reports: dict[str, dict[tuple[str, str], dict[str, Any]]] = field(default_factory=dict)
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
    number = unicodedata.normalize("NFKC", text).strip(SPACES).removesuffix("%").strip(SPACES)
    # ASCII digits (NFKC made full-width ones plain): int() would take ፩ and refuse 5,000.
    if not (number.isascii() and number.isdigit() and len(number) <= 3):
        return None
    return int(number) if int(number) <= 100 else None


class _Reader:
    def __init__(self, index: Index, name: str, result: Imported) -> None:
        self.index = index
        self.name = name
        self.ri = index.rounds[name]
        self.result = result
        # (period, task, unit) -> the file reporting it
        self.seen: dict[tuple[str, str, str], str] = {}

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
                date = day(date_text)
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
            other = self.seen.get((period, row.id, unit))
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
            self.seen[(period, row.id, unit)] = shown
            reports[(row.id, unit)] = report
            taken += 1
        if not taken:
            if not any(d.loc.file == shown for d in self.result.diagnostics):
                # Empty indeed: a form whose rows were refused is not (its errors say why).
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


# The fields a progress form fills (its columns, and whose report it is). An import sets
# those the form states; every other field of a report, and every comment, stays as it is.
OWNED = ("task", "unit", "status", "percent", "note", "evidence", "date")


def _yaml_value(value: Any) -> Any:
    from ruamel.yaml.comments import CommentedSeq

    if isinstance(value, str):
        return text_scalar(value)
    if isinstance(value, list):
        return CommentedSeq(_yaml_value(v) for v in value)
    return value


def _merged(
    text: str | None,
    reports: dict[tuple[str, str], dict[str, Any]],
    forms: list[dict[str, str]],
    order: list[str],
    file: str,
) -> str:
    """The period's file with `reports` and `forms` in it, edited in place: a report already
    there keeps its place, its comments and the fields the office added; only the fields the
    form states change."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    yaml = round_trip_yaml()
    data, tail = load_keeping_tail(yaml, text) if text is not None else (None, "")
    if data is None:  # a new file, or one of comments alone (they stay at its top)
        data = yaml.load(
            f"{text.rstrip()}\nreports: []\n" if text and text.strip() else "reports: []\n"
        )
    if not isinstance(data, dict):
        raise UsageError(_("{file} holds no progress reports; planc will not add to it", file=file))
    if data.get("reports") is None:
        data["reports"] = CommentedSeq()
    existing = data["reports"]
    at = {
        (str(item.get("task")), str(item.get("unit"))): item
        for item in existing
        if isinstance(item, dict)
    }
    for key in sorted(reports, key=lambda k: order.index(k[0]) if k[0] in order else len(order)):
        report = reports[key]
        item = at.get(key)
        if item is None:
            existing.append(CommentedMap((k, _yaml_value(v)) for k, v in report.items()))
            continue
        for field_name in OWNED:
            if field_name in report and plain(item.get(field_name)) != plain(report[field_name]):
                item[field_name] = _yaml_value(report[field_name])
    if forms:
        if data.get("forms") is None:
            data["forms"] = CommentedSeq()
        known = [plain(f) for f in data["forms"]]
        for record in forms:
            if plain(record) not in known:
                data["forms"].append(CommentedMap((k, _yaml_value(v)) for k, v in record.items()))
    return dump_with_tail(yaml, data, tail)


def _strings(
    reports: dict[tuple[str, str], dict[str, Any]], forms: list[dict[str, str]]
) -> list[str]:
    """Every text an import puts in a file (each must read back as it is)."""
    found: list[str] = []
    for report in [*reports.values(), *forms]:
        for value in report.values():
            found += value if isinstance(value, list) else [value] if isinstance(value, str) else []
    return found


def write_imported(
    plans: Path, index: Index, name: str, result: Imported, err: IO[str] | None = None
) -> None:
    """Write every period's file, all or nothing (plans_transaction: the plans folder's lock,
    each file read under it and read back before it is written)."""
    order = [t.id for t in index.rounds[name].round.tasks()]
    with plans_transaction(plans, err) as tx:
        for period in sorted(result.reports):
            if not result.reports[period]:
                continue
            rel = f"{name}/progress/{period}.yaml"
            target = plans / rel
            old = tx.read(target)
            forms = result.forms.get(period, [])
            new = _merged(old, result.reports[period], forms, order, rel)
            if new == old:
                result.unchanged.append(rel)
                continue
            tx.write(target, new, _strings(result.reports[period], forms))
            result.written.append(rel)
