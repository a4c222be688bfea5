"""The one structured problem type every stage of planc reports."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from planc.codes import CODES, Code, Severity

__all__ = ["CODES", "Code", "Diagnostic", "Loc", "Severity"]


class Loc(NamedTuple):
    """A position in a source file; `file` is relative to the plans folder, 1-based.
    A named tuple: the loader makes one for every value, so it must be cheap."""

    file: str
    line: int = 1
    column: int = 1
    sheet: str = ""  # a spreadsheet's sheet name: line is then the row, column the column

    def __str__(self) -> str:
        if self.line == 0:  # a file as a whole (a spreadsheet that cannot be read)
            return self.file
        if self.sheet:  # how spreadsheet users name a cell: 市商务局.xlsx:任务进展!H12
            return f"{self.file}:{self.sheet}!{column_letter(self.column)}{self.line}"
        return f"{self.file}:{self.line}:{self.column}"


def column_letter(column: int) -> str:
    """A 1-based column number as spreadsheets name it: 1 -> A, 27 -> AA."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@dataclass(frozen=True, slots=True)
class Diagnostic:
    code: str
    loc: Loc
    message: str
    hint: str | None = None

    @property
    def severity(self) -> Severity:
        return CODES[self.code].severity

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


def article(word: str) -> str:
    """'a' or 'an' before an English word (the kinds named in messages)."""
    return "an" if word[:1] in "aeiou" else "a"


def did_you_mean(word: str, candidates: Iterable[str]) -> str | None:
    """A 'did you mean' hint naming the closest candidate, or None."""
    from planc.suggest import closest  # the same answer as get_close_matches(n=1, cutoff=0.6)

    close = closest(word, candidates)
    if not close:
        return None
    from planc.i18n import _

    return _("did you mean '{name}'?", name=close)


def kind_name(word: str) -> str:
    """A kind of thing a message names ('task', 'indicator system'…) in the user's language.
    The words are spelled out so the catalogue's test finds every one."""
    from planc.i18n import _

    names = {
        "chapter": _("chapter"),
        "part": _("part"),
        "handbook part": _("handbook part"),
        "task": _("task"),
        "case": _("case"),
        "indicator": _("indicator"),
        "indicator system": _("indicator system"),
        "dimension": _("dimension"),
        "source": _("source"),
        "unit": _("unit"),
        "place": _("place"),
        "city": _("city"),
        "region": _("region"),
        "country": _("country"),
        "region-of-china": _("region-of-china"),
    }
    return names.get(word, word)


def a_kind(word: str) -> str:
    """ "an indicator" in English, "指标" in Chinese."""
    from planc.i18n import chinese

    return kind_name(word) if chinese() else f"{article(word)} {word}"


def named(kind: str, item_id: object) -> str:
    """A thing as messages name it: "task 'port-upgrade'", "任务 'port-upgrade'"."""
    from planc.i18n import _

    return _("{kind} '{id}'", kind=kind_name(kind), id=item_id)
