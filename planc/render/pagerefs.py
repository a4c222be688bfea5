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

    def page(match: re.Match[str]) -> str:
        number = printed(pages, match.group(1))
        return f'<span class="pageref">（手册第{number}页）</span>' if number else ""

    return MARKER.sub(page, html)


def _roman(number: int) -> str:
    out = ""
    for value, letters in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while number >= value:
            out += letters
            number -= value
    return out


def printed(pages: dict[str, int], anchor: str) -> str:
    """The page number printed on the page `anchor` falls on ("" when it is not known): the
    body's pages are numbered from 1 apart from the front matter, whose pages are in Roman
    numerals (the number printed on the page, not its place in the file)."""
    number = pages.get(anchor)
    if not number:
        return ""
    first = pages.get(BODY)
    if first is None:
        return str(number)
    return str(number - first + 1) if number >= first else _roman(number)
