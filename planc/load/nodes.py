"""Read one YAML file into located nodes: every value keeps its line and column.

planc builds the node tree from the parser's event stream itself instead of using ruamel's
composer: the composer runs its implicit-tag regexes on every scalar, which costs 1.4 s per
10,000 tasks, while the event stream alone takes 0.2 s. Types are decided later by the schema,
which knows what each field should hold. Building the tree here also lets planc refuse
duplicate keys and alias bombs before anything is expanded.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from sys import intern
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
from planc.errors import reason
from planc.i18n import _
from planc.load.punctuation import SUSPECT
from planc.load.punctuation import finding as punctuation_finding
from planc.load.yaml_problems import yaml_problem

# An alias may repeat a node; past this many expanded nodes beyond what the file writes out,
# the file is an alias bomb ("billion laughs") and is refused without expanding it.
ALIAS_ALLOWANCE = 100_000
MAX_DEPTH = 64  # nesting; the deepest plan file needs six, and Python's stack needs a bound


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
                _("the file is UTF-16, not UTF-8"),
                _("save it as UTF-8 (iconv -f UTF-16 -t UTF-8)"),
            )
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = position(data[: exc.start].decode("utf-8", "replace"))
        guess = guess_encoding(data)
        byte = f"0x{data[exc.start]:02X}"
        if guess:
            message = _(
                "the file is not UTF-8 (byte {byte} here); it looks like {encoding}",
                byte=byte,
                encoding=guess[0],
            )
            hint = _("save it as UTF-8 (iconv -f {encoding} -t UTF-8)", encoding=guess[1])
        else:
            message = _("the file is not UTF-8 (byte {byte} here)", byte=byte)
            hint = _("save it as UTF-8")
        raise YamlFailure(
            Diagnostic(
                "encoding",
                Loc(file, line, column),
                message,
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
    if iconv == "GB18030":
        return _("GB18030/GBK (Simplified Chinese)"), iconv
    if iconv == "BIG5":
        return _("Big5 (Traditional Chinese)"), iconv
    return iconv, iconv


def _parser(text: str) -> Any:
    """ruamel's libyaml-based event parser; the pure-Python one where the C one is not built."""
    try:
        from _ruamel_yaml import CParser
    except ImportError:  # pragma: no cover - ruamel.yaml.clib is a dependency on CPython
        from ruamel.yaml import YAML

        return YAML(typ="safe", pure=True).get_constructor_parser(text)[1]
    return CParser(text)


def read_bytes(path: Path, file: str) -> bytes:
    """The bytes of one source file, or a `schema` failure saying why they cannot be read."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise YamlFailure(
            Diagnostic("schema", Loc(file), _("cannot read the file: {reason}", reason=reason(exc)))
        ) from None


def parse_bytes(data: bytes, file: str) -> tuple[Node | None, list[Diagnostic]]:
    """The root node of one YAML file's bytes (None when it holds no document), and the
    problems that did not stop reading it (repeated keys)."""
    return parse_text(decode(data, file), file)


def read_file(path: Path, file: str) -> tuple[Node | None, list[Diagnostic]]:
    """The root node of one YAML file and its problems (see parse_bytes)."""
    return parse_bytes(read_bytes(path, file), file)


# YAML 1.2 reads NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR as text, as editors do; libyaml
# (YAML 1.1) reads them as line breaks, which would shift every line number after one pasted into
# a title. They are swapped for private-use stand-ins while parsing and put back in the values.
_BREAKS_11 = "\x85\u2028\u2029"
_STAND_INS = "\U000f0085\U000f2028\U000f2029"
_TO_STAND_INS = str.maketrans(_BREAKS_11, _STAND_INS)
_FROM_STAND_INS = str.maketrans(_STAND_INS, _BREAKS_11)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def position(before: str) -> tuple[int, int]:
    """Line and column (1-based) just after `before`, counting CR, LF and CRLF as breaks."""
    breaks = list(_LINE_BREAK.finditer(before))
    if not breaks:
        return 1, len(before) + 1
    return len(breaks) + 1, len(before) - breaks[-1].end() + 1


def parse_text(text: str, file: str) -> tuple[Node | None, list[Diagnostic]]:
    restore = any(ch in text for ch in _BREAKS_11)
    composer = _Composer(file, restore)
    parser = _parser(text.translate(_TO_STAND_INS) if restore else text)
    try:
        return composer.compose(parser.get_event), composer.problems
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
        if not value.isascii() and SUSPECT.search(value):  # GB/T 15834 in Chinese text
            found = punctuation_finding(value, Loc(self.file, mark.line + 1, mark.column + 1))
            if found is not None:
                self.problems.append(found)
        # implicit[0]: written plain (unquoted, untagged), so YAML would resolve its type.
        return Scalar(self.file, mark.line + 1, mark.column + 1, value, event.implicit[0])

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
        entries = mapping.entries
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
            elif key.value in entries:
                first = entries[key.value][0]
                self.problems.append(
                    Diagnostic(
                        "duplicate-key",
                        key.loc,
                        _(
                            "key '{key}' repeats (first at line {line}); planc keeps the first",
                            key=key.value,
                            line=first.line,
                        ),
                        _("remove or rename one of them"),
                    )
                )
            else:
                # Interned: every record's field names are then the same few strings.
                entries[intern(key.value)] = (key, value)
