"""Read a plans folder: every file first, into the model, before anything is linked."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from planc.diagnostics import Diagnostic, Loc, Severity
from planc.errors import PlansFolderError, reason
from planc.i18n import _
from planc.load import disk
from planc.load.cache import SourceCache
from planc.paths import PROGRAMME, REGISTRY, ROUND_DIR, round_names

if TYPE_CHECKING:
    from planc.load.spec import Rec
    from planc.model import Project, Round

__all__ = ["PROGRAMME", "REGISTRY", "ROUND_DIR", "load_project", "read_source", "round_names"]

# Subfolders of a round, each of one file kind (the folder's name, unless said here).
ROUND_PARTS = ("tasks", "cases", "indicators", "consultation", "progress", "solicitation")
PART_KINDS = {"solicitation": "submission"}  # solicitation/UNIT.yaml: one unit's answer
CANDIDATES = "candidates.yaml"  # beside plan.yaml: what the solicitation offers to continue
# The model, the schema and the builders are imported by the functions that use them: an
# unchanged `planc check` answers from its cache without them (a third of its start-up).


def read_source(
    tree: disk.Tree, file: str, kind: str, cache: SourceCache | None = None
) -> tuple[Rec | None, list[Diagnostic]]:
    """One file validated against its kind, and its problems; None if nothing is usable.
    With a cache, a file whose bytes were read before is not parsed again."""
    try:
        data = disk.read_bytes(tree, file)
    except OSError as exc:
        return None, [
            Diagnostic("schema", Loc(file), _("cannot read the file: {reason}", reason=reason(exc)))
        ]
    if cache is not None:
        hit = cache.get(file, kind, data)
        if hit is not None:
            return hit
    result = validate(data, file, kind)
    if cache is not None:
        cache.put(file, kind, data, result)
    return result


def validate(data: bytes, file: str, kind: str) -> tuple[Rec | None, list[Diagnostic]]:
    """A file's bytes validated against its kind (see read_source)."""
    from planc.load import words
    from planc.load.formats import KINDS
    from planc.load.nodes import Map, Scalar, YamlFailure
    from planc.load.parse import parse_bytes
    from planc.load.spec import INVALID, Obj

    out: list[Diagnostic] = []
    spec = KINDS[kind]
    assert isinstance(spec, Obj)
    try:
        node, problems = parse_bytes(data, file)
    except YamlFailure as failure:
        return None, [failure.diagnostic]
    out.extend(problems)
    if node is None or (isinstance(node, Scalar) and node.is_null):
        required = ", ".join(f"'{n}'" for n in spec.required)
        out.append(
            Diagnostic(
                "schema",
                Loc(file),
                _(
                    "the file is empty; a {name} needs {required}",
                    name=words.thing(spec.name),
                    required=required,
                ),
            )
        )
        return None, out
    if not isinstance(node, Map):
        found = _("plain text") if isinstance(node, Scalar) else _("a list")
        out.append(
            Diagnostic(
                "schema",
                node.loc,
                _(
                    "the top level of a {name} must be a mapping of fields, found {found}",
                    name=words.thing(spec.name),
                    found=found,
                ),
            )
        )
        return None, out
    rec = spec.read(node, out)
    return (None if rec is INVALID else rec), out


def read_all(
    tree: disk.Tree, jobs: list[tuple[str, str]], cache: SourceCache | None = None
) -> list[tuple[Rec | None, list[Diagnostic]]]:
    # Sequential on purpose: handing the validated records back from worker processes costs
    # more than reading them (measured: 2.0 s to pickle and unpickle what takes 1.9 s to read).
    return [read_source(tree, file, kind, cache) for file, kind in jobs]


class _Loader:
    def __init__(self, plans: Path, cache: SourceCache | None = None) -> None:
        self.plans = plans
        self.cache = cache
        # Everything below asks the scan, never the disk: one view of the folder, and only
        # what is really inside it.
        self.tree = disk.scan(plans)
        self.out: list[Diagnostic] = list(self.tree.problems)
        self.unreadable: set[str] = set(self.tree.unreadable)
        self.recs: dict[str, Rec | None] = {}

    def read_everything(self, jobs: list[tuple[str, str]]) -> None:
        found = read_all(self.tree, jobs, self.cache)
        for (file, _kind), (rec, problems) in zip(jobs, found, strict=True):
            self.out.extend(problems)
            self.recs[file] = rec
            if rec is None:
                self.unreadable.add(file)

    def yaml_files(self, folder: str) -> list[str]:
        found = []
        for entry in self.tree.listing(folder):
            suffix = Path(entry.name).suffix
            if suffix == ".yaml" and entry.kind == disk.FILE:
                found.append(entry.rel)
            elif suffix == ".yaml":
                self._not_a_file(entry.rel)
            elif suffix == ".yml":
                self.out.append(
                    Diagnostic(
                        "schema",
                        Loc(entry.rel),
                        _("planc reads only '.yaml' files; this one is skipped"),
                        _("rename it to {name}", name=f"{Path(entry.name).stem}.yaml"),
                    )
                )
        return found

    def _not_a_file(self, rel: str) -> None:
        self.unreadable.add(rel)
        self.out.append(
            Diagnostic(
                "schema",
                Loc(rel),
                _("'{rel}' is a folder, not a file; planc does not read it", rel=rel),
                _("a source is one .yaml file"),
            )
        )

    def problem_files(self, name: str) -> list[str]:
        """What the scan could not use inside round `name`: the round is not reconciled."""
        return sorted(f for f in self.unreadable if f.startswith(f"{name}/"))

    def round_files(self, name: str) -> list[tuple[str, str]]:
        files = [
            (f, PART_KINDS.get(part, part))
            for part in ROUND_PARTS
            for f in self.yaml_files(f"{name}/{part}")
        ]
        candidates = f"{name}/{CANDIDATES}"
        if self.tree.is_file(candidates):
            files.append((candidates, "candidates"))
        elif self.tree.is_dir(candidates):
            self._not_a_file(candidates)
        return files

    def round(self, name: str, whole: bool = True) -> Round | None:
        """The round `name`; without `whole`, only what its plan.yaml says (no tasks, cases or
        indicators: enough to name it, its sources and its chapters). Its files are read here
        and their records dropped once the round is built: on a national-scale plan, holding
        every round's records at once would double the peak memory."""
        files = self.round_files(name) if whole else []
        self.read_everything(files)
        try:
            return self._round(name, whole)
        finally:
            for file, _kind in files:
                self.recs.pop(file, None)

    def _round(self, name: str, whole: bool) -> Round | None:
        from planc.load import build

        plan_file = f"{name}/plan.yaml"
        if self.tree.is_dir(plan_file):
            self._not_a_file(plan_file)
            return None
        if not self.tree.is_file(plan_file):
            if plan_file in self.unreadable:
                return None  # already reported: a link out, a fifo, a name
            self.out.append(
                Diagnostic(
                    "schema",
                    Loc(plan_file),
                    _("round folder '{name}' has no plan.yaml", name=name),
                    _("every round starts with plan.yaml (planc schema plan lists its fields)"),
                )
            )
            return None
        rec = self.recs.get(plan_file)
        if rec is None:
            return None
        rnd = build.plan(name, plan_file, rec)
        rnd.files += self.problem_files(name)
        if not whole:
            return rnd
        for file, kind in self.round_files(name):
            rnd.files.append(file)
            file_rec = self.recs.get(file)
            if file_rec is None:
                continue
            if kind == "tasks":
                build.tasks_file(rnd, file, file_rec)
            elif kind == "cases":
                build.cases_file(rnd, file, file_rec)
            elif kind == "consultation":
                build.consultation_file(rnd, file, file_rec)
            elif kind == "progress":
                self.out += build.progress_file(rnd, file, file_rec)
            elif kind == "candidates":
                build.candidates_file(rnd, file, file_rec)
            elif kind == "submission":
                build.submission_file(rnd, file, file_rec)
            else:
                build.indicators_file(rnd, file, file_rec)
        return rnd

    def strays(self, names: list[str]) -> None:
        """Name what planc would silently skip: a misnamed round, plan.yml, a 'task/' folder."""
        for entry in self.tree.listing(""):
            stray = entry.kind == disk.DIR and entry.name != REGISTRY
            if stray and not ROUND_DIR.fullmatch(entry.name):
                self._skipped(f"{entry.name}/", _("round folders are named like 2020-2021"))
        expected = {REGISTRY: {"places.yaml", "units.yaml"}}
        expected |= {name: {"plan.yaml", CANDIDATES, *ROUND_PARTS} for name in names}
        for folder, known in expected.items():
            for entry in self.tree.listing(folder):
                path = Path(entry.name)
                is_dir = entry.kind == disk.DIR
                is_source = is_dir or path.suffix in (".yaml", ".yml")
                if entry.name in known or not is_source:
                    continue
                rel = entry.rel + ("/" if is_dir else "")
                stems = {k.removesuffix(".yaml"): k for k in known}
                close = difflib.get_close_matches(path.stem, stems, n=1, cutoff=0.6)
                if close:
                    hint = _("did you mean '{name}'?", name=stems[close[0]])
                else:
                    hint = _("planc reads {names}", names=", ".join(sorted(known)))
                self._skipped(rel, hint)

    def _skipped(self, rel: str, hint: str) -> None:
        if rel.endswith("/"):
            message = _("folder '{rel}' is not part of a plan and is skipped", rel=rel)
        else:
            message = _("file '{rel}' is not part of a plan and is skipped", rel=rel)
        self.out.append(Diagnostic("schema", Loc(rel), message, hint))

    def project(self, wanted: Sequence[str] | None = None) -> Project:
        from planc.load import build
        from planc.load.names import resolve_units
        from planc.model import Project

        jobs: list[tuple[str, str]] = []
        registry_files = []
        for kind in ("places", "units"):
            rel = f"{REGISTRY}/{kind}.yaml"
            registry_files.append(rel)
            if self.tree.is_file(rel):
                jobs.append((rel, kind))
            elif self.tree.is_dir(rel):
                self._not_a_file(rel)
            elif rel in self.unreadable:
                continue  # already reported: a link out, a fifo, a name
            else:
                self.unreadable.add(rel)
                self.out.append(
                    Diagnostic(
                        "schema",
                        Loc(rel),
                        _("the registry file {file} is missing", file=rel),
                        _("create it with a top-level '{kind}:' mapping", kind=kind),
                    )
                )
        if self.tree.is_file(PROGRAMME):
            jobs.append((PROGRAMME, "programme"))
        elif self.tree.is_dir(PROGRAMME):
            self._not_a_file(PROGRAMME)
        names = [
            e.name
            for e in self.tree.listing("")
            if e.kind == disk.DIR and ROUND_DIR.fullmatch(e.name)
        ]
        whole = [n for n in names if wanted is None or n in wanted]
        for name in names:  # every plan.yaml: small, and the registry names their sources
            if self.tree.is_file(f"{name}/plan.yaml"):
                jobs.append((f"{name}/plan.yaml", "plan"))
        self.read_everything(jobs)
        rounds = {}
        for name in names:
            rnd = self.round(name, name in whole)
            if rnd is not None:
                rounds[name] = rnd
        # Lineage: the earlier rounds the chosen ones continue are read whole too, so that
        # `continues:` is checked against their tasks.
        targets = {
            task.continues.id.partition(":")[0]
            for name in whole
            if name in rounds
            for task in rounds[name].all_tasks()
            if task.continues is not None
        }
        targets |= {  # `previous:` is checked against that round's readability
            prev.id for name in whole if name in rounds and (prev := rounds[name].previous)
        }
        targets |= {  # the candidates' round: their tasks are checked and offered
            c.source_round.id
            for name in whole
            if name in rounds
            and (c := rounds[name].candidates) is not None
            and c.source_round is not None
        }
        lineage = [n for n in names if n in targets and n not in whole and n in rounds]
        for name in lineage:
            rnd = self.round(name)
            if rnd is not None:
                rounds[name] = rnd
        self.strays(names)
        if self.cache is not None and len(whole) == len(names):
            self.cache.prune()  # every file was read: entries not used now are stale
        programme_rec = self.recs.get(PROGRAMME)
        project = Project(
            programme=build.programme(PROGRAMME, programme_rec) if programme_rec else None,
            registry=build.registry(
                self.recs.get("registry/places.yaml"), self.recs.get("registry/units.yaml")
            ),
            rounds=rounds,
            registry_files=registry_files,
            unreadable=self.unreadable,
            flawed={d.loc.file for d in self.out if d.severity is Severity.ERROR},
        )
        resolve_units(project)  # 市商务局 -> commerce, before anything looks at units
        return project


def load_project(
    plans: Path, rounds: Sequence[str] | None = None, cache: bool | SourceCache = True
) -> tuple[Project, list[Diagnostic]]:
    """Read the registry and the rounds (default: every round; else those named, the plan.yaml
    of every other round, and the rounds the named ones continue). With `cache`, files read
    before come from PLANS/.planc-cache. Raises PlansFolderError only when `plans` is not a
    plans folder at all; every problem inside one is a diagnostic."""
    if not plans.is_dir():
        raise PlansFolderError(
            _("no plans folder at '{plans}' (use --plans DIR to point at one)", plans=plans)
        )
    store = SourceCache(plans) if cache is True else cache or None
    loader = _Loader(plans, store)
    project = loader.project(rounds)
    return project, loader.out
