"""planc sheet import: a returned workbook -> the edits it asks for -> the sources as they
would be -> what planc diff says of them. Nothing is written here: the command shows the
outcome and writes it (write.py) only when asked. The edited sources are loaded and checked
in a scratch copy of the plans folder first: an import that would leave an error in them is
refused whole, and the changes shown are planc diff's own (diff_rounds on both versions)."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from planc.diagnostics import Diagnostic, Severity
from planc.diff import RoundDiff, diff_rounds
from planc.errors import Failing, FormsHaveErrors, SourcesHaveErrors
from planc.i18n import _
from planc.pipeline import Analysis, analyze
from planc.sheets import read_form
from planc.workbook.edit import Files, apply_edits
from planc.workbook.rows import Edit, foreign, read_edits
from planc.workbook.sheets import KIND, READ_SHEETS


@dataclass
class Outcome:
    """What importing a workbook would do."""

    round: str
    shown: str
    edits: list[Edit] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)  # file (relative to plans) -> new text
    diff: RoundDiff | None = None
    warnings: list[Diagnostic] = field(default_factory=list)
    before: Analysis | None = None  # the sources as they are (for the report's names)
    after: Analysis | None = None  # and as they would be

    @property
    def drops(self) -> list[Edit]:
        return [e for e in self.edits if e.drop]

    def of(self, kind: str) -> list[Edit]:
        return [e for e in self.edits if e.kind == kind]


def _reader(plans: Path) -> object:
    def read(rel: str) -> str:
        path = plans / rel
        return path.read_text(encoding="utf-8") if path.is_file() else ""

    return read


def _errors(analysis: Analysis) -> set[tuple[str, str, str]]:
    return {
        (d.code, d.loc.file, d.message)
        for d in analysis.diagnostics
        if d.severity is Severity.ERROR
    }


def checked(before: Analysis, plans: Path, name: str, texts: dict[str, str]) -> Analysis:
    """The sources with `texts` in place, loaded and checked in a scratch copy; refused
    (SourcesHaveErrors) with every error the edits would bring."""
    whole = any(not rel.startswith(f"{name}/") for rel in texts)  # the registry: every round
    with tempfile.TemporaryDirectory(prefix="planc-sheet-") as scratch:
        copy = Path(scratch) / "plans"
        shutil.copytree(plans, copy, symlinks=True, ignore=shutil.ignore_patterns(".*"))
        for rel, text in texts.items():
            (copy / rel).parent.mkdir(parents=True, exist_ok=True)
            (copy / rel).write_text(text, encoding="utf-8")
        after = analyze(copy, () if whole else [name], cache=False, drafts=False)
        was = _errors(analyze(plans, drafts=False)) if whole else _errors(before)
        brought = [
            d
            for d in after.diagnostics
            if d.severity is Severity.ERROR and (d.code, d.loc.file, d.message) not in was
        ]
        if brought:
            heading = _("the workbook's changes would leave these errors in the sources:")
            raise SourcesHaveErrors(
                [Failing(brought, plans, len(after.rounds), heading)],
                _("nothing was written; correct the workbook and import it again"),
            )
        after.plans = plans
        return after


def prepare(before: Analysis, plans: Path, name: str, path: Path, shown: str) -> Outcome:
    """What importing the workbook at `path` (named `shown` by the user) would change."""
    form, problems = read_form(path, shown, KIND, READ_SHEETS)
    if form is not None and (other := foreign(form, name, shown)) is not None:
        problems.append(other)
    if form is None or any(d.severity is Severity.ERROR for d in problems):
        raise FormsHaveErrors(problems)
    edits = read_edits(before.index, name, form, shown)
    found = problems + edits.diagnostics
    if any(d.severity is Severity.ERROR for d in found):
        raise FormsHaveErrors(found)
    outcome = Outcome(name, shown, edits.edits, warnings=found, before=before)
    if not edits.edits:
        return outcome
    files = Files(before.index, name)
    apply_edits(files, edits.edits, _reader(plans))
    outcome.texts = files.dumped()
    after = checked(before, plans, name, outcome.texts)
    outcome.after = after
    outcome.diff = diff_rounds(before.index, name, after.index, name, name, shown)
    return outcome
