"""`unknown-reference`, `round-mismatch`, and what a place must say about its country."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence

from planc.diagnostics import Diagnostic, a_kind, did_you_mean, kind_name, named
from planc.i18n import _
from planc.index import COUNTRY_KINDS, Index, RoundIndex
from planc.model import Chapter, Part, Ref

# Who names a reference: a file, or (kind, id) of a thing, named in a message only when needed.
Owner = str | tuple[str, str]


class _Names:
    """What a reference may name, and what else of the round an id could be (for the hint)."""

    def __init__(self, index: Index, ri: RoundIndex) -> None:
        registry = index.project.registry
        self.round = ri.round
        self.kinds: dict[str, Mapping[str, object]] = {
            "unit": registry.units,
            "place": registry.places,
            "indicator": ri.indicators,
            "case": ri.cases,
            "source": ri.sources,
        }
        self.fields = {
            "unit": "lead:/partners:",
            "place": "benchmarks:",
            "indicator": "indicators:",
            "case": "cases:",
            "source": "source:",
        }
        # A file that could not be read would make every reference into it look unknown.
        project = index.project
        self.skip: set[str] = set()
        if not project.readable(ri.round.files):
            self.skip |= {"indicator", "case", "source"}
        for kind in ("unit", "place"):
            if not project.readable([f"registry/{kind}s.yaml"]):
                self.skip.add(kind)

    def where(self, kind: str) -> str:
        """Where ids of `kind` are declared, as a message says it."""
        rnd = self.round
        return {
            "unit": "registry/units.yaml",
            "place": "registry/places.yaml",
            "indicator": _("the indicators of {round}", round=rnd.name),
            "case": _("the cases of {round}", round=rnd.name),
            "source": _("the sources of {file}", file=rnd.plan_file),
        }[kind]

    def check(self, owner: Owner, kind: str, refs: Iterable[Ref | None]) -> Iterator[Diagnostic]:
        """`unknown-reference` for each of `refs` not among the known ids of `kind`. The
        owner's name, the message and the hint are made only for such a reference: a clean
        check makes none (tests/test_speed_guards.py counts)."""
        known = self.kinds[kind]
        if kind in self.skip:
            return
        for ref in refs:
            if ref is None or ref.id in known:
                continue
            hint = did_you_mean(ref.id, known)
            if hint is None:
                for other, names in self.kinds.items():
                    if other != kind and ref.id in names:
                        hint = _(
                            "'{id}' is {a_kind}: it belongs under {field}",
                            id=ref.id,
                            a_kind=a_kind(other),
                            field=self.fields[other],
                        )
                        break
            yield Diagnostic(
                "unknown-reference",
                ref.loc,
                _(
                    "{owner} names {kind} '{id}', which is not in {where}",
                    owner=owner if isinstance(owner, str) else named(*owner),
                    kind=kind_name(kind),
                    id=ref.id,
                    where=self.where(kind),
                ),
                hint,
            )


def _continues(index: Index, ri: RoundIndex) -> Iterator[Diagnostic]:
    for task in ri.tasks.values():
        ref = task.continues
        if ref is None:
            continue
        name, _sep, tid = ref.id.partition(":")
        earlier = index.rounds.get(name)
        if _unreadable_round(index, name):
            continue
        if earlier is None:
            yield Diagnostic(
                "unknown-reference",
                ref.loc,
                _(
                    "task '{id}' continues a task of round '{round}', which is not in the plans",
                    id=task.id,
                    round=name,
                ),
                did_you_mean(name, index.rounds),
            )
        elif name >= ri.round.name:
            yield Diagnostic(
                "unknown-reference",
                ref.loc,
                _(
                    "task '{id}' continues '{ref}', but {round} is not earlier than {this}",
                    id=task.id,
                    ref=ref.id,
                    round=name,
                    this=ri.round.name,
                ),
                _("`continues:` names a task of an earlier round"),
            )
        elif tid not in earlier.tasks:
            yield Diagnostic(
                "unknown-reference",
                ref.loc,
                _(
                    "task '{id}' continues task '{task}', which is not in round {round}",
                    id=task.id,
                    task=tid,
                    round=name,
                ),
                did_you_mean(tid, earlier.tasks),
            )


def _unreadable_round(index: Index, name: str) -> bool:
    rnd = index.rounds.get(name)
    files = rnd.round.files if rnd else [f"{name}/plan.yaml"]
    return not index.project.readable(files)


def unknown_references(index: Index) -> Iterator[Diagnostic]:
    for ri in index.checked_rounds():
        rnd = ri.round
        names = _Names(index, ri)
        sources = [c.source for c in rnd.chapters] + [p.source for p in rnd.parts]
        sources += [rnd.notice.source] if rnd.notice else []
        sources += [m.source for m in rnd.milestones]
        yield from names.check(f"{rnd.plan_file}", "source", sources)
        yield from names.check(f"{rnd.plan_file}", "place", rnd.benchmark_regions)
        for step in rnd.milestones:
            yield from names.check(_("milestone {kind}", kind=step.kind), "unit", step.units)
        for task in rnd.all_tasks():
            owner: Owner = ("task", task.id)
            yield from names.check(owner, "unit", task.lead + task.partners)
            yield from names.check(owner, "indicator", task.indicators)
            yield from names.check(owner, "case", task.cases)
            yield from names.check(owner, "place", task.benchmarks)
            yield from names.check(owner, "source", [task.source])
        for chapter in rnd.chapters + rnd.loose_chapters:
            for section in chapter.sections:
                if section.source is not None and section.source.id not in ri.sources:
                    owner = _("section '{title}'", title=section.title)
                    yield from names.check(owner, "source", [section.source])
        for case in rnd.all_cases():
            yield from names.check(("case", case.id), "place", case.places)
            yield from names.check(("case", case.id), "source", [case.source])
        for system in rnd.systems:
            owner = ("indicator system", system.id)
            yield from names.check(owner, "place", system.benchmark_places)
            yield from names.check(owner, "unit", system.units)
            yield from names.check(owner, "source", [system.source])
            for dim in system.dimensions:
                yield from names.check(("dimension", dim.id), "source", [dim.source])
            for ind in system.indicators():
                yield from names.check(("indicator", ind.id), "source", [ind.source])
        yield from _continues(index, ri)
    yield from _registry_sources(index)


def _registry_sources(index: Index) -> Iterator[Diagnostic]:
    registry = index.project.registry
    items = [("place", p.id, p.source) for p in registry.places.values()]
    items += [("unit", u.id, u.source) for u in registry.units.values()]
    for kind, item_id, ref in items:
        if ref is None:
            continue
        name, _sep, sid = ref.id.partition(":")
        ri = index.rounds.get(name)
        if ri is None or sid not in ri.sources:
            known = [f"{r}:{s}" for r, x in index.rounds.items() for s in x.sources]
            yield Diagnostic(
                "unknown-reference",
                ref.loc,
                _(
                    "{owner} names source '{id}', which no round's plan.yaml declares",
                    owner=named(kind, item_id),
                    id=ref.id,
                ),
                did_you_mean(ref.id, known),
            )


def round_names(index: Index) -> Iterator[Diagnostic]:
    for ri in index.checked_rounds():
        rnd = ri.round
        name = rnd.name
        if rnd.declared_round is not None and rnd.declared_round != name:
            yield Diagnostic(
                "round-mismatch",
                rnd.locs.get("round", rnd.loc),
                _(
                    "plan.yaml says round {declared}, but its folder is {round}",
                    declared=rnd.declared_round,
                    round=name,
                ),
                _("write round: {round}, or rename the folder", round=name),
            )
        if rnd.previous is not None:
            prev = rnd.previous.id
            if _unreadable_round(index, prev):
                pass
            elif prev not in index.rounds:
                yield Diagnostic(
                    "unknown-reference",
                    rnd.previous.loc,
                    _("previous round '{round}' is not in the plans", round=prev),
                    did_you_mean(prev, index.rounds),
                )
            elif prev >= name:
                yield Diagnostic(
                    "unknown-reference",
                    rnd.previous.loc,
                    _("previous round '{round}' is not earlier than {this}", round=prev, this=name),
                )


def places(index: Index) -> Iterator[Diagnostic]:
    known = index.project.registry.places
    if not index.project.readable(["registry/places.yaml"]):
        return
    for place in known.values():
        if place.kind == "world-region" and place.country is not None:
            yield Diagnostic(
                "schema",
                place.country.loc,
                _(
                    "place '{id}' is a world region (欧洲, 东南亚) and belongs to no country",
                    id=place.id,
                ),
                _("leave `country:` out"),
            )
            continue
        if place.kind in ("city", "region") and place.country is None:
            yield Diagnostic(
                "schema",
                place.loc,
                _(
                    "place '{id}' is {a_kind} and needs `country:` (the country or region it "
                    "belongs to)",
                    id=place.id,
                    a_kind=a_kind(place.kind),
                ),
            )
        ref = place.country
        if ref is None:
            continue
        parent = known.get(ref.id)
        if parent is None:
            yield Diagnostic(
                "unknown-reference",
                ref.loc,
                _(
                    "place '{id}' names country '{country}', which is not in registry/places.yaml",
                    id=place.id,
                    country=ref.id,
                ),
                did_you_mean(ref.id, [p for p, x in known.items() if x.kind in COUNTRY_KINDS]),
            )
        elif parent.kind not in COUNTRY_KINDS:
            yield Diagnostic(
                "unknown-reference",
                ref.loc,
                _(
                    "place '{id}' names '{country}' as its country, but that is {a_kind}",
                    id=place.id,
                    country=ref.id,
                    a_kind=a_kind(parent.kind),
                ),
                _("`country:` names a place of kind country or region-of-china"),
            )


def placed_files(index: Index) -> Iterator[Diagnostic]:
    """A tasks or cases file names a chapter or part that plan.yaml lacks, or one that another
    file already fills."""
    for ri in index.checked_rounds():
        rnd = ri.round
        groups: list[tuple[str, Sequence[Chapter | Part], Sequence[Chapter | Part]]] = [
            ("chapter", rnd.chapters, rnd.loose_chapters),
            ("part", rnd.parts, rnd.loose_parts),
        ]
        for what, placed, loose in groups:
            known = {g.id: g for g in placed}
            for group in loose:
                if not group.id:
                    continue  # no `chapter:` at all: a schema error already
                filled = known.get(group.id)
                if filled is not None:
                    yield Diagnostic(
                        "duplicate-id",
                        group.loc,
                        _(
                            "{what} '{id}' is already filled by {file}",
                            what=kind_name(what),
                            id=group.id,
                            file=filled.file,
                        ),
                        _("one file per {what}: merge the two", what=kind_name(what)),
                    )
                else:
                    yield Diagnostic(
                        "unknown-reference",
                        group.loc,
                        _(
                            "{what} '{id}' is not in {file}",
                            what=kind_name(what),
                            id=group.id,
                            file=rnd.plan_file,
                        ),
                        did_you_mean(group.id, known)
                        or _("add it to the {what}s there", what=kind_name(what)),
                    )
