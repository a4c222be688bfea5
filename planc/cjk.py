"""Punctuation after GB/T 15834 in Chinese text: a text rule shared by the loader (the
`punctuation` info) and the renderer (what the documents print)."""

from __future__ import annotations

import re
import unicodedata

# Ideographs and full-width forms: "Chinese context" for the punctuation rules.
_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK = _HAN + r"\u3000-\u303f\uff00-\uffef\u2018-\u201d\u2014\u2026"
_HAN_RE = re.compile(f"[{_HAN}]")
_HALF = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
# A half-width mark with Chinese on either side (not between two digits: 2,500 and 10:30 stay).
# ? and ! before a letter or digit are not sentence marks: a spreadsheet cell (任务意见!H4).
_MARK = re.compile(f"(?<=[{_CJK}])(?:[,;:]|[?!](?![A-Za-z0-9]))|[,;:?!](?=[{_CJK}])")
_PARENS = re.compile(r"\(([^()]*)\)")


def punctuate(text: str) -> str:
    """GB/T 15834 in Chinese context: full-width ，；：？！ and （）, curly quotes nested
    “‘’”. Text without a Chinese character is left as it is (English names, URLs)."""
    if not _HAN_RE.search(text):
        return text
    text = _PARENS.sub(_paren, text)
    text = _MARK.sub(lambda m: _HALF[m.group(0)], text)
    return _quotes(text)


def _paren(match: re.Match[str]) -> str:
    inner = match.group(1)
    whole = match.string
    before = whole[match.start() - 1] if match.start() else ""
    after = whole[match.end()] if match.end() < len(whole) else ""
    chinese = _HAN_RE.search(inner) or _HAN_RE.match(before) or _HAN_RE.match(after)
    return f"（{inner}）" if chinese else match.group(0)


def width(text: str) -> int:
    """How many columns `text` takes in a terminal: two for a wide or full-width character
    (Chinese, and its punctuation), one for any other (Unicode's East Asian Width)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, columns: int, right: bool = False) -> str:
    """`text` filled with spaces to `columns` columns, on the right (or on the left)."""
    space = " " * max(0, columns - width(text))
    return space + text if right else text + space


_OPEN = ("“", "‘")
_CLOSE = ("”", "’")


def _quotes(text: str) -> str:
    """Straight and curly double quotes to “”, inner pairs to ‘’ (GB/T 15834 §4.1): a straight
    quote closes the quote it opened, else opens one."""
    if '"' not in text and "“" not in text and "‘" not in text:
        return text
    out = []
    stack: list[str] = []  # the opening mark as written: '"' or '“' or '‘'
    for char in text:
        if char == '"' and stack and stack[-1] == '"':
            stack.pop()
            out.append(_CLOSE[len(stack) % 2])
        elif char in ('"', "“", "‘"):
            out.append(_OPEN[len(stack) % 2])
            stack.append(char)
        elif char in ("”", "’") and stack:
            stack.pop()
            out.append(_CLOSE[len(stack) % 2])
        else:
            out.append(char)
    if stack:  # unbalanced: leave the text as written rather than guess
        return text
    return "".join(out)
