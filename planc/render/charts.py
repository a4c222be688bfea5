"""Charts as inline SVG, drawn here: the same markup serves the browser (from file://, no
script, no network) and WeasyPrint."""

from __future__ import annotations

from html import escape

from markupsafe import Markup

Row = tuple[str, int, int | None]  # label, value held by the sources, published total if any

ROW_HEIGHT = 26
LABEL_WIDTH = 230
GAP = 8
FONT = "Noto Sans CJK SC, sans-serif"


def bar_chart(title: str, rows: list[Row], width: int = 640) -> Markup:
    """Horizontal bars, one per row. Where a published total exceeds what the sources hold, an
    outline shows the total, so a partial record reads as partial."""
    if not rows:
        return Markup("")
    top = max(max(value, total or 0) for _, value, total in rows) or 1
    plot = width - LABEL_WIDTH - 90
    height = ROW_HEIGHT * len(rows) + 34
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {width} {height}" width="100%" aria-label="{escape(title)}" '
        f'font-family="{FONT}">',
        f"<title>{escape(title)}</title>",
        f'<text x="0" y="16" font-size="15" font-weight="bold" fill="#222">{escape(title)}</text>',
    ]
    for i, (label, value, total) in enumerate(rows):
        y = 28 + i * ROW_HEIGHT
        shown = label if len(label) <= 14 else label[:13] + "…"
        parts.append(
            f'<text x="{LABEL_WIDTH - GAP}" y="{y + 15}" text-anchor="end" '
            f'font-size="13" fill="#222">{escape(shown)}</text>'
        )
        if total is not None and total > value:
            w = round(plot * total / top, 1)
            parts.append(
                f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{w}" height="{ROW_HEIGHT - 8}" '
                f'fill="none" stroke="#8a9bb8" stroke-dasharray="4 3"/>'
            )
        w = round(plot * value / top, 1)
        parts.append(
            f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{w}" height="{ROW_HEIGHT - 8}" '
            f'fill="#2f5d8a"/>'
        )
        figure = f"{value} / {total}" if total is not None and total != value else str(value)
        end = LABEL_WIDTH + plot * max(value, total or 0) / top
        parts.append(
            f'<text x="{round(end + GAP, 1)}" y="{y + 15}" font-size="13" fill="#444">'
            f"{figure}</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))
