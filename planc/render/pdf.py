"""HTML to PDF with WeasyPrint: fonts by family name, nothing fetched but planc's templates."""

from __future__ import annotations

import logging
import mimetypes
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

from planc.errors import FontMissing
from planc.i18n import _
from planc.render.env import TEMPLATES

CJK_FAMILIES = ("Noto Serif CJK SC", "Noto Sans CJK SC")
CJK_PACKAGE = "fonts-noto-cjk"
# A base URL of planc's own: links between the PDFs stay relative (handbook.pdf#case-x), and no
# file path of the build machine ends up in a PDF.
BASE_URL = "planc:/round/"


def missing_fonts() -> list[str]:
    """The CJK families fontconfig cannot find (it silently substitutes another font)."""
    if shutil.which("fc-match") is None:
        return list(CJK_FAMILIES)
    missing = []
    for family in CJK_FAMILIES:
        found = subprocess.run(
            ["fc-match", "--format=%{family}", family], capture_output=True, text=True
        ).stdout
        if family not in found:
            missing.append(family)
    return missing


def require_fonts() -> None:
    missing = missing_fonts()
    if missing:
        raise FontMissing(
            _(
                "the CJK fonts {fonts} are not installed; a PDF would show empty boxes. "
                "Install them: sudo apt-get install {package}",
                fonts=", ".join(missing),
                package=CJK_PACKAGE,
            )
        )


def fast_subsetting() -> bool:
    """Whether WeasyPrint subsets fonts with HarfBuzz (else fontTools, ~20x slower on CJK)."""
    from weasyprint.text.ffi import harfbuzz_subset

    return harfbuzz_subset is not None


def _fetcher() -> object:
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class TemplatesOnly(URLFetcher):  # type: ignore[misc]
        """Serves files under templates/ and refuses every other URL, local or remote."""

        def __init__(self) -> None:
            super().__init__(fail_on_errors=True)

        def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
            prefix = "planc:/templates/"
            if url.startswith(prefix):
                path = (TEMPLATES / url[len(prefix) :]).resolve()
                if path.is_relative_to(TEMPLATES) and path.is_file():
                    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                    return URLFetcherResponse(
                        url, body=path.read_bytes(), headers={"Content-Type": kind}
                    )
            raise ValueError(f"planc fetches nothing but its own templates, not {url}")

    return TemplatesOnly()


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


class PageReferences:
    """pydyf's `PDF.page_references` builds the tuple of every page's reference on each call,
    and WeasyPrint's tagging calls it for every tagged element: quadratic in the pages (19 % of
    a 420-page plan's whole build; pydyf 0.13.0 is the newest release and still does it). This
    keeps the tuple per PDF and builds it again only when a page was added since. The counts
    let tests/test_speed_guards.py check the work stays linear."""

    lookups = 0
    built = 0  # references made, summed over every tuple built
    original: property | None = None  # pydyf's own

    @classmethod
    def install(cls) -> None:
        import pydyf

        original = pydyf.PDF.__dict__.get("page_references")
        if not isinstance(original, property) or getattr(original.fget, "planc", False):
            return  # already installed, or a pydyf that does this its own way

        def page_references(pdf: object) -> tuple[bytes, ...]:
            cls.lookups += 1
            kids = pdf.pages["Kids"]  # type: ignore[attr-defined]
            kept = pdf.__dict__.get("_planc_page_references")
            if kept is None or kept[0] != len(kids):
                references = original.fget(pdf)  # type: ignore[misc]
                cls.built += len(references)
                kept = (len(kids), references)
                pdf.__dict__["_planc_page_references"] = kept
            return kept[1]  # type: ignore[no-any-return]

        page_references.planc = True  # type: ignore[attr-defined]
        cls.original = original
        pydyf.PDF.page_references = property(page_references)


def _viewer_settings(document: object, pdf: object) -> None:
    import pydyf

    catalog = pdf.catalog  # type: ignore[attr-defined]
    catalog["PageMode"] = "/UseOutlines"
    catalog["ViewerPreferences"] = pydyf.Dictionary({"DisplayDocTitle": "true"})


def write_pdf(html: str, target: Path) -> list[str]:
    """Lay out and write one PDF; returns WeasyPrint's warnings (a clean build has none)."""
    return write_pdf_anchored(html, target)[0]


def write_pdf_anchored(
    html: str, target: Path, laid_out_hook: Callable[[dict[str, int]], None] | None = None
) -> tuple[list[str], dict[str, int]]:
    """As write_pdf, and the page (1 = the cover) each anchor of the document falls on;
    `laid_out_hook` gets them as soon as the pages are laid out, before the file is written."""
    import weasyprint

    PageReferences.install()
    logger = logging.getLogger("weasyprint")
    collect = _Collect()
    logger.addHandler(collect)
    try:
        # Tagged (a structure tree for screen readers and reflow), the title in the window
        # bar, the bookmarks pane open.
        document = weasyprint.HTML(string=html, base_url=BASE_URL, url_fetcher=_fetcher())
        laid_out = document.render(pdf_tags=True)
        # An element split over pages is an anchor of each of them: its page is the first
        # (a case over two pages is found on the first, as the PDF's own links go).
        anchors: dict[str, int] = {}
        for number, page in enumerate(laid_out.pages, 1):
            for anchor in page.anchors:
                anchors.setdefault(anchor, number)
        if laid_out_hook is not None:
            laid_out_hook(anchors)
        laid_out.write_pdf(target, finisher=_viewer_settings, pdf_tags=True)
    finally:
        logger.removeHandler(collect)
    return collect.messages, anchors
