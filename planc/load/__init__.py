"""Read a plans folder: every file first, into the model, before anything is linked."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from pathlib import Path

from planc.diagnostics import Diagnostic, Loc, Severity
from planc.errors import PlansFolderError
from planc.i18n import _
from planc.load import build
from planc.load.cache import SourceCache
from planc.load.formats import KINDS
from planc.load.nodes import Map, Scalar, YamlFailure, parse_bytes, read_bytes
from planc.load.spec import INVALID, Obj, Rec
from planc.model import Project, Round
from planc.progress.build import progress_file

ROUND_DIR = re.compile(r"[0-9]{4}-[0-9]{4}")
REGISTRY = "registry"
PROGRAMME = "programme.yaml"  # optional: the strategy the rounds serve
# Subfolders of a round, each of one file kind.
ROUND_PARTS = ("tasks", "cases", "indicators", "consultation", "progress")


def round_names(plans: Path) -> list[str]:
    """The rounds of a plans folder, oldest first."""
    return sorted(p.name for p in plans.iterdir() if p.is_dir() and ROUND_DIR.fullmatch(p.name))


def read_source(
    plans: Path, file: str, kind: str, cache: SourceCache | None = None
) -> tuple[Rec | None, list[Diagnostic]]:
    """One file validated against its kind, and its problems; None if nothing is usable.
    With a cache, a file whose bytes were read before is not parsed again."""
    try:
        data = read_bytes(plans / file, file)
    except YamlFailure as failure:
        return None, [failure.diagnostic]
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
            Diagnostic("schema", Loc(file), f"the file is empty; a {spec.name} needs {required}")
        )
        return None, out
    if not isinstance(node, Map):
        found = "plain text" if isinstance(node, Scalar) else "a list"
        out.append(
            Diagnostic(
                "schema",
                node.loc,
                f"the top level of a {spec.name} must be a mapping of fields, found {found}",
            )
        )
        return None, out
    rec = spec.read(node, out)
    return (None if rec is INVALID else rec), out


def read_all(
    plans: Path, jobs: list[tuple[str, str]], cache: SourceCache | None = None
) -> list[tuple[Rec | None, list[Diagnostic]]]:
    # Sequential on purpose: handing the validated records back from worker processes costs
    # more than reading them (measured: 2.0 s to pickle and unpickle what takes 1.9 s to read).
    return [read_source(plans, file, kind, cache) for file, kind in jobs]


class _Loader:
    def __init__(self, plans: Path, cache: SourceCache | None = None) -> None:
        self.plans = plans
        self.cache = cache
        self.out: list[Diagnostic] = []
        self.unreadable: set[str] = set()
        self.recs: dict[str, Rec | None] = {}

    def read_everything(self, jobs: list[tuple[str, str]]) -> None:
        found = read_all(self.plans, jobs, self.cache)
        for (file, _kind), (rec, problems) in zip(jobs, found, strict=True):
            self.out.extend(problems)
            self.recs[file] = rec
            if rec is None:
                self.unreadable.add(file)

    def yaml_files(self, folder: str) -> list[str]:
        path = self.plans / folder
        if not path.is_dir():
            return []
        found = []
        for entry in sorted(path.iterdir()):
            rel = f"{folder}/{entry.name}"
            if entry.suffix == ".yaml" and entry.is_file():
                found.append(rel)
            elif entry.suffix == ".yml":
                self.out.append(
                    Diagnostic(
                        "schema",
                        Loc(rel),
                        "planc reads only '.yaml' files; this one is skipped",
                        f"rename it to {entry.stem}.yaml",
                    )
                )
        return found

    def round_files(self, name: str) -> list[tuple[str, str]]:
        return [(f, kind) for kind in ROUND_PARTS for f in self.yaml_files(f"{name}/{kind}")]

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
            for file, _ in files:
                self.recs.pop(file, None)

    def _round(self, name: str, whole: bool) -> Round | None:
        plan_file = f"{name}/plan.yaml"
        if not (self.plans / plan_file).is_file():
            self.out.append(
                Diagnostic(
                    "schema",
                    Loc(plan_file),
                    f"round folder '{name}' has no plan.yaml",
                    "every round starts with plan.yaml (see DESIGN.md)",
                )
            )
            return None
        rec = self.recs.get(plan_file)
        if rec is None:
            return None
        rnd = build.plan(name, plan_file, rec)
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
                self.out += progress_file(rnd, file, file_rec)
            else:
                build.indicators_file(rnd, file, file_rec)
        return rnd

    def strays(self, names: list[str]) -> None:
        """Name what planc would silently skip: a misnamed round, plan.yml, a 'task/' folder."""
        for path in sorted(self.plans.iterdir()):
            stray = path.is_dir() and path.name != REGISTRY and not path.name.startswith(".")
            if stray and not ROUND_DIR.fullmatch(path.name):
                self._skipped(f"{path.name}/", "round folders are named like 2020-2021")
        expected = {REGISTRY: {"places.yaml", "units.yaml"}}
        expected |= {name: {"plan.yaml", *ROUND_PARTS} for name in names}
        for folder, known in expected.items():
            if not (self.plans / folder).is_dir():
                continue
            for path in sorted((self.plans / folder).iterdir()):
                is_source = path.is_dir() or path.suffix in (".yaml", ".yml")
                if path.name in known or path.name.startswith(".") or not is_source:
                    continue
                rel = f"{folder}/{path.name}" + ("/" if path.is_dir() else "")
                stems = {k.removesuffix(".yaml"): k for k in known}
                close = difflib.get_close_matches(path.stem, stems, n=1, cutoff=0.6)
                hint = f"did you mean '{stems[close[0]]}'?" if close else None
                self._skipped(rel, hint or "planc reads " + ", ".join(sorted(known)))

    def _skipped(self, rel: str, hint: str) -> None:
        what = "folder" if rel.endswith("/") else "file"
        self.out.append(
            Diagnostic(
                "schema", Loc(rel), f"{what} '{rel}' is not part of a plan and is skipped", hint
            )
        )

    def project(self, wanted: Sequence[str] | None = None) -> Project:
        jobs: list[tuple[str, str]] = []
        registry_files = []
        for kind in ("places", "units"):
            rel = f"{REGISTRY}/{kind}.yaml"
            registry_files.append(rel)
            if (self.plans / rel).is_file():
                jobs.append((rel, kind))
            else:
                self.unreadable.add(rel)
                self.out.append(
                    Diagnostic(
                        "schema",
                        Loc(rel),
                        f"the registry file {rel} is missing",
                        f"create it with a top-level '{kind}:' mapping",
                    )
                )
        if (self.plans / PROGRAMME).is_file():
            jobs.append((PROGRAMME, "programme"))
        names = round_names(self.plans)
        whole = [n for n in names if wanted is None or n in wanted]
        for name in names:  # every plan.yaml: small, and the registry names their sources
            if (self.plans / name / "plan.yaml").is_file():
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
        lineage = [n for n in names if n in targets and n not in whole and n in rounds]
        for name in lineage:
            rnd = self.round(name)
            if rnd is not None:
                rounds[name] = rnd
        self.strays(names)
        if self.cache is not None and len(whole) == len(names):
            self.cache.prune()  # every file was read: entries not used now are stale
        programme_rec = self.recs.get(PROGRAMME)
        return Project(
            programme=build.programme(PROGRAMME, programme_rec) if programme_rec else None,
            registry=build.registry(
                self.recs.get("registry/places.yaml"), self.recs.get("registry/units.yaml")
            ),
            rounds=rounds,
            registry_files=registry_files,
            unreadable=self.unreadable,
            flawed={d.loc.file for d in self.out if d.severity is Severity.ERROR},
        )


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
