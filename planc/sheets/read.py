"""Read a filled form back: find its sheets by the marks planc left in them (not by tab names,
which people rename), map rows to ids, and report what cannot be taken at its cell.

What people do to forms, and what planc does about it:
- blank rows, trailing spaces, full-width digits (in number columns): forgiven;
- a renamed sheet or a moved tab: found by its mark in the hidden column A;
- text beside the form, or in a row added below it: refused at the cell, with where it belongs;
- merged cells among the rows: refused (which rows would a merged comment belong to?);
- formulas: refused. The value Excel cached may be stale or absent (openpyxl and some tools
  never compute one), and a comment is text: "=" typed first makes a formula by accident;
- an edited id column or metadata sheet, a form of another kind: refused;
- a file that is not .xlsx (an old .xls, a WPS .et, a CSV, a PDF): refused, saying what it is.
"""

from __future__ import annotations

import codecs
import datetime as dt
import unicodedata
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from planc.diagnostics import Diagnostic, Loc
from planc.errors import reason
from planc.i18n import _
from planc.sheets.form import (
    FIRST_ROW,
    HEADER_ROW,
    ID_COLUMN,
    META_MARK,
    SHEET_MARK,
    FormIn,
    RowIn,
    Sheet,
    Value,
    form_digest,
)

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97-2003 .xls, WPS .et
SPACES = " \t\u3000\xa0\ufeff"  # ideographic and no-break spaces too
# Full-width ASCII (０-９, Ａ-Ｚ, －, ＋...) to plain: 0532-1234５ is 0532-12345.
HALFWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def whole(shown: str) -> Loc:
    """The file as a whole (line 0: no row to point at)."""
    return Loc(shown, 0, 0)


class _Refused(Exception):
    def __init__(self, diagnostic: Diagnostic) -> None:
        self.diagnostic = diagnostic


def _what_it_is(head: bytes) -> str:
    if head.startswith(OLE):
        return _("an Excel 97-2003 (.xls) or WPS (.et) workbook, not .xlsx")
    if head.startswith(b"%PDF"):
        return _("a PDF, not a spreadsheet")
    if not head:
        return _("an empty file")
    try:  # a character may be cut at the end of the sample: decode as a stream does
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return _("not an .xlsx workbook")
    return _("a text file (CSV?), not an .xlsx workbook")


def _open(path: Path, shown: str) -> Any:
    where = whole(shown)
    try:
        with path.open("rb") as fh:
            head = fh.read(512)
    except OSError as exc:
        raise _Refused(
            Diagnostic(
                "form-unreadable", where, _("cannot read the file: {reason}", reason=reason(exc))
            )
        ) from None
    hint = _("open it in Excel or WPS and save it as 'Excel 工作簿 (*.xlsx)'")
    if not head.startswith(b"PK"):
        raise _Refused(
            Diagnostic("form-unreadable", where, _("this is {what}", what=_what_it_is(head)), hint)
        )
    from openpyxl import load_workbook

    try:
        # A file object, not a name: openpyxl refuses names not ending in .xlsx, and a form
        # saved as 意见.XLSX or sent as 意见.xlsx.zip is still a form.
        with path.open("rb") as fh:
            return load_workbook(fh, data_only=False, keep_links=False)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, EOFError) as exc:
        raise _Refused(
            Diagnostic(
                "form-unreadable",
                where,
                _(
                    "not a readable .xlsx workbook ({kind}: {error})",
                    kind=type(exc).__name__,
                    error=exc,
                ),
                hint,
            )
        ) from None
    except Exception as exc:  # openpyxl raises its own kinds for broken packages
        raise _Refused(
            Diagnostic(
                "form-unreadable",
                where,
                _("not a readable .xlsx workbook ({error})", error=exc),
                hint,
            )
        ) from None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.strip(SPACES) for line in text.strip(SPACES + "\n").split("\n"))


def _meta(wb: Any, shown: str, kind: str) -> tuple[Any, dict[str, Any]]:
    for ws in wb.worksheets:
        if ws.cell(1, 1).value == META_MARK:
            break
    else:
        raise _Refused(
            Diagnostic(
                "form-foreign",
                whole(shown),
                _("not a planc form: it has no planc metadata sheet"),
                _("send the unit the form `planc consult forms` made, and import that one"),
            )
        )
    found: dict[str, Any] = {"meta": {}, "sheets": {}, "rows": {}}
    for row in ws.iter_rows(min_row=2, values_only=True):
        cells = [_text(v) for v in row]
        if not cells or not cells[0]:
            continue
        tag, rest = cells[0], [*cells[1:], "", ""]
        if tag in ("kind", "form"):
            found[tag] = rest[0]
        elif tag == "meta":
            found["meta"][rest[0]] = rest[1]
        elif tag == "sheet":
            found["sheets"][rest[0]] = rest[1]
            found["rows"][rest[0]] = []
        elif tag == "row" and rest[0] in found["rows"]:
            found["rows"][rest[0]].append(rest[1])
    if found.get("kind") != kind:
        raise _Refused(
            Diagnostic(
                "form-foreign",
                whole(shown),
                _(
                    "this is a planc '{found}' form, not a {kind} form",
                    found=_form_kind(found.get("kind") or "?"),
                    kind=_form_kind(kind),
                ),
            )
        )
    digest = form_digest(kind, found["meta"], found["rows"])
    if found.get("form") != digest:
        raise _Refused(
            Diagnostic(
                "form-tampered",
                whole(shown),
                _("the form's hidden planc sheet was changed; planc cannot tell what the form was"),
                _("fill in a fresh copy of the form as it was sent"),
            )
        )
    return ws, found


def _find_sheet(wb: Any, key: str) -> Any:
    for ws in wb.worksheets:
        if ws.cell(1, ID_COLUMN).value == SHEET_MARK + key:
            return ws
    return None


def _merged(ws: Any, shown: str, out: list[Diagnostic]) -> None:
    for rng in sorted(ws.merged_cells.ranges, key=lambda r: (r.min_row, r.min_col)):
        if rng.max_row >= FIRST_ROW:
            out.append(
                Diagnostic(
                    "form-cell",
                    Loc(shown, rng.min_row, rng.min_col, ws.title),
                    _(
                        "cells {cells} are merged; planc cannot tell which row they belong to",
                        cells=rng.coord,
                    ),
                    _("unmerge them (取消合并单元格) and write in each row"),
                )
            )


def _value(cell: Any, column: Any, loc: Loc, out: list[Diagnostic]) -> Value:
    if cell.data_type == "f":
        out.append(
            Diagnostic(
                "form-cell",
                loc,
                _(
                    "a formula ({formula}) where {column} is expected",
                    formula=str(cell.value)[:40],
                    column=column.heading,
                ),
                _("type the text itself (a leading '=' makes a formula), or paste as values"),
            )
        )
        return None
    text = _text(cell.value)
    if not text:
        return None
    if column.number:
        digits = unicodedata.normalize("NFKC", text).strip(SPACES).removeprefix("第")
        digits = digits.removesuffix("项").removesuffix("条").strip(SPACES)
        if not digits.isdigit():
            out.append(
                Diagnostic(
                    "form-cell",
                    loc,
                    _(
                        "{column} should be a number, found '{value}'",
                        column=column.heading,
                        value=text,
                    ),
                )
            )
            return None
        return int(digits)
    if column.halfwidth:
        text = text.translate(HALFWIDTH)
    return text


def _rows(ws: Any, spec: Sheet, known: list[str], shown: str, out: list[Diagnostic]) -> list[RowIn]:
    width = len(spec.columns)
    for i, column in enumerate(spec.columns, start=ID_COLUMN + 1):
        heading = _text(ws.cell(HEADER_ROW, i).value)
        if heading != column.heading:
            raise _Refused(
                Diagnostic(
                    "form-tampered",
                    Loc(shown, HEADER_ROW, i, ws.title),
                    _(
                        "column heading '{heading}' where '{expected}' was: columns were "
                        "moved, inserted or deleted",
                        heading=heading,
                        expected=column.heading,
                    ),
                    _("fill in a fresh copy of the form, keeping its columns"),
                )
            )
    _merged(ws, shown, out)
    allowed = set(known)
    seen: dict[str, int] = {}
    rows: list[RowIn] = []
    for r in range(FIRST_ROW, ws.max_row + 1):
        values: dict[str, Value] = {}
        for i, column in enumerate(spec.columns, start=ID_COLUMN + 1):
            cell = ws.cell(r, i)
            if type(cell).__name__ == "MergedCell":
                continue  # reported with its range
            values[column.key] = _value(cell, column, Loc(shown, r, i, ws.title), out)
        filled = [c for c in spec.columns if c.editable and values.get(c.key) is not None]
        for c in range(ID_COLUMN + width + 1, ws.max_column + 1):
            stray = _text(ws.cell(r, c).value)
            if stray:
                first = next(col for col in spec.columns if col.editable)
                out.append(
                    Diagnostic(
                        "form-cell",
                        Loc(shown, r, c, ws.title),
                        _(
                            "'{value}' is outside the form's columns; planc does not read it",
                            value=stray[:30],
                        ),
                        _(
                            "move it into the column it belongs to (e.g. {heading}, "
                            "column {letter})",
                            heading=first.heading,
                            letter=_letter(spec.column_of(first.key)),
                        ),
                    )
                )
        rid = _text(ws.cell(r, ID_COLUMN).value)
        if not rid:
            if filled:
                out.append(
                    Diagnostic(
                        "form-cell",
                        Loc(shown, r, spec.column_of(filled[0].key), ws.title),
                        _(
                            "row {row} was added to the form; planc reads only the rows it wrote",
                            row=r,
                        ),
                        _(
                            "write the comment in the row of the task it is about, or on the "
                            "sheet for general comments"
                        ),
                    )
                )
            continue
        if rid not in allowed:
            out.append(
                Diagnostic(
                    "form-tampered",
                    Loc(shown, r, ID_COLUMN, ws.title),
                    _(
                        "the hidden id '{id}' in column A is not one this form was sent with",
                        id=rid[:40],
                    ),
                    _("do not edit column A; fill in a fresh copy of the form"),
                )
            )
            continue
        if rid in seen:
            out.append(
                Diagnostic(
                    "form-tampered",
                    Loc(shown, r, ID_COLUMN, ws.title),
                    _(
                        "row {row} repeats the hidden id of row {first} (rows copied?)",
                        row=r,
                        first=seen[rid],
                    ),
                    _("write both comments in one row"),
                )
            )
            continue
        seen[rid] = r
        rows.append(RowIn(spec.key, ws.title, r, rid, values))
    return rows


def _form_kind(kind: str) -> str:
    """A kind of form as the message names it (the words spelled out for the catalogue)."""
    names = {"consultation": _("consultation"), "progress": _("progress")}
    return names.get(kind, kind)


def _letter(column: int) -> str:
    from planc.diagnostics import column_letter

    return column_letter(column)


def read_form(
    path: Path, shown: str, kind: str, sheets: Sequence[Sheet]
) -> tuple[FormIn | None, list[Diagnostic]]:
    """Read a form of `kind` whose data sheets are `sheets` (columns only; rows are ignored).
    `shown` is the file as the user named it, for the diagnostics. None when the form as a
    whole cannot be read; rows with problems are left out and reported."""
    out: list[Diagnostic] = []
    try:
        wb = _open(path, shown)
        try:
            found = _meta(wb, shown, kind)[1]
            form = FormIn(kind, found["form"], found["meta"])
            for spec in sheets:
                if spec.key not in found["sheets"]:
                    continue  # a form of this kind made without this sheet
                ws = _find_sheet(wb, spec.key)
                if ws is None:
                    raise _Refused(
                        Diagnostic(
                            "form-tampered",
                            whole(shown),
                            _(
                                "the sheet '{sheet}' was deleted from the form",
                                sheet=found["sheets"][spec.key],
                            ),
                            _("fill in a fresh copy of the form"),
                        )
                    )
                form.rows += _rows(ws, spec, found["rows"][spec.key], shown, out)
        finally:
            wb.close()
    except _Refused as refused:
        return None, [*out, refused.diagnostic]
    return form, out
