"""The one structured problem type every stage of planc reports."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


# Stable names: tools and CI rules match on them, so they never change meaning.
CODES: dict[str, Severity] = {
    "yaml-syntax": Severity.ERROR,
    "encoding": Severity.ERROR,
    "duplicate-key": Severity.ERROR,
    "schema": Severity.ERROR,
    "duplicate-id": Severity.ERROR,
    "unknown-reference": Severity.ERROR,
    "round-mismatch": Severity.ERROR,
    "number-conflict": Severity.ERROR,
    "declared-mismatch": Severity.WARNING,
    "declared-inconsistent": Severity.WARNING,
    "unused-case": Severity.WARNING,
    "uncovered-indicator": Severity.WARNING,
    "incomplete": Severity.INFO,
}


class Loc(NamedTuple):
    """A position in a source file; `file` is relative to the plans folder, 1-based.
    A named tuple: the loader makes one for every value, so it must be cheap."""

    file: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    code: str
    loc: Loc
    message: str
    hint: str | None = None

    @property
    def severity(self) -> Severity:
        return CODES[self.code]

    @property
    def full_message(self) -> str:
        return f"{self.message}; {self.hint}" if self.hint else self.message

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.loc.file, self.loc.line, self.loc.column, self.code)


def sorted_diagnostics(diags: Iterable[Diagnostic]) -> list[Diagnostic]:
    # The same problem can be found twice (e.g. a file read for two rounds); show it once.
    unique = {(d.code, d.loc, d.message): d for d in diags}
    return sorted(unique.values(), key=Diagnostic.sort_key)


def count(diags: Iterable[Diagnostic], severity: Severity) -> int:
    return sum(1 for d in diags if d.severity is severity)


def did_you_mean(word: str, candidates: Iterable[str]) -> str | None:
    """A 'did you mean' hint naming the closest candidate, or None."""
    from planc.suggest import closest  # the same answer as get_close_matches(n=1, cutoff=0.6)

    close = closest(word, candidates)
    return f"did you mean '{close}'?" if close else None
