"""Every internal link of the built site resolves, and nothing links outside it.

The shipped plans are built once for the module. Each `dist/**/*.html` is parsed with the
stdlib parser: every relative `href`/`src` must name a file inside dist/ and, with a fragment,
an id of that file. The PDFs' links to each other (`/URI` actions) must be relative, and their
fragments named destinations of the target PDF."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pypdf
import pytest
from pypdf.generic import ArrayObject, DictionaryObject

from tests.conftest import SHIPPED

PLANS = SHIPPED
EXTERNAL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")  # any URL scheme: http:, mailto:, file:, …
# A link from one PDF of planc to another: the other document of the round, or a document of
# another round.
PDF_TARGET = re.compile(
    r"^(?:plan|handbook|progress)-\d{4}-\d{4}\.pdf$"
    r"|^\.\./\d{4}-\d{4}/(?:plan|handbook|progress)-\d{4}-\d{4}\.pdf$"
)


@dataclass
class Page:
    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, str]] = field(default_factory=list)  # (attribute, value)
    duplicate_ids: set[str] = field(default_factory=set)


class _Collect(HTMLParser):
    def __init__(self, page: Page) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id":
                if value in self.page.ids:
                    self.page.duplicate_ids.add(value)
                self.page.ids.add(value)
            elif name in ("href", "src"):
                self.page.links.append((f"<{tag} {name}>", value))

    handle_startendtag = handle_starttag


def parse(path: Path) -> Page:
    page = Page()
    parser = _Collect(page)
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return page


@pytest.fixture(scope="module")
def dist(shipped_dist: Path) -> Path:
    return shipped_dist


@pytest.fixture(scope="module")
def pages(dist: Path) -> dict[str, Page]:
    """Every HTML file of the build by its path relative to dist/ (posix)."""
    found = {p.relative_to(dist).as_posix(): parse(p) for p in sorted(dist.rglob("*.html"))}
    assert "index.html" in found
    return found


def test_site_has_the_pages_of_every_round(dist: Path, pages: dict[str, Page]) -> None:
    rounds = sorted(p.name for p in PLANS.iterdir() if re.fullmatch(r"\d{4}-\d{4}", p.name))
    assert rounds
    for name in rounds:
        assert f"{name}/plan.html" in pages
        assert (dist / name / "plan.json").is_file()
        assert (dist / name / f"plan-{name}.pdf").is_file()
        # A round whose sources hold no case has no handbook at all, and says so.
        has_cases = (PLANS / name / "cases").is_dir()
        assert (f"{name}/handbook.html" in pages) == has_cases
        assert (dist / name / f"handbook-{name}.pdf").is_file() == has_cases
        if not has_cases:
            plan = (dist / name / "plan.html").read_text(encoding="utf-8")
            assert "不另出对标案例指导手册" in plan


def test_ids_are_unique(pages: dict[str, Page]) -> None:
    duplicates = {name: sorted(p.duplicate_ids) for name, p in pages.items() if p.duplicate_ids}
    assert not duplicates, f"ids used twice in one page: {duplicates}"


def _check_html_link(source: str, value: str, pages: dict[str, Page], dist: Path) -> str | None:
    """None if the link resolves, else why it does not."""
    if not value:
        return "empty link"
    if value.startswith("//") or EXTERNAL.match(value):
        return "external link (planc's pages link to nothing outside dist/)"
    parts = urlsplit(value)
    if parts.query:
        return "query string in a link to a static file"
    path, fragment = unquote(parts.path), unquote(parts.fragment)
    if path.startswith("/"):
        return "absolute path"
    if path:
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(source), path))
        if joined == ".." or joined.startswith("../"):
            return f"leaves dist/ ({joined})"
        if not (dist / joined).is_file():
            return f"no file {joined}"
        target = joined
    else:
        target = source
    if fragment:
        if target not in pages:
            return f"fragment #{fragment} into {target}, which is not an HTML page"
        if fragment not in pages[target].ids:
            return f"no id '{fragment}' in {target}"
    elif "#" in value and not path:
        return "bare '#' link"
    return None


def test_every_internal_link_resolves(dist: Path, pages: dict[str, Page]) -> None:
    broken: list[str] = []
    checked = 0
    for source, page in pages.items():
        for attr, value in page.links:
            checked += 1
            why = _check_html_link(source, value, pages, dist)
            if why is not None:
                broken.append(f"{source}: {attr}={value!r}: {why}")
    assert not broken, f"{len(broken)} of {checked} links are broken:\n" + "\n".join(broken)
    assert checked > 200, f"only {checked} links checked: the site is not what this test expects"


def test_each_round_links_to_its_handbook_cases(pages: dict[str, Page]) -> None:
    """The cross-links the site exists for: some task of a round links to a handbook case."""
    rounds = {name.split("/")[0] for name in pages if "/" in name}
    for name in sorted(rounds):
        cases = [
            v for _, v in pages[f"{name}/plan.html"].links if v.startswith("handbook.html#case-")
        ]
        handbook = pages.get(f"{name}/handbook.html")
        handbook_cases = {i for i in handbook.ids if i.startswith("case-")} if handbook else set()
        if handbook_cases:
            assert cases, f"{name}/plan.html links to none of its {len(handbook_cases)} cases"


# --- PDF ---------------------------------------------------------------------------------


def _annotations(reader: pypdf.PdfReader) -> Iterator[DictionaryObject]:
    for page in reader.pages:
        annots = page.get("/Annots")
        if annots is None:
            continue
        for annot in annots.get_object():
            obj = annot.get_object()
            if isinstance(obj, DictionaryObject) and obj.get("/Subtype") == "/Link":
                yield obj


def _uris(reader: pypdf.PdfReader) -> list[str]:
    uris = []
    for annot in _annotations(reader):
        action = annot.get("/A")
        if action is None:
            continue
        action = action.get_object()
        if action.get("/S") == "/URI":
            uris.append(str(action["/URI"]))
        elif action.get("/S") in ("/Launch", "/GoToR"):
            uris.append(f"<{action.get('/S')} action: {action!r}>")
    return uris


def _internal_dests(reader: pypdf.PdfReader) -> list[Any]:
    """The destinations of the links inside one PDF (GoTo actions or /Dest entries)."""
    dests: list[Any] = []
    for annot in _annotations(reader):
        action = annot.get("/A")
        if action is not None:
            action = action.get_object()
            if action.get("/S") == "/GoTo":
                dests.append(action["/D"])
        elif "/Dest" in annot:
            dests.append(annot["/Dest"])
    return dests


@pytest.fixture(scope="module")
def pdf_names(dist: Path) -> dict[str, set[str]]:
    """The named destinations of every PDF, by path relative to dist/."""
    return {
        p.relative_to(dist).as_posix(): set(pypdf.PdfReader(p).named_destinations)
        for p in sorted(dist.rglob("*.pdf"))
    }


def test_pdfs_have_the_anchors_of_the_pages(
    pages: dict[str, Page], pdf_names: dict[str, set[str]]
) -> None:
    """Every task and case anchor of a page is a named destination of its PDF."""
    assert pdf_names
    missing: list[str] = []
    anchors = 0
    for name, page in pages.items():
        if name == "index.html":
            continue
        folder, _, doc = name.rpartition("/")
        pdf = f"{folder}/{doc.removesuffix('.html')}-{folder}.pdf"
        assert pdf in pdf_names, f"no {pdf} beside {name}"
        wanted = {i for i in page.ids if i.startswith(("task-", "case-"))}
        anchors += len(wanted)
        missing += [f"{pdf}#{i}" for i in sorted(wanted - pdf_names[pdf])]
    assert not missing, f"{len(missing)} anchors missing from the PDFs: {missing}"
    assert anchors > 100


def test_pdf_links_between_documents_resolve(dist: Path, pdf_names: dict[str, set[str]]) -> None:
    broken: list[str] = []
    checked = 0
    for source in pdf_names:
        for uri in _uris(pypdf.PdfReader(dist / source)):
            checked += 1
            path, _, fragment = uri.partition("#")
            if not PDF_TARGET.match(path):
                broken.append(f"{source}: {uri!r}: not a relative link to a PDF of planc")
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(source), path))
            if target not in pdf_names:
                broken.append(f"{source}: {uri!r}: no file {target}")
            elif not fragment:
                broken.append(f"{source}: {uri!r}: no fragment")
            elif unquote(fragment) not in pdf_names[target]:
                broken.append(f"{source}: {uri!r}: no destination '{fragment}' in {target}")
    assert not broken, f"{len(broken)} of {checked} PDF links are broken:\n" + "\n".join(broken)
    assert checked > 50, f"only {checked} links between PDFs: fewer than the plans hold"


def test_pdf_internal_links_resolve(dist: Path, pdf_names: dict[str, set[str]]) -> None:
    broken: list[str] = []
    checked = 0
    for source, names in pdf_names.items():
        for dest in _internal_dests(pypdf.PdfReader(dist / source)):
            checked += 1
            if isinstance(dest, ArrayObject):
                continue  # an explicit page destination always resolves
            if str(dest) not in names:
                broken.append(f"{source}: no destination {dest!r}")
    assert not broken, f"{len(broken)} internal PDF links are broken:\n" + "\n".join(broken)
    assert checked > 50
