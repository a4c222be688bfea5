"""The two sides of a diff: a round in the plans folder, or a round at a git revision (read from
git into a temporary folder, never touching the work tree), and their items for matching."""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from planc import records
from planc.diff.match import Item
from planc.errors import UsageError
from planc.i18n import _
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
        raise UsageError(
            _("'{spec}': a revision follows '@' (e.g. {name}@HEAD~1)", spec=spec, name=name)
        )
    return Side(spec, name, rev or None)


def _git(cwd: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise UsageError(_("reading a revision needs git, which is not installed")) from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        said = message[-1] if message else _("failed")
        raise UsageError(f"git {' '.join(args[:2])}: {said}")
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


def load_side(side: Side, plans: Path, scratch: Path, cache: bool = True) -> Analysis:
    folder = plans
    if side.rev is not None:
        folder = plans_at(plans, side.rev, Path(tempfile.mkdtemp(dir=scratch)))
        if not (folder / side.round).is_dir():
            raise UsageError(
                _(
                    "no round '{round}' in {plans} at {rev}",
                    round=side.round,
                    plans=plans,
                    rev=side.rev,
                )
            )
        cache = False  # a scratch copy, gone after the diff: nothing to reuse
    return analyze(folder, [side.round], cache=cache)


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
