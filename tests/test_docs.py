"""The docs that planc writes itself stay true: generated blocks of README.md and docs/ equal
what planc says now, and `planc explain` prints the codes' own descriptions."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from planc.cli import app
from planc.codes import CODES
from tests.conftest import ShippedBuild, docs_script

ROOT = Path(__file__).resolve().parent.parent


def test_generated_docs_are_current(shipped_build: ShippedBuild) -> None:
    # The build example is the session's real build of the shipped plans (a second one
    # would cost as much again for the same lines).
    docs = docs_script()
    given = {"build-example": docs.console(*shipped_build.said)}
    assert docs.stale(given) == [], "run .venv/bin/python scripts/docs.py"


def test_every_code_is_in_the_readme_and_docs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    page = (ROOT / "docs" / "codes.md").read_text(encoding="utf-8")
    for name in CODES:
        assert f"| `{name}` |" in readme and f"## `{name}`" in page


def test_explain_lists_and_explains() -> None:
    runner = CliRunner()
    listing = runner.invoke(app, ["explain"])
    assert listing.exit_code == 0
    assert [line.split()[0] for line in listing.stdout.splitlines()] == list(CODES)
    one = runner.invoke(app, ["explain", "unused-case"])
    assert one.exit_code == 0
    assert one.stdout.startswith("unused-case (warning, found by the check stage)\n")
    assert CODES["unused-case"].example in one.stdout and CODES["unused-case"].fix in one.stdout
    bad = runner.invoke(app, ["explain", "unused-cases"])
    assert bad.exit_code == 2 and bad.stdout == ""
    assert bad.stderr == (
        "planc: error: no code 'unused-cases'; did you mean 'unused-case'? (planc explain)\n"
    )
