from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from planc import i18n
from planc.diagnostics import Diagnostic
from planc.paths import CACHE_DIR
from planc.pipeline import analyze

FIXTURES = Path(__file__).parent / "fixtures"
VALID = FIXTURES / "valid"
SHIPPED = Path(__file__).resolve().parent.parent / "plans"


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The tests read planc's English; tests/test_i18n.py sets a Chinese locale itself (with
    `set_language`: planc reads the locale once per process)."""
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    set_language(monkeypatch, "C.UTF-8")
    yield
    i18n.reset()


def set_language(monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    """LANG for the rest of the test, read afresh by planc's next message."""
    monkeypatch.setenv("LANG", lang)
    i18n.reset()


@pytest.fixture(scope="session")
def shipped_dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped plans built once for the whole run (the browser and link tests read it)."""
    from planc.publish import publish

    out = tmp_path_factory.mktemp("shipped") / "dist"
    result = publish(SHIPPED, [], out)
    assert result.files > 0
    return out


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    """A private copy of the valid fixture plans, to break on purpose."""
    target = tmp_path / "plans"
    shutil.copytree(VALID, target, ignore=shutil.ignore_patterns(CACHE_DIR))
    return target


def edit(plans: Path, file: str, old: str, new: str) -> None:
    path = plans / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} must occur once in {file}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def diagnostics(plans: Path) -> list[Diagnostic]:
    return analyze(plans).diagnostics
