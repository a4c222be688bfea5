"""Read a plans folder: every file first, into the model, before anything is linked."""

from __future__ import annotations

import re
from pathlib import Path

from planc.diagnostics import Diagnostic, Loc
from planc.load import build
from planc.load.formats import KINDS
from planc.load.nodes import Map, Scalar, YamlFailure, read_file
from planc.load.spec import INVALID, Obj, Rec
from planc.model import Project, Round

ROUND_DIR = re.compile(r"[0-9]{4}-[0-9]{4}")
REGISTRY = "registry"
ROUND_FOLDERS = {"tasks": "tasks", "cases": "cases", "indicators": "indicators"}


class PlansFolderError(Exception):
    """The plans folder itself is unusable (a usage problem, not a source problem)."""


def read_source(path: Path, file: str, kind: str, out: list[Diagnostic]) -> Rec | None:
    """One file validated against its kind; problems go to `out`, None if nothing is usable."""
    spec = KINDS[kind]
    assert isinstance(spec, Obj)
    try:
        node, problems = read_file(path, file)
    except YamlFailure as failure:
        out.append(failure.diagnostic)
        return None
    out.extend(problems)
    if node is None or (isinstance(node, Scalar) and node.is_null):
        out.append(
            Diagnostic(
                "schema",
                Loc(file),
                f"the file is empty; a {spec.name} needs "
                + ", ".join(f"'{n}'" for n, f in spec.fields.items() if f.required),
            )
        )
        return None
    if not isinstance(node, Map):
        out.append(
            Diagnostic(
                "schema",
                node.loc,
                f"the top level of a {spec.name} must be a mapping of fields, "
                f"found {'a list' if not isinstance(node, Scalar) else 'plain text'}",
            )
        )
        return None
    rec = spec.read(node, out)
    return None if rec is INVALID else rec


def _yaml_files(folder: Path, root: Path, out: list[Diagnostic]) -> list[tuple[Path, str]]:
    found: list[tuple[Path, str]] = []
    if not folder.is_dir():
        return found
    for path in sorted(folder.iterdir()):
        rel = path.relative_to(root).as_posix()
        if path.suffix == ".yaml" and path.is_file():
            found.append((path, rel))
        elif path.suffix == ".yml":
            out.append(
                Diagnostic(
                    "schema",
                    Loc(rel),
                    "planc reads only '.yaml' files; this one is skipped",
                    f"rename it to {path.stem}.yaml",
                )
            )
    return found


def round_names(plans: Path) -> list[str]:
    """The rounds of a plans folder, oldest first."""
    return sorted(p.name for p in plans.iterdir() if p.is_dir() and ROUND_DIR.fullmatch(p.name))


def load_round(plans: Path, name: str, out: list[Diagnostic]) -> Round | None:
    folder = plans / name
    plan_file = f"{name}/plan.yaml"
    if not (folder / "plan.yaml").is_file():
        out.append(
            Diagnostic(
                "schema",
                Loc(plan_file),
                f"round folder '{name}' has no plan.yaml",
                "every round starts with plan.yaml (see DESIGN.md)",
            )
        )
        return None
    rec = read_source(folder / "plan.yaml", plan_file, "plan", out)
    if rec is None:
        return None
    rnd = build.plan(name, plan_file, rec)
    for sub, kind in (("tasks", "tasks"), ("cases", "cases"), ("indicators", "indicators")):
        for path, rel in _yaml_files(folder / sub, plans, out):
            rnd.files.append(rel)
            file_rec = read_source(path, rel, kind, out)
            if file_rec is None:
                continue
            if kind == "tasks":
                build.tasks_file(rnd, rel, file_rec, out)
            elif kind == "cases":
                build.cases_file(rnd, rel, file_rec, out)
            else:
                build.indicators_file(rnd, rel, file_rec)
    return rnd


def load_project(plans: Path) -> tuple[Project, list[Diagnostic]]:
    """Read the registry and every round. Raises PlansFolderError only when `plans` is not a
    plans folder at all; every problem inside one is a diagnostic."""
    if not plans.is_dir():
        raise PlansFolderError(f"no plans folder at '{plans}'")
    out: list[Diagnostic] = []
    recs: dict[str, Rec | None] = {}
    registry_files: list[str] = []
    for kind in ("places", "units"):
        rel = f"{REGISTRY}/{kind}.yaml"
        path = plans / rel
        registry_files.append(rel)
        if path.is_file():
            recs[kind] = read_source(path, rel, kind, out)
        else:
            recs[kind] = None
            out.append(
                Diagnostic(
                    "schema",
                    Loc(rel),
                    f"the registry file {rel} is missing",
                    f"create it with a top-level '{kind}:' mapping",
                )
            )
    rounds: dict[str, Round] = {}
    for name in round_names(plans):
        rnd = load_round(plans, name, out)
        if rnd is not None:
            rounds[name] = rnd
    for path in sorted(plans.iterdir()):
        stray = path.is_dir() and path.name != REGISTRY and not path.name.startswith(".")
        if stray and not ROUND_DIR.fullmatch(path.name):
            out.append(
                Diagnostic(
                    "schema",
                    Loc(f"{path.name}/"),
                    f"folder '{path.name}' is not a round and is skipped",
                    "round folders are named like 2020-2021",
                )
            )
    project = Project(
        registry=build.registry(recs["places"], recs["units"]),
        rounds=rounds,
        registry_files=registry_files,
    )
    return project, out
