"""Validated records -> model objects, for every kind of source. No cross-file linking happens
here beyond placing a tasks or cases file in the chapter or part it names; references are
resolved by the index. The only problem reported here is a progress file's name that is not a
period (the period is the file's name); the loader's other codes are the file's own
(planc/load/spec.py, nodes.py), and everything between files is the check stage's."""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Any

from planc.diagnostics import Diagnostic, Loc
from planc.i18n import _
from planc.load.spec import Rec
from planc.model import (
    Area,
    Case,
    Chapter,
    Comment,
    Consultation,
    Dimension,
    Figure,
    FormRecord,
    Indicator,
    IndicatorSystem,
    Milestone,
    Notice,
    Part,
    Phase,
    Place,
    Programme,
    ProgressFile,
    Provenance,
    Reference,
    Registry,
    Report,
    Response,
    Round,
    RoundsFigure,
    Section,
    Source,
    Target,
    Task,
    Unit,
)
from planc.periods import parse_period


def _figure(rec: Rec, name: str) -> Figure | None:
    """A declared figure; the spec reads it as (value, qualifier or None)."""
    got = rec.get(name)
    if got is None:
        return None
    value, qualifier = got
    return Figure(value, rec.at(name), qualifier)


def _figures(rec: Any) -> dict[str, Figure]:
    if not isinstance(rec, Rec):
        return {}
    return {name: f for name in rec.values if (f := _figure(rec, name)) is not None}


def provenance(rec: Rec) -> list[Provenance]:
    return [
        Provenance(
            kind=note.get("kind", ""),
            loc=note.loc,
            reason=note.get("reason"),
            of=note.get("of"),
        )
        for note in _recs(rec.get("provenance"))
    ]


def with_shared(shared: list[Provenance], own: list[Provenance]) -> list[Provenance]:
    """An item's notes after its file's: a file's note about a field gives way to the item's
    own notes about that field (the file says 措辞照录, the one paraphrased task says how)."""
    mine = {note.of for note in own}
    return [note for note in shared if note.of not in mine] + own


def milestones(rec: Rec, name: str) -> list[Milestone]:
    return [
        Milestone(
            kind=m.get("kind", ""),
            date=m.get("date", ""),
            loc=m.at("kind"),
            until=m.get("until"),
            text=m.get("text"),
            units=m.get("units", []),
            source=m.get("source"),
            provenance=provenance(m),
        )
        for m in _recs(rec.get(name))
        if m.get("date") is not None  # a wrong date is a schema error; the step is left out
    ]


def _sources(rec: Rec) -> list[Source]:
    return [
        Source(
            id=src.get("id", ""),
            title=src.get("title", ""),
            loc=src.at("id"),
            publisher=src.get("publisher"),
            author=src.get("author"),
            date=src.get("date"),
            url=src.get("url"),
            seed=src.get("seed"),
            provenance=provenance(src),
        )
        for src in _recs(rec.get("sources"))
    ]


def _plain_figure(rec: Rec, name: str) -> Figure | None:
    value = rec.get(name)
    return Figure(value, rec.at(name)) if value is not None else None


def _recs(value: Any) -> list[Rec]:
    return [item for item in value or [] if isinstance(item, Rec)]


def registry(places: Rec | None, units: Rec | None) -> Registry:
    reg = Registry()
    if places is not None and isinstance(places.get("places"), Rec):
        shared = provenance(places)  # notes on the file hold for every place in it
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
                provenance=with_shared(shared, provenance(rec)),
            )
    if units is not None and isinstance(units.get("units"), Rec):
        shared = provenance(units)
        entries = units.get("units")
        for uid, rec in entries.values.items():
            reg.units[uid] = Unit(
                id=uid,
                name=rec.get("name", ""),
                loc=entries.locs[uid],
                kind=rec.get("kind", "department"),
                en=rec.get("en"),
                source=rec.get("source"),
                provenance=with_shared(shared, provenance(rec)),
            )
    return reg


def _notice(rec: object) -> Notice | None:
    if not isinstance(rec, Rec):
        return None
    return Notice(
        issuer=rec.get("issuer"),
        number=rec.get("number"),
        to=rec.get("to"),
        text=rec.get("text"),
        date=rec.get("date"),
        cc=list(rec.get("cc") or []),
        printer=rec.get("printer"),
        printed=rec.get("printed"),
        source=rec.get("source"),
        provenance=provenance(rec),
    )


def _preface(rec: object) -> tuple[str, str] | None:
    if not isinstance(rec, Rec) or not rec.get("text"):
        return None
    return (rec.get("title") or "编制说明", rec.get("text"))


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
        drafted=rec.get("drafted"),
        notice=_notice(rec.get("notice")),
        preface=_preface(rec.get("preface")),
        files=[file],
        sources=_sources(rec),
        declared=_figures(rec.get("declared")),
        provenance=provenance(rec),
        benchmark_regions=rec.get("benchmark_regions", []),
        milestones=milestones(rec, "milestones"),
    )
    for ch in _recs(rec.get("chapters")):
        rnd.chapters.append(
            Chapter(
                id=ch.get("id", ""),
                title=ch.get("title", ""),
                loc=ch.at("id"),
                subtitle=ch.get("subtitle"),
                declared_tasks=_plain_figure(ch, "declared_tasks"),
                source=ch.get("source"),
                provenance=provenance(ch),
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
                    declared_cases=_plain_figure(pt, "declared_cases"),
                    source=pt.get("source"),
                    provenance=provenance(pt),
                )
            )
    return rnd


def _task(
    rec: Rec, rnd: Round, chapter: str, section: str | None, shared: list[Provenance]
) -> Task:
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
        campaigns=rec.get("campaigns", []),
        continues=rec.get("continues"),
        due=rec.get("due"),
        source=rec.get("source"),
        provenance=with_shared(shared, provenance(rec)),
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
    shared = provenance(rec)  # notes on the file hold for every task in it
    for sec in _recs(rec.get("sections")):
        section = Section(
            title=sec.get("title", ""),
            loc=sec.loc,
            topics=sec.get("topics", []),
            source=sec.get("source"),
            provenance=provenance(sec),
        )
        for item in _recs(sec.get("tasks")):
            section.tasks.append(_task(item, rnd, chapter.id, section.title, shared))
        chapter.sections.append(section)
        chapter.tasks.extend(section.tasks)
    for item in _recs(rec.get("tasks")):
        chapter.tasks.append(_task(item, rnd, chapter.id, None, shared))


def cases_file(rnd: Round, file: str, rec: Rec) -> None:
    ref = rec.get("part")
    part = _place_file(file, ref, rnd.parts)
    if part is None:
        part = Part(id=ref.id if ref else "", title="", loc=ref.loc if ref else rec.loc, file=file)
        rnd.loose_parts.append(part)
    assert isinstance(part, Part)
    shared = provenance(rec)  # notes on the file hold for every case in it
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
                provenance=with_shared(shared, provenance(item)),
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
        provenance=provenance(rec),
    )


def indicators_file(rnd: Round, file: str, rec: Rec) -> None:
    system = IndicatorSystem(
        id=rec.get("id", ""),
        title=rec.get("title", ""),
        file=file,
        loc=rec.at("id"),
        stages=rec.get("stages", []),
        benchmark_places=rec.get("benchmark_places", []),
        units=rec.get("units", []),
        source=rec.get("source"),
        provenance=provenance(rec),
        declared=_figures(rec.get("declared")),
        role=rec.get("role", "indicators"),
        document=rec.get("document"),
    )
    system.unplaced = [_indicator(ind, system.id, "") for ind in _recs(rec.get("indicators"))]
    for dim in _recs(rec.get("dimensions")):
        dimension = Dimension(
            id=dim.get("id", ""),
            title=dim.get("title", ""),
            loc=dim.at("id"),
            source=dim.get("source"),
            provenance=provenance(dim),
        )
        dimension.indicators = [
            _indicator(ind, system.id, dimension.id) for ind in _recs(dim.get("indicators"))
        ]
        system.dimensions.append(dimension)
    rnd.systems.append(system)


CONSULTATION_NAME = re.compile(r"round-([1-9][0-9]*)\.yaml")


def consultation_file(rnd: Round, file: str, rec: Rec) -> None:
    """A consultation record; its number is the N of round-N.yaml (the checks compare it with
    `consultation:` and the file's name)."""
    named = CONSULTATION_NAME.fullmatch(file.rsplit("/", 1)[-1])
    record = Consultation(
        number=int(named[1]) if named else rec.get("consultation", 0),
        file_number=int(named[1]) if named else None,
        declared_number=rec.get("consultation"),
        file=file,
        loc=rec.loc,
        locs=rec.locs,
        title=rec.get("title"),
        draft=rec.get("draft"),
        revised=rec.get("revised"),
    )
    for item in _recs(rec.get("responses")):
        record.responses.append(
            Response(
                unit=item.get("unit"),
                form=item.get("form", ""),
                file=item.get("file", ""),
                received=item.get("received"),
                loc=item.loc,
            )
        )
    for item in _recs(rec.get("comments")):
        record.comments.append(
            Comment(
                id=item.get("id", ""),
                loc=item.at("id"),
                locs=item.locs,
                unit=item.get("unit"),
                task=item.get("task"),
                chapter=item.get("chapter"),
                text=item.get("text", ""),
                proposal=item.get("proposal"),
                contact=item.get("contact"),
                received=item.get("received"),
                file=item.get("file"),
                cell=item.get("cell"),
                disposition=item.get("disposition"),
                reason=item.get("reason"),
                changed=item.get("changed", []),
            )
        )
    rnd.consultations.append(record)
    rnd.consultations.sort(key=lambda c: c.number)


def progress_file(rnd: Round, file: str, rec: Rec) -> list[Diagnostic]:
    """A progress file; its period is its name (reported here when it is not one)."""
    stem = PurePosixPath(file).stem
    period = parse_period(stem)
    out = []
    if period is None:
        out.append(
            Diagnostic(
                "schema",
                Loc(file),
                _("a progress file is named by its period, not '{name}'", name=stem),
                _(
                    "name it like 2021-Q2.yaml (a quarter), 2021-H1.yaml (a half-year) or "
                    "2021-06.yaml (a month)"
                ),
            )
        )
    progress = ProgressFile(file=file, loc=rec.at("reports"), period=period)
    for item in _recs(rec.get("reports")):
        if item.get("task") is None or item.get("status") is None:
            continue  # a `schema` diagnostic says what is missing
        progress.reports.append(
            Report(
                task=item.get("task"),
                status=item.get("status"),
                loc=item.at("task"),
                locs=item.locs,
                unit=item.get("unit"),
                percent=item.get("percent"),
                note=item.get("note"),
                evidence=[str(e) for e in item.get("evidence", [])],
                date=item.get("date"),
            )
        )
    for form in _recs(rec.get("forms")):
        progress.forms.append(
            FormRecord(unit=form.get("unit"), form=form.get("form", ""), file=form.get("file", ""))
        )
    rnd.progress.append(progress)
    return out


def programme(file: str, rec: Rec) -> Programme:
    prog = Programme(
        file=file,
        loc=rec.loc,
        title=rec.get("title", ""),
        short_title=rec.get("short_title"),
        issuer=rec.get("issuer"),
        issued=rec.get("issued"),
        sources=_sources(rec),
        declared=_figures(rec.get("declared")),
        provenance=provenance(rec),
        events=milestones(rec, "events"),
    )
    for ph in _recs(rec.get("phases")):
        prog.phases.append(
            Phase(
                id=ph.get("id", ""),
                title=ph.get("title", ""),
                start=ph.get("from", 0),
                end=ph.get("to", 0),
                loc=ph.at("id"),
                source=ph.get("source"),
                provenance=provenance(ph),
            )
        )
    for ar in _recs(rec.get("areas")):
        prog.areas.append(
            Area(
                id=ar.get("id", ""),
                title=ar.get("title", ""),
                loc=ar.at("id"),
                tasks=ar.get("tasks", []),
                source=ar.get("source"),
                provenance=provenance(ar),
            )
        )
    for tg in _recs(rec.get("targets")):
        prog.targets.append(
            Target(
                year=tg.get("year", 0),
                text=tg.get("text", ""),
                loc=tg.at("year"),
                source=tg.get("source"),
                provenance=provenance(tg),
            )
        )
    for fg in _recs(rec.get("figures")):
        value = _figure(fg, "value")
        if value is None:
            continue  # reported as a schema error
        prog.figures.append(
            RoundsFigure(
                id=fg.get("id", ""),
                title=fg.get("title", ""),
                figure=fg.get("figure", ""),
                declared=value,
                rounds=fg.get("rounds", []),
                loc=fg.at("id"),
                source=fg.get("source"),
                provenance=provenance(fg),
            )
        )
    return prog
