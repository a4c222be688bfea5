"""Validated records -> model objects. No cross-file linking happens here beyond placing a tasks
or cases file in the chapter or part it names; references are resolved by the index. Nothing
here reports a problem: the loader's codes are the file's own (planc/load/spec.py, nodes.py),
and everything between files is the check stage's."""

from __future__ import annotations

from typing import Any

from planc.load.spec import Rec
from planc.model import (
    Case,
    Chapter,
    Dimension,
    Figure,
    Indicator,
    IndicatorSystem,
    Part,
    Place,
    Reference,
    Registry,
    Round,
    Section,
    Source,
    Task,
    Unit,
)


def _figure(rec: Rec, name: str) -> Figure | None:
    value = rec.get(name)
    return Figure(value, rec.at(name)) if value is not None else None


def _recs(value: Any) -> list[Rec]:
    return [item for item in value or [] if isinstance(item, Rec)]


def registry(places: Rec | None, units: Rec | None) -> Registry:
    reg = Registry()
    if places is not None and isinstance(places.get("places"), Rec):
        entries: Rec = places.get("places")
        for pid, rec in entries.values.items():
            reg.places[pid] = Place(
                id=pid,
                name=rec.get("name", ""),
                kind=rec.get("kind", ""),
                loc=entries.locs[pid],
                en=rec.get("en"),
                country=rec.get("country"),
                source=rec.get("source"),
            )
    if units is not None and isinstance(units.get("units"), Rec):
        entries = units.get("units")
        for uid, rec in entries.values.items():
            reg.units[uid] = Unit(
                id=uid,
                name=rec.get("name", ""),
                loc=entries.locs[uid],
                en=rec.get("en"),
                source=rec.get("source"),
            )
    return reg


def plan(name: str, file: str, rec: Rec) -> Round:
    rnd = Round(
        name=name,
        plan_file=file,
        loc=rec.loc,
        locs=rec.locs,
        declared_round=rec.get("round"),
        title=rec.get("title", ""),
        issuer=rec.get("issuer"),
        issued=rec.get("issued"),
        phase=rec.get("phase"),
        goal=rec.get("goal"),
        previous=rec.get("previous"),
        edition=rec.get("edition", "draft"),
        files=[file],
    )
    for src in _recs(rec.get("sources")):
        rnd.sources.append(
            Source(
                id=src.get("id", ""),
                title=src.get("title", ""),
                loc=src.at("id"),
                publisher=src.get("publisher"),
                date=src.get("date"),
                url=src.get("url"),
                seed=src.get("seed"),
            )
        )
    declared = rec.get("declared")
    if isinstance(declared, Rec):
        rnd.declared = {k: Figure(v, declared.at(k)) for k, v in declared.values.items()}
    for ch in _recs(rec.get("chapters")):
        rnd.chapters.append(
            Chapter(
                id=ch.get("id", ""),
                title=ch.get("title", ""),
                loc=ch.at("id"),
                subtitle=ch.get("subtitle"),
                declared_tasks=_figure(ch, "declared_tasks"),
                source=ch.get("source"),
            )
        )
    handbook = rec.get("handbook")
    if isinstance(handbook, Rec):
        rnd.handbook_title = handbook.get("title")
        for pt in _recs(handbook.get("parts")):
            rnd.parts.append(
                Part(
                    id=pt.get("id", ""),
                    title=pt.get("title", ""),
                    loc=pt.at("id"),
                    declared_cases=_figure(pt, "declared_cases"),
                    source=pt.get("source"),
                )
            )
    return rnd


def _task(rec: Rec, rnd: Round, chapter: str, section: str | None) -> Task:
    return Task(
        id=rec.get("id", ""),
        title=rec.get("title", ""),
        chapter=chapter,
        round=rnd.name,
        loc=rec.at("id"),
        locs=rec.locs,
        number=rec.get("number"),
        section=section,
        text=rec.get("text"),
        lead=rec.get("lead", []),
        partners=rec.get("partners", []),
        indicators=rec.get("indicators", []),
        cases=rec.get("cases", []),
        benchmarks=rec.get("benchmarks", []),
        continues=rec.get("continues"),
        due=rec.get("due"),
        source=rec.get("source"),
    )


def _place_file(file: str, ref: Any, groups: list[Chapter] | list[Part]) -> Chapter | Part | None:
    """The chapter or part a tasks or cases file fills; None when it names none of plan.yaml's
    or one already filled (the check stage reports both: planc/check/references.py)."""
    if ref is None:
        return None
    group = next((g for g in groups if g.id == ref.id), None)
    if group is None or group.file is not None:
        return None
    group.file = file
    return group


def tasks_file(rnd: Round, file: str, rec: Rec) -> None:
    ref = rec.get("chapter")
    chapter = _place_file(file, ref, rnd.chapters)
    if chapter is None:
        # Still read the tasks so their own problems are reported in this run.
        loc = ref.loc if ref else rec.loc
        chapter = Chapter(id=ref.id if ref else "", title="", loc=loc, file=file)
        rnd.loose_chapters.append(chapter)
    assert isinstance(chapter, Chapter)
    for sec in _recs(rec.get("sections")):
        section = Section(title=sec.get("title", ""), loc=sec.loc, source=sec.get("source"))
        for item in _recs(sec.get("tasks")):
            section.tasks.append(_task(item, rnd, chapter.id, section.title))
        chapter.sections.append(section)
        chapter.tasks.extend(section.tasks)
    for item in _recs(rec.get("tasks")):
        chapter.tasks.append(_task(item, rnd, chapter.id, None))


def cases_file(rnd: Round, file: str, rec: Rec) -> None:
    ref = rec.get("part")
    part = _place_file(file, ref, rnd.parts)
    if part is None:
        part = Part(id=ref.id if ref else "", title="", loc=ref.loc if ref else rec.loc, file=file)
        rnd.loose_parts.append(part)
    assert isinstance(part, Part)
    for item in _recs(rec.get("cases")):
        part.cases.append(
            Case(
                id=item.get("id", ""),
                title=item.get("title", ""),
                part=part.id,
                loc=item.at("id"),
                places=item.get("places", []),
                summary=item.get("summary"),
                practices=item.get("practices", []),
                references=[
                    Reference(
                        title=r.get("title", ""),
                        author=r.get("author"),
                        publisher=r.get("publisher"),
                        year=r.get("year"),
                        url=r.get("url"),
                    )
                    for r in _recs(item.get("references"))
                ],
                source=item.get("source"),
            )
        )


def _indicator(rec: Rec, system: str, dimension: str) -> Indicator:
    baseline = rec.get("baseline")
    targets = rec.get("targets")
    return Indicator(
        id=rec.get("id", ""),
        title=rec.get("title", ""),
        system=system,
        dimension=dimension,
        loc=rec.at("id"),
        unit=rec.get("unit"),
        baseline_year=baseline.get("year") if isinstance(baseline, Rec) else None,
        baseline=baseline.get("value") if isinstance(baseline, Rec) else None,
        targets=dict(targets.values) if isinstance(targets, Rec) else {},
        source=rec.get("source"),
    )


def indicators_file(rnd: Round, file: str, rec: Rec) -> None:
    system = IndicatorSystem(
        id=rec.get("id", ""),
        title=rec.get("title", ""),
        file=file,
        loc=rec.at("id"),
        stages=rec.get("stages", []),
        benchmark_places=rec.get("benchmark_places", []),
        source=rec.get("source"),
    )
    declared = rec.get("declared")
    if isinstance(declared, Rec):
        system.declared = {k: Figure(v, declared.at(k)) for k, v in declared.values.items()}
    system.unplaced = [_indicator(ind, system.id, "") for ind in _recs(rec.get("indicators"))]
    for dim in _recs(rec.get("dimensions")):
        dimension = Dimension(
            id=dim.get("id", ""),
            title=dim.get("title", ""),
            loc=dim.at("id"),
            source=dim.get("source"),
        )
        dimension.indicators = [
            _indicator(ind, system.id, dimension.id) for ind in _recs(dim.get("indicators"))
        ]
        system.dimensions.append(dimension)
    rnd.systems.append(system)
