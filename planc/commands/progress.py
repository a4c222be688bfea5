"""planc progress: where every task stands as of a period, by chapter and by lead unit."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import IO

from planc import report
from planc.diagnostics import Severity
from planc.errors import Failing, FormsHaveErrors, SourcesHaveErrors
from planc.i18n import _
from planc.pipeline import Analysis, analyze
from planc.progress.model import STATUSES
from planc.progress.moves import Move, Moves, progress_moves
from planc.progress.status import STATES, TaskState
from planc.progress.summary import Row, Summary, TaskLine, summarize, summary_json

ATTENTION = {"overdue": "逾期", "delayed": "滞后", "not-reported": "未报送"}


def checked(plans: Path, name: str) -> Analysis:
    """The round analysed; its errors stop the command (a report on broken sources misleads)."""
    analysis = analyze(plans, [name])
    errors = [d for d in analysis.diagnostics if d.severity is Severity.ERROR]
    if errors:
        raise SourcesHaveErrors(
            [Failing(errors, plans, 1)],
            _("the sources have errors; no progress report for {round}", round=name),
        )
    return analysis


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, cells: int, right: bool = False) -> str:
    space = " " * max(0, cells - width(text))
    return space + text if right else text + space


def _table(heading: str, first: str, rows: list[Row], total: Row) -> list[str]:
    columns = ["任务", *STATES.values(), "完成率"]
    label_width = max(width(first), *(width(r.label) for r in rows), width("合计")) + 2
    lines = [heading, pad(first, label_width) + " ".join(pad(c, 8, True) for c in columns)]
    for row in [*rows, Row("", "合计", total.counts)]:
        rate = f"{row.rate}%" if row.rate is not None else "—"
        cells = [str(row.tasks), *(str(row.counts[s]) for s in STATES), rate]
        lines.append(pad(row.label, label_width) + " ".join(pad(c, 8, True) for c in cells))
    return lines


def describe(line: TaskLine) -> str:
    task, state = line.task, line.state
    number = f"{task.number}. " if task.number is not None else ""
    facts = ["、".join(line.lead) or "（未列牵头单位）"]
    if task.due:
        facts.append(f"完成时限 {task.due}")
    if state.last is not None:
        period, last = state.last
        percent = f" {last.percent}%" if last.percent is not None else ""
        facts.append(f"{period.name} {STATUSES[last.status]}{percent}")
        if last.note:
            facts.append(last.note)
    else:
        facts.append("从未报送")
    return f"  {number}{task.title}（{task.id}）— " + "；".join(facts)


def as_text(s: Summary) -> str:
    lines = [
        f"{s.round}  {s.title}",
        f"截至 {s.as_of.name}（{s.as_of.label}，{s.as_of.end.isoformat()}），"
        f"共 {len(s.periods)} 期：{'、'.join(p.name for p in s.periods)}",
        "",
    ]
    lines += _table(_("by chapter (按部分)"), "部分", s.chapters, s.total)
    lines.append("")
    lines += _table(_("by lead unit (按牵头单位)"), "牵头单位", s.units, s.total)
    for state, label in ATTENTION.items():
        tasks = s.attention(state)
        if tasks:
            lines += [
                "",
                _("{label} ({state}): {count}", label=label, state=state, count=len(tasks)),
            ]
            lines += [describe(line) for line in tasks]
    return "\n".join(lines) + "\n"


def _escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def as_github(s: Summary, plans: Path) -> str:
    """Workflow annotations on the tasks that need attention, then the totals."""
    lines = []
    level = {"overdue": "warning", "not-reported": "warning", "delayed": "notice"}
    for state in ATTENTION:
        for line in s.attention(state):
            loc = line.task.loc
            path = (plans / loc.file).as_posix()
            props = f"file={_escape(path, True)},line={loc.line},col={loc.column}"
            props += f",title={_escape(f'progress {state}', True)}"
            lines.append(f"::{level[state]} {props}::{_escape(describe(line).strip())}")
    counts = "，".join(f"{STATES[k]} {v}" for k, v in s.total.counts.items())
    lines.append(
        f"::notice title=progress {s.round} {s.as_of.name}::任务 {s.total.tasks}：{counts}"
    )
    return "\n".join(lines) + "\n"


def show(plans: Path, name: str, as_of: str | None, fmt: str, stream: IO[str]) -> int:
    analysis = checked(plans, name)
    s = summarize(analysis.index, name, as_of)
    if fmt == "json":
        stream.write(json.dumps(summary_json(s), ensure_ascii=False, indent=2) + "\n")
    elif fmt == "github":
        stream.write(as_github(s, plans))
    else:
        stream.write(as_text(s))
    return 0


def _state(state: TaskState) -> str:
    label = STATES[state.state]
    if state.last is not None and state.last[1].percent is not None:
        label += f" {state.last[1].percent}%"
    return label


MOVE_HEADINGS = {"moved": "状态变化", "advanced": "进度推进", "fell": "进度回落"}
MOVE_NAMES = {"moved": "moved", "advanced": "advanced", "fell": "fell back"}


def moves_text(m: Moves) -> str:
    lines = [f"planc progress diff {m.round} {m.old} → {m.new}"]
    for kind, heading in MOVE_HEADINGS.items():
        found = m.of(kind)
        if not found:
            continue
        lines += [
            "",
            _(
                "{label} ({state}): {count}",
                label=heading,
                state=MOVE_NAMES[kind],
                count=len(found),
            ),
        ]
        for move in found:
            task = move.task
            number = f"{task.number}. " if task.number is not None else ""
            note = move.after.report.note if move.after.report and move.after.report.note else ""
            lines.append(
                f"  {number}{task.title}（{task.id}）  {_state(move.before)} → "
                f"{_state(move.after)}" + (f"  {note}" if note else "")
            )
    lines += [
        "",
        _("{label} ({state}): {count}", label="未变", state="same", count=len(m.of("same"))),
    ]
    return "\n".join(lines) + "\n"


def moves_json(m: Moves) -> str:
    def side(state: TaskState) -> dict[str, object]:
        return {"state": state.state, "percent": Move.percent(state)}

    payload = {
        "round": m.round,
        "from": m.old,
        "to": m.new,
        **{
            kind: [
                {
                    "task": move.task.id,
                    "from": side(move.before),
                    "to": side(move.after),
                    "note": move.after.report.note if move.after.report else None,
                }
                for move in m.of(kind)
            ]
            for kind in MOVE_HEADINGS
        },
        "same": [move.task.id for move in m.of("same")],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def diff(plans: Path, name: str, old: str, new: str, fmt: str, stream: IO[str]) -> int:
    analysis = checked(plans, name)
    moves = progress_moves(analysis.index, name, old, new)
    stream.write(moves_json(moves) if fmt == "json" else moves_text(moves))
    return 0


def forms(plans: Path, name: str, period: str, out: Path, stream: IO[str]) -> int:
    from planc.progress.forms import write_forms

    analysis = checked(plans, name)
    written = write_forms(analysis.index, name, period, out)
    units = analysis.index.project.registry.units
    for form in written:
        line = _(
            "wrote {path}  ({unit}, {tasks} 项)",
            path=form.path.as_posix(),
            unit=units[form.unit].name,
            tasks=form.tasks,
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
