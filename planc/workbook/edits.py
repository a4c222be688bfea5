"""What a returned workbook asks of the sources: items to change, add or drop."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from planc.diagnostics import Diagnostic


@dataclass
class Edit:
    """One item of the sources to change, add or drop."""

    kind: str  # tasks, cases, indicators, systems, units, comments
    id: str
    fields: dict[str, Any] = field(default_factory=dict)  # field -> new value (None: removed)
    # Where the item goes when it is new or moved: tasks (chapter, section or ""), cases
    # (part,), indicators (system, dimension or "").
    place: tuple[str, ...] | None = None
    after: str | None = None  # a new item follows the item of the row above it, if a sibling
    new: bool = False
    drop: bool = False
    title: str = ""  # for the report


@dataclass
class Edits:
    edits: list[Edit] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def of(self, kind: str) -> list[Edit]:
        return [e for e in self.edits if e.kind == kind]
