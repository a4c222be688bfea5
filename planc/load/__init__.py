"""Read a plans folder: every file first, into the model, before anything is linked."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from planc.diagnostics import Diagnostic, Loc, Severity
from planc.errors import PlansFolderError
from planc.i18n import _
from planc.load import build
from planc.load.formats import KINDS
from planc.load.nodes import Map, Scalar, YamlFailure, read_file
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


def read_source(plans: Path, file: str, kind: str) -> tuple[Rec | None, list[Diagnostic]]:
    """One file validated against its kind, and its problems; None if nothing is usable."""
    out: list[Diagnostic] = []
    spec = KINDS[kind]
    assert isinstance(spec, Obj)
    try:
        node, problems = read_file(plans / file, file)
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


def read_all(plans: Path, jobs: list[tuple[str, str]]) -> list[tuple[Rec | None, list[Diagnostic]]]:
    # Sequential on purpose: handing the validated records back from worker processes costs
    # more than reading them (measured: 2.0 s to pickle and unpickle what takes 1.9 s to read).
    return [read_source(plans, file, kind) for file, kind in jobs]


class _Loader:
    def __init__(self, plans: Path) -> None:
        self.plans = plans
        self.out: list[Diagnostic] = []
        self.unreadable: set[str] = set()
        self.recs: dict[str, Rec | None] = {}

    def read_everything(self, jobs: list[tuple[str, str]]) -> None:
        for (file, _kind), (rec, problems) in zip(jobs, read_all(self.plans, jobs), strict=True):
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

    def round(self, name: str) -> Round | None:
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

    def project(self) -> Project:
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
        for name in names:
            if (self.plans / name / "plan.yaml").is_file():
                jobs.append((f"{name}/plan.yaml", "plan"))
            jobs += self.round_files(name)
        self.read_everything(jobs)
        rounds = {}
        for name in names:
            rnd = self.round(name)
            if rnd is not None:
                rounds[name] = rnd
        self.strays(names)
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


def load_project(plans: Path) -> tuple[Project, list[Diagnostic]]:
    """Read the registry and every round. Raises PlansFolderError only when `plans` is not a
    plans folder at all; every problem inside one is a diagnostic."""
    if not plans.is_dir():
        raise PlansFolderError(
            _("no plans folder at '{plans}' (use --plans DIR to point at one)", plans=plans)
        )
    loader = _Loader(plans)
    project = loader.project()
    return project, loader.out
