"""The screen pages of one round from an Analysis, as text: the groundwork of a live preview,
which re-renders a round after each edit without writing a site. The same table and the same
calls as the build's (`publish._render`), so the same bytes as `planc build` and `planc build
--html` write (tests/test_speed.py holds them equal)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path

from planc.pipeline import Analysis


def round_pages(
    analysis: Analysis,
    name: str,
    site_rounds: Sequence[str],
    handbooks: Collection[str] | None = None,
    dated: str = "",
) -> dict[str, str]:
    """File name (plan.html, handbook.html when the round has one, plan.json...) -> text,
    linking to `site_rounds` (the rounds of the site); `handbooks`: those with a handbook
    (default: all); `dated`: a draft's date."""
    from planc.render.documents import DOCUMENTS, ROUND, Site, documents, formats

    index, rounds = analysis.index, list(site_rounds)
    having = {
        kind.name: [n for n in rounds if n in index.rounds and kind.present(index, n)]
        for kind in DOCUMENTS
        if kind.scope == ROUND
    }
    if handbooks is not None:
        having["handbook"] = list(handbooks)
    site = Site(rounds, {name: dated} if dated else {}, having)
    pages = {}
    for doc in documents(index, [name], site, Path(), formats(html_only=True)):
        if doc.kind.scope == ROUND:
            pages[doc.target.name] = doc.page(doc.format.medium)
    return pages
