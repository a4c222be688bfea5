"""The sources as the importers edit them: ruamel.yaml's round trip, which keeps what a person
wrote around the records an import adds (comments, quoting, order, layout)."""

from __future__ import annotations

import io
import re
from typing import Any


def round_trip_yaml() -> Any:
    """A YAML reader and writer that gives back what it read, edited in place."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # a long Chinese text stays on one line, not folded at 80 columns
    yaml.allow_unicode = True
    yaml.preserve_quotes = True
    return yaml


# What a literal block or a plain scalar can hold as it is. Outside it: control characters
# (C0 but tab and newline, DEL, C1), the characters YAML 1.1 emitters take for line breaks
# (NEL, LINE and PARAGRAPH SEPARATOR: ruamel folds at them and adds spaces), the BOM,
# noncharacters. A text holding any of these is written double-quoted, with escapes.
_AS_IS = re.compile(
    "[\t\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]*"
)


def text_scalar(text: str) -> Any:
    """`text` as the round-trip writer should write it so that it reads back the same: plain
    (ruamel quotes it if need be), a literal block for several lines, double-quoted with
    escapes when it holds a character neither can (or lines a block would not keep)."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString

    if not _AS_IS.fullmatch(text):
        return DoubleQuotedScalarString(text)
    if "\n" in text:
        lines = text.split("\n")
        # A literal block keeps lines as they are, but not blank or indented ends of it.
        if lines[0] and lines[-1] and all(line == line.strip(" \t") for line in lines):
            return LiteralScalarString(text)
        return DoubleQuotedScalarString(text)
    return text


_TAIL = re.compile(r"(?m)^(?:[ \t]*(?:#[^\n]*)?\n)*(?:[ \t]*#[^\n]*)?\Z")


def load_keeping_tail(yaml: Any, text: str) -> tuple[Any, str]:
    """The document of `text`, and the comment lines that end it. ruamel hangs an end-of-file
    comment on the last value, so whatever an importer appends would come after it; held apart
    and put back by `dump_with_tail`, it stays the end of the file. A text of comments alone
    has no document (None) and no tail: an importer starting one puts it after them."""
    found = _TAIL.search(text)
    if found is None or "#" not in found.group() or not text[: found.start()].strip():
        return yaml.load(text), ""
    doc = yaml.load(text[: found.start()])
    if plain(doc) != plain(yaml.load(text)):  # the lines were a block scalar's, not comments
        return yaml.load(text), ""
    return doc, found.group()


def dump_with_tail(yaml: Any, doc: Any, tail: str) -> str:
    stream = io.StringIO()
    yaml.dump(doc, stream)
    return stream.getvalue() + tail


def plain(node: Any) -> Any:
    """A round-trip node as plain data, scalars as text (as planc reads them)."""
    if isinstance(node, dict):
        return {str(k): plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    return None if node is None else str(node)


def _tail(node: Any) -> tuple[Any, Any] | None:
    """The holder and key of the comment after an item's last value (where ruamel keeps the
    comment lines that follow the item)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(node, CommentedMap) and node:
        last = list(node)[-1]
        inner = _tail(node[last])
        return inner or (node, last)
    if isinstance(node, CommentedSeq) and node:
        inner = _tail(node[-1])
        return inner or (node, len(node) - 1)
    return None


def _following(node: Any) -> str:
    """The whole comment lines after an item (they stand before the next one), taken off it."""
    return _taken(_tail(node))


def _taken(found: tuple[Any, Any] | None) -> str:
    """The whole comment lines after the value at `found` (a holder and its key), taken off."""
    if found is None:
        return ""
    holder, key = found
    entry = holder.ca.items.get(key)
    token = entry[2] if entry and len(entry) > 2 else None
    if token is None:
        return ""
    line, newline, rest = str(token.value).partition("\n")
    token.value = line + newline
    return rest


def _carry(seq: Any, i: int, lines: str) -> None:
    """Comment lines that stood between seq[i-1] and seq[i] (after removing the item that held
    them), put back before seq[i]."""
    if not lines.strip() or not 0 <= i < len(seq):
        return
    indent = len(lines) - len(lines.lstrip(" "))
    seq[i].yaml_set_start_comment(_comment_text(lines), indent=indent)


def _comment_text(lines: str) -> str:
    """Comment lines as ruamel takes a comment to set: without their '#'."""
    return "\n".join(
        line.strip().removeprefix("#").strip() for line in lines.splitlines() if line.strip()
    )


def remove(seq: Any, i: int) -> Any:
    """Take item i out of a list, leaving the comment lines after it in place."""
    lines = _following(seq[i])
    node = seq.pop(i)
    if i > 0:
        found = _tail(seq[i - 1])
        if found is not None and lines:
            _hang(found, lines)
        elif lines:
            _carry(seq, i, lines)
    else:
        _carry(seq, 0, lines)
    return node


def _hang(found: tuple[Any, Any], lines: str) -> None:
    """Comment lines put after the value at `found` (a holder and its key)."""
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    holder, key = found
    entry = holder.ca.items.setdefault(key, [None, None, None, None])
    while len(entry) < 4:
        entry.append(None)
    if entry[2] is None:
        entry[2] = CommentToken("\n" + lines, CommentMark(0), None)
    else:
        entry[2].value += lines


def remove_key(node: Any, key: str) -> None:
    """Take `key` out of a mapping, leaving the comment lines after it in place (ruamel keeps
    them on the key's value: they would go with it). A comment on the key's own line goes."""
    keys = list(node)
    i = keys.index(key)
    lines = _taken(_tail(node[key]) or (node, key))
    del node[key]
    if not lines.strip() or not node:
        return
    if i > 0:
        _hang(_tail(node[keys[i - 1]]) or (node, keys[i - 1]), lines)
    else:
        node.yaml_set_comment_before_after_key(keys[1], before=_comment_text(lines), indent=0)
