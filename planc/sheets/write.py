"""Write a form as .xlsx with openpyxl: ids in a hidden locked column, every cell but the ones
to fill protected, frozen headings, A4 landscape printing with the headings on every page, and
a hidden sheet with the metadata. Excel, WPS and LibreOffice open it without a prompt: the
protection has no password (it guards against slips, not people; "撤销工作表保护" lifts it)."""

from __future__ import annotations

import errno
import math
import os
from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from planc.atomic import create, mode_for, seal, staged, temporary_name
from planc.cjk import width
from planc.errors import UsageError
from planc.i18n import _
from planc.sheets.form import (
    FIRST_ROW,
    FORMAT,
    HEADER_ROW,
    ID_COLUMN,
    META_MARK,
    META_TITLE,
    NOTE_ROW,
    SHEET_MARK,
    TITLE_ROW,
    Column,
    Form,
    Sheet,
)

FONT = "宋体"  # what a Chinese office's Excel and WPS have; LibreOffice substitutes Noto
THIN = Side(style="thin", color="808080")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="D9D9D9")
EDIT_FILL = PatternFill("solid", fgColor="FFF9DB")  # the cells to fill, pale yellow
LOCKED = Protection(locked=True)
OPEN = Protection(locked=False)
LINE = 15  # points: a line of the 11-point body font, with its leading
INLINE_LIST_LIMIT = 255  # Excel's limit on a drop-down list written inline
META_COLUMNS = 4  # the hidden sheet's metadata columns; drop-down lists come after them


def row_height(columns: tuple[Column, ...], values: dict[str, str | int | None]) -> float | None:
    """The height a row of wrapped text needs (neither Excel nor LibreOffice fits a row to
    wrapped text on opening), or None for one line."""
    lines = max(
        (
            _lines(str(value), col.width)
            for col in columns
            if (col.wrap or col.editable) and (value := values.get(col.key)) is not None
        ),
        default=1,
    )
    return LINE * lines if lines > 1 else None


def styles() -> dict[str, NamedStyle]:
    """The cell styles of a form, registered once per workbook: a cell then takes a style by
    name, which is ten times cheaper in openpyxl than a font, fill and border of its own
    (measured: 70 forms in 5.9 s against 12.8 s)."""
    top = Alignment(vertical="top", wrap_text=False)
    wrap = Alignment(vertical="top", wrap_text=True)
    body = Font(name=FONT, size=11)
    return {
        "planc-id": NamedStyle("planc-id", protection=LOCKED),
        "planc-locked": NamedStyle(
            "planc-locked", font=body, border=BOX, alignment=top, protection=LOCKED
        ),
        "planc-wrap": NamedStyle(
            "planc-wrap", font=body, border=BOX, alignment=wrap, protection=LOCKED
        ),
        # Text: a telephone number stays as typed, 0532 and all.
        "planc-edit": NamedStyle(
            "planc-edit",
            font=body,
            border=BOX,
            alignment=wrap,
            protection=OPEN,
            fill=EDIT_FILL,
            number_format="@",
        ),
        "planc-head": NamedStyle(
            "planc-head",
            font=Font(name=FONT, size=11, bold=True),
            fill=HEAD_FILL,
            border=BOX,
            alignment=Alignment(horizontal="center", vertical="center", wrap_text=True),
            protection=LOCKED,
        ),
    }


def _lines(text: str, columns: float) -> int:
    """How many lines `text` takes wrapped in a cell `columns` wide (a column's width counts
    characters of the body font; a Chinese character takes two)."""
    room = max(columns - 1, 1)
    return sum(max(1, math.ceil(width(line) / room)) for line in text.split("\n"))


def _protect(ws: Worksheet, table: bool = False) -> None:
    ws.protection.sheet = True
    # Still allowed: widening columns and rows, so long comments can be read.
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    if table:  # the office's own table: rows may be inserted and deleted
        ws.protection.insertRows = False
        ws.protection.deleteRows = False


def _choices(ws: Worksheet, meta: Worksheet, column: int, spec: Column, rows: int) -> None:
    choices = spec.choices
    inline = '"' + ",".join(choices) + '"'
    if len(inline) <= INLINE_LIST_LIMIT and not any("," in c or '"' in c for c in choices):
        formula = inline
    else:  # long lists, or items with commas, go in the hidden sheet and are referenced
        # After the metadata's own columns (tag, key, value, a table row's digest).
        col = max(meta.max_column, META_COLUMNS) + 1
        for i, choice in enumerate(choices, start=1):
            meta.cell(i, col, choice)
        letter = get_column_letter(col)
        formula = f"{quote_sheetname(META_TITLE)}!${letter}$1:${letter}${len(choices)}"
    dv = DataValidation(
        type="list",
        formula1=formula,
        allow_blank=True,
        # A cell naming several (市商务局、市财政局) is not on the list: the list only helps.
        showErrorMessage=spec.strict,
        errorTitle="请从列表中选择",
        error="请从下拉列表中选择一项，或留空。",
    )
    letter = get_column_letter(column)
    dv.add(f"{letter}{FIRST_ROW}:{letter}{FIRST_ROW + max(rows, 1) - 1}")
    ws.add_data_validation(dv)


def _sheet(wb: Workbook, meta: Worksheet, sheet: Sheet) -> None:
    ws = wb.create_sheet(sheet.title)
    last = ID_COLUMN + len(sheet.columns)
    last_letter = get_column_letter(last)
    total = sum(c.width for c in sheet.columns)
    ws.cell(TITLE_ROW, ID_COLUMN, SHEET_MARK + sheet.key)
    ws.column_dimensions[get_column_letter(ID_COLUMN)].hidden = True
    ws.cell(HEADER_ROW, ID_COLUMN, "id")

    title = ws.cell(TITLE_ROW, ID_COLUMN + 1, sheet.heading)
    title.font = Font(name=FONT, size=16, bold=True)
    title.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.merge_cells(f"B{TITLE_ROW}:{last_letter}{TITLE_ROW}")
    ws.row_dimensions[TITLE_ROW].height = 36
    note = ws.cell(NOTE_ROW, ID_COLUMN + 1, sheet.note)
    note.font = Font(name=FONT, size=10)
    note.alignment = Alignment(vertical="top", wrap_text=True)
    ws.merge_cells(f"B{NOTE_ROW}:{last_letter}{NOTE_ROW}")
    ws.row_dimensions[NOTE_ROW].height = max(48, LINE * _lines(sheet.note, 10 / 11 * total) + 6)

    for i, col in enumerate(sheet.columns, start=ID_COLUMN + 1):
        ws.column_dimensions[get_column_letter(i)].width = col.width
        ws.cell(HEADER_ROW, i, col.heading).style = "planc-head"
    styles = [
        "planc-edit" if c.editable else "planc-wrap" if c.wrap else "planc-locked"
        for c in sheet.columns
    ]
    blank: dict[str, str | int | None] = {}
    rows = [*sheet.rows, *[("", blank)] * sheet.spare]
    for r, (rid, values) in enumerate(rows, start=FIRST_ROW):
        ws.cell(r, ID_COLUMN, rid or None).style = "planc-id"
        for i, (col, style) in enumerate(zip(sheet.columns, styles, strict=True), start=2):
            ws.cell(r, i, values.get(col.key)).style = "planc-edit" if not rid else style
        if height := row_height(sheet.columns, values):
            ws.row_dimensions[r].height = height
    for i, col in enumerate(sheet.columns, start=ID_COLUMN + 1):
        if col.choices:
            _choices(ws, meta, i, col, len(rows))

    ws.freeze_panes = ws.cell(FIRST_ROW, ID_COLUMN + 1)
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.print_area = f"B{TITLE_ROW}:{last_letter}{max(FIRST_ROW, FIRST_ROW + len(sheet.rows) - 1)}"
    print_setup(ws, "landscape")
    _protect(ws, sheet.table)


def print_setup(ws: Any, orientation: str) -> None:
    """A4, fitted to the page's width (as many pages down as it takes), page numbers below."""
    ws.page_setup.orientation = orientation
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"


def _meta(meta: Worksheet, form: Form, form_id: str) -> None:
    meta.cell(1, 1, META_MARK)
    meta.cell(1, 2, FORMAT)
    rows: list[tuple[str, ...]] = [("kind", form.kind), ("form", form_id)]
    rows += [("meta", key, value) for key, value in sorted(form.meta.items())]
    for sheet in form.sheets:
        rows.append(("sheet", sheet.key, sheet.title))
        if sheet.table:  # each row's digest, so an import can tell which rows were edited
            rows += [("row", sheet.key, rid, sheet.digest_of(v)) for rid, v in sheet.rows]
        else:
            rows += [("row", sheet.key, rid) for rid, _ in sheet.rows]
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row, start=1):
            meta.cell(r, c, value)


def write_form(form: Form, path: Path) -> str:
    """Write `form` to `path` (atomically: a temporary file renamed into place). Returns the
    form id."""
    wb, form_id = _workbook(form)
    with staged(path) as temp:
        wb.save(temp)
    return form_id


def save_forms(forms: Sequence[tuple[Form, Path]]) -> list[str]:
    """Write every form, or none (their folders made as needed): each is saved beside its
    target first, and only when all are saved are they put in place, never over a file that
    is there (a unit's filled copy: FileExistsError). Returns the form ids."""
    staged_files: list[tuple[Path, Path]] = []
    placed: list[Path] = []
    made: list[Path] = []
    ids = []
    try:
        for form, path in forms:
            folder = path.parent
            while not folder.is_dir():
                made.append(folder)
                folder = folder.parent
            path.parent.mkdir(parents=True, exist_ok=True)
            wb, form_id = _workbook(form)
            temp = temporary_name(path)
            create(temp, None, 0o600, durable=False)
            staged_files.append((temp, path))
            wb.save(temp)
            seal(temp, mode_for(path))
            ids.append(form_id)
        for temp, path in staged_files:
            _place(temp, path)
            placed.append(path)
    except BaseException:
        for path in placed:
            path.unlink(missing_ok=True)
        for folder in made:  # the deepest first
            with suppress(OSError):
                folder.rmdir()
        raise
    finally:
        for temp, _path in staged_files:
            temp.unlink(missing_ok=True)
    return ids


def _place(temp: Path, path: Path) -> None:
    """`temp` at `path`, never over a file there."""
    try:
        os.link(temp, path)
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links
        if path.exists():
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path)) from None
        os.rename(temp, path)


def _workbook(form: Form) -> tuple[Workbook, str]:
    wb = Workbook()
    for blank in list(wb.worksheets):  # the sheet every new workbook starts with
        wb.remove(blank)
    for style in styles().values():
        wb.add_named_style(style)
    # The metadata sheet is made first so drop-down lists can refer to it, then moved last.
    meta = wb.create_sheet(META_TITLE)
    form_id = form.digest()
    _meta(meta, form, form_id)
    for sheet in form.sheets:
        _sheet(wb, meta, sheet)
    wb.move_sheet(meta, offset=len(form.sheets))
    meta.sheet_state = "veryHidden"  # not even in Excel's "unhide" list
    _protect(meta)
    wb.active = 0
    return wb, form_id


def write_forms_into(out: Path, forms: Sequence[tuple[str, Form]]) -> list[str]:
    """Write each (file name, form) into the folder `out`, all or none (save_forms); the form
    ids, in order. Refuses before writing anything if one of the files is there already: a
    unit may have filled it."""
    if out.exists() and not out.is_dir():
        raise UsageError(_("--out {out} is a file, not a folder", out=out))
    there = [file for file, _form in forms if (out / file).exists()]
    if there:
        more = _(" and {count} more forms", count=len(there) - 1) if len(there) > 1 else ""
        raise UsageError(
            _(
                "{out} already holds {file}{more}; planc does not write over forms (a filled one "
                "would be lost): use another --out folder",
                out=out.as_posix(),
                file=there[0],
                more=more,
            )
        )
    return save_forms([(form, out / file) for file, form in forms])


def fresh_path(out: Path) -> None:
    """A workbook planc is asked to write at `out` (--out FILE.xlsx): refused when the name
    does not end in .xlsx, when its folder is missing, or when a file is there already (it
    may be one the office has edited since)."""
    if out.suffix.lower() != ".xlsx":
        raise UsageError(_("--out {out}: the workbook's name ends in .xlsx", out=out))
    if out.exists():
        raise UsageError(
            _(
                "{out} is already there; planc does not write over it (it may hold the office's "
                "edits): choose another --out",
                out=out,
            )
        )
    if not out.parent.is_dir():
        raise UsageError(
            _("--out {out}: the folder {folder} does not exist", out=out, folder=out.parent)
        )
