"""Consultation forms as the tests make and fill them: forms written by `planc consult forms`,
then edited with openpyxl the way people at the units do (blank rows, spaces, full-width
digits, renamed sheets, merged cells, formulas, text beside the form...)."""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from pathlib import Path

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from planc.cli import handle
from planc.commands.consult import forms, import_
from planc.sheets.form import ID_COLUMN, SHEET_MARK

COMMERCE = "市商务局-2020-2021征求意见表（第1次）.xlsx"
PORTS = "山东港口青岛港集团-2020-2021征求意见表（第1次）.xlsx"
CULTURE = "市文化和旅游局-2020-2021征求意见表（第1次）.xlsx"
# Columns of the task sheet (A is the hidden id) and of the general sheet.
COMMENT, PROPOSAL, CONTACT = "H", "I", "J"
PART, NUMBER, G_COMMENT, G_PROPOSAL, G_CONTACT = "B", "C", "D", "E", "F"

Edit = Callable[[openpyxl.Workbook], None]


def make_forms(plans: Path, out: Path, round_name: str = "2020-2021", number: int = 1) -> str:
    stream = io.StringIO()
    code = forms(plans, round_name, number, out, [], stream)
    assert code == 0, stream.getvalue()
    return stream.getvalue()


def sheet(wb: openpyxl.Workbook, key: str) -> Worksheet:
    """A data sheet by the mark planc leaves in it, whatever its tab is called now."""
    for ws in wb.worksheets:
        if ws.cell(1, ID_COLUMN).value == SHEET_MARK + key:
            return ws
    raise KeyError(key)


def row_of(ws: Worksheet, task: str) -> int:
    for r in range(1, ws.max_row + 1):
        if ws.cell(r, ID_COLUMN).value == task:
            return r
    raise KeyError(task)


def fill(src: Path, dst: Path, edit: Edit) -> Path:
    """A unit's reply: the form as sent, edited, saved under another name."""
    wb = openpyxl.load_workbook(src)
    edit(wb)
    wb.save(dst)
    return dst


def comment_on(
    task: str, text: str, proposal: str | None = None, contact: str | None = None
) -> Edit:
    def edit(wb: openpyxl.Workbook) -> None:
        ws = sheet(wb, "tasks")
        r = row_of(ws, task)
        ws[f"{COMMENT}{r}"] = text
        if proposal is not None:
            ws[f"{PROPOSAL}{r}"] = proposal
        if contact is not None:
            ws[f"{CONTACT}{r}"] = contact

    return edit


def general(row: int, text: str, part: str | None = None, number: str | int | None = None) -> Edit:
    def edit(wb: openpyxl.Workbook) -> None:
        ws = sheet(wb, "general")
        ws[f"{G_COMMENT}{row}"] = text
        if part is not None:
            ws[f"{PART}{row}"] = part
        if number is not None:
            ws[f"{NUMBER}{row}"] = number

    return edit


def both(*edits: Edit) -> Edit:
    def edit(wb: openpyxl.Workbook) -> None:
        for e in edits:
            e(wb)

    return edit


def run_import(plans: Path, *files: Path, received: str = "2020-05-10") -> tuple[int, str]:
    stream = io.StringIO()
    plans = Path(os.path.relpath(plans))  # as a clerk types it: plans/2020-2021/...
    # Through the command line's one handler, which prints refused forms; one stream for both.
    code = handle(lambda: import_(plans, "2020-2021", list(files), received, stream), stream)
    return code, stream.getvalue()
