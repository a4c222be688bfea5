"""A fast reader for the block YAML plan files are written in, line by line.

libyaml, through ruamel's C parser, costs about 2 µs for every event it hands to Python (a
Python event object and two marks each): 0.75 CPU s for 10,000 tasks before a single node is
made. Plan files use a small, regular part of YAML: block mappings and sequences, one value per
line, plain or quoted scalars, short flow lists and mappings (`lead: [commerce]`,
`{author: …, title: …}`), comments. This module reads exactly that part with one regular
expression per line and builds the same nodes (value, plain or quoted, line and column of every
node) and the same problems (repeated keys, punctuation) as libyaml's path in events.py, in
30-45 % less CPU time (benchmarks/bench_parsers.py).

Anything outside that part — anchors, aliases, tags, block scalars, multi-line scalars or flow
collections, escapes, tabs, document markers, complex keys, odd characters, any syntax error —
raises `Unsupported`, and events.py reads the file with libyaml instead: an error is always
libyaml's, at libyaml's place, in its words. tests/test_lines.py proves both paths give the same
nodes and problems (Hypothesis, over random and broken YAML) and that the plans planc ships and
generates never leave this path.
"""

from __future__ import annotations

import re
from sys import intern
from typing import Any

from planc.diagnostics import Diagnostic
from planc.load.nodes import MAX_DEPTH, Map, Node, Scalar, Seq, add_entry, in_order, scalar
from planc.load.punctuation import SUSPECT


class Unsupported(Exception):
    """The text uses YAML this reader does not read: libyaml reads it."""


# Characters libyaml refuses or treats specially (tabs, CR, NEL and the Unicode line breaks, a
# byte-order mark inside the text, control characters): the file goes to libyaml.
_ODD = re.compile(
    r"[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
_KEY = r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^\s:,\[\]{}#]*"  # a plain key without spaces
_PLAIN = r"[^\s\-?:,\[\]{}#&*!|>'\"%@`](?:[^\n:#]++|:(?=[^ \n])|(?<! )#)*+"
# One line: indent; "- " (a sequence entry); "key" and ": " (a mapping entry); then the value:
# double-quoted, single-quoted, a flow collection (read further below), plain, or anything
# else (libyaml's to read); then spaces or a comment. Every line of a text matches exactly once,
# so re.findall tokenises a whole file in C: the n-th tuple is line n.
_LINE = re.compile(
    rf"""^( *)(-(?: +|$))?(?:({_KEY})(:(?: +|$)))?"""
    rf"""(?:("(?:[^"\\\n]|\\["\\/])*")|('(?:[^'\n]|'')*')|(\[[^\[\]{{}}#:?'"\n]*\])|([\[{{].*)"""
    rf"""|({_PLAIN})|(\S.*))??"""
    r"""(?: +#.*|(?<![^ \n])#.*| *)$""",
    re.MULTILINE,
)
_END = re.compile(r"(?: +#.*| *)")  # what may follow a flow collection on its line
_DOUBLE = re.compile(r'"((?:[^"\\]|\\["\\/])*)"')  # escapes other than \" \\ \/: libyaml's
_ESCAPED = re.compile(r'\\(["\\/])')
_SINGLE = re.compile(r"'((?:[^']|'')*)'")
# In a flow collection plain scalars are also free of : and #, which end or complicate them,
# and of ?, which ends them in libyaml.
_FLOW_PLAIN = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^,\[\]{}#:?]*")
_FLOW_KEY = re.compile(r"([^\s\-?:,\[\]{}#&*!|>'\"%@`][^\s:,\[\]{}#?]*): +")
_SPACES = re.compile(r" *")
# A flow list of plain scalars only: `[commerce, ports]`, split at its commas.
_SIMPLE_LIST = re.compile(r"\[([^\[\]{}#:?'\"\n]*)\]")
_NOT_PLAIN = frozenset("-?:,[]{}#&*!|>'\"%@`")
_MAP, _SEQ = 0, 1


def read(text: str, file: str) -> tuple[Node | None, list[Diagnostic]]:
    """The root node of `text` (None when it holds no document) and the problems that did not
    stop reading it; `Unsupported` for anything libyaml should read."""
    if "\r" in text:
        if text.count("\r") != text.count("\r\n"):
            raise Unsupported  # a lone CR is a line break to libyaml
        text = text.replace("\r\n", "\n")
    if _ODD.search(text):
        raise Unsupported
    rows = _LINE.findall(text)
    if len(rows) != text.count("\n") + 1:  # pragma: no cover - the pattern matches every line
        raise Unsupported
    return _Reader(file).read(rows)


class _Reader:
    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Diagnostic] = []

    def read(self, rows: list[tuple[str, ...]]) -> tuple[Node | None, list[Diagnostic]]:
        file = self.file
        problems = self.problems
        root: Node | None = None
        # Open block collections, innermost last: (indent, node, kind); a mapping's indent is
        # its keys' column, a sequence's its dashes' (0-based). The innermost is also kept in
        # top_indent, top, kind.
        stack: list[tuple[int, Node, int]] = []
        # Any: a Map or a Seq as `kind` says (narrowing each use would cost the hot loop).
        top: Any = None
        top_indent, kind = -1, _SEQ
        entries: dict[str, tuple[Scalar, Node]] = {}  # top's, when it is a mapping
        # A key or dash whose value is on the lines below, or empty:
        # (indent of its collection, the collection, the key or None, line, column if empty).
        pending: tuple[int, Node, Scalar | None, int, int] | None = None
        limit = -1  # after a value on its line, a deeper line would continue it
        number = 0
        for indent, dash, key, colon, double, single, items, flow, plain, other in rows:
            number += 1
            n = len(indent)
            # The commonest lines, written out (the general path below takes twice as long):
            # `key: plain text` and `key: [a, b]` in the mapping of the line before, and a
            # `- ` entry in its sequence (`- id: x` opening a mapping, `- plain text`).
            if dash and n == top_indent and kind == _SEQ and (plain or items):
                at = n + len(dash)
                if not key:
                    if items:
                        top.items.append(self._list(items, at, number))
                    else:
                        top.items.append(
                            scalar(file, number, at + 1, plain.rstrip(" "), True, problems)
                        )
                    limit = n
                    continue
                if len(stack) >= MAX_DEPTH - 4:
                    raise Unsupported
                item = Map(file, number, at + 1)
                top.items.append(item)
                stack.append((at, item, _MAP))
                top_indent, top, kind, entries = at, item, _MAP, item.entries
                limit = n = at
                dash = ""
            if (plain or items) and key and n == top_indent and kind == _MAP and not dash:
                at = n + len(key) + len(colon)
                value: Node
                if items:
                    value = self._list(items, at, number)
                else:
                    text = plain.rstrip(" ")
                    if text.isascii() or not SUSPECT.search(text):
                        value = Scalar(file, number, at + 1, text, True)
                    else:
                        value = scalar(file, number, at + 1, text, True, problems)
                name = scalar(file, number, n + 1, key, True, problems)
                if key in entries:
                    add_entry(top, name, value, problems)
                else:
                    entries[intern(key)] = (name, value)
                continue
            if not (dash or key or double or single or items or flow or plain or other):
                continue  # blank or a comment
            if other:
                raise Unsupported
            if pending is not None:
                p_indent, p_node, p_key, p_line, p_col = pending
                pending = None
                if n > p_indent or (dash and p_key is not None and n == p_indent):
                    # The value is a block collection starting on this line.
                    if not dash and not key:
                        raise Unsupported  # a scalar on the next line: libyaml's
                    if len(stack) >= MAX_DEPTH - 4:
                        raise Unsupported
                    child: Node
                    if dash:
                        child = Seq(file, number, n + 1)
                        stack.append((n, child, _SEQ))
                    else:
                        child = Map(file, number, n + 1)
                        stack.append((n, child, _MAP))
                    self._put(p_node, p_key, child)
                else:
                    self._put(p_node, p_key, Scalar(file, p_line, p_col, "", True))
            elif n > limit >= 0:
                raise Unsupported  # a multi-line scalar, or a syntax error
            if not stack:
                if root is not None:
                    raise Unsupported  # past the end of the document's collection
                if dash:
                    root = Seq(file, number, n + 1)
                    stack.append((n, root, _SEQ))
                elif key:
                    root = Map(file, number, n + 1)
                    stack.append((n, root, _MAP))
                else:
                    raise Unsupported  # a scalar document
            # Close what this line's indentation ends; an indentless sequence ends at a key.
            top_indent, top, kind = stack[-1]
            while top_indent > n or (top_indent == n and kind == _SEQ and not dash):
                stack.pop()
                if not stack:
                    raise Unsupported
                top_indent, top, kind = stack[-1]
            if top_indent != n:
                raise Unsupported
            at = n + len(dash)  # where the key or the value starts (0-based)
            if dash:
                if kind != _SEQ:
                    raise Unsupported
                if key:
                    # `- key: value`: a mapping as the item, its keys at this column
                    item = Map(file, number, at + 1)
                    top.items.append(item)
                    if len(stack) >= MAX_DEPTH - 4:
                        raise Unsupported
                    stack.append((at, item, _MAP))
                    top_indent, top, kind = at, item, _MAP
                elif double or single or items or flow or plain:
                    top.items.append(self._value(double, single, items, flow, plain, number, at))
                    limit = n
                    continue
                else:
                    pending = (n, top, None, number, n + 2)
                    limit = top_indent = -1
                    continue
            elif not key or kind != _MAP:
                raise Unsupported
            entries = top.entries
            name = scalar(file, number, at + 1, key, True, problems)
            if double or single or items or flow or plain:
                value = self._value(
                    double, single, items, flow, plain, number, at + len(key) + len(colon)
                )
                add_entry(top, name, value, problems)
                limit = top_indent
            else:
                pending = (top_indent, top, name, number, at + len(key) + 2)
                # the next line is not this mapping's until pending is settled
                limit = top_indent = -1
        if pending is not None:
            p_indent, p_node, p_key, p_line, p_col = pending
            self._put(p_node, p_key, Scalar(file, p_line, p_col, "", True))
        return root, in_order(problems)

    def _put(self, parent: Any, key: Scalar | None, value: Node) -> None:
        """`value` into a sequence (no key) or a mapping."""
        if key is None:
            parent.items.append(value)
        else:
            add_entry(parent, key, value, self.problems)

    def _value(
        self, double: str, single: str, items: str, flow: str, plain: str, number: int, at: int
    ) -> Node:
        """The value of a line, which starts at column `at` (0-based)."""
        if plain:
            return scalar(self.file, number, at + 1, plain.rstrip(" "), True, self.problems)
        if double:
            text = double[1:-1]
            if "\\" in text:
                text = _ESCAPED.sub(r"\1", text)
            return scalar(self.file, number, at + 1, text, False, self.problems)
        if single:
            text = single[1:-1].replace("''", "'")
            return scalar(self.file, number, at + 1, text, False, self.problems)
        if items:
            return self._list(items, at, number)
        # A flow collection: read from a line of its own, padded to keep the columns.
        line = " " * at + flow
        node, end = self._flow(line, at, number, 1)
        if not _END.fullmatch(line, end):
            raise Unsupported
        return node

    def _flow(self, line: str, at: int, number: int, depth: int) -> tuple[Node, int]:
        """A flow sequence or mapping that opens at `at` and closes on the same line."""
        if depth > 8:
            raise Unsupported
        file = self.file
        is_map = line[at] == "{"
        if not is_map:
            simple = _SIMPLE_LIST.match(line, at)
            if simple is not None:
                return self._list(simple.group(0), at, number), simple.end()
        close = "}" if is_map else "]"
        node: Map | Seq = Map(file, number, at + 1) if is_map else Seq(file, number, at + 1)
        i = _SPACES.match(line, at + 1).end()  # type: ignore[union-attr]
        if line.startswith(close, i):
            return node, i + 1
        while True:
            if is_map:
                m = _FLOW_KEY.match(line, i)
                if m is None:
                    raise Unsupported
                key = scalar(file, number, i + 1, m.group(1), True, self.problems)
                value, i = self._flow_value(line, m.end(), number, depth)
                add_entry(node, key, value, self.problems)  # type: ignore[arg-type]
            else:
                value, i = self._flow_value(line, i, number, depth)
                node.items.append(value)  # type: ignore[union-attr]
            i = _SPACES.match(line, i).end()  # type: ignore[union-attr]
            if line.startswith(close, i):
                return node, i + 1
            if not line.startswith(",", i):
                raise Unsupported
            i = _SPACES.match(line, i + 1).end()  # type: ignore[union-attr]
            if i == len(line) or line[i] in ",]}":
                raise Unsupported  # a trailing or doubled comma, or an unclosed collection

    def _list(self, written: str, at: int, number: int) -> Seq:
        """`[a, b, c]` of plain scalars (the commonest flow collection: ids), split at commas."""
        file = self.file
        problems = self.problems
        seq = Seq(file, number, at + 1)
        items = seq.items
        column = at + 2  # the column just after "["
        inner = written[1:-1]
        if inner.strip(" "):
            for part in inner.split(","):
                text = part.lstrip(" ")
                if not text:
                    raise Unsupported  # an empty entry: libyaml's to refuse
                start = column + len(part) - len(text)
                text = text.rstrip(" ")
                if text[0] in _NOT_PLAIN:
                    raise Unsupported
                if text.isascii():
                    items.append(Scalar(file, number, start, text, True))
                else:
                    items.append(scalar(file, number, start, text, True, problems))
                column += len(part) + 1
        return seq

    def _flow_value(self, line: str, at: int, number: int, depth: int) -> tuple[Node, int]:
        if at >= len(line):
            raise Unsupported
        first = line[at]
        if first == "[" or first == "{":
            return self._flow(line, at, number, depth + 1)
        if first == '"' or first == "'":
            m = (_DOUBLE if first == '"' else _SINGLE).match(line, at)
            if m is None:
                raise Unsupported
            text = _unquote(first, m.group(1))
            return scalar(self.file, number, at + 1, text, False, self.problems), m.end()
        m = _FLOW_PLAIN.match(line, at)
        if m is None:
            raise Unsupported
        text = m.group(0).rstrip(" ")
        return scalar(self.file, number, at + 1, text, True, self.problems), m.end()


def _unquote(quote: str, text: str) -> str:
    if quote == "'":
        return text.replace("''", "'")
    return _ESCAPED.sub(r"\1", text) if "\\" in text else text
