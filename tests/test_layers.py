"""The layers point one way (docs/architecture.md): a stage imports only the stages below it.
Read from the import statements, so a new upward import fails here, not in a review."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "planc"

# Each layer, and the parts of planc it must never import.
FORBIDDEN = {
    "planc.load": (
        "planc.check",
        "planc.index",
        "planc.render",
        "planc.publish",
        "planc.diff",
        "planc.pipeline",
        "planc.commands",
        "planc.cli",
    ),
    "planc.index": (
        "planc.load",
        "planc.check",
        "planc.render",
        "planc.publish",
        "planc.diff",
        "planc.pipeline",
        "planc.commands",
        "planc.cli",
    ),
    "planc.check": (
        "planc.load",
        "planc.render",
        "planc.publish",
        "planc.diff",
        "planc.pipeline",
        "planc.commands",
        "planc.cli",
    ),
    "planc.render": (
        "planc.publish",
        "planc.diff",
        "planc.pipeline",
        "planc.commands",
        "planc.cli",
    ),
    "planc.diff": ("planc.publish", "planc.commands", "planc.cli"),
    "planc.publish": ("planc.diff", "planc.commands", "planc.cli"),
    "planc.commands": ("planc.cli",),
    "planc.errors": (
        "planc.load",
        "planc.check",
        "planc.index",
        "planc.render",
        "planc.publish",
        "planc.diff",
        "planc.pipeline",
        "planc.commands",
        "planc.cli",
    ),
}


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
        for layer, above in FORBIDDEN.items():
            if not within(name, layer):
                continue
            for imported in imports(path):
                if any(within(imported, a) for a in above):
                    wrong.append(f"{name} imports {imported}")
    assert wrong == []


def test_only_the_cli_imports_the_commands() -> None:
    users = {
        module_name(path)
        for path in PACKAGE.rglob("*.py")
        if any(within(i, "planc.commands") for i in imports(path))
        and not within(module_name(path), "planc.commands")
    }
    assert users == {"planc.cli"}
