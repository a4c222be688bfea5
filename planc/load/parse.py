"""One YAML source's bytes or text to nodes: the line reader (lines.py) for the plain block
YAML planc writes and clerks keep, libyaml (events.py) for the rest; a full-width colon after a
key named where it is (yaml_problems.py). Above the readers, so that nodes.py, which both
build on, imports neither."""

from __future__ import annotations

from planc.diagnostics import Diagnostic
from planc.load import lines
from planc.load.nodes import Node, YamlFailure, decode, in_order
from planc.load.yaml_problems import fullwidth_keys


def parse_bytes(data: bytes, file: str) -> tuple[Node | None, list[Diagnostic]]:
    """The root node of one YAML file's bytes (None when it holds no document), and the
    problems that did not stop reading it (repeated keys)."""
    return parse_text(decode(data, file), file)


def parse_text(text: str, file: str) -> tuple[Node | None, list[Diagnostic]]:
    """The root node of one file's text and its problems (see parse_bytes)."""
    try:
        try:
            root, problems = lines.read(text, file)
        except lines.Unsupported:
            from planc.load import events  # libyaml: only for what the fast reader leaves

            root, problems = events.parse_text(text, file)
    except YamlFailure as failure:
        # A key typed with a full-width colon is the commonest cause, and the parser notices
        # it a line or more later: name the colon instead.
        at = failure.diagnostic.loc.line
        colons = [d for d in fullwidth_keys(text, file) if d.loc.line <= at]
        if colons and failure.diagnostic.code == "yaml-syntax":
            raise YamlFailure(colons[0]) from None
        raise
    colons = fullwidth_keys(text, file)  # also where YAML read the line as text
    return root, in_order([*colons, *problems]) if colons else problems
