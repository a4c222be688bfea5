"""The HTML of one round from an Analysis, as text: what a build writes for the screen and
hands to the PDF workers for print. One function, so `planc build --html`, a full build and a
live preview later all make the same bytes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from planc.pipeline import Analysis
from planc.render.export import plan_json
from planc.render.pages import document
from planc.render.views import round_view

DOCUMENTS = ("plan", "handbook")


@dataclass(slots=True)
class RoundPages:
    """`screen`: file name (plan.html, handbook.html, plan.json) -> text; `print`: document
    (plan, handbook) -> the HTML WeasyPrint lays out (only when asked for)."""

    screen: dict[str, str]
    print: dict[str, str]


def round_pages(
    analysis: Analysis, name: str, site_rounds: Sequence[str], for_print: bool = True
) -> RoundPages:
    """The pages of round `name`, linking to `site_rounds` (the rounds in the output)."""
    index, rounds = analysis.index, list(site_rounds)
    view = round_view(index, name)
    pages = RoundPages({}, {})
    for doc in DOCUMENTS:
        pages.screen[f"{doc}.html"] = document(view, doc, rounds, "screen")
        if for_print:
            pages.print[doc] = document(view, doc, rounds, "print")
    pages.screen["plan.json"] = plan_json(index, name)
    return pages
