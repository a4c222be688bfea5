"""The parser's own words for a YAML syntax error, in the user's language.

libyaml says what went wrong in a short English phrase ("could not find expected ':'") and
where it was reading ("while scanning a simple key"). The common phrases are spelled out here
so the catalogue's test finds each one; a rare one stays as the parser wrote it. Called only
for a file that fails to parse, so good input never pays for the lookup.
"""

from __future__ import annotations

import functools
import re

from ruamel.yaml.error import MarkedYAMLError

from planc.diagnostics import Diagnostic, Loc
from planc.i18n import _, chinese


def _phrase(text: str) -> str:
    """One of the parser's phrases in the user's language (unchanged when unknown)."""
    words = {
        "mapping values are not allowed in this context": _(
            "mapping values are not allowed in this context"
        ),
        "mapping values are not allowed here": _("mapping values are not allowed here"),
        "mapping keys are not allowed in this context": _(
            "mapping keys are not allowed in this context"
        ),
        "block sequence entries are not allowed in this context": _(
            "block sequence entries are not allowed in this context"
        ),
        "could not find expected ':'": _("could not find expected ':'"),
        "did not find expected key": _("did not find expected key"),
        "did not find expected '-' indicator": _("did not find expected '-' indicator"),
        "did not find expected node content": _("did not find expected node content"),
        "did not find expected ',' or ']'": _("did not find expected ',' or ']'"),
        "did not find expected ',' or '}'": _("did not find expected ',' or '}'"),
        "did not find expected comment or line break": _(
            "did not find expected comment or line break"
        ),
        "found character that cannot start any token": _(
            "found character that cannot start any token"
        ),
        "found a tab character that violates indentation": _(
            "found a tab character that violates indentation"
        ),
        "found a tab character where an indentation space is expected": _(
            "found a tab character where an indentation space is expected"
        ),
        "found unexpected end of stream": _("found unexpected end of stream"),
        "found unknown escape character": _("found unknown escape character"),
        "found undefined alias": _("found undefined alias"),
        "found undefined tag handle": _("found undefined tag handle"),
        "found unexpected ':'": _("found unexpected ':'"),
        "found duplicate anchor; first occurrence": _("found duplicate anchor; first occurrence"),
        "while scanning a simple key": _("while scanning a simple key"),
        "while scanning a plain scalar": _("while scanning a plain scalar"),
        "while scanning a quoted scalar": _("while scanning a quoted scalar"),
        "while scanning a block scalar": _("while scanning a block scalar"),
        "while scanning an anchor": _("while scanning an anchor"),
        "while scanning an alias": _("while scanning an alias"),
        "while scanning a tag": _("while scanning a tag"),
        "while parsing a block mapping": _("while parsing a block mapping"),
        "while parsing a block collection": _("while parsing a block collection"),
        "while parsing a block node": _("while parsing a block node"),
        "while parsing a flow mapping": _("while parsing a flow mapping"),
        "while parsing a flow sequence": _("while parsing a flow sequence"),
        "while parsing a flow node": _("while parsing a flow node"),
        "while parsing a node": _("while parsing a node"),
        "while parsing a quoted scalar": _("while parsing a quoted scalar"),
        "invalid YAML": _("invalid YAML"),
    }
    return words.get(text, text)


def yaml_problem(exc: MarkedYAMLError) -> str:
    """The message of a YAML syntax error: the problem, and in brackets where it was reading."""
    problem = exc.problem or exc.context or "invalid YAML"
    context = exc.context if exc.context and exc.problem else ""
    if not chinese():  # English exactly as the parser wrote it
        return f"{problem} ({context})" if context else problem
    if context:
        return _("{problem} ({context})", problem=_phrase(problem), context=_phrase(context))
    return _phrase(problem)


# A key typed with the Chinese input method's colon (`title：…`): YAML reads the line as text
# (folded into the value above it, or a syntax error a line later), so the colon is named
# where it stands. Only planc's own field names count as keys: `GDP：` in a text is text.
_FULLWIDTH_KEY = re.compile(r"^([ \t]*(?:-[ \t]+)?)([A-Za-z_][A-Za-z0-9_]*)[ \t]*：", re.M)


@functools.cache
def _field_names() -> frozenset[str]:
    from planc.load.formats import KINDS
    from planc.load.spec import ListOf, MapOf, Obj, Type

    names: set[str] = set()
    stack: list[Type] = list(KINDS.values())
    while stack:
        spec = stack.pop()
        if isinstance(spec, Obj):
            for name, fld in spec.fields.items():
                names.add(name)
                stack.append(fld.type)
        elif isinstance(spec, ListOf):
            stack.append(spec.item)
        elif isinstance(spec, MapOf):
            stack.append(spec.value)
    return frozenset(names)


def fullwidth_keys(text: str, file: str) -> list[Diagnostic]:
    """Each line whose key is followed by a full-width colon, at the colon."""
    if "：" not in text:
        return []
    fields = _field_names()
    found = []
    for match in _FULLWIDTH_KEY.finditer(text):
        key = match[2]
        if key not in fields:
            continue
        line = text.count("\n", 0, match.start()) + 1
        column = match.end() - match.start()  # the colon's column, 1-based
        found.append(
            Diagnostic(
                "yaml-syntax",
                Loc(file, line, column),
                _(
                    "the key '{key}' is followed by a full-width colon '：'; YAML needs a "
                    "half-width ':'",
                    key=key,
                ),
                _("write {key}: (a half-width colon, then a space)", key=key),
            )
        )
    return found
