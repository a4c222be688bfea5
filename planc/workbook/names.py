"""Items as a clerk names them in the workbook (units, places, indicators, cases, chapters by
their Chinese names and titles) and back to their ids: one lookup for every column that
names something. A name two items share is written with its id in brackets, 市商务局（commerce），
so every label names one item; an id typed as it is is understood too."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from planc.diagnostics import did_you_mean

# Between the names of one cell: 、，,；; / and line breaks.
SEPARATORS = re.compile(r"[、，,；;/\n]+")


@dataclass
class Names:
    """id -> label, and every way of writing an item -> its id."""

    labels: dict[str, str] = field(default_factory=dict)
    ids: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, items: Iterable[tuple[str, str]]) -> Names:
        pairs = list(items)
        shared = Counter(name for _, name in pairs)
        names = cls()
        for iid, name in pairs:
            label = name if shared[name] == 1 else f"{name}（{iid}）"
            names.labels[iid] = label
        for iid, label in names.labels.items():
            names.ids.setdefault(iid, iid)
            names.ids[label] = iid
        return names

    def add(self, iid: str, name: str, *more: str) -> None:
        """Another way to write `iid` (a unit renamed in the same workbook: its old and new
        names both stand for it); a name already taken by another item is not rebound."""
        for word in (name, *more):
            self.ids.setdefault(word, iid)

    def label(self, iid: str) -> str:
        return self.labels.get(iid, iid)

    def joined(self, ids: Iterable[str], between: str) -> str:
        return between.join(self.label(i) for i in ids)

    def choices(self) -> tuple[str, ...]:
        return tuple(self.labels.values())

    def find(self, text: str) -> str | None:
        return self.ids.get(text.strip())

    def parse(self, cell: str) -> tuple[list[str], list[str]]:
        """The ids a cell names, in order, and the parts of it that name nothing. A line is
        first taken whole (a title may hold a comma), then split at the separators."""
        found: list[str] = []
        unknown: list[str] = []
        for line in cell.split("\n"):
            if not line.strip():
                continue
            whole = self.find(line)
            parts = [line] if whole is not None else SEPARATORS.split(line)
            for part in parts:
                if not part.strip():
                    continue
                iid = self.find(part)
                if iid is None:
                    unknown.append(part.strip())
                elif iid not in found:
                    found.append(iid)
        return found, unknown

    def hint(self, word: str) -> str | None:
        return did_you_mean(word, self.labels.values())
