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

What a form planc did not make (or one made to hurt) cannot do: every cell is read from the
cells the sheet stores (not the rectangle up to its farthest styled cell: one at XFD1048576
would span 17 billion), only in the form's own columns and rows, stopping at the first long run
of empty rows after the last row planc wrote; a workbook that unpacks to more than
MAX_UNPACKED bytes is refused before it is parsed, a cell longer than MAX_CELL characters and a
form holding more than MAX_FORM are refused at the cell; every metadata value is checked for
its shape (a key, a short value), and the features check what it means (a consultation number
of ASCII digits, from 1; a known unit, round and period).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
import warnings
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from planc.diagnostics import Diagnostic, Loc
from planc.errors import reason
from planc.i18n import _
from planc.sheets.form import (
    FIRST_ROW,
    HALFWIDTH,
    HEADER_ROW,
    ID_COLUMN,
    META_MARK,
    SHEET_MARK,
    SPACES,
    FormIn,
    RowIn,
    Sheet,
    Value,
    form_digest,
    plain_text,
)

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97-2003 .xls, WPS .et
# A form of 300 tasks unpacks to well under 1 MB; a filled one to a few.
MAX_UNPACKED = 20_000_000  # bytes of the workbook's parts, unpacked
MAX_PARTS = 1_000  # files inside the workbook
MAX_CELL = 10_000  # characters in one cell: some five pages of comment
MAX_FORM = 1_000_000  # characters read from one form in all
EMPTY_RUN = 100  # empty rows after the last row planc wrote that end a sheet
MAX_META_VALUE = 500  # characters of one metadata value or row id
META_KEY = re.compile(r"[a-z][a-z0-9_-]{0,31}")
META_WORD = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")  # a form's kind, its digest
_text = plain_text


def whole(shown: str) -> Loc:
    """The file as a whole (line 0: no row to point at)."""
    return Loc(shown, 0, 0)


def other_round(form: FormIn, round_name: str, shown: str, command: str) -> Diagnostic | None:
    """`form-foreign` when the form was made for another round's plan, with the command that
    imports it there (`command`: consult import, solicit import, sheet import...)."""
    found = form.meta.get("round")
    if found == round_name:
        return None
    return Diagnostic(
        "form-foreign",
        whole(shown),
        _(
            "this form is for the {form_round} plan, not {round}",
            form_round=found,
            round=round_name,
        ),
        _(
            "import it with: planc {command} {round} {file}",
            command=command,
            round=found,
            file=shown,
        ),
    )


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
            _small_enough(fh, where)
            fh.seek(0)
            # openpyxl warns of what it drops (an extension, a drawing), naming its own files:
            # planc reads only cells, so the warnings say nothing to the clerk.
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                return load_workbook(fh, data_only=False, keep_links=False)
    except _Refused:
        raise
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


def _small_enough(fh: Any, where: Loc) -> None:
    """Refuse a workbook whose parts unpack to more than a form can need, before openpyxl
    reads any of them (zipfile stops at the sizes the archive declares)."""
    parts = zipfile.ZipFile(fh).infolist()
    unpacked = sum(info.file_size for info in parts)
    if len(parts) > MAX_PARTS or unpacked > MAX_UNPACKED:
        raise _Refused(
            Diagnostic(
                "form-unreadable",
                where,
                _(
                    "the workbook unpacks to {size} MB in {parts} parts; a form is under "
                    "{limit} MB",
                    size=f"{unpacked / 1e6:,.0f}",
                    parts=len(parts),
                    limit=MAX_UNPACKED // 1_000_000,
                ),
                _("fill in a fresh copy of the form as it was sent"),
            )
        )


def _grid(ws: Any) -> dict[int, dict[int, Any]]:
    """The cells a sheet stores, by row and column: as many as the file holds, never the
    rectangle up to its farthest (perhaps only styled) cell, which is what openpyxl's max_row
    and max_column span."""
    rows: dict[int, dict[int, Any]] = {}
    for (r, c), cell in ws._cells.items():
        rows.setdefault(r, {})[c] = cell
    return rows


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
    found: dict[str, Any] = {"meta": {}, "sheets": {}, "rows": {}, "sent": {}}
    grid = _grid(ws)
    for r in sorted(grid):
        if r < 2:
            continue
        stored = grid[r]
        cells = [_text(stored[c].value) if c in stored else "" for c in (1, 2, 3, 4)]
        if not cells[0]:
            continue
        tag, rest = cells[0], cells[1:]
        if not _meta_shape(tag, rest):
            raise _Refused(_tampered(shown))
        if tag in ("kind", "form"):
            found[tag] = rest[0]
        elif tag == "meta":
            found["meta"][rest[0]] = rest[1]
        elif tag == "sheet":
            found["sheets"][rest[0]] = rest[1]
            found["rows"][rest[0]] = []
        elif tag == "row" and rest[0] in found["rows"]:
            found["rows"][rest[0]].append(rest[1])
            if META_WORD.fullmatch(rest[2]):  # a table sheet's row: the digest of what it held
                found["sent"].setdefault(rest[0], {})[rest[1]] = rest[2]
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
        raise _Refused(_tampered(shown))
    return ws, found


def _tampered(shown: str) -> Diagnostic:
    return Diagnostic(
        "form-tampered",
        whole(shown),
        _("the form's hidden planc sheet was changed; planc cannot tell what the form was"),
        _("fill in a fresh copy of the form as it was sent"),
    )


def _meta_shape(tag: str, rest: list[str]) -> bool:
    """A row of the hidden sheet as planc writes it: a known tag, a key, a short value. (The
    fourth cell is a table row's digest; forms made before the workbook kept drop-down lists
    there, so it is read only where it is one.)"""
    if tag in ("kind", "form"):
        return bool(META_WORD.fullmatch(rest[0])) and not rest[1]
    if tag not in ("meta", "sheet", "row"):
        return False
    return bool(META_KEY.fullmatch(rest[0])) and len(rest[1]) <= MAX_META_VALUE


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


class _Budget:
    """The characters a form may still hand over (MAX_FORM in all)."""

    def __init__(self) -> None:
        self.left = MAX_FORM


def _value(cell: Any, column: Any, loc: Loc, out: list[Diagnostic], budget: _Budget) -> Value:
    if cell is None:
        return None
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
    if isinstance(cell.value, str) and len(cell.value) > MAX_CELL:
        out.append(
            Diagnostic(
                "form-cell",
                loc,
                _(
                    "{column} holds {count} characters; planc takes at most {limit} in a cell",
                    column=column.heading,
                    count=f"{len(cell.value):,}",
                    limit=f"{MAX_CELL:,}",
                ),
                _("shorten it, or send the long text as an attachment and name it here"),
            )
        )
        return None
    text = _text(cell.value)
    if not text:
        return None
    budget.left -= len(text)
    if budget.left < 0:
        raise _Refused(
            Diagnostic(
                "form-cell",
                loc,
                _(
                    "the form holds more than {limit} characters by this cell; planc reads "
                    "no more of it",
                    limit=f"{MAX_FORM:,}",
                ),
                _("send the long texts as attachments and name them in the form"),
            )
        )
    if column.number:
        digits = unicodedata.normalize("NFKC", text).strip(SPACES).removeprefix("第")
        digits = digits.removesuffix("项").removesuffix("条").strip(SPACES)
        # ASCII digits only (NFKC made full-width ones plain): int() would take ፩ or ٣ and
        # refuse 5,000 digits.
        if not (digits.isascii() and digits.isdigit() and len(digits) <= 9):
            out.append(
                Diagnostic(
                    "form-cell",
                    loc,
                    _(
                        "{column} should be a number, found '{value}'",
                        column=column.heading,
                        value=text[:40],
                    ),
                )
            )
            return None
        return int(digits)
    if column.halfwidth:
        text = text.translate(HALFWIDTH)
    return text


def _data_rows(grid: dict[int, dict[int, Any]], ids: set[str]) -> list[int]:
    """The rows to read: those the sheet stores from FIRST_ROW on, up to the first run of
    EMPTY_RUN empty rows once every row planc wrote (by its id in column A) has been seen."""
    rows = []
    unseen = set(ids)
    last = FIRST_ROW - 1
    for r in sorted(row for row in grid if row >= FIRST_ROW):
        stored = grid[r]
        if not any(cell.value is not None for cell in stored.values()):
            continue
        if not unseen and r - last > EMPTY_RUN:
            break
        rows.append(r)
        last = r
        if ID_COLUMN in stored:
            unseen.discard(_text(stored[ID_COLUMN].value))
    return rows


def _rows(
    ws: Any, spec: Sheet, known: list[str], shown: str, out: list[Diagnostic], budget: _Budget
) -> list[RowIn]:
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
                        heading=heading[:40],
                        expected=column.heading,
                    ),
                    _("fill in a fresh copy of the form, keeping its columns"),
                )
            )
    _merged(ws, shown, out)
    allowed = set(known)
    seen: dict[str, int] = {}
    rows: list[RowIn] = []
    grid = _grid(ws)
    last_column = ID_COLUMN + width
    for r in _data_rows(grid, allowed):
        stored = grid[r]
        values: dict[str, Value] = {}
        for i, column in enumerate(spec.columns, start=ID_COLUMN + 1):
            cell = stored.get(i)
            if type(cell).__name__ == "MergedCell":
                continue  # reported with its range
            values[column.key] = _value(cell, column, Loc(shown, r, i, ws.title), out, budget)
        filled = [c for c in spec.columns if c.editable and values.get(c.key) is not None]
        beside = sorted(c for c in stored if c > last_column and stored[c].value is not None)
        stray = next((c for c in beside if _text(stored[c].value)), None)
        if stray is not None:  # the first cell of the row outside the form
            first = next(col for col in spec.columns if col.editable)
            out.append(
                Diagnostic(
                    "form-cell",
                    Loc(shown, r, stray, ws.title),
                    _(
                        "'{value}' is outside the form's columns; planc does not read it",
                        value=_text(stored[stray].value)[:30],
                    ),
                    _(
                        "move it into the column it belongs to (e.g. {heading}, column {letter})",
                        heading=first.heading,
                        letter=_letter(spec.column_of(first.key)),
                    ),
                )
            )
        rid = _text(stored[ID_COLUMN].value) if ID_COLUMN in stored else ""
        if not rid and spec.table:
            if filled:  # a row added to a table: a new item
                rows.append(RowIn(spec.key, ws.title, r, "", values))
            continue
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
            form = FormIn(kind, found["form"], found["meta"], sent=found["sent"])
            budget = _Budget()
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
                form.rows += _rows(ws, spec, found["rows"][spec.key], shown, out, budget)
        finally:
            wb.close()
    except _Refused as refused:
        return None, [*out, refused.diagnostic]
    return form, out
