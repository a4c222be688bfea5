"""What planc sheet import prints: the changes a workbook makes, as planc diff shows them
(added, revised field by field with the words that changed marked, dropped), units and
dispositions beside them, names in place of ids."""

from __future__ import annotations

from typing import Any

from planc.diff.report import KIND_NAMES, TEXT_FIELDS, plain_inline, text_changes
from planc.i18n import _, chinese
from planc.index import Index
from planc.matching import FieldChange
from planc.workbook.changes import Outcome
from planc.workbook.export import Lookups, lookups
from planc.workbook.sheets import CARRIED, DISPOSITIONS, UNIT_KINDS, YES

SHOWN = ("tasks", "cases", "indicators")
KIND_NAMES_MORE = {
    **KIND_NAMES,
    "systems": "指标体系",
    "units": "责任单位",
    "comments": "征求意见处理",
}
# Fields as the workbook's columns call them.
FIELD_NAMES = {
    "number": "编号",
    "chapter": "部分",
    "section": "方面",
    "title": "标题",
    "text": "具体内容",
    "lead": "牵头单位",
    "partners": "参与单位",
    "indicators": "服务指标",
    "cases": "对标案例",
    "benchmarks": "对标城市",
    "due": "完成时限",
    "part": "部分",
    "places": "城市或地区",
    "summary": "概述",
    "practices": "经验做法",
    "references": "参考文献",
    "unit": "计量单位",
    "baseline": "基期值",
    "targets": "目标值",
    "carried_from": CARRIED,
    "dimension": "维度",
    "name": "单位名称",
    "kind": "类别",
    "en": "英文名称",
    "consulted": "另行征求意见",
    "disposition": "处理意见",
    "reason": "理由",
    "changed": "修改的任务",
}


def _kind(kind: str) -> str:
    return KIND_NAMES_MORE[kind] if chinese() else f"{kind} ({KIND_NAMES_MORE[kind]})"


def _field(name: str) -> str:
    """A field as the reader's language names it, with its colon: 标题：, title:"""
    return f"{FIELD_NAMES.get(name, name)}：" if chinese() else f"{name}: "


class _Shown:
    """Values as the office reads them: names and titles, not ids."""

    def __init__(self, before: Index, after: Index, name: str) -> None:
        self.sides: list[Lookups] = [lookups(after, name), lookups(before, name)]

    def one(self, field: str, value: Any) -> str:
        if value is None or value is False or value == [] or value == {}:
            return "—"
        if value is True:
            return YES
        names = {
            "lead": "units",
            "partners": "units",
            "indicators": "indicators",
            "cases": "cases",
            "places": "places",
            "benchmarks": "places",
            "chapter": "chapters",
            "part": "parts",
            "changed": "tasks",
        }.get(field)
        if isinstance(value, list):
            if names is None:
                return "；".join(str(v) for v in value)
            return "、".join(self.label(names, str(v)) for v in value)
        if isinstance(value, dict):
            return "，".join(f"{k}：{v}" for k, v in value.items())
        if names is not None:
            return self.label(names, str(value))
        if field == "disposition":
            return DISPOSITIONS.get(str(value), str(value))
        if field == "kind":
            return UNIT_KINDS.get(str(value), str(value))
        return str(value)

    def label(self, names: str, iid: str) -> str:
        for side in self.sides:
            found: Any = getattr(side, names)
            if iid in found.labels:
                return str(found.label(iid))
        return iid


def _change(shown: _Shown, change: FieldChange) -> str:
    old, new = shown.one(change.name, change.old), shown.one(change.name, change.new)
    return f"{_field(change.name)}{old} → {new}"


def as_text(outcome: Outcome) -> str:
    lines = [_("{file} against the sources of {round}:", file=outcome.shown, round=outcome.round)]
    before, after = outcome.before, outcome.after
    if not outcome.edits or outcome.diff is None or before is None or after is None:
        lines.append(_("  no changes: the workbook holds what the sources hold"))
        return "\n".join(lines) + "\n"
    shown = _Shown(before.index, after.index, outcome.round)
    for kind in SHOWN:
        k = outcome.diff.kinds[kind]
        if k.unchanged:
            continue
        lines.append(
            _(
                "{kind}: {revised} revised, {new} new, {dropped} dropped",
                kind=_kind(kind),
                revised=len(k.revised),
                new=len(k.new),
                dropped=len(k.dropped),
            )
        )
        for m in k.revised:
            moved = f"{m.from_id} → {m.to_id}" if m.from_id != m.to_id else m.to_id
            lines.append(f"  ~ {moved}  {m.new.title}")
            texts = {t.name: t for t in text_changes(m)}
            for change in m.changes:
                if change.name in texts:
                    text = texts[change.name]
                    if text.rewritten:
                        lines.append(f"      {_field(change.name).rstrip()}")
                        lines.append(f"        - {text.old}")
                        lines.append(f"        + {text.new}")
                    else:
                        lines.append(f"      {_field(change.name)}{plain_inline(text)}")
                else:
                    lines.append(f"      {_change(shown, change)}")
        lines += [f"  + {item.id}  {item.title}" for item in k.new]
        lines += [f"  - {item.id}  {item.title}" for item in k.dropped]
    for kind in ("systems", "units", "comments"):
        edits = outcome.of(kind)
        if not edits:
            continue
        revised = [e for e in edits if not e.new and not e.drop]
        new = [e for e in edits if e.new]
        dropped = [e for e in edits if e.drop]
        lines.append(
            _(
                "{kind}: {revised} revised, {new} new, {dropped} dropped",
                kind=_kind(kind),
                revised=len(revised),
                new=len(new),
                dropped=len(dropped),
            )
        )
        for e in revised:
            lines.append(f"  ~ {e.id}  {e.title}")
            for name, value in e.fields.items():
                old = _old(outcome, kind, e.id, name)
                lines.append(f"      {_change(shown, FieldChange(name, old, value))}")
        lines += [f"  + {e.id}  {e.title}" for e in new]
        lines += [f"  - {e.id}  {e.title}" for e in dropped]
    return "\n".join(lines) + "\n"


def _old(outcome: Outcome, kind: str, iid: str, name: str) -> Any:
    """A system's, a unit's or a comment's field as the sources hold it now."""
    assert outcome.before is not None
    index = outcome.before.index
    if kind == "systems":
        found = index.rounds[outcome.round].systems[iid].carried_from
        return found.id if found else None
    if kind == "units" and name == "consulted":
        return any(r.id == iid for r in index.rounds[outcome.round].round.consulted)
    if kind == "units":
        return getattr(index.project.registry.units[iid], name, None)
    number, _sep, cid = iid.partition(":")
    rnd = index.rounds[outcome.round].round
    for record in rnd.consultations:
        if str(record.number) != number:
            continue
        for c in record.comments:
            if c.id == cid:
                if name == "changed":
                    return [r.id for r in c.changed]
                return getattr(c, name, None)
    return None


__all__ = ["TEXT_FIELDS", "as_text"]
