"""What a form is: sheets of columns and rows, plus the metadata that rides along hidden."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

META_MARK = "planc-form"  # A1 of the hidden metadata sheet
SHEET_MARK = "planc-sheet:"  # A1 of each data sheet (in the hidden id column), then its key
META_TITLE = "_planc"
FORMAT = "1"
# Rows of a data sheet: a title line, the instructions, the column headings, then the rows.
TITLE_ROW, NOTE_ROW, HEADER_ROW, FIRST_ROW = 1, 2, 3, 4
ID_COLUMN = 1  # column A holds each row's id, hidden and locked; the form's columns follow

Value = str | int | None


@dataclass(frozen=True)
class Column:
    key: str  # the record field the column fills
    heading: str  # what the clerk sees
    width: float = 12
    editable: bool = False  # only editable cells are unlocked
    choices: tuple[str, ...] = ()  # a drop-down list (data validation)
    # False: the list is offered, and other text accepted (several units in one cell, 、
    # between them); the reader checks every name anyway.
    strict: bool = True
    wrap: bool = False
    number: bool = False  # a whole number: full-width digits and spaces are forgiven
    halfwidth: bool = False  # full-width letters and digits made plain (telephone numbers)


@dataclass
class Sheet:
    key: str  # the stable name the reader finds the sheet by (its tab may be renamed)
    title: str  # the tab's name as written
    heading: str  # the title line above the table
    note: str  # instructions under it
    columns: tuple[Column, ...]
    rows: list[tuple[str, dict[str, Value]]] = field(default_factory=list)  # (row id, values)

    def column_of(self, key: str) -> int:
        """The sheet column (1-based) of a form column."""
        return ID_COLUMN + 1 + [c.key for c in self.columns].index(key)


@dataclass
class Form:
    kind: str  # e.g. "consultation"
    meta: dict[str, str]  # round, unit, round-no, ...: written hidden, read back as they were
    sheets: list[Sheet]

    def digest(self) -> str:
        """The form's id: its kind, metadata and every row id. A form is what it was sent as."""
        ids = {s.key: [rid for rid, _ in s.rows] for s in self.sheets}
        return form_digest(self.kind, self.meta, ids)


def form_digest(kind: str, meta: dict[str, str], ids: dict[str, list[str]]) -> str:
    h = hashlib.sha256(f"{FORMAT}\0{kind}\0".encode())
    for key in sorted(meta):
        h.update(f"{key}={meta[key]}\0".encode())
    for key in sorted(ids):
        h.update(f"[{key}]\0{chr(1).join(ids[key])}\0".encode())
    return h.hexdigest()[:12]


@dataclass(frozen=True)
class RowIn:
    """One filled row read back: where it is, its id, and its form columns' values."""

    sheet: str  # the sheet's key
    title: str  # the sheet's tab name as found (for messages)
    row: int
    id: str
    values: dict[str, Value]


@dataclass
class FormIn:
    kind: str
    form: str  # the form id (digest) it was written with
    meta: dict[str, str]
    rows: list[RowIn] = field(default_factory=list)
