"""`unknown-reference`, `round-mismatch`, and what a place must say about its country."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence

from planc.diagnostics import Diagnostic, article, did_you_mean
from planc.index import COUNTRY_KINDS, Index, RoundIndex
from planc.model import Chapter, Part, Ref


class _Names:
    """What a reference may name, and what else of the round an id could be (for the hint)."""

    def __init__(self, index: Index, ri: RoundIndex) -> None:
        registry = index.project.registry
        self.kinds: dict[str, tuple[Mapping[str, object], str]] = {
            "unit": (registry.units, "registry/units.yaml"),
            "place": (registry.places, "registry/places.yaml"),
            "indicator": (ri.indicators, f"the indicators of {ri.round.name}"),
            "case": (ri.cases, f"the cases of {ri.round.name}"),
            "source": (ri.sources, f"the sources of {ri.round.plan_file}"),
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

    def check(self, owner: str, kind: str, refs: Iterable[Ref | None]) -> Iterator[Diagnostic]:
        known, where = self.kinds[kind]
        if kind in self.skip:
            return
        for ref in refs:
            if ref is None or ref.id in known:
                continue
            hint = did_you_mean(ref.id, known)
            if hint is None:
                for other, (names, _) in self.kinds.items():
                    if other != kind and ref.id in names:
                        hint = (
                            f"'{ref.id}' is {article(other)} {other}: "
                            f"it belongs under {self.fields[other]}"
                        )
                        break
            yield Diagnostic(
                "unknown-reference",
                ref.loc,
                f"{owner} names {kind} '{ref.id}', which is not in {where}",
                hint,
            )


def _continues(index: Index, ri: RoundIndex) -> Iterator[Diagnostic]:
    for task in ri.tasks.values():
        ref = task.continues
        if ref is None:
            continue
        name, _, tid = ref.id.partition(":")
        earlier = index.rounds.get(name)
        if _unreadable_round(index, name):
            continue
        if earlier is None:
            yield Diagnostic(
                "unknown-reference",
                ref.loc,
                f"task '{task.id}' continues a task of round '{name}', which is not in the plans",
                did_you_mean(name, index.rounds),
            )
        elif name >= ri.round.name:
            yield Diagnostic(
                "unknown-reference",
                ref.loc,
                f"task '{task.id}' continues '{ref.id}', but {name} is not earlier than "
                f"{ri.round.name}",
                "`continues:` names a task of an earlier round",
            )
        elif tid not in earlier.tasks:
            yield Diagnostic(
                "unknown-reference",
                ref.loc,
                f"task '{task.id}' continues task '{tid}', which is not in round {name}",
                did_you_mean(tid, earlier.tasks),
            )


def _unreadable_round(index: Index, name: str) -> bool:
    rnd = index.rounds.get(name)
    files = rnd.round.files if rnd else [f"{name}/plan.yaml"]
    return not index.project.readable(files)


def unknown_references(index: Index) -> Iterator[Diagnostic]:
    for ri in index.rounds.values():
        rnd = ri.round
        names = _Names(index, ri)
        sources = [c.source for c in rnd.chapters] + [p.source for p in rnd.parts]
        yield from names.check(f"{rnd.plan_file}", "source", sources)
        for task in rnd.all_tasks():
            owner = f"task '{task.id}'"
            yield from names.check(owner, "unit", task.lead + task.partners)
            yield from names.check(owner, "indicator", task.indicators)
            yield from names.check(owner, "case", task.cases)
            yield from names.check(owner, "place", task.benchmarks)
            yield from names.check(owner, "source", [task.source])
        for chapter in rnd.chapters + rnd.loose_chapters:
            for section in chapter.sections:
                yield from names.check(f"section '{section.title}'", "source", [section.source])
        for case in rnd.all_cases():
            yield from names.check(f"case '{case.id}'", "place", case.places)
            yield from names.check(f"case '{case.id}'", "source", [case.source])
        for system in rnd.systems:
            owner = f"indicator system '{system.id}'"
            yield from names.check(owner, "place", system.benchmark_places)
            yield from names.check(owner, "source", [system.source])
            for dim in system.dimensions:
                yield from names.check(f"dimension '{dim.id}'", "source", [dim.source])
            for ind in system.indicators():
                yield from names.check(f"indicator '{ind.id}'", "source", [ind.source])
        yield from _continues(index, ri)
    yield from _registry_sources(index)


def _registry_sources(index: Index) -> Iterator[Diagnostic]:
    registry = index.project.registry
    items = [(f"place '{p.id}'", p.source) for p in registry.places.values()]
    items += [(f"unit '{u.id}'", u.source) for u in registry.units.values()]
    for owner, ref in items:
        if ref is None:
            continue
        name, _, sid = ref.id.partition(":")
        ri = index.rounds.get(name)
        if ri is None or sid not in ri.sources:
            known = [f"{r}:{s}" for r, x in index.rounds.items() for s in x.sources]
            yield Diagnostic(
                "unknown-reference",
                ref.loc,
                f"{owner} names source '{ref.id}', which no round's plan.yaml declares",
                did_you_mean(ref.id, known),
            )


def round_names(index: Index) -> Iterator[Diagnostic]:
    for name, ri in index.rounds.items():
        rnd = ri.round
        if rnd.declared_round is not None and rnd.declared_round != name:
            yield Diagnostic(
                "round-mismatch",
                rnd.locs.get("round", rnd.loc),
                f"plan.yaml says round {rnd.declared_round}, but its folder is {name}",
                f"write round: {name}, or rename the folder",
            )
        if rnd.previous is not None:
            prev = rnd.previous.id
            if _unreadable_round(index, prev):
                pass
            elif prev not in index.rounds:
                yield Diagnostic(
                    "unknown-reference",
                    rnd.previous.loc,
                    f"previous round '{prev}' is not in the plans",
                    did_you_mean(prev, index.rounds),
                )
            elif prev >= name:
                yield Diagnostic(
                    "unknown-reference",
                    rnd.previous.loc,
                    f"previous round '{prev}' is not earlier than {name}",
                )


def places(index: Index) -> Iterator[Diagnostic]:
    known = index.project.registry.places
    if not index.project.readable(["registry/places.yaml"]):
        return
    for place in known.values():
        if place.kind in ("city", "region") and place.country is None:
            yield Diagnostic(
                "schema",
                place.loc,
                f"place '{place.id}' is a {place.kind} and needs `country:` "
                "(the country or region it belongs to)",
            )
        ref = place.country
        if ref is None:
            continue
        parent = known.get(ref.id)
        if parent is None:
            yield Diagnostic(
                "unknown-reference",
                ref.loc,
                f"place '{place.id}' names country '{ref.id}', which is not in "
                "registry/places.yaml",
                did_you_mean(ref.id, [p for p, x in known.items() if x.kind in COUNTRY_KINDS]),
            )
        elif parent.kind not in COUNTRY_KINDS:
            yield Diagnostic(
                "unknown-reference",
                ref.loc,
                f"place '{place.id}' names '{ref.id}' as its country, but that is a {parent.kind}",
                "`country:` names a place of kind country or region-of-china",
            )


def placed_files(index: Index) -> Iterator[Diagnostic]:
    """A tasks or cases file names a chapter or part that plan.yaml lacks, or one that another
    file already fills."""
    for ri in index.rounds.values():
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
                        f"{what} '{group.id}' is already filled by {filled.file}",
                        f"one file per {what}: merge the two",
                    )
                else:
                    yield Diagnostic(
                        "unknown-reference",
                        group.loc,
                        f"{what} '{group.id}' is not in {rnd.plan_file}",
                        did_you_mean(group.id, known) or f"add it to the {what}s there",
                    )
