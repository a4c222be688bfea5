"""Spreadsheet forms out and back in (.xlsx): the one round-trip that consultation forms (and
later progress forms) share. A form is described as sheets of columns; `write_form` makes the
workbook, `read_form` maps what comes back to rows, with located diagnostics for the rest."""

from planc.sheets.form import Column, Form, FormIn, RowIn, Sheet
from planc.sheets.names import file_name, safe_name, unit_file
from planc.sheets.read import read_form
from planc.sheets.write import save_forms, write_form, write_forms_into

__all__ = [
    "Column",
    "Form",
    "FormIn",
    "RowIn",
    "Sheet",
    "file_name",
    "read_form",
    "safe_name",
    "save_forms",
    "unit_file",
    "write_form",
    "write_forms_into",
]
