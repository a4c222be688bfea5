"""The layers point one way (docs/architecture.md): a stage imports only the stages below it.
Read from the import statements, so a new upward import fails here, not in a review."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "planc"

# The layers from the bottom up (docs/architecture.md). A module may import its own layer and
# those below, never one above; siblings share a rank.
RANKS = {
    "planc": 0,  # the shared words: errors, codes, diagnostics, model, figures, i18n, report
    "planc.load": 1,
    "planc.index": 2,
    "planc.check": 3,
    "planc.records": 3,
    "planc.render": 3,
    "planc.archive": 3,  # the archival editions of a PDF: beside render, below publish
    "planc.pipeline": 4,
    "planc.diff": 5,
    "planc.publish": 5,
    "planc.commands": 6,
    "planc.cli": 7,
    "planc.__main__": 8,
    "planc.entry": 8,  # the `planc` program: the fast path, then the command line
    "planc.recheck": 4,  # planc check's kept verdicts: over the pipeline, like it
    # Supervision (planc/progress) is a feature across the stages: each module sits in the
    # layer it serves. The spreadsheet layer reads and writes files, like the loader.
    "planc.progress.model": 0,
    "planc.progress.periods": 0,
    "planc.progress.format": 1,
    "planc.progress.build": 1,
    "planc.progress.status": 2,
    "planc.progress.checks": 3,
    "planc.progress.export": 3,
    "planc.progress.charts": 3,
    "planc.progress.view": 3,
    "planc.progress.summary": 3,
    "planc.progress.moves": 3,
    "planc.progress.forms": 5,
    "planc.progress.importer": 5,
    "planc.sheets": 1,
    # The consultation (planc/consult), likewise.
    "planc.consult.sheets": 1,
    "planc.consult.checks": 3,
    "planc.consult.report": 3,
    "planc.consult.forms": 5,
    "planc.consult.importer": 5,
    "planc.consult.history": 5,
    "planc.numbering": 2,
}
# Known upward imports, each with its reason; a new one fails the test.
ALLOWED = {
    # adopted-unchanged compares a task with the draft in git, through planc diff's sides; the
    # import is lazy (only when a consultation record names a draft). A follow-up could move
    # reading a round at a revision below the pipeline.
    ("planc.pipeline", "planc.consult.history"),
}


def rank(name: str) -> int:
    """The rank of the longest layer name that `name` is, or is inside of."""
    layer = max((k for k in RANKS if within(name, k)), key=len)
    return RANKS[layer]


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def test_no_layer_imports_a_layer_above_it() -> None:
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = module_name(path)
        for imported in imports(path):
            upward = within(imported, "planc") and rank(imported) > rank(name)
            if upward and not any(within(imported, a) and name == n for n, a in ALLOWED):
                wrong.append(f"{name} imports {imported}")
    assert wrong == []


def test_the_checks_work_on_the_index_alone() -> None:
    # The rules see the model through the index, never the loader's own types.
    users = [
        module_name(path)
        for path in (PACKAGE / "check").rglob("*.py")
        if any(within(i, "planc.load") for i in imports(path))
    ]
    assert users == []


def test_the_upward_import_this_issue_removed_would_be_caught() -> None:
    # render/export.py used to import commands.stats for round_stats.
    assert rank("planc.commands.stats") > rank("planc.render.export")


def test_only_the_cli_imports_the_commands() -> None:
    users = {
        module_name(path)
        for path in PACKAGE.rglob("*.py")
        if any(within(i, "planc.commands") for i in imports(path))
        and not within(module_name(path), "planc.commands")
    }
    # planc.entry is the `planc` program's quick front: plain check and build without typer.
    assert users == {"planc.cli", "planc.entry"}
