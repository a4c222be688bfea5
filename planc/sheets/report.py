"""A report as a workbook: on each sheet, titled tables of the same columns one under
another, laid out to print (A4, fitted to the page's width, page numbers in the footer), in
the forms' faces and borders. Not a form: nothing is read back, so nothing is hidden or
protected."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from planc.atomic import staged
from planc.sheets.form import Column, Value
from planc.sheets.write import FONT, print_setup, row_height, styles


@dataclass
class Table:
    heading: str  # the line above the table: 一、按部分
    columns: tuple[Column, ...]
    rows: list[dict[str, Value]] = field(default_factory=list)
    total: dict[str, Value] | None = None  # a last row in bold


def write_tables(title: str, subtitle: str, pages: dict[str, list[Table]], path: Path) -> None:
    """Write each sheet of `pages` (its tab -> its tables) under `title` and `subtitle`,
    atomically."""
    wb = Workbook()
    for blank in list(wb.worksheets):  # the sheet every new workbook starts with
        wb.remove(blank)
    for style in styles().values():
        wb.add_named_style(style)
    for tab, tables in pages.items():
        _page(wb.create_sheet(tab), title, subtitle, tables)
    with staged(path) as temp:
        wb.save(temp)


def _page(ws: Worksheet, title: str, subtitle: str, tables: list[Table]) -> None:
    count = max(len(t.columns) for t in tables)
    for i in range(count):
        width = max((t.columns[i].width for t in tables if i < len(t.columns)), default=10)
        ws.column_dimensions[get_column_letter(i + 1)].width = width
    last = get_column_letter(count)
    ws.cell(1, 1, title).font = Font(name=FONT, size=16, bold=True)
    ws.cell(1, 1).alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.merge_cells(f"A1:{last}1")
    ws.row_dimensions[1].height = 40
    ws.cell(2, 1, subtitle).font = Font(name=FONT, size=11)
    ws.cell(2, 1).alignment = Alignment(horizontal="center")
    ws.merge_cells(f"A2:{last}2")
    r = 4
    for table in tables:
        ws.cell(r, 1, table.heading).font = Font(name=FONT, size=12, bold=True)
        r += 1
        for c, col in enumerate(table.columns, start=1):
            ws.cell(r, c, col.heading).style = "planc-head"
        r += 1
        for values in [*table.rows, *([table.total] if table.total else [])]:
            for c, col in enumerate(table.columns, start=1):
                cell = ws.cell(r, c, values.get(col.key))
                cell.style = "planc-wrap" if col.wrap else "planc-locked"
                if values is table.total:
                    cell.font = Font(name=FONT, size=11, bold=True)
            if height := row_height(table.columns, values):
                ws.row_dimensions[r].height = height
            r += 1
        r += 1
    ws.print_area = f"A1:{last}{r - 2}"
    print_setup(ws, "portrait")
