"""The office's whole-round workbook as the tests make and edit it: written by `planc sheet
export`, edited with openpyxl the way a clerk edits in Excel (a cell retyped, a row filled in
at the bottom, a row deleted), imported by `planc sheet import` through the command line's
one handler."""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from pathlib import Path

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from planc.cli import handle
from planc.commands.sheet import export, import_
from planc.sheets.form import FIRST_ROW, HEADER_ROW, ID_COLUMN
from tests.consult_forms import row_of, sheet

Edit = Callable[[openpyxl.Workbook], None]


def make(plans: Path, out: Path, name: str = "2020-2021") -> str:
    stream = io.StringIO()
    code = handle(lambda: export(plans, name, out, stream), stream)
    assert code == 0, stream.getvalue()
    return stream.getvalue()


def column(ws: Worksheet, heading: str) -> int:
    for c in range(ID_COLUMN + 1, ws.max_column + 1):
        if ws.cell(HEADER_ROW, c).value == heading:
            return c
    raise KeyError(heading)


def cell(key: str, row_id: str, heading: str, value: str | int | None) -> Edit:
    def edit(wb: openpyxl.Workbook) -> None:
        ws = sheet(wb, key)
        ws.cell(row_of(ws, row_id), column(ws, heading)).value = value

    return edit


def added(key: str, values: dict[str, str | int | None]) -> Edit:
    """A new item typed into the first empty row under the table."""

    def edit(wb: openpyxl.Workbook) -> None:
        ws = sheet(wb, key)
        title = column(ws, next(iter(values)))
        r = FIRST_ROW
        while ws.cell(r, ID_COLUMN).value is not None or ws.cell(r, title).value is not None:
            r += 1
        for heading, value in values.items():
            ws.cell(r, column(ws, heading)).value = value

    return edit


def deleted(key: str, row_id: str) -> Edit:
    def edit(wb: openpyxl.Workbook) -> None:
        ws = sheet(wb, key)
        ws.delete_rows(row_of(ws, row_id))

    return edit


def edited(src: Path, dst: Path, *edits: Edit) -> Path:
    """The workbook as the office saves it after editing."""
    wb = openpyxl.load_workbook(src)
    for e in edits:
        e(wb)
    wb.save(dst)
    return dst


def run(
    plans: Path,
    file: Path,
    *options: str,
    name: str = "2020-2021",
    answers: list[bool] | None = None,
) -> tuple[int, str]:
    """`planc sheet import` as typed in the folder above the plans (paths shown relative);
    `answers`: what a clerk at a terminal answers to its questions."""
    stream = io.StringIO()
    plans = Path(os.path.relpath(plans))
    file = Path(os.path.relpath(file))
    asked = list(answers or [])

    def ask(question: str) -> bool:
        stream.write(f"? {question}\n")
        return asked.pop(0)

    code = handle(
        lambda: import_(
            plans,
            name,
            file,
            "--apply" in options,
            "--confirm-drops" in options,
            ask if answers is not None else None,
            stream,
        ),
        stream,
    )
    return code, stream.getvalue()


def snapshot(plans: Path) -> dict[str, bytes]:
    return {
        p.relative_to(plans).as_posix(): p.read_bytes()
        for p in sorted(plans.rglob("*.yaml"))
        if ".planc-cache" not in p.parts
    }
