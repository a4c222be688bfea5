"""What `planc progress` prints: where every task stands as of a period (a table by chapter and
by lead unit, then the tasks that need attention), as text, JSON or GitHub annotations; and
what moved between two periods (`planc progress diff`), as text or JSON."""

from __future__ import annotations

import json
from pathlib import Path

from planc.cjk import pad, width
from planc.i18n import _, chinese
from planc.index import STATES, TaskState
from planc.model import STATUSES, Task
from planc.progress.moves import Move, Moves
from planc.render.progress import Row, Summary, TaskLine, summary_json
from planc.report import github_escape

ATTENTION = ("overdue", "delayed", "not-reported")  # the tasks listed under the tables
LEVEL = {"overdue": "warning", "not-reported": "warning", "delayed": "notice"}
MOVES = ("moved", "advanced", "fell")


def state_name(state: str) -> str:
    """A task's state as the reader's language names it: 已完成 in Chinese, done in English."""
    return STATES[state] if chinese() else state


def status_name(status: str) -> str:
    """A report's status likewise: 正常推进, on-track."""
    return STATUSES[status] if chinese() else status


def _joined(parts: list[str]) -> str:
    return ("、" if chinese() else ", ").join(parts)


def _table(heading: str, first: str, rows: list[Row], total: Row) -> list[str]:
    columns = [_("count"), *(state_name(s) for s in STATES), _("rate")]
    # Each column as wide as its heading (a rate, "100%", takes four), one space apart: the
    # table fits an 80-column terminal in Chinese.
    cells = [max(4, width(c)) for c in columns]
    last = _("total")
    label_width = max(width(first), *(width(r.label) for r in rows), width(last)) + 2

    def line(label: str, values: list[str]) -> str:
        shown = (pad(v, n, True) for v, n in zip(values, cells, strict=True))
        return pad(label, label_width) + " ".join(shown)

    lines = [heading, line(first, columns)]
    for row in [*rows, Row("", last, total.counts)]:
        rate = f"{row.rate}%" if row.rate is not None else "—"
        lines.append(line(row.label, [str(row.tasks), *(str(row.counts[s]) for s in STATES), rate]))
    return lines


def _named(task: Task) -> str:
    """A task as the lists name it: number, title and id."""
    number = f"{task.number}. " if task.number is not None else ""
    return _("{number}{title} ({id})", number=number, title=task.title, id=task.id)


def describe(line: TaskLine) -> str:
    """One task that needs attention: its number, title and id, lead, due date, last report."""
    task, state = line.task, line.state
    facts = [_joined(line.lead) or _("(no lead unit)")]
    if task.due:
        facts.append(_("due {due}", due=task.due))
    if state.last is not None:
        period, last = state.last
        percent = f" {last.percent}%" if last.percent is not None else ""
        facts.append(f"{period.name} {status_name(last.status)}{percent}")
        if last.note:
            facts.append(last.note)
    else:
        facts.append(_("never reported"))
    facts_text = ("；" if chinese() else "; ").join(facts)
    return "  " + _("{task} — {facts}", task=_named(task), facts=facts_text)


def as_text(s: Summary) -> str:
    lines = [
        f"{s.round}  {s.title}",
        _(
            "as of {period} ({label}, {end}); {count} periods: {periods}",
            period=s.as_of.name,
            label=s.as_of.label,
            end=s.as_of.end.isoformat(),
            count=len(s.periods),
            periods=_joined([p.name for p in s.periods]),
        ),
        "",
    ]
    lines += _table(_("by chapter (按部分)"), _("chapter"), s.chapters, s.total)
    lines.append("")
    lines += _table(_("by lead unit (按牵头单位)"), _("lead unit"), s.units, s.total)
    for state in ATTENTION:
        tasks = s.attention(state)
        if tasks:
            lines += ["", _("{label}: {count}", label=state_name(state), count=len(tasks))]
            lines += [describe(line) for line in tasks]
    return "\n".join(lines) + "\n"


def as_json(s: Summary) -> str:
    return json.dumps(summary_json(s), ensure_ascii=False, indent=2) + "\n"


def as_github(s: Summary, plans: Path) -> str:
    """Workflow annotations on the tasks that need attention, then the totals."""
    lines = []
    for state in ATTENTION:
        for line in s.attention(state):
            loc = line.task.loc
            path = (plans / loc.file).as_posix()
            props = f"file={github_escape(path, True)},line={loc.line},col={loc.column}"
            props += f",title={github_escape(f'progress {state}', True)}"
            lines.append(f"::{LEVEL[state]} {props}::{github_escape(describe(line).strip())}")
    counts = ("，" if chinese() else ", ").join(
        f"{state_name(k)} {v}" for k, v in s.total.counts.items()
    )
    totals = _("{tasks} tasks: {counts}", tasks=s.total.tasks, counts=counts)
    lines.append(f"::notice title=progress {s.round} {s.as_of.name}::{github_escape(totals)}")
    return "\n".join(lines) + "\n"


def _state(state: TaskState) -> str:
    label = state_name(state.state)
    if state.last is not None and state.last[1].percent is not None:
        label += f" {state.last[1].percent}%"
    return label


def _move_heading(kind: str) -> str:
    """Spelled out for the catalogue."""
    return {
        "moved": _("state changed"),
        "advanced": _("advanced"),
        "fell": _("fell back"),
        "same": _("unchanged"),
    }[kind]


def moves_text(m: Moves) -> str:
    lines = [f"planc progress diff {m.round} {m.old} → {m.new}"]
    for kind in MOVES:
        found = m.of(kind)
        if not found:
            continue
        lines += ["", _("{label}: {count}", label=_move_heading(kind), count=len(found))]
        for move in found:
            note = move.after.report.note if move.after.report and move.after.report.note else ""
            lines.append(
                f"  {_named(move.task)}  {_state(move.before)} → {_state(move.after)}"
                + (f"  {note}" if note else "")
            )
    lines += ["", _("{label}: {count}", label=_move_heading("same"), count=len(m.of("same")))]
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
            for kind in MOVES
        },
        "same": [move.task.id for move in m.of("same")],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
