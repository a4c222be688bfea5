"""What changed between two rounds, or two versions of one round."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from planc.figures import FIGURES
from planc.index import Index
from planc.matching import KINDS, Item, KindDiff, items, match
from planc.model import IndicatorSystem, Milestone


@dataclass(frozen=True)
class DimensionRename:
    system_from: str
    system_to: str
    from_title: str
    to_title: str


@dataclass(frozen=True)
class PartRename:
    """A handbook part matched across the sides whose title changed: one change, at its
    level; its cases are compared as if they had always stood under the new title."""

    from_id: str
    to_id: str
    from_title: str
    to_title: str


@dataclass(frozen=True)
class StepChange:
    """A step of the timeline (milestones:) that changed, came or went. Steps pair by kind
    and order: the second consultation with the second consultation."""

    kind: str
    old: Milestone | None
    new: Milestone | None

    @property
    def changed(self) -> tuple[str, ...]:
        if self.old is None or self.new is None:
            return ()
        return tuple(
            name
            for name in ("date", "until", "text")
            if getattr(self.old, name) != getattr(self.new, name)
        )


@dataclass(frozen=True)
class FigurePair:
    name: str
    label: str
    from_declared: int | None
    from_computed: int
    to_declared: int | None
    to_computed: int


@dataclass(frozen=True)
class CommentNote:
    """A comment of the consultation (征求意见) that changed a task: the diff names it beside
    the revision."""

    id: str
    unit: str  # the unit's name
    disposition: str
    text: str


@dataclass
class RoundDiff:
    from_spec: str
    to_spec: str
    kinds: dict[str, KindDiff]  # each carries its items: matched pairs, new and dropped
    renamed_dimensions: list[DimensionRename] = field(default_factory=list)
    figures: list[FigurePair] = field(default_factory=list)
    # B's revised tasks -> the adopted comments of B's consultation records that changed them.
    comments: dict[str, list[CommentNote]] = field(default_factory=dict)
    renamed_parts: list[PartRename] = field(default_factory=list)
    milestones: list[StepChange] = field(default_factory=list)

    @property
    def unchanged(self) -> bool:
        return (
            all(k.unchanged for k in self.kinds.values())
            and not self.renamed_dimensions
            and not self.renamed_parts
            and not self.milestones
        )


def _system_pairs(
    old: list[IndicatorSystem], new: list[IndicatorSystem], old_round: str
) -> list[tuple[IndicatorSystem, IndicatorSystem]]:
    """Systems match by id or title; failing both, by the dimension titles they share (2020's
    six dimensions and 2022's are one system renamed in part)."""
    as_items = [{s.id: Item(s.id, s.title, {}) for s in side} for side in (old, new)]
    found = match(as_items[0], as_items[1], old_round)
    by_id = [{s.id: s for s in side} for side in (old, new)]
    pairs = [(by_id[0][m.from_id], by_id[1][m.to_id]) for m in found.continued + found.revised]
    rest = [by_id[1][item.id] for item in found.new]
    for dropped in found.dropped:
        system = by_id[0][dropped.id]
        titles = {d.title for d in system.dimensions}
        best = max(
            rest,
            key=lambda s: (
                len(titles & {d.title for d in s.dimensions}),
                -abs(len(s.dimensions) - len(system.dimensions)),
            ),
            default=None,
        )
        if best is not None and titles & {d.title for d in best.dimensions}:
            pairs.append((system, best))
            rest.remove(best)
    return pairs


def _dimension_pairs(
    old: Index, a: str, new: Index, b: str
) -> list[tuple[IndicatorSystem, IndicatorSystem, int, int]]:
    """Dimensions paired across the sides: the systems, and each side's dimension position.
    Within a pair of systems, dimensions pair by id, then by position."""
    found = []
    systems = _system_pairs(
        old.rounds[a].round.plan_systems(), new.rounds[b].round.plan_systems(), a
    )
    for before, after in systems:
        later = {d.id: n for n, d in enumerate(after.dimensions)}
        ids = {d.id for d in before.dimensions}
        used: set[int] = set()
        for position, dim in enumerate(before.dimensions):
            other = later.get(dim.id)
            if other is None and position < len(after.dimensions):
                other = position if after.dimensions[position].id not in ids else None
            if other is None or other in used:
                continue
            used.add(other)
            found.append((before, after, position, other))
    return found


def _renames(
    pairs: list[tuple[IndicatorSystem, IndicatorSystem, int, int]],
) -> list[DimensionRename]:
    renames = []
    for before, after, was, now in pairs:
        dim, other = before.dimensions[was], after.dimensions[now]
        if other.title != dim.title:
            renames.append(DimensionRename(before.id, after.id, dim.title, other.title))
    return renames


def _part_pairs(old: Index, a: str, new: Index, b: str) -> tuple[dict[str, str], list[PartRename]]:
    """Handbook parts paired by id, then by title; the renamed ones (title changed)."""
    sides = [
        {p.id: Item(p.id, p.title, {"title": p.title}) for p in index.rounds[name].round.parts}
        for index, name in ((old, a), (new, b))
    ]
    found = match(sides[0], sides[1], a)
    pairs = found.continued + found.revised
    renamed = [PartRename(m.from_id, m.to_id, m.old.title, m.new.title) for m in found.revised]
    return {m.from_id: m.to_id for m in pairs}, renamed


def _carried(items: dict[str, Item], name: str, now: dict[str, object]) -> dict[str, Item]:
    """The older side's items with a field naming their group (chapter, part, dimension)
    written as the newer side names that group (`now`: item id -> the group's name there), so
    that renaming the group is not a change of each item in it."""
    return {
        iid: replace(item, fields={**item.fields, name: now[iid]}) if iid in now else item
        for iid, item in items.items()
    }


def _regrouped(items: dict[str, Item], name: str, group_now: dict[str, str]) -> dict[str, Item]:
    """`_carried` for a field holding a group's id (chapter, part): `group_now` maps the older
    side's ids to the newer side's."""
    now: dict[str, object] = {
        iid: group_now[item.fields[name]]
        for iid, item in items.items()
        if item.fields[name] in group_now
    }
    return _carried(items, name, now)


def _timeline(old: Index, a: str, new: Index, b: str) -> list[StepChange]:
    """Steps of the two timelines paired by kind and order; those that differ."""
    sides: list[dict[tuple[str, int], Milestone]] = []
    for index, name in ((old, a), (new, b)):
        seen: dict[str, int] = {}
        steps = {}
        for step in index.rounds[name].round.milestones:
            seen[step.kind] = seen.get(step.kind, 0) + 1
            steps[(step.kind, seen[step.kind])] = step
        sides.append(steps)
    changes = []
    for key in dict.fromkeys([*sides[1], *sides[0]]):
        change = StepChange(key[0], sides[0].get(key), sides[1].get(key))
        if change.old is None or change.new is None or change.changed:
            changes.append(change)
    return changes


def _figures(old: Index, a: str, new: Index, b: str) -> list[FigurePair]:
    before = {row.name: row for row in old.rounds[a].figures}
    after = {row.name: row for row in new.rounds[b].figures}
    pairs = []
    for name, kind in FIGURES.items():
        was, now = before[name], after[name]
        pairs.append(
            FigurePair(
                name,
                kind.title,
                was.declared.value if was.declared else None,
                was.computed or 0,  # the base figures are always counted
                now.declared.value if now.declared else None,
                now.computed or 0,
            )
        )
    return pairs


def _comments(new: Index, b: str, revised: set[str]) -> dict[str, list[CommentNote]]:
    units = new.project.registry.units
    notes: dict[str, list[CommentNote]] = {}
    for record in new.rounds[b].round.consultations:
        for c in record.comments:
            if not c.adopted or c.disposition is None:
                continue
            tasks = [r.id for r in c.changed] or ([c.task.id] if c.task else [])
            unit = c.unit.id if c.unit else ""
            for tid in dict.fromkeys(tasks):
                if tid in revised:
                    name = units[unit].name if unit in units else unit
                    text = c.text or c.proposal or ""
                    notes.setdefault(tid, []).append(CommentNote(c.id, name, c.disposition, text))
    return notes


def diff_rounds(old: Index, a: str, new: Index, b: str, from_spec: str, to_spec: str) -> RoundDiff:
    old_items, new_items = items(old, a), items(new, b)
    # A renamed chapter, part or dimension is one change, at its level: the items under it are
    # compared as if it had always had its new name (docs/diff.md).
    kinds = {"chapters": match(old_items["chapters"], new_items["chapters"], a)}
    chapters = kinds["chapters"]
    chapter_now = {m.from_id: m.to_id for m in chapters.continued + chapters.revised}
    part_now, renamed_parts = _part_pairs(old, a, new, b)
    dimensions = _dimension_pairs(old, a, new, b)
    old_items["tasks"] = _regrouped(old_items["tasks"], "chapter", chapter_now)
    old_items["cases"] = _regrouped(old_items["cases"], "part", part_now)
    old_items["indicators"] = _carried(
        old_items["indicators"],
        "dimension",
        {
            ind.id: after.dimensions[now].title
            for before, after, was, now in dimensions
            for ind in before.dimensions[was].indicators
        },
    )
    for kind in KINDS[1:]:
        kinds[kind] = match(old_items[kind], new_items[kind], a)
    revised = {m.to_id for m in kinds["tasks"].revised}
    return RoundDiff(
        from_spec,
        to_spec,
        kinds,
        _renames(dimensions),
        _figures(old, a, new, b),
        _comments(new, b, revised),
        renamed_parts,
        _timeline(old, a, new, b),
    )
