"""The progress file kind, described once for validation and `planc schema` (see
planc/load/formats.py, which lists it among the kinds)."""

from __future__ import annotations

from typing import Any

from planc.diagnostics import Diagnostic
from planc.load.nodes import Node
from planc.load.spec import Field, Int, ListOf, Obj, OneOf, Pattern, RefTo, Text
from planc.progress.model import STATUSES


class Percent(Int):
    """0 to 100: how far a task has got, as the unit reports it."""

    what = "a whole number from 0 to 100"

    def read(self, node: Node, out: list[Diagnostic]) -> Any:
        value = super().read(node, out)
        if isinstance(value, int) and value > 100:
            return self.wrong(node, out, " (at most 100)")
        return value

    def json(self) -> dict[str, Any]:
        return {"type": "integer", "minimum": 0, "maximum": 100}


DATE = Pattern(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", "a date YYYY-MM-DD", is_date=True)

REPORT = Obj(
    "progress report",
    {
        "task": Field(RefTo("task"), "the task reported on (an id of this round)", required=True),
        "unit": Field(RefTo("unit"), "the reporting unit, from registry/units.yaml", required=True),
        "status": Field(OneOf(tuple(STATUSES)), ", ".join(STATUSES), required=True),
        "percent": Field(Percent(), "how far the task has got, 0-100"),
        "note": Field(Text(), "a short account of the progress (进展情况)"),
        "evidence": Field(ListOf(Text()), "documents that show it: titles or links (佐证材料)"),
        "date": Field(DATE, "the date the unit reported"),
    },
)

FORM = Obj(
    "imported form",
    {
        "unit": Field(RefTo("unit"), "the unit the form was sent to", required=True),
        "form": Field(Pattern(r"[0-9a-f]{12}", "a form id (12 hex digits)"), "form id", True),
        "file": Field(Text(), "the file name it came back as", required=True),
    },
)

PROGRESS_FILE = Obj(
    "progress file",
    {
        "reports": Field(ListOf(REPORT), "one report per task", required=True),
        "forms": Field(ListOf(FORM), "the returned forms planc imported into this file"),
    },
    doc="planc progress file (plans/ROUND/progress/PERIOD.yaml, PERIOD like 2021-Q2, 2021-H1 "
    "or 2021-06): the status of each task in that period",
)
