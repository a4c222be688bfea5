"""What a form is: sheets of columns and rows, plus the metadata that rides along hidden."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any

META_MARK = "planc-form"  # A1 of the hidden metadata sheet
SHEET_MARK = "planc-sheet:"  # A1 of each data sheet (in the hidden id column), then its key
META_TITLE = "_planc"
FORMAT = "1"
# Rows of a data sheet: a title line, the instructions, the column headings, then the rows.
TITLE_ROW, NOTE_ROW, HEADER_ROW, FIRST_ROW = 1, 2, 3, 4
ID_COLUMN = 1  # column A holds each row's id, hidden and locked; the form's columns follow

Value = str | int | None
SPACES = " \t\u3000\xa0\ufeff"  # ideographic and no-break spaces too
# Full-width ASCII (０-９, Ａ-Ｚ, －, ＋...) to plain: 0532-1234５ is 0532-12345.
HALFWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def plain_text(value: Any) -> str:
    """A cell's value as text the way planc reads it back: spaces around each line and the
    whole dropped, line ends made plain, whole numbers without '.0', dates as ISO dates."""
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

    def canonical(self, value: Value) -> str:
        """A value as this column reads it back, for comparing what was written with what
        came back (a number as its digits, text as `plain_text` gives it)."""
        text = plain_text(value)
        return text.translate(HALFWIDTH) if self.halfwidth else text


@dataclass
class Sheet:
    key: str  # the stable name the reader finds the sheet by (its tab may be renamed)
    title: str  # the tab's name as written
    heading: str  # the title line above the table
    note: str  # instructions under it
    columns: tuple[Column, ...]
    rows: list[tuple[str, dict[str, Value]]] = field(default_factory=list)  # (row id, values)
    # A sheet people edit as a table (the office's whole-round workbook), not a form they
    # answer: rows may be added (in `spare` empty rows below, or inserted) and deleted, and
    # each row's values are remembered (a digest) so an import can tell what was edited.
    table: bool = False
    spare: int = 0

    def digest_of(self, values: dict[str, Value]) -> str:
        """What a row held, as a short digest of its columns read back."""
        return row_digest(self.columns, values)

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


def row_digest(columns: tuple[Column, ...], values: dict[str, Value]) -> str:
    h = hashlib.sha256()
    for column in columns:
        h.update(column.canonical(values.get(column.key)).encode() + b"\0")
    return h.hexdigest()[:16]


@dataclass(frozen=True)
class RowIn:
    """One filled row read back: where it is, its id, and its form columns' values."""

    sheet: str  # the sheet's key
    title: str  # the sheet's tab name as found (for messages)
    row: int
    id: str  # "" for a row added to a table sheet
    values: dict[str, Value]


@dataclass
class FormIn:
    kind: str
    form: str  # the form id (digest) it was written with
    meta: dict[str, str]
    rows: list[RowIn] = field(default_factory=list)
    # A table sheet's rows as written: sheet key -> row id -> the digest of its values.
    sent: dict[str, dict[str, str]] = field(default_factory=dict)
