"""The HTML of a round's documents, for the screen (the pages in dist/) or for print (what
WeasyPrint lays out), and the site index."""

from __future__ import annotations

from collections.abc import Collection

from planc import __version__
from planc.index import Index
from planc.render import typeset
from planc.render.documents import KINDS
from planc.render.env import environment
from planc.render.views import Link, RoundView, round_view

SEARCHED = {"plan": "任务", "handbook": "案例"}  # what each page's search box finds


def _counts(view: RoundView) -> dict[str, int]:
    computed = {f.name: f.computed or 0 for f in view.figures}  # these three are always counted
    return {
        "cases": computed["cases"],
        "countries": computed["case_countries"],
        "cities": computed["case_cities"],
    }


def document(
    view: RoundView,
    doc: str,
    rounds: list[str],
    medium: str,
    handbooks: Collection[str] | None = None,
) -> str:
    """`handbooks`: the rounds of `rounds` that have a handbook (default: all of them); the
    others are linked by their plan."""
    kind = KINDS[doc]
    nav = [Link("行动计划", "plan.html", "current" if doc == "plan" else "")]
    if view.has_handbook:
        nav.append(Link("对标案例", "handbook.html", "current" if doc == "handbook" else ""))
    if view.systems:
        nav.append(Link("指标体系", "plan.html#indicators"))
    if view.has_progress:
        nav.append(Link("督查通报", "progress.html"))
    title = view.handbook_title if doc == "handbook" and view.handbook_title else view.title
    page = (
        environment(medium)
        .get_template(str(kind.template))
        .render(
            round=view,
            page_title=title,
            author=view.issuer or "planc",
            version=__version__,
            home="../index.html",
            home_dir="../",
            nav=nav,
            rounds=rounds,
            handbooks=rounds if handbooks is None else handbooks,
            current_round=view.name,
            page_name=kind.file_name("html"),
            searchable=SEARCHED[doc],
            counts=_counts(view),
            label=kind.label,
        )
    )
    return typeset.finish(page, medium)


def site_index(index: Index, rounds: list[str]) -> str:
    views = [round_view(index, name) for name in rounds]
    page = (
        environment("screen")
        .get_template(str(KINDS["index"].template))
        .render(
            page_title="青岛市推进“国际化+”行动计划",
            author="planc",
            version=__version__,
            home="index.html",
            home_dir="",
            nav=[],
            rounds=[],
            handbooks=[],
            current_round="",
            page_name="",
            searchable="",
            rounds_views=views,
        )
    )
    return typeset.finish(page, "screen")
