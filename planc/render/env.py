"""The Jinja environment: templates and CSS from planc/templates (package data), autoescaped,
StrictUndefined so a misspelt name fails the build instead of printing nothing."""

from __future__ import annotations

import functools

from jinja2 import (
    BytecodeCache,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    pass_context,
    select_autoescape,
)
from jinja2.bccache import Bucket
from jinja2.runtime import Context
from markupsafe import Markup

from planc.errors import TemplatesMissing
from planc.paths import TEMPLATES as TEMPLATES  # where it was defined before: keep the name
from planc.render import documents, fonts, typeset
from planc.render.charts import bar_chart


class _CompiledTemplates(BytecodeCache):
    """Compiled templates kept for the life of the process. Every document gets a fresh
    environment (its globals depend on the medium and the fonts), and compiling the templates
    anew for each cost 0.39 s of a one-round build, on the path every PDF waits for. The key
    holds the template's name and a checksum of its source, so an edited template compiles
    again; the cache is per medium (below)."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # Jinja checks the source's checksum itself

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


# One per medium: the `doc` filter takes the context in print only, and Jinja compiles a call
# to such a filter differently.
_COMPILED = {"screen": _CompiledTemplates(), "print": _CompiledTemplates()}


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
        bytecode_cache=_COMPILED.get(medium),
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
    return documents.pdf_href(href, str(context.get("current_round", "")))
