"""HTML to PDF with WeasyPrint: fonts by family name, nothing fetched but planc's templates."""

from __future__ import annotations

import logging
import mimetypes
import shutil
import subprocess
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


def write_pdf(html: str, target: Path) -> list[str]:
    """Lay out and write one PDF; returns WeasyPrint's warnings (a clean build has none)."""
    import weasyprint

    logger = logging.getLogger("weasyprint")
    collect = _Collect()
    logger.addHandler(collect)
    try:
        document = weasyprint.HTML(string=html, base_url=BASE_URL, url_fetcher=_fetcher())
        document.write_pdf(target)
    finally:
        logger.removeHandler(collect)
    return collect.messages
