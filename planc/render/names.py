"""The names of the files a build writes. The PDFs carry their round, so that downloads from
several rounds do not collide in a clerk's download folder (plan-2020-2021.pdf). ASCII on
purpose: zip tools on Chinese Windows garble non-ASCII entry names."""

from __future__ import annotations

import re

DOCS = ("plan", "handbook")
_PAGE = re.compile(r"^(?:\.\./(\d{4}-\d{4})/)?(plan|handbook|progress)\.html$")


def pdf_name(doc: str, round_name: str) -> str:
    return f"{doc}-{round_name}.pdf"


def pdfa_name(doc: str, round_name: str) -> str:
    """The archival PDF (PDF/A-3a, the sources inside): plan-2020-2021.pdfa.pdf."""
    return f"{doc}-{round_name}.pdfa.pdf"


def ofd_name(doc: str, round_name: str) -> str:
    """The OFD edition (GB/T 33190): plan-2020-2021.ofd."""
    return f"{doc}-{round_name}.ofd"


def pdf_href(href: str, round_name: str) -> str:
    """A link of the HTML pages as the PDFs have it: to the other document's PDF (with the
    round's name), in this round or another."""
    path, sep, anchor = href.partition("#")
    match = _PAGE.match(path)
    if match is None:
        return href
    other, doc = match.groups()
    target = pdf_name(doc, other or round_name)
    return (f"../{other}/{target}" if other else target) + sep + anchor
