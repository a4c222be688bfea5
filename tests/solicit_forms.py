"""Solicitation forms as the tests make and fill them: a round begun with `planc new` from the
valid fixture (2022-2023 from 2020-2021), forms written by `planc solicit forms`, then filled
with openpyxl the way people at the units do (Chinese unit names, full-width digits, blank
rows, spaces). A test copy saved by openpyxl loses the drop-downs: planc never saves a
returned form, it only reads it."""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from pathlib import Path

import openpyxl

from planc.cli import handle
from planc.commands.new import new
from planc.commands.solicit import forms, import_
from tests.consult_forms import row_of, sheet

ROUND = "2022-2023"
COMMERCE = "市商务局-2022-2023任务征集表.xlsx"
CULTURE = "市文化和旅游局-2022-2023任务征集表.xlsx"
PORTS = "山东港口青岛港集团-2022-2023任务征集表.xlsx"
# Columns: the contact sheet's value; the candidates sheet; the new tasks sheet (A: the id).
CONTACT_VALUE = "C"
DECISION, K_CHAPTER, K_TITLE, K_TEXT, K_DUE, K_PARTNERS, K_INDICATORS = "EFGHIJK"
N_CHAPTER, N_TITLE, N_TEXT, N_DUE, N_PARTNERS, N_INDICATORS = "BCDEFG"

Edit = Callable[[openpyxl.Workbook], None]


def begin(plans: Path) -> str:
    """`planc new 2022-2023` on the fixture; what it printed."""
    stream = io.StringIO()
    code = handle(lambda: new(plans, ROUND, None, stream), stream)
    assert code == 0, stream.getvalue()
    return stream.getvalue()


def make_forms(plans: Path, out: Path, units: tuple[str, ...] = ()) -> str:
    stream = io.StringIO()
    code = handle(lambda: forms(plans, ROUND, out, list(units), stream), stream)
    assert code == 0, stream.getvalue()
    return stream.getvalue()


def fill(src: Path, dst: Path, *edits: Edit) -> Path:
    """A unit's reply: the form as sent, edited, saved under another name."""
    wb = openpyxl.load_workbook(src)
    for edit in edits:
        edit(wb)
    wb.save(dst)
    return dst


def contact(name: str, phone: str) -> Edit:
    def edit(wb: openpyxl.Workbook) -> None:
        ws = sheet(wb, "contact")
        ws[f"{CONTACT_VALUE}{row_of(ws, 'name')}"] = name
        ws[f"{CONTACT_VALUE}{row_of(ws, 'phone')}"] = phone

    return edit


def candidate(task: str, **cells: str | None) -> Edit:
    """Cells of a candidate's row, by column letter: candidate('2020-2021:x', E='不再列入')."""

    def edit(wb: openpyxl.Workbook) -> None:
        ws = sheet(wb, "candidates")
        r = row_of(ws, task)
        for column, value in cells.items():
            ws[f"{column}{r}"] = value

    return edit


def new_task(row: int, **cells: str | None) -> Edit:
    """Cells of the nth blank row of the new tasks sheet (1: row n01), by column letter."""

    def edit(wb: openpyxl.Workbook) -> None:
        ws = sheet(wb, "new")
        r = row_of(ws, f"n{row:02d}")
        for column, value in cells.items():
            ws[f"{column}{r}"] = value

    return edit


def run_import(plans: Path, *files: Path, date: str | None = "2022-01-10") -> tuple[int, str]:
    stream = io.StringIO()
    plans = Path(os.path.relpath(plans))  # as a clerk types it: plans/2022-2023/...
    code = handle(lambda: import_(plans, ROUND, list(files), date, stream), stream)
    return code, stream.getvalue()


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (but the parse cache), for "nothing was written"."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and ".planc-cache" not in p.parts
    }
