"""Read a plans folder: every file first, into the model, before anything is linked."""

from __future__ import annotations

import re
from pathlib import Path

from planc.diagnostics import Diagnostic, Loc, Severity
from planc.load import build
from planc.load.formats import KINDS
from planc.load.nodes import Map, Scalar, YamlFailure, read_file
from planc.load.spec import INVALID, Obj, Rec
from planc.model import Project, Round

ROUND_DIR = re.compile(r"[0-9]{4}-[0-9]{4}")
REGISTRY = "registry"
ROUND_PARTS = ("tasks", "cases", "indicators")  # subfolders of a round, each of one file kind


class PlansFolderError(Exception):
    """The plans folder itself is unusable (a usage problem, not a source problem)."""


def round_names(plans: Path) -> list[str]:
    """The rounds of a plans folder, oldest first."""
    return sorted(p.name for p in plans.iterdir() if p.is_dir() and ROUND_DIR.fullmatch(p.name))


class _Loader:
    def __init__(self, plans: Path) -> None:
        self.plans = plans
        self.out: list[Diagnostic] = []
        self.unreadable: set[str] = set()

    def read(self, file: str, kind: str) -> Rec | None:
        """One file validated against its kind; None (and noted) if nothing in it is usable."""
        rec = self._read(file, kind)
        if rec is None:
            self.unreadable.add(file)
        return rec

    def _read(self, file: str, kind: str) -> Rec | None:
        spec = KINDS[kind]
        assert isinstance(spec, Obj)
        try:
            node, problems = read_file(self.plans / file, file)
        except YamlFailure as failure:
            self.out.append(failure.diagnostic)
            return None
        self.out.extend(problems)
        if node is None or (isinstance(node, Scalar) and node.is_null):
            required = ", ".join(f"'{n}'" for n, f in spec.fields.items() if f.required)
            self.out.append(
                Diagnostic(
                    "schema", Loc(file), f"the file is empty; a {spec.name} needs {required}"
                )
            )
            return None
        if not isinstance(node, Map):
            found = "plain text" if isinstance(node, Scalar) else "a list"
            self.out.append(
                Diagnostic(
                    "schema",
                    node.loc,
                    f"the top level of a {spec.name} must be a mapping of fields, found {found}",
                )
            )
            return None
        rec = spec.read(node, self.out)
        return None if rec is INVALID else rec

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
        rec = self.read(plan_file, "plan")
        if rec is None:
            return None
        rnd = build.plan(name, plan_file, rec)
        for kind in ROUND_PARTS:
            for file in self.yaml_files(f"{name}/{kind}"):
                rnd.files.append(file)
                file_rec = self.read(file, kind)
                if file_rec is None:
                    continue
                if kind == "tasks":
                    build.tasks_file(rnd, file, file_rec, self.out)
                elif kind == "cases":
                    build.cases_file(rnd, file, file_rec, self.out)
                else:
                    build.indicators_file(rnd, file, file_rec)
        return rnd

    def stray_folders(self) -> None:
        for path in sorted(self.plans.iterdir()):
            stray = path.is_dir() and path.name != REGISTRY and not path.name.startswith(".")
            if stray and not ROUND_DIR.fullmatch(path.name):
                self.out.append(
                    Diagnostic(
                        "schema",
                        Loc(f"{path.name}/"),
                        f"folder '{path.name}' is not a round and is skipped",
                        "round folders are named like 2020-2021",
                    )
                )

    def project(self) -> Project:
        recs: dict[str, Rec | None] = {}
        registry_files = []
        for kind in ("places", "units"):
            rel = f"{REGISTRY}/{kind}.yaml"
            registry_files.append(rel)
            recs[kind] = None
            if (self.plans / rel).is_file():
                recs[kind] = self.read(rel, kind)
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
        rounds = {}
        for name in round_names(self.plans):
            rnd = self.round(name)
            if rnd is not None:
                rounds[name] = rnd
        self.stray_folders()
        return Project(
            registry=build.registry(recs["places"], recs["units"]),
            rounds=rounds,
            registry_files=registry_files,
            unreadable=self.unreadable,
            flawed={d.loc.file for d in self.out if d.severity is Severity.ERROR},
        )


def load_project(plans: Path) -> tuple[Project, list[Diagnostic]]:
    """Read the registry and every round. Raises PlansFolderError only when `plans` is not a
    plans folder at all; every problem inside one is a diagnostic."""
    if not plans.is_dir():
        raise PlansFolderError(f"no plans folder at '{plans}'")
    loader = _Loader(plans)
    project = loader.project()
    return project, loader.out
