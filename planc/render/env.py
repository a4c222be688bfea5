"""The Jinja environment: templates and CSS from planc/templates (package data), autoescaped,
StrictUndefined so a misspelt name fails the build instead of printing nothing."""

from __future__ import annotations

import functools
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context, select_autoescape
from jinja2.runtime import Context
from markupsafe import Markup

from planc.errors import TemplatesMissing
from planc.render import fonts, names, typeset
from planc.render.charts import bar_chart

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def environment(medium: str) -> Environment:
    """`medium` is "screen" (the HTML pages) or "print" (the HTML WeasyPrint lays out)."""
    if not (TEMPLATES / "base.html.j2").is_file():
        raise TemplatesMissing(
            f"planc's templates are not at {TEMPLATES}; reinstall planc (pip install planc)"
        )
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["j2", "html"], default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals["medium"] = medium
    if medium == "print":  # the charts' labels in the 黑体 of the tables
        font = fonts.css_stack(fonts.policy()["heading1"]).replace('"', "")
        env.globals["bar_chart"] = functools.partial(bar_chart, font=font)
    else:
        env.globals["bar_chart"] = bar_chart
    env.filters["doc"] = _pdf_links if medium == "print" else _same
    env.globals["title_lines"] = typeset.title_lines
    env.globals["cn_date"] = typeset.cn_date
    # planc's own files, inlined so a page needs nothing beside it: trusted, not escaped.
    sheet = (TEMPLATES / f"{medium}.css").read_text(encoding="utf-8")
    if medium == "print":
        sheet = fonts.stylesheet(sheet)
    env.globals["stylesheet"] = Markup(sheet)
    env.globals["script"] = Markup((TEMPLATES / "search.js").read_text(encoding="utf-8"))
    return env


def _same(href: str) -> str:
    return href


@pass_context
def _pdf_links(context: Context, href: str) -> str:
    """In a PDF, links to the other document go to its PDF."""
    return names.pdf_href(href, str(context.get("current_round", "")))
