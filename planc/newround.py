"""planc new ROUND: a round begun from the last one, as the office begins it ("市推进办围绕上述
指标体系，向各成员单位征集…重点工作任务"): its plan.yaml (title and years, the phase its years
fall in by the programme, the last round's chapters as a framework to revise, edition draft),
the last round's indicator systems carried over to review, no tasks yet, and the last round's
tasks not done as candidates for continuation (candidates.yaml, which `planc solicit forms`
offers to their units). Nothing is written over: the round's folder must not exist."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planc.diagnostics import did_you_mean
from planc.errors import UsageError
from planc.i18n import _
from planc.index import Index, RoundIndex
from planc.load import ROUND_DIR
from planc.load.roundtrip import round_trip_yaml
from planc.model import Programme, Round
from planc.report import plural
from planc.solicit.store import SourcesChanged, snapshot, write_plans


@dataclass
class Written:
    """A file planc new wrote, and what it holds (said to the clerk)."""

    path: str  # relative to the plans folder
    says: str


@dataclass
class NewRound:
    name: str
    source: str  # the round it was begun from
    files: list[Written] = field(default_factory=list)
    candidates: int = 0
    unassigned: int = 0  # candidates whose task names no lead unit: on no unit's form


def source_round(names: list[str], name: str, wanted: str | None) -> str:
    """The round a new one is begun from: `--from`, else the last round before it."""
    if wanted is not None:
        if wanted not in names:
            hint = did_you_mean(wanted, names)
            message = _("--from {round}: there is no such round", round=wanted)
            raise UsageError(
                _("{message}; {hint}", message=message, hint=hint) if hint else message
            )
        if wanted >= name:
            raise UsageError(
                _("--from {round} is not a round before {name}", round=wanted, name=name)
            )
        return wanted
    earlier = [r for r in names if r < name]
    if not earlier:
        raise UsageError(_("there is no round before {name} to begin it from", name=name))
    return earlier[-1]


def check_name(plans: Path, name: str) -> None:
    """A round's name is its years (2024-2025), and its folder must not exist yet."""
    first, _sep, last = name.partition("-")
    if not ROUND_DIR.fullmatch(name) or int(first) > int(last):
        raise UsageError(
            _("'{name}' is not a round's name: write its years, like 2024-2025", name=name)
        )
    if (plans / name).exists():
        raise UsageError(
            _(
                "{path} is already there; planc new writes over nothing (a round begun is the "
                "office's work)",
                path=(plans / name).as_posix(),
            )
        )


def _years(rnd: Round) -> tuple[str, str]:
    first, last = rnd.years
    return str(first), str(last)


def _title(old: Round, name: str) -> str:
    """The last round's title with its years made the new round's (2022/2023 -> 2024/2025)."""
    new = dict(zip(_years(old), name.split("-"), strict=True))
    return re.sub("|".join(new), lambda m: new[m[0]], old.title) if old.title else ""


def _phase(programme: Programme | None, name: str) -> str | None:
    """The phase the new round's years fall in, where the programme names exactly one."""
    if programme is None:
        return None
    first, last = (int(y) for y in name.split("-"))
    phases = [p for p in programme.phases if p.start <= last and first <= p.end]
    return phases[0].title if len(phases) == 1 else None


def _dump(data: Any) -> str:
    stream = io.StringIO()
    round_trip_yaml().dump(data, stream)
    return stream.getvalue()


def _carried(plans: Path, old: Round, name: str) -> tuple[dict[str, str], set[str]]:
    """The last round's indicator systems, each marked `carried_from:` (to review), as written
    (comments and all); and the ids of the sources they cite."""
    yaml = round_trip_yaml()
    files: dict[str, str] = {}
    cited: set[str] = set()
    for system in old.systems:
        doc = yaml.load((plans / system.file).read_text(encoding="utf-8"))
        at = list(doc).index("title") + 1 if "title" in doc else len(doc)
        doc.insert(at, "carried_from", old.name)
        files[f"{name}/indicators/{Path(system.file).name}"] = _dump(doc)
        sources = [system.source, *(d.source for d in system.dimensions)]
        sources += [i.source for i in system.indicators()]
        cited |= {ref.id for ref in sources if ref is not None}
    return files, cited


def _plan(plans: Path, index: Index, old: Round, name: str, cited: set[str]) -> tuple[str, str]:
    """plan.yaml's text, and what it says of itself."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    source = round_trip_yaml().load((plans / old.plan_file).read_text(encoding="utf-8"))
    doc = CommentedMap()
    doc["planc"] = 1
    doc["round"] = name
    doc["title"] = _title(old, name)
    if old.issuer:
        doc["issuer"] = old.issuer
    phase = _phase(index.project.programme, name)
    if phase:
        doc["phase"] = phase
    if old.goal:
        doc["goal"] = old.goal
    doc["previous"] = old.name
    doc["edition"] = "draft"
    sources = [s for s in source.get("sources") or [] if str(s.get("id")) in cited]
    if sources:
        doc["sources"] = CommentedSeq(sources)
    chapters = CommentedSeq()
    for chapter in old.chapters:
        kept = CommentedMap()
        kept["id"], kept["title"] = chapter.id, chapter.title
        if chapter.subtitle:
            kept["subtitle"] = chapter.subtitle
        kept.fa.set_flow_style()
        chapters.append(kept)
    doc["chapters"] = chapters
    doc.yaml_set_start_comment(
        _(
            "Begun by planc new from {old}: the title with the new years, the issuer and goal "
            "of {old},\nthe phase from programme.yaml where it names one, {old}'s chapters as "
            "the framework to\nrevise. Edit them; the tasks come from the solicitation (planc "
            "solicit).",
            old=old.name,
        )
    )
    says = _(
        "the round's plan: {title}; phase {phase}; previous round {old}; edition draft; "
        "{chapters} of {old} as the framework to revise; no tasks yet",
        title=doc["title"],
        phase=phase or _("none (the programme names no single phase for {name})", name=name),
        old=old.name,
        chapters=plural(len(old.chapters), "chapter"),
    )
    return _dump(doc), says


def _not_done(ri: RoundIndex) -> tuple[list[str], str | None]:
    """The round's tasks not done as of its latest progress period (every task where it has
    no progress records), in plan order; and that period."""
    tasks = ri.round.tasks()
    pi = ri.progress
    if pi is None or pi.latest is None:
        return [t.id for t in tasks], None
    latest = pi.latest
    return [t.id for t in tasks if pi.state(t, latest).state != "done"], latest.name


def _candidates(ri: RoundIndex, name: str) -> tuple[str, int, int, str | None]:
    old = ri.round.name
    ids, as_of = _not_done(ri)
    said = _(
        "The tasks of {old} not done, offered to their lead units for continuation by planc\n"
        "solicit forms. Remove a task the office does not offer; name the units to ask with\n"
        "units: [市商务局, …].",
        old=old,
    )
    lines = [
        *(f"# {line}" for line in said.splitlines()),
        f"from: {old}",
    ]
    if as_of:
        lines.append(f"as_of: {as_of}")
    lines.append("candidates:" if ids else "candidates: []")
    lines += [f"  - task: {old}:{tid}" for tid in ids]
    unassigned = sum(1 for tid in ids if not ri.tasks[tid].lead)
    return "\n".join(lines) + "\n", len(ids), unassigned, as_of


def new_round(index: Index, plans: Path, name: str, source: str) -> NewRound:
    """Write the new round `name` from `source` (an earlier round, loaded whole)."""
    check_name(plans, name)
    before = snapshot(plans, name)  # the registry as planc new reads it; no round folder yet
    ri = index.rounds[source]
    old = ri.round
    systems, cited = _carried(plans, old, name)
    plan_text, plan_says = _plan(plans, index, old, name, cited)
    candidates, count, unassigned, as_of = _candidates(ri, name)
    files = {f"{name}/plan.yaml": plan_text, **systems, f"{name}/candidates.yaml": candidates}
    try:
        write_plans(plans, name, files, before)
    except SourcesChanged:  # the round was begun meanwhile, by another planc or by hand
        raise UsageError(
            _("{path} appeared while planc wrote; planc left it as it is", path=name)
        ) from None
    result = NewRound(name, source, candidates=count, unassigned=unassigned)
    result.files.append(Written(f"{name}/plan.yaml", plan_says))
    for system, rel in zip(old.systems, systems, strict=True):
        says = _(
            "indicator system '{id}' ({title}) carried over from {old} as it was, marked "
            "carried_from: {old}: review its targets and baselines, then empty 沿用自 on the "
            "workbook's 指标体系 sheet (or remove that line)",
            id=system.id,
            title=system.title,
            old=old.name,
        )
        result.files.append(Written(rel, says))
    if as_of:
        how = _("not done as of {period}", period=as_of)
    else:
        how = _("all of them: {old} has no progress records", old=old.name)
    says = _(
        "{count} of {old} ({how}), candidates for continuation: planc solicit forms offers "
        "each to its lead units",
        count=plural(count, "task"),
        old=old.name,
        how=how,
    )
    result.files.append(Written(f"{name}/candidates.yaml", says))
    return result
