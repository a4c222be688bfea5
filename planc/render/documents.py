"""The documents a build writes, described once. The build (planc/publish) loops over this
table, handing each document to the writer of its format; the up-to-date stamp and the
release read the files every round has from it; the PDFs' links to the other documents are
rewritten by it.

A document kind says what it is made from (`view`: index and round -> what its template is
given), how its page is made for a medium (`page`), its template, whether there is one per
round or one for the site, the formats it is written in, which rounds have it (`present`),
and the kind whose PDF must be laid out before its own (`after`: a plan's PDF prints the page
of each case in the handbook's). A format says its file name, the class that writes it, and
the format whose file it is made from (`source`: an archival edition is made from the PDF of
the same document, which is written first).

The functions are imported when a document is made, not when this table is read: an
unchanged build is answered from the table's file names before Jinja is imported.

docs/architecture.md says how to add a format (a row of FORMATS and a writer class) or a
document (a row of DOCUMENTS, its view, its template)."""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from planc.index import Index

ROUND, SITE = "round", "site"  # one document per round, or one for the whole site
SCREEN, PRINT, DATA = "screen", "print", "data"  # what a format's page is made for
ARCHIVE = "archive"  # an edition for the archives, made from another format's file


@dataclass(frozen=True)
class Format:
    name: str
    pattern: str  # the file name: {stem} and {round} filled in
    medium: str  # screen or print (an HTML page made for it), data, or archive
    writer: str  # "module:Class", a planc.render.writers.Writer
    source: str | None = None  # the format whose file of the same document this is made from


# ASCII file names on purpose: zip tools on Chinese Windows garble other names. The PDFs carry
# their round, so downloads from several rounds do not collide in a clerk's download folder.
FORMATS: dict[str, Format] = {
    "html": Format("html", "{stem}.html", SCREEN, "planc.render.writers:TextWriter"),
    "json": Format("json", "{stem}.json", DATA, "planc.render.writers:TextWriter"),
    "pdf": Format("pdf", "{stem}-{round}.pdf", PRINT, "planc.render.writers:PdfWriter"),
    # After the PDF: its writer finishes once the PDFs are laid out, and prints their pages.
    "docx": Format("docx", "{stem}-{round}.docx", PRINT, "planc.render.docx:DocxWriter"),
    # The archival editions (docs/archive.md): PDF/A-3a with the round's sources inside, and
    # OFD (GB/T 33190), each made from the document's PDF; `planc build --archive`, --release.
    "pdfa": Format(
        "pdfa", "{stem}-{round}.pdfa.pdf", ARCHIVE, "planc.render.archival:PdfaWriter", "pdf"
    ),
    "ofd": Format("ofd", "{stem}-{round}.ofd", ARCHIVE, "planc.render.archival:OfdWriter", "pdf"),
}


@dataclass(frozen=True)
class Site:
    """What every page of a build links to: the rounds of the site (built now, or kept from
    the last build), the draft date of each round built as a draft, and which rounds have
    each optional document (a handbook, a 督查通报)."""

    rounds: list[str]
    dates: dict[str, str] = field(default_factory=dict)
    having: dict[str, list[str]] = field(default_factory=dict)


View = Callable[["Index", str, Site], Any]
Page = Callable[["DocumentKind", Any, Site, str], str]


def _always(index: Index, name: str) -> bool:
    return True


@dataclass(frozen=True)
class DocumentKind:
    name: str
    scope: str  # ROUND or SITE
    formats: tuple[str, ...]
    view: View
    page: Page
    template: str | None = None
    label: str = ""  # what the site's navigation calls it
    present: Callable[[Index, str], bool] = _always  # which rounds have it
    after: str | None = None  # the kind whose PDF is laid out first: its pages print here
    stem: str = ""  # of its file names (default: its name)

    def file_name(self, fmt: str, round_name: str = "") -> str:
        """The name of this document's file in format `fmt`: plan-2020-2021.pdf."""
        return FORMATS[fmt].pattern.format(stem=self.stem or self.name, round=round_name)

    def path(self, fmt: str, round_name: str = "") -> str:
        """Where that file goes in a build: in its round's folder, or at the top."""
        name = self.file_name(fmt, round_name)
        return f"{round_name}/{name}" if self.scope == ROUND else name


def _call(ref: str, *args: Any) -> Any:
    module, _, name = ref.partition(":")
    return getattr(importlib.import_module(module), name)(*args)


# The views and pages of the kinds below, by the functions that make them.


def _round_view(index: Index, name: str, site: Site) -> Any:
    return _call("planc.render.views:round_view", index, name, site.dates.get(name, ""))


def _round_page(kind: DocumentKind, view: Any, site: Site, medium: str) -> str:
    having = site.having.get("handbook")
    return str(_call("planc.render.pages:document", view, kind.name, site.rounds, medium, having))


def _data_view(index: Index, name: str, site: Site) -> Any:
    return _call("planc.render.export:plan_json", index, name)


def _data_page(kind: DocumentKind, view: Any, site: Site, medium: str) -> str:
    return str(view)  # plan.json's text, as the view made it


def _bulletin_view(index: Index, name: str, site: Site) -> Any:
    return _call("planc.render.bulletin:progress_view", index, name)


def _bulletin_page(kind: DocumentKind, view: Any, site: Site, medium: str) -> str:
    with_progress = site.having.get("progress", [])
    return str(_call("planc.render.bulletin:progress_document", view, with_progress, medium))


def _site_view(index: Index, name: str, site: Site) -> Any:
    return index


def _site_page(kind: DocumentKind, view: Any, site: Site, medium: str) -> str:
    return str(_call("planc.render.pages:site_index", view, site.rounds))


def _has_cases(index: Index, name: str) -> bool:
    """A round whose sources hold no case gets no handbook (no empty shell)."""
    return bool(index.rounds[name].round.cases())


def _has_progress(index: Index, name: str) -> bool:
    """A 督查通报 where progress is reported."""
    return index.rounds[name].progress is not None


# In the order they are made: a kind before those laid out after it.
DOCUMENTS: tuple[DocumentKind, ...] = (
    DocumentKind(
        "handbook",
        ROUND,
        ("html", "pdf", "docx", "pdfa", "ofd"),
        _round_view,
        _round_page,
        "handbook.html.j2",
        "对标案例指导手册",
        present=_has_cases,
    ),
    DocumentKind(
        "plan",
        ROUND,
        ("html", "pdf", "docx", "pdfa", "ofd"),
        _round_view,
        _round_page,
        "plan.html.j2",
        "行动计划",
        after="handbook",
    ),
    DocumentKind("data", ROUND, ("json",), _data_view, _data_page, stem="plan"),
    DocumentKind(
        "progress",
        ROUND,
        ("html", "pdf", "docx"),
        _bulletin_view,
        _bulletin_page,
        "progress.html.j2",
        "督查通报",
        present=_has_progress,
    ),
    DocumentKind("index", SITE, ("html",), _site_view, _site_page, "index.html.j2"),
)
KINDS = {kind.name: kind for kind in DOCUMENTS}
FIRST = {kind.after for kind in DOCUMENTS if kind.after}  # laid out before another kind


def formats(
    html_only: bool = False, archive: bool = False, printed: Collection[str] | None = None
) -> list[str]:
    """The formats a build writes, each after the one it is made from: with `html_only`, no
    page made for print; with `printed`, only those of the formats made for print (`planc
    build --docx`: the Word edition, no PDF); without `archive`, no archival edition; never a
    format whose source is not written."""
    written: list[str] = []
    for name, fmt in FORMATS.items():
        if fmt.medium == PRINT:
            wanted = not html_only and (printed is None or name in printed)
        else:
            wanted = archive or fmt.medium != ARCHIVE
        if wanted and (fmt.source is None or fmt.source in written):
            written.append(name)
    return written


def every_round_has(round_name: str, written: Sequence[str]) -> list[str]:
    """The files every round of a build writing the formats `written` has, whatever its
    sources hold (the up-to-date stamp looks for them), by their path in the build."""
    return [
        kind.path(fmt, round_name)
        for kind in DOCUMENTS
        if kind.scope == ROUND and kind.present is _always
        for fmt in kind.formats
        if fmt in written
    ]


def site_files(written: Sequence[str]) -> list[str]:
    """The files of the site a build writes at the top of its folder (index.html)."""
    return [
        kind.path(fmt)
        for kind in DOCUMENTS
        if kind.scope == SITE
        for fmt in kind.formats
        if fmt in written
    ]


# The file by which a folder of a build is known as a round's (plan.json): written for every
# round, by every build.
ROUND_FILE = next(
    kind.file_name(fmt)
    for kind in DOCUMENTS
    if kind.scope == ROUND and kind.present is _always
    for fmt in kind.formats
    if FORMATS[fmt].medium == DATA
)


def print_documents(rounds: int, written: Sequence[str], fmt: str = "pdf") -> int:
    """How many files of a format made for print (PDFs) a build of `rounds` rounds writing the
    formats `written` makes at most."""
    if fmt not in written:
        return 0
    return rounds * sum(1 for kind in DOCUMENTS if kind.scope == ROUND and fmt in kind.formats)


@dataclass
class Document:
    """One file of a build: a kind, a format, a round ("" for the site's)."""

    kind: DocumentKind
    format: Format
    round: str
    target: Path
    site: Site
    index: Index
    views: dict[tuple[View, str], Any]  # shared: plan and handbook are made from one view
    folder: Path  # the build's: every document's file is under it
    pages: dict[tuple[str, str, str], str] = field(default_factory=dict)  # shared: by medium

    @property
    def label(self) -> str:
        """For the progress bar: PDF 2020-2021 plan, OFD 2020-2021 plan, HTML 2020-2021."""
        if self.format.medium in (PRINT, ARCHIVE):
            return f"{self.format.name.upper()} {self.round} {self.kind.name}"
        return f"HTML {self.round}".strip()

    def file(self, fmt: str, kind: DocumentKind | None = None, round_name: str = "") -> Path:
        """Where this document (or `kind`'s, of `round_name`) is in format `fmt` in this
        build: the PDF an archival edition is made from, the other editions it links to."""
        return self.folder / (kind or self.kind).path(fmt, round_name or self.round)

    def view(self) -> Any:
        """What the document is made from (made once for all the kinds that share it)."""
        key = (self.kind.view, self.round)
        if key not in self.views:
            self.views[key] = self.kind.view(self.index, self.round, self.site)
        return self.views[key]

    def page(self, medium: str) -> str:
        """The page the kind makes of its view for `medium` (screen, print or data), made
        once for the formats that share it (the PDF and the Word edition)."""
        key = (self.kind.name, self.round, medium)
        if key not in self.pages:
            self.pages[key] = self.kind.page(self.kind, self.view(), self.site, medium)
        return self.pages[key]


def documents(
    index: Index, rounds: Sequence[str], site: Site, work: Path, written: Sequence[str]
) -> Iterator[Document]:
    """Every document of `rounds` (and the site's) in the formats `written`, in the order of
    the table, each with its file under `work`."""
    views: dict[tuple[View, str], Any] = {}
    pages: dict[tuple[str, str, str], str] = {}
    for kind in DOCUMENTS:
        for name in rounds if kind.scope == ROUND else [""]:
            if kind.scope == ROUND and not kind.present(index, name):
                continue
            for fmt in kind.formats:
                if fmt in written:
                    target = work / kind.path(fmt, name)
                    yield Document(
                        kind, FORMATS[fmt], name, target, site, index, views, work, pages
                    )


def writer(fmt: Format) -> Any:
    """The class that writes `fmt` (imported now)."""
    module, _, name = fmt.writer.partition(":")
    return getattr(importlib.import_module(module), name)


# Links between the documents, as the PDFs have them: to the other document's PDF (which
# carries its round's name), in this round or another.
_LINKED = "|".join(k.name for k in DOCUMENTS if "html" in k.formats and "pdf" in k.formats)
_PAGE = re.compile(rf"^(?:\.\./(\d{{4}}-\d{{4}})/)?({_LINKED})\.html$")


def pdf_href(href: str, round_name: str) -> str:
    path, sep, anchor = href.partition("#")
    match = _PAGE.match(path)
    if match is None:
        return href
    other, doc = match.groups()
    target = KINDS[doc].file_name("pdf", other or round_name)
    return (f"../{other}/{target}" if other else target) + sep + anchor


_PRINTED = re.compile(rf"^((?:\.\./\d{{4}}-\d{{4}}/)?)({_LINKED})-(\d{{4}}-\d{{4}})\.pdf(#.*)?$")


def print_href(href: str, fmt: str) -> str:
    """A print page's link to another document's PDF as a link to that document in `fmt`
    (plan-2020-2021.pdf#task-x -> plan-2020-2021.docx#task-x), where it is made in `fmt`."""
    match = _PRINTED.match(href)
    if match is None:
        return href
    folder, doc, round_name, anchor = match.groups()
    if fmt not in KINDS[doc].formats:
        return href
    return folder + KINDS[doc].file_name(fmt, round_name) + (anchor or "")


def editions(fmt: str, rounds: Iterable[str]) -> dict[str, str]:
    """The files of `fmt`'s source named as their `fmt` editions, for the documents of
    `rounds` written in `fmt` (plan-2020-2021.pdf -> plan-2020-2021.ofd): an archival edition
    links to the other documents' editions of its own format, not to their PDFs."""
    source = FORMATS[fmt].source or fmt
    return {
        kind.file_name(source, name): kind.file_name(fmt, name)
        for kind in DOCUMENTS
        if fmt in kind.formats
        for name in rounds
    }
