"""Read one YAML file into located nodes: every value keeps its line and column.

planc builds the node tree from the parser's event stream itself instead of using ruamel's
composer: the composer runs its implicit-tag regexes on every scalar, which costs 1.4 s per
10,000 tasks, while the event stream alone takes 0.2 s. Types are decided later by the schema,
which knows what each field should hold. Building the tree here also lets planc refuse
duplicate keys and alias bombs before anything is expanded.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ruamel.yaml import YAML
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
    __slots__ = ("column", "file", "line", "weight")

    def __init__(self, file: str, line: int, column: int) -> None:
        self.file = file
        self.line = line
        self.column = column
        self.weight = 1  # nodes in the fully expanded subtree

    @property
    def loc(self) -> Loc:
        return Loc(self.file, self.line, self.column)


class Scalar(Node):
    __slots__ = ("plain", "value")

    def __init__(self, file: str, line: int, column: int, value: str, plain: bool) -> None:
        super().__init__(file, line, column)
        self.value = value
        self.plain = plain  # unquoted, so YAML would read 12 as a number and ~ as null

    @property
    def is_null(self) -> bool:
        return self.plain and self.value in ("", "~", "null", "Null", "NULL")


class Seq(Node):
    __slots__ = ("items",)

    def __init__(self, file: str, line: int, column: int) -> None:
        super().__init__(file, line, column)
        self.items: list[Node] = []


class Map(Node):
    __slots__ = ("entries",)

    def __init__(self, file: str, line: int, column: int) -> None:
        super().__init__(file, line, column)
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


def _parser() -> YAML:
    return YAML(typ="safe", pure=False)


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
    try:
        return composer.compose(_parser().parse(text)), composer.problems
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        loc = Loc(file, mark.line + 1, mark.column + 1) if mark else Loc(file)
        problem = exc.problem or exc.context or "invalid YAML"
        context = f" ({exc.context})" if exc.context and exc.problem else ""
        raise YamlFailure(Diagnostic("yaml-syntax", loc, f"{problem}{context}")) from None
    except YAMLError as exc:
        raise YamlFailure(Diagnostic("yaml-syntax", Loc(file), str(exc))) from None


class _Composer:
    def __init__(self, file: str) -> None:
        self.file = file
        self.anchors: dict[str, Node] = {}
        self.written = 0  # nodes as written in the file
        self.problems: list[Diagnostic] = []

    def compose(self, events: Iterable[Event]) -> Node | None:
        it = iter(events)
        root: Node | None = None
        documents = 0
        for event in it:
            if isinstance(event, (StreamStartEvent, DocumentEndEvent, StreamEndEvent)):
                continue
            if isinstance(event, DocumentStartEvent):
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
            root = self._node(event, it)
        return root

    def _loc(self, event: Event) -> Loc:
        mark = event.start_mark
        return Loc(self.file, mark.line + 1, mark.column + 1)

    def _node(self, event: Event, it: Iterator[Event]) -> Node:
        mark = event.start_mark
        line, column = mark.line + 1, mark.column + 1
        node: Node
        if isinstance(event, AliasEvent):
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
        if isinstance(event, ScalarEvent):
            # implicit[0]: written plain (unquoted, untagged), so YAML would resolve its type.
            plain = bool(event.implicit and event.implicit[0])
            node = Scalar(self.file, line, column, event.value, plain)
        elif isinstance(event, SequenceStartEvent):
            node = self._sequence(Seq(self.file, line, column), it)
        elif isinstance(event, MappingStartEvent):
            node = self._mapping(Map(self.file, line, column), it)
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

    def _sequence(self, seq: Seq, it: Iterator[Event]) -> Seq:
        for event in it:
            if isinstance(event, SequenceEndEvent):
                return seq
            item = self._node(event, it)
            seq.items.append(item)
            seq.weight += item.weight
        return seq  # pragma: no cover - the parser closes every sequence

    def _mapping(self, mapping: Map, it: Iterator[Event]) -> Map:
        for event in it:
            if isinstance(event, MappingEndEvent):
                return mapping
            key = self._node(event, it)
            value = self._node(next(it), it)
            mapping.weight += value.weight + 1
            if not isinstance(key, Scalar):
                self.problems.append(
                    Diagnostic("schema", key.loc, "a key must be plain text, not a list or mapping")
                )
            elif key.value in mapping.entries:
                first = mapping.entries[key.value][0]
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
                mapping.entries[key.value] = (key, value)
        return mapping  # pragma: no cover
