"""Page references in a plan's PDF: beside each link into the handbook, the handbook page it
goes to, so a plan PDF printed or sent on its own still says where each case is. The print HTML
holds a marker after each such link; the handbook is laid out first and its pages fill them."""

from __future__ import annotations

import re

MARKER = re.compile(r"<!--pageref:([^>]*?)-->")
BODY = "body"  # the anchor of the body, whose first page is page 1


def marker(anchor: str) -> str:
    return f"<!--pageref:{anchor}-->"


def fill(html: str, pages: dict[str, int]) -> str:
    """Each marker replaced by the page of its anchor in the handbook, or removed when the
    handbook does not have it (no handbook, or a case the sources hold no page for)."""

    # The body's pages are numbered from 1 apart from the front matter: the page printed on
    # the page, not its place in the file.
    first = pages.get(BODY, 1)

    def page(match: re.Match[str]) -> str:
        number = pages.get(match.group(1))
        if not number:
            return ""
        return f'<span class="pageref">（手册第{number - first + 1}页）</span>'

    return MARKER.sub(page, html)
