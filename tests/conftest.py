from __future__ import annotations

import importlib.util
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest

from planc import i18n
from planc.diagnostics import Diagnostic
from planc.paths import CACHE_DIR
from planc.pipeline import analyze

FIXTURES = Path(__file__).parent / "fixtures"
VALID = FIXTURES / "valid"
ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "plans"


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


@dataclass(frozen=True)
class ShippedBuild:
    dist: Path
    said: list[tuple[str, str]]  # what `planc build` printed, run twice: built, up to date


@pytest.fixture(scope="session")
def shipped_build(tmp_path_factory: pytest.TempPathFactory) -> ShippedBuild:
    """The shipped plans built once for the whole run, by `planc build` as a user runs it
    beside a copy of plans/ (the README's example is this run; the browser, link and pin
    tests read what it wrote)."""
    where = tmp_path_factory.mktemp("shipped")
    shutil.copytree(SHIPPED, where / "plans", ignore=shutil.ignore_patterns(CACHE_DIR))
    said = docs_script().build_session(where)
    assert (where / "dist" / "index.html").is_file(), said
    return ShippedBuild(where / "dist", said)


@pytest.fixture(scope="session")
def shipped_dist(shipped_build: ShippedBuild) -> Path:
    return shipped_build.dist


def docs_script() -> ModuleType:
    """scripts/docs.py, which writes the generated parts of the README."""
    name = "planc_docs"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / "docs.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


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
