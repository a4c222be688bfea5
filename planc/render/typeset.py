"""Chinese typesetting the templates cannot do alone: punctuation after GB/T 15834, cover
titles broken between words (GB/T 9704 §7.3.3), dates written out, and no block ending on a
line of one character."""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Iterator

from planc.cjk import punctuate

_DATE = re.compile(r"^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$")


def cn_date(value: str) -> str:
    """2020-06-22 -> 2020年6月22日 (GB/T 9704 §7.3.5.3: dates in Arabic numerals, no leading
    zeros); anything else stays as written."""
    match = _DATE.match(value.strip())
    if not match:
        return value
    year, month, day = match.groups()
    return f"{year}年{int(month)}月" + (f"{int(day)}日" if day else "")


_RANGE = re.compile(r"^(\d{4})\s*[-–—~～]\s*(\d{4})$")


def cn_range(value: str) -> str:
    """2018-2019 -> 2018—2019: a span of years joined by the 一字线 (GB/T 15834 §4.13); anything
    else stays as written."""
    match = _RANGE.match(value.strip())
    return f"{match.group(1)}—{match.group(2)}" if match else value


def pinyin_key(name: str) -> bytes:
    """A sort key that puts Chinese names in pinyin order without a dictionary: GB 2312 orders
    its 3755 first-level characters (the common ones: every country's name in use) by pinyin,
    so their GB 2312 bytes sort as their pinyin does. A character outside GB 2312 sorts after
    them, by its GB 18030 bytes."""
    out = bytearray()
    for char in name:
        try:
            out += char.encode("gb2312")
        except UnicodeEncodeError:
            out += b"\xff" + char.encode("gb18030")
    return bytes(out)


_URL_BREAK = re.compile(r"(?<=[/.\-_])(?=[^/.\-_])")


def url_breaks(url: str) -> str:
    """Where a URL may break across lines in print: after / . - _ only (a zero-width space
    there; the text between stays whole)."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        scheme, rest = "", url
    return (scheme + sep if sep else "") + _URL_BREAK.sub("\u200b", rest)


def cn_when(date: str, until: str | None = None) -> str:
    """A date as precise as the record: 2019-H2 -> 2019年下半年, 2020 -> 2020年, 2019-12 ->
    2019年12月, 2022-09-21 until 2022-09-23 -> 2022年9月21日至23日."""
    year, _, rest = date.partition("-")
    if not rest:
        text = f"{year}年"
    elif rest in ("H1", "H2"):
        text = f"{year}年{'上' if rest == 'H1' else '下'}半年"
    else:
        text = cn_date(date)
    if not until:
        return text
    end = cn_date(until)
    if until[:4] == date[:4]:
        end = end.partition("年")[2]  # 至23日, 至10月2日: the year is said once
        if until[:7] == date[:7] and len(until) == len(date) == 10:
            end = end.partition("月")[2]
    return f"{text}至{end}"


# --- The whole HTML ---------------------------------------------------------------------

_RAW = re.compile(r"(<(style|script)\b.*?</\2>)", re.S)
_TEXT = re.compile(r">([^<]+)<")


def normalise_html(page: str) -> str:
    """Punctuation of every text node of a page (never inside <style> or <script>, never in
    attributes)."""
    parts = _RAW.split(page)
    out = []
    i = 0
    while i < len(parts):
        out.append(_TEXT.sub(_text_node, parts[i]))
        if i + 1 < len(parts):
            out.append(parts[i + 1])  # the raw element, as it is
        i += 3
    return "".join(out)


_BRAND = re.compile(r"“?国际化\+”?")


def keep_brand(page: str) -> str:
    """“国际化+” never broken across lines (a phone would put the + alone on the next line):
    in the body's text, never in <title> or attributes."""
    head, sep, body = page.partition("<body")
    if not sep:
        return page
    parts = _RAW.split(body)
    out = []
    i = 0
    while i < len(parts):
        out.append(
            _TEXT.sub(
                lambda m: (
                    ">"
                    + _BRAND.sub(lambda b: f'<span class="brand">{b.group(0)}</span>', m.group(1))
                    + "<"
                ),
                parts[i],
            )
        )
        if i + 1 < len(parts):
            out.append(parts[i + 1])
        i += 3
    return head + sep + "".join(out)


def finish(page: str, medium: str) -> str:
    """A rendered page as it is written: punctuation, “国际化+” whole, and in print no
    one-character last lines."""
    page = keep_brand(normalise_html(page))
    return keep_tails(page) if medium == "print" else page


def _text_node(match: re.Match[str]) -> str:
    raw = match.group(1)
    fixed = punctuate(html.unescape(raw))
    if fixed == html.unescape(raw):
        return match.group(0)
    return ">" + html.escape(fixed, quote=False) + "<"


# The text at the end of a block, before an optional closing </a> or </span>.
_TAIL = re.compile(r"([^<>]+)((?:</(?:a|span)>)?</(?:p|h[1-4]|li|dd|dt|td|th)>)")
_CLOSING = set("，。；：？！、）》”’…—.,;:!?)]」』 ")


def keep_tails(page: str) -> str:
    """No block ends on a line of one character: its last two characters (and the punctuation
    after them) are joined by a no-break span, so they leave the line together."""
    head, sep, body = page.partition("<body")
    if not sep:
        return page
    return head + sep + _TAIL.sub(_tail, body)


def _tail(match: re.Match[str]) -> str:
    text, close = match.group(1), match.group(2)
    cut = split_tail(html.unescape(text))
    if cut is None:
        return match.group(0)
    start, end = cut
    return (
        html.escape(start, quote=False)
        + '<span class="nobr">'
        + html.escape(end, quote=False)
        + "</span>"
        + close
    )


def split_tail(text: str) -> tuple[str, str] | None:
    """`text` as (start, last two characters with what punctuation follows them)."""
    i = len(text)
    while i and text[i - 1] in _CLOSING:
        i -= 1
    if i < 3:
        return None
    return text[: i - 2], text[i - 2 :]


# --- Cover titles -------------------------------------------------------------------------

# Words of the plans' titles that a line may end or start with; other characters stick to
# their neighbours, so a line never breaks inside a word planc does not know.
WORDS = (
    "青岛市",
    "推进",
    "国际化",
    "行动计划",
    "对标案例",
    "指导手册",
    "国际城市",
    "战略",
    "实施",
    "方案",
    "关于",
    "印发",
    "的通知",
)
_GROUP = re.compile(r"（[^（）]*）|“[^“”]*”|《[^《》]*》|\([^()]*\)")


def words(title: str) -> list[str]:
    """The title as units no line breaks inside: bracketed and quoted groups whole, known
    words whole, and runs of other characters whole."""
    units: list[str] = []
    rest = title
    run = ""
    while rest:
        group = _GROUP.match(rest)
        word = next((w for w in sorted(WORDS, key=len, reverse=True) if rest.startswith(w)), "")
        if group or word:
            if run:
                units.append(run)
                run = ""
            piece = group.group(0) if group else word
            if piece.startswith(("（", "(")) and units:
                units[-1] += piece  # a bracketed year qualifies what precedes it: never alone
            else:
                units.append(piece)
            rest = rest[len(piece) :]
        else:
            run += rest[0]
            rest = rest[1:]
    if run:
        units.append(run)
    return units


def width(text: str) -> float:
    """Width in em: Chinese characters and full-width marks 1, others (digits, /) half."""
    return sum(1.0 if ord(c) > 0x2000 else 0.5 for c in text)


def _splits(units: list[str], lines: int) -> Iterator[list[str]]:
    for cuts in itertools.combinations(range(1, len(units)), lines - 1):
        bounds = (0, *cuts, len(units))
        yield ["".join(units[a:b]) for a, b in itertools.pairwise(bounds)]


def _shape_ok(widths: list[float]) -> bool:
    """A trapezoid (each line no shorter, or no longer, than the one above) or a diamond
    (longer to the middle, then shorter)."""
    if len(widths) < 3:
        return True
    up = all(a <= b for a, b in itertools.pairwise(widths))
    down = all(a >= b for a, b in itertools.pairwise(widths))
    peak = widths.index(max(widths))
    diamond = all(a <= b for a, b in itertools.pairwise(widths[: peak + 1])) and all(
        a >= b for a, b in itertools.pairwise(widths[peak:])
    )
    return up or down or diamond


# Past this many words the search over every way of breaking grows too fast (2^n splits); no
# title of the office comes near it, and a longer one is filled line by line instead.
MAX_SEARCH_UNITS = 12


def _filled(units: list[str], measure: float) -> list[str]:
    """Lines filled greedily, each broken between words (a word wider than the line stands
    alone on its own)."""
    lines: list[str] = []
    line = ""
    for unit in units:
        if line and width(line + unit) > measure:
            lines.append(line)
            line = ""
        line += unit
    return [*lines, line] if line else lines


def title_words(title: str, measure: float = 18.0) -> list[str]:
    """words(), and a quoted title wider than a line opened up: 《 and 》 stay with the words
    they touch."""
    units = []
    for unit in words(title):
        if unit.startswith("《") and unit.endswith("》") and width(unit) > measure:
            inner = words(unit[1:-1])
            inner[0], inner[-1] = "《" + inner[0], inner[-1] + "》"
            units += inner
        else:
            units.append(unit)
    return units


def title_lines(title: str, measure: float = 18.0) -> list[str]:
    """The cover title's lines: as few as fit `measure` em, broken between words, in a
    trapezoid or diamond, as even as that allows."""
    units = title_words(punctuate(title), measure)
    if width("".join(units)) <= measure or len(units) == 1:
        return ["".join(units)]
    if len(units) > MAX_SEARCH_UNITS:
        return _filled(units, measure)
    for count in range(2, len(units) + 1):
        best: tuple[float, list[str]] | None = None
        for lines in _splits(units, count):
            widths = [width(line) for line in lines]
            if max(widths) > measure or not _shape_ok(widths):
                continue
            # Even lines first; on a tie, the shorter line on top (a 正梯形).
            score = max(widths) - min(widths) + (0.01 if widths[0] > widths[-1] else 0)
            if best is None or score < best[0]:
                best = (score, lines)
        if best is not None:
            return best[1]
    return ["".join(units)]
