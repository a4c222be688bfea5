"""Read one YAML file into located nodes: every value keeps its line and column.

Two readers build the same nodes: `lines.py` reads the plain block YAML plan files are written
in with one regular expression per line, and `events.py` builds them from libyaml's event stream
(ruamel's C parser) for anything else, and for every error, so that a problem is always reported
in libyaml's words at libyaml's place. Both make scalars and mapping entries through `scalar()`
and `add_entry()` below, so repeated keys and punctuation are found the same way. Types are
decided later by the schema, which knows what each field should hold.
"""

from __future__ import annotations

import re
from pathlib import Path
from sys import intern

from planc.diagnostics import Diagnostic, Loc
from planc.errors import reason
from planc.i18n import _
from planc.load.punctuation import SUSPECT
from planc.load.punctuation import finding as punctuation_finding

# An alias may repeat a node; past this many expanded nodes beyond what the file writes out,
# the file is an alias bomb ("billion laughs") and is refused without expanding it.
ALIAS_ALLOWANCE = 100_000
# Nor may aliases repeat more than this many characters of text in all: a 1 MB anchor used 20,000
# times is few nodes but 20 GB of pages. A plan file needs no alias to repeat a long text.
ALIAS_TEXT_ALLOWANCE = 1_000_000
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


def read_bytes(path: Path, file: str) -> bytes:
    """The bytes of one source file, or a `schema` failure saying why they cannot be read."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise YamlFailure(
            Diagnostic("schema", Loc(file), _("cannot read the file: {reason}", reason=reason(exc)))
        ) from None


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


def scalar(
    file: str, line: int, column: int, value: str, plain: bool, problems: list[Diagnostic]
) -> Scalar:
    """A scalar node; half-width punctuation in its Chinese text is a problem (GB/T 15834)."""
    if not value.isascii() and SUSPECT.search(value):
        found = punctuation_finding(value, Loc(file, line, column))
        if found is not None:
            problems.append(found)
    return Scalar(file, line, column, value, plain)


def add_entry(mapping: Map, key: Scalar, value: Node, problems: list[Diagnostic]) -> None:
    """One `key: value` of a mapping; a repeated key is a problem and the first one is kept."""
    entries = mapping.entries
    first = entries.get(key.value)
    if first is None:
        # Interned: every record's field names are then the same few strings.
        entries[intern(key.value)] = (key, value)
        return
    problems.append(
        Diagnostic(
            "duplicate-key",
            key.loc,
            _(
                "key '{key}' repeats (first at line {line}); planc keeps the first",
                key=key.value,
                line=first[0].line,
            ),
            _("remove or rename one of them"),
        )
    )


def in_order(problems: list[Diagnostic]) -> list[Diagnostic]:
    """A file's problems by place: the two readers find them in different orders (libyaml's
    path reports a key after its value, the line reader before)."""
    return sorted(problems, key=Diagnostic.sort_key)
