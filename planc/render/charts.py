"""Charts as inline SVG, drawn here: the same markup serves the browser (from file://, no
script, no network) and WeasyPrint. The plan's bar charts, and the 督查通报's lines.

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


# --- the 督查通报's charts: completion over the periods, one line per chapter, and a small trend
# line per unit. Lines differ in colour AND dash and marker, so they stay apart in
# black-and-white print; a legend names each one.

COLOURS = ("#2f5d8a", "#c0504d", "#4f8a3a", "#8064a2", "#d98c1f", "#2c9c9c", "#7f7f7f", "#b5487f")
DASHES = ("", "6 3", "2 3", "8 3 2 3")
MARKERS = ("circle", "square", "triangle", "diamond")

Series = tuple[str, list[float]]  # label, percent done per period


def _marker(kind: str, x: float, y: float, colour: str) -> str:
    if kind == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{colour}"/>'
    if kind == "square":
        return (
            f'<rect x="{x - 3.2:.1f}" y="{y - 3.2:.1f}" width="6.4" height="6.4" fill="{colour}"/>'
        )
    if kind == "triangle":
        pts = f"{x:.1f},{y - 4:.1f} {x - 4:.1f},{y + 3:.1f} {x + 4:.1f},{y + 3:.1f}"
        return f'<polygon points="{pts}" fill="{colour}"/>'
    pts = f"{x:.1f},{y - 4.5:.1f} {x + 4.5:.1f},{y:.1f} {x:.1f},{y + 4.5:.1f} {x - 4.5:.1f},{y:.1f}"
    return f'<polygon points="{pts}" fill="{colour}"/>'


def _style(i: int) -> tuple[str, str, str]:
    return COLOURS[i % len(COLOURS)], DASHES[i // len(COLOURS) % len(DASHES)], MARKERS[i % 4]


def completion_chart(title: str, periods: list[str], series: list[Series]) -> Markup:
    """Percent done per period, a line per series; nothing at all when every value is zero (a
    chart of zeros says nothing the table does not)."""
    if not series or not periods or not any(v for _, values in series for v in values):
        return Markup("")
    # 480 wide: on a phone's 360 px the 14-unit text is still 10 px high.
    # Text of 14 units prints at 13 pt across the type area (never below 12 pt).
    width, left, right, top = 480, 48, 30, 30
    plot_h = 150
    legend_cols = 2
    legend_rows = (len(series) + legend_cols - 1) // legend_cols
    height = top + plot_h + 34 + 22 * legend_rows
    plot_w = width - left - right
    step = plot_w / max(len(periods) - 1, 1)

    def x(i: int) -> float:
        return left + (i * step if len(periods) > 1 else plot_w / 2)

    def y(v: float) -> float:
        return top + plot_h * (1 - v / 100)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {width} {height}" width="100%" aria-label="{escape(title)}" '
        f'font-family="{FONT}">',
        f"<title>{escape(title)}</title>",
        f'<text x="0" y="16" font-size="16" font-weight="bold" fill="#222">{escape(title)}</text>',
    ]
    for tick in (0, 25, 50, 75, 100):
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" '
            f'stroke="#d0d4da" stroke-width="1"/>'
            f'<text x="{left - 6}" y="{y(tick) + 4:.1f}" text-anchor="end" font-size="14" '
            f'fill="#444">{tick}%</text>'
        )
    every = max(1, (len(periods) + 5) // 6)  # at most six labels: legible on a phone
    for i, name in enumerate(periods):
        if i % every == 0 or i == len(periods) - 1:
            parts.append(
                f'<text x="{x(i):.1f}" y="{top + plot_h + 18}" text-anchor="middle" '
                f'font-size="14" fill="#444">{escape(name)}</text>'
            )
    for n, (label, values) in enumerate(series):
        colour, dash, marker = _style(n)
        points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(values))
        dashed = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(
            f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"{dashed}/>'
        )
        parts += [_marker(marker, x(i), y(v), colour) for i, v in enumerate(values)]
        row, col = divmod(n, legend_cols)
        lx = left + col * (plot_w / legend_cols)
        ly = top + plot_h + 40 + row * 22
        shown = label if len(label) <= 9 else label[:8] + "…"
        parts.append(
            f'<line x1="{lx:.1f}" x2="{lx + 26:.1f}" y1="{ly:.1f}" y2="{ly:.1f}" '
            f'stroke="{colour}" stroke-width="2"{dashed}/>'
            + _marker(marker, lx + 13, ly, colour)
            + f'<text x="{lx + 32:.1f}" y="{ly + 4:.1f}" font-size="14" fill="#222">'
            f"{escape(shown)}（{round(values[-1])}%）</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def trend(values: list[float], label: str) -> Markup:
    """A unit's completion over the periods, small enough for a table cell; the last value is
    written beside it. Empty when it never moved from zero."""
    if not values or not any(values):
        return Markup("")
    width, height, pad = 96, 22, 3
    step = (width - 2 * pad) / max(len(values) - 1, 1)
    points = " ".join(
        f"{pad + i * step:.1f},{pad + (height - 2 * pad) * (1 - v / 100):.1f}"
        for i, v in enumerate(values)
    )
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="trend" role="img" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" aria-label="{escape(label)}">'
        f"<title>{escape(label)}</title>"
        f'<line x1="0" x2="{width}" y1="{height - pad}" y2="{height - pad}" stroke="#d0d4da"/>'
        f'<polyline points="{points}" fill="none" stroke="#2f5d8a" stroke-width="1.6"/>'
        f"</svg>"
    )
