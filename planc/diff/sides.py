"""The two sides of a diff: a round in the plans folder, or a round at a git revision (read from
git into a temporary folder, never touching the work tree), and their items for matching."""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from planc.diff.match import Item
from planc.errors import UsageError
from planc.index import Index, RoundIndex
from planc.pipeline import Analysis, analyze


@dataclass(frozen=True)
class Side:
    spec: str  # as given: 2022-2023 or 2022-2023@v1
    round: str
    rev: str | None


def parse_side(spec: str) -> Side:
    name, at, rev = spec.partition("@")
    if at and not rev:
        raise UsageError(f"'{spec}': a revision follows '@' (e.g. {name}@HEAD~1)")
    return Side(spec, name, rev or None)


def _git(cwd: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise UsageError("reading a revision needs git, which is not installed") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UsageError(f"git {' '.join(args[:2])}: {message[-1] if message else 'failed'}")
    return done.stdout


def plans_at(plans: Path, rev: str, into: Path) -> Path:
    """The plans folder as it was at `rev`, written under `into`."""
    if rev.startswith("-"):
        # git would read it as an option (--output=FILE writes a file): refuse it by name.
        raise UsageError(
            f"'{rev}' is not a revision: it starts with '-', which git reads as an option "
            "(name a commit, a tag or a branch, e.g. HEAD~1 or v1)"
        )
    folder = plans.resolve()
    top = Path(_git(folder, "rev-parse", "--show-toplevel").decode().strip())
    prefix = folder.relative_to(top).as_posix()
    try:
        _git(top, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}")
    except UsageError:
        raise UsageError(
            f"'{rev}' is not a commit, tag or branch of the git repository at {top}"
        ) from None
    archive = _git(top, "archive", "--format=tar", rev, "--", prefix)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        links = _extract(tar, into)
    # Links are made last, once every file is written, so that nothing is written through
    # one; the loader then reports those leaving the plans folder as it does in the work tree.
    for name, target in links:
        (into / name).symlink_to(target)
    return into / prefix


def _extract(tar: tarfile.TarFile, into: Path) -> list[tuple[str, str]]:
    """Extract the regular members; return the symbolic links (name, target) instead of
    making them (the 'data' filter refuses links that leave the folder: that is the loader's
    to report, not a reason to fail)."""
    links = []
    members = []
    for member in tar.getmembers():
        if member.issym():
            links.append((member.name, member.linkname))
        elif not member.islnk():  # git archive writes no hard links
            members.append(member)
    tar.extractall(into, members=members, filter="data")
    return [(name, target) for name, target in links if _inside(into, name)]


def _inside(into: Path, name: str) -> bool:
    return (into / name).resolve().is_relative_to(into.resolve())


def load_side(side: Side, plans: Path, scratch: Path) -> Analysis:
    folder = plans
    if side.rev is not None:
        folder = plans_at(plans, side.rev, Path(tempfile.mkdtemp(dir=scratch)))
        if not (folder / side.round).is_dir():
            raise UsageError(f"no round '{side.round}' in {plans} at {side.rev}")
    return analyze(folder, [side.round])


def _ids(refs: list[object]) -> tuple[str, ...]:
    return tuple(getattr(r, "id", "") for r in refs)


def items(index: Index, name: str) -> dict[str, dict[str, Item]]:
    """The items of one round, by kind and id."""
    ri: RoundIndex = index.rounds[name]
    rnd = ri.round
    chapters = {
        c.id: Item(
            c.id,
            c.title,
            {
                "title": c.title,
                "subtitle": c.subtitle,
                "declared_tasks": c.declared_tasks.value if c.declared_tasks else None,
            },
        )
        for c in rnd.chapters
    }
    tasks = {
        t.id: Item(
            t.id,
            t.title,
            {
                "title": t.title,
                "text": t.text,
                "number": t.number,
                "chapter": t.chapter,
                "section": t.section,
                "lead": _ids(list(t.lead)),
                "partners": _ids(list(t.partners)),
                "indicators": _ids(list(t.indicators)),
                "cases": _ids(list(t.cases)),
                "benchmarks": _ids(list(t.benchmarks)),
                "due": t.due,
            },
            t.continues.id if t.continues else None,
        )
        for t in ri.tasks.values()
    }
    # Another document's targets (`role: targets`) are not the plan's indicators: not compared.
    targets = {s.id for s in rnd.systems if s.is_targets}
    dimension_of = {i.id: d.title for s in rnd.systems for d in s.dimensions for i in d.indicators}
    indicators = {
        i.id: Item(
            i.id,
            i.title,
            {
                "title": i.title,
                "unit": i.unit,
                "baseline": (i.baseline_year, i.baseline),
                "targets": tuple(i.targets.items()),
                "dimension": dimension_of.get(i.id),
            },
        )
        for i in ri.indicators.values()
        if i.system not in targets
    }
    cases = {
        c.id: Item(
            c.id,
            c.title,
            {
                "title": c.title,
                "places": _ids(list(c.places)),
                "summary": c.summary,
                "practices": tuple(c.practices),
                "references": tuple(r.title for r in c.references),
                "part": c.part,
            },
        )
        for c in ri.cases.values()
    }
    return {"chapters": chapters, "tasks": tasks, "indicators": indicators, "cases": cases}
