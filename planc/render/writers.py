"""The writers of a build, one class per format (planc/render/documents.py names it): each
takes the documents of its format one by one (`write`), and is then told that all have come
(`finish`), when it waits for what it has under way and returns the warnings of the layout.
A writer writes only into the build's work folder, which the build swaps in whole
(planc/publish), so a writer never needs to write atomically itself.

A new format is a row of FORMATS and a class here (or in a module of its own) with the same
two methods and constructor; docs/architecture.md shows one."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeVar

from planc.errors import FontMissing
from planc.i18n import _
from planc.render.documents import FIRST, Document, Format

Step = Callable[[str, int], None]  # a document done: its label, how many steps
T = TypeVar("T")


class Pool(Protocol):
    """Where PDFs are laid out (publish/workers.py: worker processes, or this one)."""

    def submit(self, html: str, target: Path) -> Future[tuple[list[str], dict[str, int]]]: ...

    def submit_anchored(
        self, html: str, target: Path
    ) -> Future[tuple[list[str], dict[str, int]]]: ...

    def anchors(
        self, target: Path, future: Future[tuple[list[str], dict[str, int]]]
    ) -> dict[str, int]: ...

    def call(self, function: Callable[..., T], *args: Any) -> Future[T]: ...


class Sources(Protocol):
    """A round's sources as the build reads them (planc/publish: the plans folder and git):
    what an archival edition carries inside and is dated by."""

    def epoch(self, round_name: str) -> int: ...  # when they last changed: never the clock

    def files(self, round_name: str) -> dict[str, bytes]: ...  # its folder and the registry


@dataclass
class Context:
    """What a writer may use besides its documents: the round's sources (which an archival
    edition carries and is dated by); the PDF writer records the page of each anchor of each
    PDF it lays out (`pages`, by round and kind), which the Word edition prints;
    `line_numbers`: the Word edition numbers its lines (for commenters)."""

    step: Step
    pool: Pool
    sources: Sources
    pages: dict[tuple[str, str], dict[str, int]] = field(default_factory=dict)
    line_numbers: bool = False


class Writer:
    def __init__(self, fmt: Format, context: Context) -> None:
        self.format = fmt
        self.context = context

    def write(self, doc: Document) -> None:
        raise NotImplementedError

    def finish(self) -> list[str]:
        return []


class TextWriter(Writer):
    """A page made for the format's medium (an HTML page for the screen, plan.json), as
    UTF-8 text."""

    def write(self, doc: Document) -> None:
        doc.target.parent.mkdir(parents=True, exist_ok=True)
        doc.target.write_text(doc.page(self.format.medium), encoding="utf-8")
        self.context.step(doc.label, 1)


_Anchored = Future[tuple[list[str], dict[str, int]]]


class PdfWriter(Writer):
    """The page made for print, laid out by WeasyPrint in the pool. A document others are
    laid out after (the handbook) goes to the pool at once, and its anchors' pages are
    filled into theirs (render/pagerefs.py). The others wait for `finish`: no character
    without a face (an empty box in a printed 公文), or nothing is laid out."""

    def __init__(self, fmt: Format, context: Context) -> None:
        super().__init__(fmt, context)
        self.first: dict[tuple[str, str], tuple[Document, str, _Anchored]] = {}
        self.rest: list[tuple[Document, str]] = []

    def write(self, doc: Document) -> None:
        html = doc.page(self.format.medium)
        doc.target.parent.mkdir(parents=True, exist_ok=True)
        if doc.kind.name in FIRST:
            future = self.context.pool.submit_anchored(html, doc.target)
            self.first[(doc.round, doc.kind.name)] = (doc, html, future)
        else:
            self.rest.append((doc, html))

    def finish(self) -> list[str]:
        from planc.render import fonts, pagerefs

        missing = fonts.tofu([html for _doc, html, _f in self.first.values()] + self._htmls())
        if missing:
            for *_rest, future in self.first.values():  # they finish before the folder goes
                future.exception()
            raise FontMissing(_("{missing}; nothing was written", missing="; ".join(missing)))
        pool = self.context.pool
        futures = []
        for doc, html in self.rest:
            before = self.first.get((doc.round, doc.kind.after or ""))
            if doc.kind.after is not None:
                refs = pool.anchors(before[0].target, before[2]) if before else {}
                html = pagerefs.fill(html, refs)
            futures.append((doc, pool.submit(html, doc.target)))
        warnings: list[str] = []
        for doc, _html, future in self.first.values():
            warnings += future.result()[0]
            self.context.pages[(doc.round, doc.kind.name)] = future.result()[1]
            self.context.step(doc.label, 1)
        for doc, done in futures:
            warnings += done.result()[0]
            self.context.pages[(doc.round, doc.kind.name)] = done.result()[1]
            self.context.step(doc.label, 1)
        return warnings

    def _htmls(self) -> list[str]:
        return [html for _doc, html in self.rest]
