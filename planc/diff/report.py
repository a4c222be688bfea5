"""A round diff as JSON (the DESIGN.md contract), terminal text, Markdown and HTML."""

from __future__ import annotations

import json
from collections.abc import Sequence
from html import escape
from typing import IO, Any

from planc.diff import RoundDiff
from planc.diff.match import KINDS, Match, inline

KIND_NAMES = {"chapters": "部分", "tasks": "任务", "indicators": "指标", "cases": "对标案例"}
HOW = {"lineage": "延续", "id": "同 id", "similar": "标题相近"}
TEXT_FIELDS = ("title", "text", "summary", "subtitle")


def as_dict(diff: RoundDiff, only: Sequence[str] = KINDS) -> dict[str, Any]:
    data: dict[str, Any] = {"from": diff.from_spec, "to": diff.to_spec}
    for kind in only:
        k = diff.kinds[kind]
        data[kind] = {
            "continued": [_entry(m) for m in k.continued],
            "revised": [
                {**_entry(m), "changes": list(m.changes), **_notes(diff, kind, m)}
                for m in k.revised
            ],
            "new": [{"id": i} for i in k.new],
            "dropped": [{"id": i} for i in k.dropped],
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


def _comment_lines(diff: RoundDiff, kind: str, m: Match) -> list[str]:
    notes = diff.comments.get(m.to_id, []) if kind == "tasks" else []
    return [f"征求意见 {n.id} {n.unit}（{n.disposition}）：{n.text}" for n in notes]


def _entry(m: Match) -> dict[str, Any]:
    return {"from": m.from_id, "to": m.to_id, "match": m.how, "score": m.score}


def as_json(diff: RoundDiff, only: Sequence[str] = KINDS) -> str:
    return json.dumps(as_dict(diff, only), ensure_ascii=False, indent=2) + "\n"


def _texts(diff: RoundDiff, kind: str, m: Match) -> list[tuple[str, str, str]]:
    """(field, old, new) for the changed text fields of a revised pair."""
    old = diff.old[kind][m.from_id].fields
    new = diff.new[kind][m.to_id].fields
    return [
        (name, str(old.get(name) or ""), str(new.get(name) or ""))
        for name in TEXT_FIELDS
        if name in m.changes
    ]


def write_text(diff: RoundDiff, only: Sequence[str], stream: IO[str]) -> None:
    from rich.table import Table
    from rich.text import Text

    from planc.report import console
    from planc.report import printable as p

    out = console(stream)
    out.print(Text(f"planc diff {diff.from_spec} → {diff.to_spec}", "bold"))
    table = Table(title=None)
    for column in ("", "continued", "revised", "new", "dropped"):
        table.add_column(column, justify="left" if not column else "right")
    for kind in only:
        k = diff.kinds[kind]
        table.add_row(
            f"{kind} ({KIND_NAMES[kind]})",
            str(len(k.continued)),
            str(len(k.revised)),
            str(len(k.new)),
            str(len(k.dropped)),
        )
    out.print(table)
    figures = Table(title=Text("figures: declared / held by the sources"), title_justify="left")
    for column in ("figure", diff.from_spec, diff.to_spec):
        figures.add_column(column, justify="left" if column == "figure" else "right")
    for f in diff.figures:
        figures.add_row(
            f.label,
            f"{_declared(f.from_declared)} / {f.from_computed}",
            f"{_declared(f.to_declared)} / {f.to_computed}",
        )
    out.print(figures)
    if diff.renamed_dimensions:
        out.print(Text("renamed dimensions", "bold"))
        for r in diff.renamed_dimensions:
            out.print(
                Text(p(f"  {r.from_title} → {r.to_title}  ({r.system_from} → {r.system_to})"))
            )
    for kind in only:
        k = diff.kinds[kind]
        if k.unchanged and not k.continued:
            continue
        out.print(Text(f"\n{kind} ({KIND_NAMES[kind]})", "bold underline"))
        for m in k.revised:
            line = Text(f"  ~ {m.from_id} → {m.to_id} [{m.how} {m.score:.2f}] ", "yellow")
            line.append(", ".join(m.changes), "dim")
            out.print(line)
            for name, old, new in _texts(diff, kind, m):
                text = Text(f"      {name}: ")
                for op, run in inline(old, new):
                    text.append(p(run), {"=": "", "-": "red strike", "+": "green bold"}[op])
                out.print(text)
            for line_ in _comment_lines(diff, kind, m):
                out.print(Text(f"      {line_}", "cyan"))
        for iid in k.new:
            out.print(Text(p(f"  + {iid}  {diff.new[kind][iid].title}"), "green"))
        for iid in k.dropped:
            out.print(Text(p(f"  - {iid}  {diff.old[kind][iid].title}"), "red"))
        for m in k.continued:
            out.print(Text(p(f"  = {m.to_id}  {diff.new[kind][m.to_id].title} [{m.how}]"), "dim"))


def _declared(value: int | None) -> str:
    return "—" if value is None else str(value)


def _md_inline(old: str, new: str) -> str:
    marks = {"=": "{}", "-": "~~{}~~", "+": "**{}**"}
    return "".join(marks[op].format(_md(run)) for op, run in inline(old, new))


def _md(text: str) -> str:
    from planc.report import printable

    text = printable(text)
    for ch in "\\`*_~[]|<>":
        text = text.replace(ch, "\\" + ch)
    return text


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
    for kind in only:
        k = diff.kinds[kind]
        if k.unchanged:
            continue
        lines += ["", f"### {kind} ({KIND_NAMES[kind]})", ""]
        for m in k.revised:
            lines.append(
                f"- revised `{m.from_id}` → `{m.to_id}` ({HOW[m.how]}, {m.score:.2f}): "
                + ", ".join(m.changes)
            )
            for name, old, new in _texts(diff, kind, m):
                lines.append(f"  - {name}: {_md_inline(old, new)}")
            lines += [f"  - {_md(note)}" for note in _comment_lines(diff, kind, m)]
        lines += [f"- new `{i}` {_md(diff.new[kind][i].title)}" for i in k.new]
        lines += [f"- dropped `{i}` {_md(diff.old[kind][i].title)}" for i in k.dropped]
    return "\n".join(lines) + "\n"


def _html_inline(old: str, new: str) -> str:
    tags = {"=": "{}", "-": "<del>{}</del>", "+": "<ins>{}</ins>"}
    return "".join(tags[op].format(escape(run)) for op, run in inline(old, new))


HTML_STYLE = """
body { font-family: "Noto Sans CJK SC", sans-serif; max-width: 60rem; margin: 1rem auto;
  padding: 0 1rem; line-height: 1.6; color: #1d1d1f; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
th, td { border: 1px solid #d7dbe0; padding: .2rem .5rem; text-align: right; }
th:first-child, td:first-child { text-align: left; }
del { background: #fde2e1; color: #a3120a; }
ins { background: #dcf5df; color: #0b6b1e; text-decoration: none; }
.new { color: #0b6b1e; } .dropped { color: #a3120a; } code { color: #555; }
"""


def as_html(diff: RoundDiff, only: Sequence[str] = KINDS) -> str:
    title = f"planc diff {diff.from_spec} → {diff.to_spec}"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title><style>{HTML_STYLE}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        "<table><tr><th></th><th>continued</th><th>revised</th><th>new</th><th>dropped</th></tr>",
    ]
    for kind in only:
        k = diff.kinds[kind]
        parts.append(
            f"<tr><td>{kind}（{KIND_NAMES[kind]}）</td><td>{len(k.continued)}</td>"
            f"<td>{len(k.revised)}</td><td>{len(k.new)}</td><td>{len(k.dropped)}</td></tr>"
        )
    parts.append("</table>")
    parts.append(
        f"<table><tr><th>figure</th><th>{escape(diff.from_spec)}</th>"
        f"<th>{escape(diff.to_spec)}</th></tr>"
    )
    for f in diff.figures:
        parts.append(
            f"<tr><td>{escape(f.label)}</td><td>{_declared(f.from_declared)} / {f.from_computed}"
            f"</td><td>{_declared(f.to_declared)} / {f.to_computed}</td></tr>"
        )
    parts.append("</table><p>Figures are declared / held by the sources.</p>")
    if diff.renamed_dimensions:
        parts.append("<h2>Renamed dimensions</h2><ul>")
        parts += [
            f"<li>{_html_inline(r.from_title, r.to_title)}</li>" for r in diff.renamed_dimensions
        ]
        parts.append("</ul>")
    for kind in only:
        k = diff.kinds[kind]
        if k.unchanged:
            continue
        parts.append(f"<h2>{kind}（{KIND_NAMES[kind]}）</h2><ul>")
        for m in k.revised:
            details = "".join(
                f"<li>{name}: {_html_inline(old, new)}</li>"
                for name, old, new in _texts(diff, kind, m)
            ) + "".join(f"<li>{escape(note)}</li>" for note in _comment_lines(diff, kind, m))
            parts.append(
                f"<li>revised <code>{escape(m.from_id)}</code> → <code>{escape(m.to_id)}</code> "
                f"({HOW[m.how]}, {m.score:.2f}): {escape(', '.join(m.changes))}"
                + (f"<ul>{details}</ul>" if details else "")
                + "</li>"
            )
        parts += [
            f'<li class="new">new <code>{escape(i)}</code> {escape(diff.new[kind][i].title)}</li>'
            for i in k.new
        ]
        parts += [
            f'<li class="dropped">dropped <code>{escape(i)}</code> '
            f"{escape(diff.old[kind][i].title)}</li>"
            for i in k.dropped
        ]
        parts.append("</ul>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
