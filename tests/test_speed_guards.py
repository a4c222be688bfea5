"""Costs that can be counted, guarded (wall times live in benchmarks/): a clean check makes a
constant number of messages and environment reads whatever its size, the rules' work grows with
the items and no faster, and a PDF's page references are built a constant number of times per
page. Each of these grew with the plan once: 16 messages per item for names nobody read (0.12 ms
each, half of a cold check), quadratic page references in every tagged PDF."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import CodeType, FrameType
from typing import Any

import pytest

from planc import i18n
from planc.check import run_checks
from planc.pipeline import analyze

GENERATOR = Path(__file__).resolve().parent.parent / "benchmarks" / "generate.py"


QUOTED = re.compile(r'\\"([^"\\]*)\\"')


@pytest.fixture(scope="module")
def sizes(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    """Generated plans of 120 and 480 tasks with GB/T 15834 punctuation (the generator writes
    some half-width on purpose): a clean check, no diagnostic at all."""
    made = {}
    for tasks in (120, 480):
        out = tmp_path_factory.mktemp("plans") / f"plans-{tasks}"
        subprocess.run(
            [sys.executable, str(GENERATOR), "--tasks", str(tasks), "--seed", "2", str(out)],
            check=True,
            capture_output=True,
        )
        for path in out.rglob("*.yaml"):
            text = QUOTED.sub("“\\1”", path.read_text(encoding="utf-8"))
            path.write_text(text.replace("(", "（").replace(")", "）"), encoding="utf-8")
        made[tasks] = out
    return made


@contextmanager
def calls(*functions: Callable[..., Any]) -> Iterator[dict[str, int]]:
    """How often each of `functions` runs (by its code object, however it was imported), and
    how many Python calls happen in all."""
    codes: dict[CodeType, str] = {f.__code__: f.__name__ for f in functions}
    counted = {name: 0 for name in codes.values()} | {"*": 0}

    def hook(frame: FrameType, event: str, arg: object) -> None:
        if event == "call":
            counted["*"] += 1
            name = codes.get(frame.f_code)
            if name is not None:
                counted[name] += 1

    sys.setprofile(hook)
    try:
        yield counted
    finally:
        sys.setprofile(None)


@contextmanager
def environment_reads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    read: list[str] = []
    original = type(os.environ).__getitem__

    def getitem(self: Any, key: str) -> str:
        read.append(key)
        return original(self, key)

    monkeypatch.setattr(type(os.environ), "__getitem__", getitem)
    yield read


def test_a_clean_check_makes_no_message_per_item(
    sizes: dict[int, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = {}
    for tasks, plans in sizes.items():
        i18n.reset()
        with environment_reads(monkeypatch) as reads, calls(i18n._, i18n.chinese) as counted:
            analysis = analyze(plans, cache=False)
        assert analysis.diagnostics == []
        seen[tasks] = (counted["_"], counted["chinese"], len(reads))
    # About a hundred messages (per round and per figure: names and headings) at 120 tasks and
    # as many at 480: none per item (16 per item before).
    messages, languages, environment = seen[480]
    assert messages <= seen[120][0] + 10 and languages <= seen[120][1] + 10, seen
    assert messages < 200, seen
    assert environment <= 3, seen  # the locale (LC_ALL, LC_MESSAGES, LANG), read once


def test_the_rules_work_grows_with_the_items_and_no_faster(sizes: dict[int, Path]) -> None:
    work = {}
    for tasks, plans in sizes.items():
        index = analyze(plans, cache=False).index
        with calls() as counted:
            assert run_checks(index) == []
        work[tasks] = counted["*"]
    # Four times the tasks: at most four times the calls (and some per round, which does not
    # grow); quadratic work would be sixteen times.
    assert work[480] <= 4.4 * work[120], work


def document(pages: int) -> str:
    """A tagged document of about `pages` pages: headings, paragraphs, links between pages."""
    parts = ["<html><head><style>@page { size: A6 } h2 { break-before: page }</style></head>"]
    parts.append("<body>")
    for n in range(pages):
        parts.append(f'<h2 id="p{n}">第{n + 1}页</h2>')
        parts.append(f'<p>正文<a href="#p{(n * 7) % pages}">见第{n}页</a>。</p>' * 3)
    parts.append("</body></html>")
    return "".join(parts)


@pytest.mark.parametrize("pages", [12, 48])
def test_page_references_are_built_once_per_page(pages: int, tmp_path: Path) -> None:
    import weasyprint

    from planc.render.pdf import PageReferences

    PageReferences.install()
    laid_out = weasyprint.HTML(string=document(pages)).render(pdf_tags=True)
    assert len(laid_out.pages) == pages
    before = (PageReferences.lookups, PageReferences.built)
    laid_out.write_pdf(tmp_path / "x.pdf", pdf_tags=True)
    lookups = PageReferences.lookups - before[0]
    built = PageReferences.built - before[1]
    assert lookups >= 6 * pages  # every tagged element asks: many lookups per page
    assert built <= 2 * pages  # but the references are made once (pydyf: once per lookup)


def test_the_page_references_kept_write_the_same_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    import pydyf
    import weasyprint

    from planc.render.pdf import PageReferences

    PageReferences.install()
    laid_out = weasyprint.HTML(string=document(10)).render(pdf_tags=True)
    ours = laid_out.write_pdf(pdf_tags=True)
    monkeypatch.setattr(pydyf.PDF, "page_references", PageReferences.original)
    assert laid_out.write_pdf(pdf_tags=True) == ours


def test_an_unchanged_check_imports_neither_loader_nor_rules(tmp_path: Path) -> None:
    """A check of unchanged sources answers from its cache: the schema, the model, the index
    and the rules (a third of its start-up, dataclasses mostly) are not even imported."""
    import shutil

    from tests.conftest import VALID

    plans = tmp_path / "plans"
    shutil.copytree(VALID, plans, ignore=shutil.ignore_patterns(".planc-cache"))
    probe = (
        "import sys\nfrom planc.entry import main\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('planc.')))"
    )
    run = [sys.executable, "-c", probe, "check", "--plans", str(plans)]
    first = subprocess.run(run, capture_output=True, text=True, check=True).stdout
    assert "planc.model" in first  # the first check reads everything
    again = subprocess.run(run, capture_output=True, text=True, check=True).stdout
    heavy = ("planc.model", "planc.load.spec", "planc.index", "planc.check", "planc.load.nodes")
    assert not [m for m in heavy if f"'{m}'" in again.splitlines()[-1]], again
