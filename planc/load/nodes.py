"""Read one YAML file into located nodes: every value keeps its line and column.

planc builds the node tree from the parser's event stream itself instead of using ruamel's
composer: the composer runs its implicit-tag regexes on every scalar, which costs 1.4 s per
10,000 tasks, while the event stream alone takes 0.2 s. Types are decided later by the schema,
which knows what each field should hold. Building the tree here also lets planc refuse
duplicate keys and alias bombs before anything is expanded.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
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

from planc.diagnostics import Diagnostic, Loc

# An alias may repeat a node; past this many expanded nodes beyond what the file writes out,
# the file is an alias bomb ("billion laughs") and is refused without expanding it.
ALIAS_ALLOWANCE = 100_000


class Node:
    # Constructors set every slot themselves (no super() call): the loader makes one node per
    # value, hundreds of thousands on large plans.
    __slots__ = ("column", "file", "line")
    file: str
    line: int
    column: int
    weight: int  # nodes in the fully expanded subtree (aliases counted at every use)

    @property
    def loc(self) -> Loc:
        return Loc(self.file, self.line, self.column)


class Scalar(Node):
    __slots__ = ("plain", "value")
    weight = 1

    def __init__(self, file: str, line: int, column: int, value: str, plain: bool) -> None:
        self.file = file
        self.line = line
        self.column = column
        self.value = value
        self.plain = plain  # unquoted, so YAML would read 12 as a number and ~ as null

    @property
    def is_null(self) -> bool:
        return self.plain and self.value in ("", "~", "null", "Null", "NULL")


class Seq(Node):
    __slots__ = ("items", "weight")

    def __init__(self, file: str, line: int, column: int) -> None:
        self.file = file
        self.line = line
        self.column = column
        self.weight = 1
        self.items: list[Node] = []


class Map(Node):
    __slots__ = ("entries", "weight")

    def __init__(self, file: str, line: int, column: int) -> None:
        self.file = file
        self.line = line
        self.column = column
        self.weight = 1
        self.entries: dict[str, tuple[Scalar, Node]] = {}


class YamlFailure(Exception):
    """A file that cannot be read at all; its one diagnostic says where and why."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


def decode(data: bytes, file: str) -> str:
    """UTF-8 text of a file, or a located `encoding` failure naming the likely encoding."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise YamlFailure(
            Diagnostic(
                "encoding",
                Loc(file, 1, 1),
                "the file is UTF-16, not UTF-8",
                "save it as UTF-8 (iconv -f UTF-16 -t UTF-8)",
            )
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        guess = guess_encoding(data)
        looks = f"; it looks like {guess[0]}" if guess else ""
        hint = f"save it as UTF-8 (iconv -f {guess[1]} -t UTF-8)" if guess else "save it as UTF-8"
        raise YamlFailure(
            Diagnostic(
                "encoding",
                Loc(file, line, column),
                f"the file is not UTF-8 (byte 0x{data[exc.start]:02X} here){looks}",
                hint,
            )
        ) from None


# What a plan office file could plausibly arrive in. Korean and Japanese encodings are left out
# on purpose: on short Chinese text the detector confuses GBK with EUC-KR.
_CANDIDATES = ["gb18030", "big5", "utf_16", "cp1252"]


def guess_encoding(data: bytes) -> tuple[str, str] | None:
    """(name to show, name iconv knows) of the encoding the bytes most likely are in."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a dependency, but the hint is optional
        return None
    best = from_bytes(data, cp_isolation=_CANDIDATES).best()
    if best is None:
        return None
    iconv = best.encoding.upper().replace("_", "-")
    shown = {"GB18030": "GB18030/GBK (Simplified Chinese)", "BIG5": "Big5 (Traditional Chinese)"}
    return shown.get(iconv, iconv), iconv


def _parser(text: str) -> Any:
    """ruamel's libyaml-based event parser; the pure-Python one where the C one is not built."""
    try:
        from _ruamel_yaml import CParser
    except ImportError:  # pragma: no cover - ruamel.yaml.clib is a dependency on CPython
        from ruamel.yaml import YAML

        return YAML(typ="safe", pure=True).get_constructor_parser(text)[1]
    return CParser(text)


def read_file(path: Path, file: str) -> tuple[Node | None, list[Diagnostic]]:
    """The root node of one YAML file (None when it holds no document), and the problems
    that did not stop reading it (repeated keys)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise YamlFailure(
            Diagnostic("schema", Loc(file), f"cannot read the file: {exc.strerror}")
        ) from None
    return parse_text(decode(data, file), file)


def parse_text(text: str, file: str) -> tuple[Node | None, list[Diagnostic]]:
    composer = _Composer(file)
    parser = _parser(text)
    try:
        return composer.compose(parser.get_event), composer.problems
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        loc = _within(text, file, mark.line + 1, mark.column + 1) if mark else Loc(file)
        problem = exc.problem or exc.context or "invalid YAML"
        context = f" ({exc.context})" if exc.context and exc.problem else ""
        raise YamlFailure(Diagnostic("yaml-syntax", loc, f"{problem}{context}")) from None
    except YAMLError as exc:
        raise YamlFailure(Diagnostic("yaml-syntax", Loc(file), str(exc))) from None
    finally:
        parser.dispose()


def _within(text: str, file: str, line: int, column: int) -> Loc:
    """A position the editor can show: the parser reports an unfinished last line one past it."""
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()
    if lines and line > len(lines):
        return Loc(file, len(lines), len(lines[-1]) + 1)
    return Loc(file, line, column)


class _Composer:
    """Events to nodes. Reads events straight from the parser: the generator ruamel wraps
    around it costs a quarter of the loading time on large plans."""

    def __init__(self, file: str) -> None:
        self.file = file
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
                            "a plan file holds one YAML document, this is a second one",
                            "remove the '---' line or split the file",
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
        mark = event.start_mark
        line, column = mark.line + 1, mark.column + 1
        kind = type(event)
        node: Node
        if kind is AliasEvent:
            target = self.anchors.get(event.anchor)
            if target is None:
                raise YamlFailure(
                    Diagnostic(
                        "yaml-syntax",
                        Loc(self.file, line, column),
                        f"alias '*{event.anchor}' names no anchor",
                    )
                )
            return target
        self.written += 1
        if kind is ScalarEvent:
            # implicit[0]: written plain (unquoted, untagged), so YAML would resolve its type.
            node = Scalar(self.file, line, column, event.value, event.implicit[0])
        elif kind is SequenceStartEvent:
            node = self._sequence(Seq(self.file, line, column), next_event)
        elif kind is MappingStartEvent:
            node = self._mapping(Map(self.file, line, column), next_event)
        else:  # pragma: no cover - the parser never yields another event here
            raise YamlFailure(Diagnostic("yaml-syntax", Loc(self.file, line, column), "bad YAML"))
        if event.anchor:
            self.anchors[event.anchor] = node
        if node.weight > self.written + ALIAS_ALLOWANCE:
            raise YamlFailure(
                Diagnostic(
                    "yaml-syntax",
                    Loc(self.file, line, column),
                    f"aliases expand the {self.written} nodes written so far to "
                    f"{node.weight:,}; planc refuses alias bombs",
                    "write the values out, or reuse fewer aliases",
                )
            )
        return node

    # Scalars are four nodes in five; the loops below make them inline instead of through
    # _node (a function call per value is a fifth of the loading time).

    def _sequence(self, seq: Seq, next_event: Callable[[], Any]) -> Seq:
        items = seq.items
        file = self.file
        while True:
            event = next_event()
            kind = type(event)
            if kind is SequenceEndEvent:
                return seq
            if kind is ScalarEvent and not event.anchor:
                mark = event.start_mark
                self.written += 1
                items.append(
                    Scalar(file, mark.line + 1, mark.column + 1, event.value, event.implicit[0])
                )
                seq.weight += 1
                continue
            item = self._node(event, next_event)
            items.append(item)
            seq.weight += item.weight

    def _mapping(self, mapping: Map, next_event: Callable[[], Any]) -> Map:
        entries = mapping.entries
        file = self.file
        while True:
            event = next_event()
            kind = type(event)
            if kind is MappingEndEvent:
                return mapping
            if kind is ScalarEvent and not event.anchor:
                mark = event.start_mark
                self.written += 1
                key: Node = Scalar(
                    file, mark.line + 1, mark.column + 1, event.value, event.implicit[0]
                )
            else:
                key = self._node(event, next_event)
            event = next_event()
            value: Node
            if type(event) is ScalarEvent and not event.anchor:
                mark = event.start_mark
                self.written += 1
                value = Scalar(file, mark.line + 1, mark.column + 1, event.value, event.implicit[0])
            else:
                value = self._node(event, next_event)
            mapping.weight += value.weight + 1
            if not isinstance(key, Scalar):
                self.problems.append(
                    Diagnostic("schema", key.loc, "a key must be plain text, not a list or mapping")
                )
            elif key.value in entries:
                first = entries[key.value][0]
                self.problems.append(
                    Diagnostic(
                        "duplicate-key",
                        key.loc,
                        f"key '{key.value}' repeats (first at line {first.line}); "
                        "planc keeps the first",
                        "remove or rename one of them",
                    )
                )
            else:
                entries[key.value] = (key, value)
