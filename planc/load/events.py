"""Nodes from libyaml's event stream (ruamel's C parser), for the files `lines.py` does not
read: anchors and aliases, block scalars, multi-line values, anything unusual, and every syntax
error, which is reported in libyaml's words at its place.

planc builds the node tree from the parser's event stream itself instead of using ruamel's
composer: the composer runs its implicit-tag regexes on every scalar, which costs 1.4 s per
10,000 tasks, while the event stream alone takes 0.2 s. Building the tree here also lets planc
refuse duplicate keys and alias bombs before anything is expanded.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)
from ruamel.yaml.reader import ReaderError

from planc.diagnostics import Diagnostic, Loc
from planc.i18n import _
from planc.load.nodes import (
    _BREAKS_11,
    _FROM_STAND_INS,
    _TO_STAND_INS,
    ALIAS_ALLOWANCE,
    MAX_DEPTH,
    Map,
    Node,
    Scalar,
    Seq,
    YamlFailure,
    add_entry,
    in_order,
    position,
    scalar,
)
from planc.load.yaml_problems import yaml_problem


def _parser(text: str) -> Any:
    """ruamel's libyaml-based event parser; the pure-Python one where the C one is not built."""
    try:
        from _ruamel_yaml import CParser
    except ImportError:  # pragma: no cover - ruamel.yaml.clib is a dependency on CPython
        from ruamel.yaml import YAML

        return YAML(typ="safe", pure=True).get_constructor_parser(text)[1]
    return CParser(text)


def parse_text(text: str, file: str) -> tuple[Node | None, list[Diagnostic]]:
    restore = any(ch in text for ch in _BREAKS_11)
    composer = _Composer(file, restore)
    parser = _parser(text.translate(_TO_STAND_INS) if restore else text)
    try:
        root = composer.compose(parser.get_event)
        return root, in_order(composer.problems)
    except MarkedYAMLError as exc:
        # From the character index: libyaml's own error lines miss a lone CR.
        mark = exc.problem_mark or exc.context_mark
        loc = _at_index(text, file, mark.index) if mark else Loc(file)
        raise YamlFailure(Diagnostic("yaml-syntax", loc, yaml_problem(exc))) from None
    except ReaderError as exc:
        char = exc.character if isinstance(exc.character, str) else ""
        raise YamlFailure(
            Diagnostic(
                "yaml-syntax",
                _at_index(text, file, _char_index(text, exc.position, parser)),
                _(
                    "the control character {char} is not allowed in YAML",
                    char=f"U+{ord(char or chr(0)):04X}",
                ),
                _("delete it (it is often invisible in an editor)"),
            )
        ) from None
    except YAMLError as exc:
        raise YamlFailure(Diagnostic("yaml-syntax", Loc(file), str(exc))) from None
    finally:
        parser.dispose()


def _char_index(text: str, position: int, parser: Any) -> int:
    """libyaml's reader reports a byte offset into the UTF-8 text; the pure reader a character
    index."""
    if type(parser).__name__ != "CParser":
        return position
    return len(text.encode("utf-8")[:position].decode("utf-8", "ignore"))


def _at_index(text: str, file: str, index: int) -> Loc:
    """A position the editor can show; the parser reports an unfinished last line one past it."""
    index = min(index, len(text))
    line, column = position(text[:index])
    if index == len(text) and column == 1 and line > 1:
        line, column = position(text[: max(index - 1, 0)])
    return Loc(file, line, column)


class _Composer:
    """Events to nodes. Reads events straight from the parser: the generator ruamel wraps
    around it costs a quarter of the loading time on large plans."""

    def __init__(self, file: str, restore: bool = False) -> None:
        self.file = file
        self.restore = restore  # put back the characters swapped out before parsing
        self.depth = 0
        self.anchors: dict[str, Node] = {}
        self.written = 0  # nodes as written in the file
        self.problems: list[Diagnostic] = []

    def compose(self, next_event: Callable[[], Event]) -> Node | None:
        root: Node | None = None
        documents = 0
        while True:
            event = next_event()
            kind = type(event)
            if kind is StreamEndEvent:
                return root
            if kind is StreamStartEvent or kind is DocumentEndEvent:
                continue
            if kind is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise YamlFailure(
                        Diagnostic(
                            "yaml-syntax",
                            self._loc(event),
                            _("a plan file holds one YAML document, this is a second one"),
                            _("remove the '---' line or split the file"),
                        )
                    )
                continue
            root = self._node(event, next_event)

    def _loc(self, event: Event) -> Loc:
        mark = event.start_mark
        return Loc(self.file, mark.line + 1, mark.column + 1)

    def _node(self, event: Any, next_event: Callable[[], Event]) -> Node:
        # `event` is Any: dispatch is on type(event) (cheaper than isinstance), which mypy
        # does not narrow through a variable.
        kind = type(event)
        if kind is ScalarEvent and not event.anchor:
            # Four nodes in five: the short way (a fifth of the loading time).
            self.written += 1
            return self._scalar(event)
        mark = event.start_mark
        line, column = mark.line + 1, mark.column + 1
        node: Node
        if kind is AliasEvent:
            target = self.anchors.get(event.anchor)
            if target is None:
                raise YamlFailure(
                    Diagnostic(
                        "yaml-syntax",
                        Loc(self.file, line, column),
                        _("alias '*{anchor}' names no anchor", anchor=event.anchor),
                    )
                )
            return target
        self.written += 1
        if kind is ScalarEvent:
            # implicit[0]: written plain (unquoted, untagged), so YAML would resolve its type.
            node = self._scalar(event)
        elif kind is SequenceStartEvent or kind is MappingStartEvent:
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise YamlFailure(
                    Diagnostic(
                        "yaml-syntax",
                        Loc(self.file, line, column),
                        _(
                            "lists and mappings nest deeper than {depth} levels here",
                            depth=MAX_DEPTH,
                        ),
                        _("a plan file needs a handful; look for unclosed brackets"),
                    )
                )
            if kind is SequenceStartEvent:
                node = self._sequence(Seq(self.file, line, column), next_event)
            else:
                node = self._mapping(Map(self.file, line, column), next_event)
            self.depth -= 1
        else:  # pragma: no cover - the parser never yields another event here
            raise YamlFailure(
                Diagnostic("yaml-syntax", Loc(self.file, line, column), _("bad YAML"))
            )
        if event.anchor:
            self.anchors[event.anchor] = node
        if node.weight > self.written + ALIAS_ALLOWANCE:
            raise YamlFailure(
                Diagnostic(
                    "yaml-syntax",
                    Loc(self.file, line, column),
                    _(
                        "aliases expand the {written} nodes written so far to {weight}; "
                        "planc refuses alias bombs",
                        written=self.written,
                        weight=f"{node.weight:,}",
                    ),
                    _("write the values out, or reuse fewer aliases"),
                )
            )
        return node

    def _scalar(self, event: Any) -> Scalar:
        mark = event.start_mark
        value = event.value
        if self.restore:
            value = value.translate(_FROM_STAND_INS)
        # implicit[0]: written plain (unquoted, untagged), so YAML would resolve its type.
        return scalar(
            self.file, mark.line + 1, mark.column + 1, value, event.implicit[0], self.problems
        )

    def _sequence(self, seq: Seq, next_event: Callable[[], Any]) -> Seq:
        items = seq.items
        while True:
            event = next_event()
            kind = type(event)
            if kind is SequenceEndEvent:
                return seq
            item = self._node(event, next_event)
            items.append(item)
            seq.weight += item.weight

    def _mapping(self, mapping: Map, next_event: Callable[[], Any]) -> Map:
        while True:
            event = next_event()
            kind = type(event)
            if kind is MappingEndEvent:
                return mapping
            key = self._node(event, next_event)
            value = self._node(next_event(), next_event)
            mapping.weight += value.weight + 1
            if not isinstance(key, Scalar):
                self.problems.append(
                    Diagnostic(
                        "schema", key.loc, _("a key must be plain text, not a list or mapping")
                    )
                )
            else:
                add_entry(mapping, key, value, self.problems)
