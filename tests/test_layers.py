"""The layers point one way (docs/architecture.md): a stage imports only the stages below it.
Read from the import statements, so a new upward import fails here, not in a review."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "planc"

# The layers from the bottom up (docs/architecture.md). A module may import its own layer and
# those below, never one above; siblings share a rank.
RANKS = {
    "planc": 0,  # the shared words: errors, codes, diagnostics, figures, i18n, report, atomic
    "planc.periods": 0,
    "planc.sheets": 0,  # xlsx forms out and in, of any kind
    "planc.archive": 0,  # a PDF's archival editions (PDF/A, OFD): knows nothing of plans
    "planc.model": 1,
    "planc.units": 1,  # units by id, name or alias: the model's registry, with hints
    "planc.load": 2,
    "planc.index": 3,
    "planc.numbering": 3,
    "planc.records": 4,
    "planc.matching": 4,
    "planc.check": 5,
    "planc.render": 5,
    "planc.pipeline": 6,
    "planc.recheck": 6,  # planc check's kept verdicts: over the pipeline, like it
    "planc.diff": 7,
    "planc.publish": 7,
    # The features: their forms, importers and reports, over the stages (which own their
    # part of every kind of source: the loader reads, the index indexes, check/ checks and
    # render/ renders progress and consultation records like any other).
    "planc.consult": 8,
    "planc.progress": 8,
    "planc.solicit": 8,
    "planc.newround": 8,  # planc new: a round begun from the last (writes through solicit's)
    "planc.workbook": 8,  # the office's whole-round workbook
    "planc.commands": 9,
    "planc.cli": 10,
    "planc.clitext": 10,  # click's words in the user's language: the command line's own
    "planc.__main__": 11,
    "planc.entry": 11,  # the `planc` program: the fast path, then the command line
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
            if within(imported, "planc") and rank(imported) > rank(name):
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


def test_no_stage_imports_a_feature() -> None:
    # The stages own their part of every kind of source; the features (consultation,
    # supervision) only call them. A stage reaching into a feature is the precedent issue 25
    # removed (progress/ sat below check/, threaded through seven stages).
    stages = [
        *("planc.load", "planc.model", "planc.index", "planc.check", "planc.render"),
        *("planc.records", "planc.matching", "planc.pipeline", "planc.publish"),
    ]
    users = sorted(
        f"{module_name(path)} imports {i}"
        for path in PACKAGE.rglob("*.py")
        if any(within(module_name(path), s) for s in stages)
        for i in imports(path)
        if any(
            within(i, f)
            for f in ("planc.consult", "planc.progress", "planc.solicit", "planc.workbook")
        )
        or within(i, "planc.newround")
    )
    assert users == []


def test_the_table_of_documents_names_only_the_renderer() -> None:
    # render/documents.py names the functions and writers it uses as "module:name", imported
    # when a document is made (an unchanged build reads the table before Jinja loads): the
    # imports above cannot see them, so the names are held to the renderer's layer here.
    from planc.render import documents

    text = (PACKAGE / "render" / "documents.py").read_text(encoding="utf-8")
    named = set(re.findall(r'"(planc\.[\w.]+):\w+"', text))
    named |= {fmt.writer.partition(":")[0] for fmt in documents.FORMATS.values()}
    assert named and all(within(m, "planc.render") for m in named), named


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
