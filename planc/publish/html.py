"""The screen pages of one round from an Analysis, as text: the groundwork of a live preview,
which re-renders a round after each edit without writing a site. The same calls as the build's
(`publish._render`), so the same bytes as `planc build` and `planc build --html` write
(tests/test_speed.py holds them equal)."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from planc.pipeline import Analysis


def round_pages(
    analysis: Analysis,
    name: str,
    site_rounds: Sequence[str],
    handbooks: Collection[str] | None = None,
    dated: str = "",
) -> dict[str, str]:
    """File name (plan.html, handbook.html when the round has one, plan.json) -> text, linking
    to `site_rounds` (the rounds of the site); `handbooks`: those with a handbook (default:
    all); `dated`: a draft's date."""
    from planc.render.export import plan_json
    from planc.render.names import DOCS
    from planc.render.pages import document
    from planc.render.views import round_view

    view = round_view(analysis.index, name, dated)
    rounds = list(site_rounds)
    pages = {}
    for doc in DOCS:
        if doc == "handbook" and not view.has_handbook:
            continue
        pages[f"{doc}.html"] = document(view, doc, rounds, "screen", handbooks)
    pages["plan.json"] = plan_json(analysis.index, name)
    return pages
