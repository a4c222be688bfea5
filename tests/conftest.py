from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from planc.diagnostics import Diagnostic
from planc.pipeline import analyze

FIXTURES = Path(__file__).parent / "fixtures"
VALID = FIXTURES / "valid"


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    """A private copy of the valid fixture plans, to break on purpose."""
    target = tmp_path / "plans"
    shutil.copytree(VALID, target)
    return target


def edit(plans: Path, file: str, old: str, new: str) -> None:
    path = plans / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} must occur once in {file}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def diagnostics(plans: Path) -> list[Diagnostic]:
    return analyze(plans).diagnostics
