"""What changed between two rounds, or two versions of one round."""

from __future__ import annotations

from dataclasses import dataclass, field

from planc.figures import FIGURES
from planc.index import Index
from planc.matching import KINDS, Item, KindDiff, items, match
from planc.model import IndicatorSystem


@dataclass(frozen=True)
class DimensionRename:
    system_from: str
    system_to: str
    from_title: str
    to_title: str


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

    @property
    def unchanged(self) -> bool:
        return all(k.unchanged for k in self.kinds.values()) and not self.renamed_dimensions


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


def _renames(old: Index, a: str, new: Index, b: str) -> list[DimensionRename]:
    renames = []
    systems = _system_pairs(
        old.rounds[a].round.plan_systems(), new.rounds[b].round.plan_systems(), a
    )
    for before, after in systems:
        later = {d.id: d for d in after.dimensions}
        used: set[str] = set()
        for position, dim in enumerate(before.dimensions):
            other = later.get(dim.id)
            if other is None and position < len(after.dimensions):
                candidate = after.dimensions[position]
                other = candidate if candidate.id not in {d.id for d in before.dimensions} else None
            if other is None or other.id in used:
                continue
            used.add(other.id)
            if other.title != dim.title:
                renames.append(DimensionRename(before.id, after.id, dim.title, other.title))
    return renames


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
    kinds = {kind: match(old_items[kind], new_items[kind], a) for kind in KINDS}
    revised = {m.to_id for m in kinds["tasks"].revised}
    return RoundDiff(
        from_spec,
        to_spec,
        kinds,
        _renames(old, a, new, b),
        _figures(old, a, new, b),
        _comments(new, b, revised),
    )
