"""Charts as inline SVG, drawn here: the same markup serves the browser (from file://, no
script, no network) and WeasyPrint.

Legible at print size and on a phone: each label is whole before its bar (wrapped when long,
never cut), the drawing is 400 units wide so 13-unit text prints at about 14 pt across the
156 mm type area and reads at about 11 px on a 340 px phone screen. Every chart has a legend;
a chart whose figures are all zero is not drawn."""

from __future__ import annotations

from html import escape

from markupsafe import Markup

Row = tuple[str, int, int | None]  # label, value held by the sources, published total if any

WIDTH = 400
FONT_SIZE = 13
LABEL_LINE = 17
BAR = 14
GAP = 9
LABEL_CHARS = 12  # at most 12 characters a label line: the bars keep half the width
FONT = "Noto Sans CJK SC, sans-serif"
HELD = "#2f5d8a"
TOTAL = "#8a9bb8"


def drawable(rows: list[Row]) -> bool:
    """Whether a chart says anything: some row has a figure above zero."""
    return any(value or total for _, value, total in rows)


def _lines(label: str, chars: int) -> list[str]:
    """`label` in lines of at most `chars`, as even as can be (never one character alone)."""
    count = max(1, -(-len(label) // chars))
    per = -(-len(label) // count)
    return [label[i : i + per] for i in range(0, len(label), per)] or [""]


def _width(text: str) -> float:
    """In units of the font size: Chinese 1, digits and Latin about half."""
    return sum(1.0 if ord(c) > 0x2000 else 0.55 for c in text)


def bar_chart(
    title: str,
    rows: list[Row],
    held: str = "本版本收录",
    total: str = "公布数",
    font: str = FONT,
) -> Markup:
    """Horizontal bars, one per row, the label before it (wrapped, never cut). Where a
    published total exceeds what the sources hold, a dashed outline shows the total, so a
    partial record reads as partial."""
    if not drawable(rows):
        return Markup("")
    top = max(max(value, t or 0) for _, value, t in rows) or 1
    longest = max(_width(label) for label, _, _ in rows)
    chars = min(LABEL_CHARS, max(2, int(longest + 0.99)))
    label_w = round(chars * FONT_SIZE + 8)
    plot = WIDTH - label_w - 60  # room for the figure after the longest bar
    has_total = any(t is not None and t > value for _, value, t in rows)
    body: list[str] = []
    # The legend first: what the filled and the dashed bars mean.
    body.append(f'<rect x="0" y="3" width="14" height="10" fill="{HELD}"/>')
    body.append(f'<text x="20" y="12" font-size="{FONT_SIZE}">{escape(held)}</text>')
    if has_total:
        x = round(40 + _width(held) * FONT_SIZE)
        body.append(
            f'<rect x="{x}" y="3" width="14" height="10" fill="none" stroke="{TOTAL}" '
            f'stroke-dasharray="4 3"/>'
        )
        body.append(f'<text x="{x + 20}" y="12" font-size="{FONT_SIZE}">{escape(total)}</text>')
    y = LABEL_LINE + GAP
    for label, value, t in rows:
        lines = _lines(label, chars)
        height = max(BAR, LABEL_LINE * len(lines))
        for i, line in enumerate(lines):
            body.append(
                f'<text x="0" y="{y + 13 + i * LABEL_LINE}" font-size="{FONT_SIZE}">'
                f"{escape(line)}</text>"
            )
        bar_y = y + (height - BAR) / 2
        if t is not None and t > value:
            w = round(plot * t / top, 1)
            body.append(
                f'<rect x="{label_w}" y="{bar_y}" width="{w}" height="{BAR}" fill="none" '
                f'stroke="{TOTAL}" stroke-dasharray="4 3"/>'
            )
        w = round(plot * value / top, 1)
        body.append(f'<rect x="{label_w}" y="{bar_y}" width="{w}" height="{BAR}" fill="{HELD}"/>')
        figure = f"{value} / {t}" if t is not None and t != value else str(value)
        end = label_w + plot * max(value, t or 0) / top
        body.append(
            f'<text x="{round(end + 6, 1)}" y="{bar_y + 12}" font-size="{FONT_SIZE}" '
            f'fill="#444">{figure}</text>'
        )
        y += height + GAP
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {WIDTH} {y}" width="100%" aria-label="{escape(title)}" '
        f'font-family="{escape(font)}" fill="#222">'
        f"<title>{escape(title)}</title>{''.join(body)}</svg>"
    )
