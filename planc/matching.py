"""Matching the items of two versions of a plan (two rounds, or a round at two revisions), and
the change objects that say what moved: planc diff reports them, and the `adopted-unchanged`
check asks whether an adopted comment's task moved at all.

Items are matched, in this order, by explicit lineage (`continues:` on the newer side naming
the older side's task), by equal id, then by title similarity: a pair whose titles score at
least SIMILAR (difflib's ratio over characters; Chinese has no spaces, so characters are the
unit) is matched, best pairs first. A matched pair is `continued` when no compared field
changed, else `revised` with the changed fields named; the rest are `new` or `dropped`."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from planc import records
from planc.index import Index, RoundIndex

SIMILAR = 0.6  # unrelated titles in the shipped plans score at most 0.50 (docs/diff.md)
KINDS = ("chapters", "tasks", "indicators", "cases")


@dataclass(frozen=True)
class Item:
    """One task, indicator, case or chapter as the diff compares it."""

    id: str
    title: str
    fields: Mapping[str, Any]  # compared values, the title among them
    lineage: str | None = None  # "ROUND:ID" of the item this one continues


@dataclass(frozen=True)
class FieldChange:
    name: str
    old: Any
    new: Any


@dataclass(frozen=True)
class Match:
    """A pair of items, one of each side, and the compared fields that differ."""

    old: Item
    new: Item
    how: str  # lineage | id | similar
    score: float  # title similarity, 0..1
    changes: tuple[FieldChange, ...] = ()

    @property
    def from_id(self) -> str:
        return self.old.id

    @property
    def to_id(self) -> str:
        return self.new.id

    @property
    def changed(self) -> tuple[str, ...]:
        """The names of the changed fields."""
        return tuple(c.name for c in self.changes)


@dataclass
class KindDiff:
    continued: list[Match] = field(default_factory=list)
    revised: list[Match] = field(default_factory=list)
    new: list[Item] = field(default_factory=list)
    dropped: list[Item] = field(default_factory=list)

    @property
    def unchanged(self) -> bool:
        return not (self.revised or self.new or self.dropped)


def similarity(a: str, b: str) -> float:
    if a == b:
        return 1.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _changes(old: Item, new: Item) -> tuple[FieldChange, ...]:
    names = list(dict.fromkeys([*old.fields, *new.fields]))
    return tuple(
        FieldChange(n, old.fields.get(n), new.fields.get(n))
        for n in names
        if old.fields.get(n) != new.fields.get(n)
    )


def match(old: Mapping[str, Item], new: Mapping[str, Item], old_round: str) -> KindDiff:
    """Pair the items of two sides; `old_round` is the name lineage refers to."""
    pairs: list[tuple[str, str, str]] = []  # from, to, how
    free_old = dict(old)
    free_new = dict(new)
    for item in new.values():
        if item.lineage:
            name, _, oid = item.lineage.partition(":")
            if name == old_round and oid in free_old:
                pairs.append((oid, item.id, "lineage"))
                del free_old[oid], free_new[item.id]
    for iid in [i for i in free_new if i in free_old]:
        pairs.append((iid, iid, "id"))
        del free_old[iid], free_new[iid]
    scored = []
    for o in free_old.values():
        for n in free_new.values():
            # quick_ratio bounds ratio from above: most pairs are ruled out cheaply.
            matcher = difflib.SequenceMatcher(None, o.title, n.title, autojunk=False)
            if matcher.quick_ratio() >= SIMILAR and (score := matcher.ratio()) >= SIMILAR:
                scored.append((-score, o.id, n.id))
    for _, oid, nid in sorted(scored):
        if oid in free_old and nid in free_new:
            pairs.append((oid, nid, "similar"))
            del free_old[oid], free_new[nid]
    result = KindDiff()
    for oid, nid, how in pairs:
        found = Match(
            old[oid],
            new[nid],
            how,
            round(similarity(old[oid].title, new[nid].title), 3),
            _changes(old[oid], new[nid]),
        )
        (result.revised if found.changes else result.continued).append(found)
    result.new = [item for i, item in new.items() if i in free_new]
    result.dropped = [item for i, item in old.items() if i in free_old]
    order = {iid: n for n, iid in enumerate(new)}
    result.continued.sort(key=lambda m: order[m.to_id])
    result.revised.sort(key=lambda m: order[m.to_id])
    return result


def inline(old: str, new: str) -> list[tuple[str, str]]:
    """A character-level diff as (op, text) runs: op is "=", "-" or "+"."""
    runs: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            runs.append(("=", old[i1:i2]))
            continue
        if i2 > i1:
            runs.append(("-", old[i1:i2]))
        if j2 > j1:
            runs.append(("+", new[j1:j2]))
    return runs


# The fields planc diff compares, in the order it names changes: an item's own fields, never
# its back-links (a task dropped elsewhere does not revise the indicator it served).
COMPARED = {
    "chapters": ("title", "subtitle", "declared_tasks"),
    "tasks": (
        "title",
        "text",
        "number",
        "chapter",
        "section",
        "lead",
        "partners",
        "indicators",
        "cases",
        "benchmarks",
        "due",
    ),
    "indicators": ("title", "unit", "baseline", "targets", "dimension"),
    "cases": ("title", "places", "summary", "practices", "references", "part"),
}


def _item(kind: str, record: dict[str, Any]) -> Item:
    fields = {name: record[name] for name in COMPARED[kind]}
    return Item(record["id"], record["title"], fields, record.get("continues"))


def items(index: Index, name: str) -> dict[str, dict[str, Item]]:
    """The items of one round, by kind and id, from the records plan.json holds."""
    ri: RoundIndex = index.rounds[name]
    rnd = ri.round
    dimension_of = {i.id: d.title for s in rnd.systems for d in s.dimensions for i in d.indicators}
    # Another document's targets (`role: targets`) are not the plan's indicators: not compared.
    targets = {s.id for s in rnd.systems if s.is_targets}
    return {
        "chapters": {c.id: _item("chapters", records.chapter(c)) for c in rnd.chapters},
        "tasks": {t.id: _item("tasks", records.task(ri, t)) for t in ri.tasks.values()},
        "indicators": {
            i.id: _item(
                "indicators", {**records.indicator(ri, i), "dimension": dimension_of.get(i.id)}
            )
            for i in ri.indicators.values()
            if i.system not in targets
        },
        "cases": {c.id: _item("cases", records.case(ri, c)) for c in ri.cases.values()},
    }
