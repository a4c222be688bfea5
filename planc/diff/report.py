"""A round diff as JSON (docs/diff.md), terminal text, Markdown and HTML."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import IO, Any

from planc.diff import RoundDiff, StepChange
from planc.i18n import _, chinese
from planc.matching import KINDS, Match, inline, similarity
from planc.model import Milestone

KIND_NAMES = {"chapters": "部分", "tasks": "任务", "indicators": "指标", "cases": "对标案例"}
HOW = {"lineage": "延续", "id": "同 id", "similar": "标题相近"}
TEXT_FIELDS = ("title", "text", "summary", "subtitle")


def _kind(kind: str) -> str:
    """For the terminal: tasks (任务), or 任务 for a clerk reading Chinese."""
    return KIND_NAMES[kind] if chinese() else f"{kind} ({KIND_NAMES[kind]})"


def _how(how: str) -> str:
    """How a pair was matched: lineage, or 延续."""
    return HOW[how] if chinese() else how


# Below this similarity a character diff is more noise than help: old and new are shown whole.
REWRITTEN = 0.5


@dataclass(frozen=True)
class TextChange:
    """A changed text field of a revised pair, as the reports show it."""

    name: str
    old: str
    new: str

    @property
    def rewritten(self) -> bool:
        return similarity(self.old, self.new) < REWRITTEN

    @property
    def runs(self) -> list[tuple[str, str]]:
        return inline(self.old, self.new)


def text_changes(m: Match) -> list[TextChange]:
    """The changed text fields of a revised pair, in the order of TEXT_FIELDS."""
    changed = {c.name: c for c in m.changes}
    return [
        TextChange(name, str(changed[name].old or ""), str(changed[name].new or ""))
        for name in TEXT_FIELDS
        if name in changed
    ]


def _step(step: Milestone) -> dict[str, Any]:
    return {"kind": step.kind, "date": step.date, "until": step.until, "text": step.text}


def step_line(change: StepChange) -> str:
    """A step of the timeline that changed, came or went: "~ issued 2020-06-22 → 2020-06-30"."""

    def when(step: Milestone) -> str:
        return step.date + (f"..{step.until}" if step.until else "")

    if change.old is None and change.new is not None:
        return f"+ {change.kind} {when(change.new)} {change.new.text or ''}".rstrip()
    if change.new is None and change.old is not None:
        return f"- {change.kind} {when(change.old)} {change.old.text or ''}".rstrip()
    assert change.old is not None and change.new is not None
    line = f"~ {change.kind} {when(change.old)}"
    if when(change.old) != when(change.new):
        line += f" → {when(change.new)}"
    return line + f" ({', '.join(change.changed)})"


def renames(diff: RoundDiff) -> list[tuple[str, TextChange]]:
    """Renamed dimensions and handbook parts, each once, at its level."""
    found = [
        ("dimension", TextChange("dimension", r.from_title, r.to_title))
        for r in diff.renamed_dimensions
    ]
    found += [("part", TextChange("part", r.from_title, r.to_title)) for r in diff.renamed_parts]
    return found


def as_dict(diff: RoundDiff, only: Sequence[str] = KINDS) -> dict[str, Any]:
    data: dict[str, Any] = {"from": diff.from_spec, "to": diff.to_spec}
    for kind in only:
        k = diff.kinds[kind]
        data[kind] = {
            "continued": [_entry(m) for m in k.continued],
            "revised": [
                {**_entry(m), "changes": list(m.changed), **_notes(diff, kind, m)}
                for m in k.revised
            ],
            "new": [{"id": item.id} for item in k.new],
            "dropped": [{"id": item.id} for item in k.dropped],
        }
    data["dimensions_renamed"] = [
        {
            "system_from": r.system_from,
            "system_to": r.system_to,
            "from": r.from_title,
            "to": r.to_title,
        }
        for r in diff.renamed_dimensions
    ]
    data["parts_renamed"] = [
        {"part_from": r.from_id, "part_to": r.to_id, "from": r.from_title, "to": r.to_title}
        for r in diff.renamed_parts
    ]
    data["milestones"] = {
        "changed": [
            {"kind": c.kind, "from": _step(c.old), "to": _step(c.new), "changes": list(c.changed)}
            for c in diff.milestones
            if c.old is not None and c.new is not None
        ],
        "new": [_step(c.new) for c in diff.milestones if c.old is None and c.new is not None],
        "dropped": [_step(c.old) for c in diff.milestones if c.new is None and c.old is not None],
    }
    data["figures"] = {
        f.name: {
            "from": {"declared": f.from_declared, "sources": f.from_computed},
            "to": {"declared": f.to_declared, "sources": f.to_computed},
        }
        for f in diff.figures
    }
    return data


def _notes(diff: RoundDiff, kind: str, m: Match) -> dict[str, Any]:
    """A revised task's comments, only where there are some (the contract stays as it was)."""
    notes = diff.comments.get(m.to_id, []) if kind == "tasks" else []
    if not notes:
        return {}
    return {
        "comments": [
            {"id": n.id, "unit": n.unit, "disposition": n.disposition, "text": n.text}
            for n in notes
        ]
    }


def comment_lines(diff: RoundDiff, kind: str, m: Match) -> list[str]:
    """The adopted comments of the consultation that changed a revised task."""
    notes = diff.comments.get(m.to_id, []) if kind == "tasks" else []
    return [f"征求意见 {n.id} {n.unit}（{n.disposition}）：{n.text}" for n in notes]


def _entry(m: Match) -> dict[str, Any]:
    return {"from": m.from_id, "to": m.to_id, "match": m.how, "score": m.score}


def as_json(diff: RoundDiff, only: Sequence[str] = KINDS) -> str:
    return json.dumps(as_dict(diff, only), ensure_ascii=False, indent=2) + "\n"


def _declared(value: int | None) -> str:
    return "—" if value is None else str(value)


# Without colour (NO_COLOR, a pipe, a CI log) deletions and insertions are marked in the text,
# as git diff --word-diff does.
PLAIN_MARKS = {"=": "{}", "-": "[-{}-]", "+": "{{+{}+}}"}


def plain_inline(change: TextChange) -> str:
    return "".join(PLAIN_MARKS[op].format(run) for op, run in change.runs)


def write_text(diff: RoundDiff, only: Sequence[str], stream: IO[str]) -> None:
    from rich.table import Table
    from rich.text import Text

    from planc.report import console
    from planc.report import printable as p

    out = console(stream)
    coloured = out.color_system is not None

    def show(change: TextChange, indent: str) -> None:
        if change.rewritten:
            out.print(Text(f"{indent}{change.name}:"))
            out.print(Text(p(f"{indent}  - {change.old}"), "red"))
            out.print(Text(p(f"{indent}  + {change.new}"), "green"))
        elif coloured:
            text = Text(f"{indent}{change.name}: ")
            for op, run in change.runs:
                text.append(p(run), {"=": "", "-": "red strike", "+": "green bold"}[op])
            out.print(text)
        else:
            out.print(Text(p(f"{indent}{change.name}: {plain_inline(change)}")))

    out.print(Text(f"planc diff {diff.from_spec} → {diff.to_spec}", "bold"))
    table = Table(title=None)
    for column in ("", _("continued"), _("revised"), _("new"), _("dropped")):
        table.add_column(column, justify="left" if not column else "right")
    for kind in only:
        k = diff.kinds[kind]
        table.add_row(
            _kind(kind),
            str(len(k.continued)),
            str(len(k.revised)),
            str(len(k.new)),
            str(len(k.dropped)),
        )
    out.print(table)
    title = Text(_("figures: declared / held by the sources"))
    figures = Table(title=title, title_justify="left")
    figures.add_column(_("figure"), justify="left")
    for column in (diff.from_spec, diff.to_spec):
        figures.add_column(column, justify="right")
    for f in diff.figures:
        figures.add_row(
            f.label,
            f"{_declared(f.from_declared)} / {f.from_computed}",
            f"{_declared(f.to_declared)} / {f.to_computed}",
        )
    out.print(figures)
    if diff.renamed_dimensions:
        out.print(Text(_("renamed dimensions"), "bold"))
        for r in diff.renamed_dimensions:
            out.print(
                Text(p(f"  {r.from_title} → {r.to_title}  ({r.system_from} → {r.system_to})"))
            )
    if diff.renamed_parts:
        out.print(Text(_("renamed handbook parts"), "bold"))
        for pr in diff.renamed_parts:
            out.print(Text(p(f"  {pr.from_title} → {pr.to_title}  ({pr.from_id} → {pr.to_id})")))
    if diff.milestones:
        out.print(Text(_("timeline (milestones)"), "bold"))
        for step in diff.milestones:
            out.print(Text(p(f"  {step_line(step)}")))
    for kind in only:
        k = diff.kinds[kind]
        if k.unchanged and not k.continued:
            continue
        out.print(Text(f"\n{_kind(kind)}", "bold underline"))
        for m in k.revised:
            line = Text(f"  ~ {m.from_id} → {m.to_id} [{_how(m.how)} {m.score:.2f}] ", "yellow")
            line.append(", ".join(m.changed), "dim")
            out.print(line)
            for change in text_changes(m):
                show(change, "      ")
            for note in comment_lines(diff, kind, m):
                out.print(Text(p(f"      {note}"), "cyan"))
        for item in k.new:
            out.print(Text(p(f"  + {item.id}  {item.title}"), "green"))
        for item in k.dropped:
            out.print(Text(p(f"  - {item.id}  {item.title}"), "red"))
        for m in k.continued:
            out.print(Text(p(f"  = {m.to_id}  {m.new.title} [{_how(m.how)}]"), "dim"))


def _md(text: str) -> str:
    from planc.report import printable

    text = printable(text)
    for ch in "\\`*_~[]|<>":
        text = text.replace(ch, "\\" + ch)
    return text


def _md_change(change: TextChange) -> str:
    if change.rewritten:
        return f"~~{_md(change.old)}~~ → **{_md(change.new)}**"
    marks = {"=": "{}", "-": "~~{}~~", "+": "**{}**"}
    return "".join(marks[op].format(_md(run)) for op, run in change.runs)


def as_markdown(diff: RoundDiff, only: Sequence[str] = KINDS) -> str:
    lines = [f"## planc diff `{diff.from_spec}` → `{diff.to_spec}`", ""]
    lines += ["| | continued | revised | new | dropped |", "|---|---:|---:|---:|---:|"]
    for kind in only:
        k = diff.kinds[kind]
        lines.append(
            f"| {kind} ({KIND_NAMES[kind]}) | {len(k.continued)} | {len(k.revised)} | "
            f"{len(k.new)} | {len(k.dropped)} |"
        )
    lines += ["", f"| figure | {diff.from_spec} | {diff.to_spec} |", "|---|---:|---:|"]
    for f in diff.figures:
        lines.append(
            f"| {_md(f.label)} | {_declared(f.from_declared)} / {f.from_computed} | "
            f"{_declared(f.to_declared)} / {f.to_computed} |"
        )
    lines.append("")
    lines.append("Figures are declared / held by the sources.")
    if diff.renamed_dimensions:
        lines += ["", "### Renamed dimensions", ""]
        lines += [f"- {_md(r.from_title)} → {_md(r.to_title)}" for r in diff.renamed_dimensions]
    if diff.renamed_parts:
        lines += ["", "### Renamed handbook parts", ""]
        lines += [f"- {_md(r.from_title)} → {_md(r.to_title)}" for r in diff.renamed_parts]
    if diff.milestones:
        lines += ["", "### Timeline (milestones)", ""]
        lines += [f"- {_md(step_line(c))}" for c in diff.milestones]
    for kind in only:
        k = diff.kinds[kind]
        if k.unchanged:
            continue
        lines += ["", f"### {kind} ({KIND_NAMES[kind]})", ""]
        for m in k.revised:
            lines.append(
                f"- revised `{m.from_id}` → `{m.to_id}` ({HOW[m.how]}, {m.score:.2f}): "
                + ", ".join(m.changed)
            )
            for change in text_changes(m):
                lines.append(f"  - {change.name}: {_md_change(change)}")
            lines += [f"  - {_md(note)}" for note in comment_lines(diff, kind, m)]
        lines += [f"- new `{item.id}` {_md(item.title)}" for item in k.new]
        lines += [f"- dropped `{item.id}` {_md(item.title)}" for item in k.dropped]
    return "\n".join(lines) + "\n"


def as_html(diff: RoundDiff, only: Sequence[str] = KINDS) -> str:
    """A standalone page, rendered with planc/templates/diff.html.j2 (autoescaped)."""
    from planc.render.env import environment

    kinds = [
        {
            "name": kind,
            "zh": KIND_NAMES[kind],
            "diff": diff.kinds[kind],
            "texts": {m.to_id: text_changes(m) for m in diff.kinds[kind].revised},
            "notes": {m.to_id: comment_lines(diff, kind, m) for m in diff.kinds[kind].revised},
        }
        for kind in only
    ]
    renamed = renames(diff)
    return (
        environment("screen")
        .get_template("diff.html.j2")
        .render(
            title=f"planc diff {diff.from_spec} → {diff.to_spec}",
            diff=diff,
            kinds=kinds,
            renamed=renamed,
            steps=[step_line(c) for c in diff.milestones],
            how=HOW,
            declared=_declared,
        )
    )
