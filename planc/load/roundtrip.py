"""The sources as the importers edit them: ruamel.yaml's round trip, which keeps what a person
wrote around the records an import adds (comments, quoting, order, layout)."""

from __future__ import annotations

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
    found = _tail(node)
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
    text = "\n".join(
        line.strip().removeprefix("#").strip() for line in lines.splitlines() if line.strip()
    )
    indent = len(lines) - len(lines.lstrip(" "))
    seq[i].yaml_set_start_comment(text, indent=indent)


def remove(seq: Any, i: int) -> Any:
    """Take item i out of a list, leaving the comment lines after it in place."""
    lines = _following(seq[i])
    node = seq.pop(i)
    if i > 0:
        found = _tail(seq[i - 1])
        if found is not None and lines:
            from ruamel.yaml.tokens import CommentToken

            holder, key = found
            entry = holder.ca.items.setdefault(key, [None, None, None, None])
            while len(entry) < 4:
                entry.append(None)
            if entry[2] is None:
                from ruamel.yaml.error import CommentMark

                entry[2] = CommentToken("\n" + lines, CommentMark(0), None)
            else:
                entry[2].value += lines
        elif lines:
            _carry(seq, i, lines)
    else:
        _carry(seq, 0, lines)
    return node
