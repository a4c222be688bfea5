"""planc consult import: filled forms -> comment records. Every file is read and every comment
checked before anything is written; then each consultation file gets its new records in one
go. Importing the same form again adds nothing (comment ids come from the form and the words)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from planc.consult.records import (
    Batch,
    NewComment,
    NewResponse,
    Replaced,
    comment_id,
    merged,
    path_of,
    strings,
)
from planc.consult.sheets import GENERAL, KIND, READ_SHEETS, TASKS, WHOLE_PLAN
from planc.diagnostics import Diagnostic, Loc, Severity, column_letter, did_you_mean
from planc.i18n import _
from planc.index import Index, RoundIndex
from planc.load.write import plans_transaction
from planc.numbering import task_numbers
from planc.sheets import FormIn, RowIn, read_form
from planc.sheets.read import other_round, whole

SPECS = {sheet.key: sheet for sheet in READ_SHEETS}
REVISION = re.compile(r"[0-9a-f]{7,64}")  # a git commit, as `planc consult forms` records it
MAX_CONSULTATIONS = 99


def _number(text: str) -> int | None:
    """A consultation's number as the form's metadata holds it: ASCII digits, from 1."""
    if not (text.isascii() and text.isdigit() and len(text) <= 2):
        return None
    return int(text) if 1 <= int(text) <= MAX_CONSULTATIONS else None


@dataclass
class FormSummary:
    shown: str
    unit: str  # the unit's name
    number: int  # the consultation
    comments: int


@dataclass
class FileChange:
    path: Path
    added: int
    responses: int
    text: str | None  # None: nothing new


@dataclass
class ImportResult:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    forms: list[FormSummary] = field(default_factory=list)
    changes: list[FileChange] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return any(d.severity is Severity.ERROR for d in self.diagnostics)


def _cell(row: RowIn) -> tuple[str, int]:
    """Where a row's comment stands: SHEET!CELL, and its column."""
    key = "comment" if row.values.get("comment") is not None else "proposal"
    column = SPECS[row.sheet].column_of(key)
    return f"{row.title}!{column_letter(column)}{row.row}", column


class _Reader:
    def __init__(self, index: Index, round_name: str, received: str) -> None:
        self.index = index
        self.round_name = round_name
        self.ri: RoundIndex = index.rounds[round_name]
        self.received = received
        numbers = task_numbers(self.ri.round, every=True)  # as the forms (the draft) number them
        counted = Counter(numbers.values())
        self.by_number = {n: tid for tid, n in numbers.items() if counted[n] == 1}
        self.by_chapter_title = {c.title: c.id for c in self.ri.round.chapters}

    def form(self, form: FormIn, shown: str, out: list[Diagnostic]) -> tuple[Batch, FormSummary]:
        meta = form.meta
        foreign = other_round(form, self.round_name, shown, "consult import")
        if foreign is not None:
            out.append(foreign)
        uid = meta.get("unit", "")
        units = self.index.project.registry.units
        if uid not in units:
            out.append(
                Diagnostic(
                    "form-foreign",
                    whole(shown),
                    _("the form's unit '{unit}' is not in registry/units.yaml", unit=uid),
                    did_you_mean(uid, units),
                )
            )
        number = _number(meta.get("consultation", ""))
        draft = meta.get("draft") or None
        if number is None or (draft is not None and not REVISION.fullmatch(draft)):
            out.append(
                Diagnostic(
                    "form-tampered",
                    whole(shown),
                    _(
                        "the form's hidden planc sheet names consultation '{number}' of draft "
                        "'{draft}'; planc cannot tell what the form was",
                        number=meta.get("consultation", "")[:20],
                        draft=(draft or "")[:20],
                    ),
                    _("fill in a fresh copy of the form as it was sent"),
                )
            )
            number, draft = 0, None
        batch = Batch(number, draft)
        batch.responses.append(NewResponse(uid, form.form, Path(shown).name, self.received))
        seen: Counter[tuple[str, ...]] = Counter()
        contacts = [r.values["contact"] for r in form.rows if r.values.get("contact")]
        for row in form.rows:
            text, proposal = row.values.get("comment"), row.values.get("proposal")
            if text is None and proposal is None:
                continue  # nothing said on this row (a contact alone is the form's contact)
            target = self._target(row, shown, out)
            if target is None:
                continue
            words = (str(text or ""), str(proposal or ""))
            key = (*target, *words)
            seen[key] += 1
            cell = _cell(row)[0]
            contact = row.values.get("contact") or (contacts[0] if contacts else None)
            batch.comments.append(
                NewComment(
                    id=comment_id(form.form, ":".join(target), *words, seen[key]),
                    unit=uid,
                    text=words[0] or None,
                    proposal=words[1] or None,
                    contact=str(contact) if contact else None,
                    received=self.received,
                    file=Path(shown).name,
                    cell=cell,
                    task=target[1] if target[0] == "task" else None,
                    chapter=target[1] if target[0] == "chapter" else None,
                )
            )
        name = units[uid].name if uid in units else uid
        if not batch.comments and not any(d.loc.file == shown for d in out):
            out.append(
                Diagnostic(
                    "form-empty",
                    whole(shown),
                    _(
                        "{unit} returned the form without comments (无意见); recorded as a "
                        "response",
                        unit=name,
                    ),
                )
            )
        return batch, FormSummary(shown, name, number, len(batch.comments))

    def _target(self, row: RowIn, shown: str, out: list[Diagnostic]) -> tuple[str, str] | None:
        if row.sheet == TASKS:
            if row.id not in self.ri.tasks:
                column = _cell(row)[1]
                out.append(
                    Diagnostic(
                        "unknown-reference",
                        Loc(shown, row.row, column, row.title),
                        _(
                            "the form's task '{id}' is no longer in {round}",
                            id=row.id,
                            round=self.round_name,
                        ),
                        _(
                            "the draft changed after the forms went out; record this comment "
                            "by hand in the consultation file"
                        ),
                    )
                )
                return None
            return ("task", row.id)
        number = row.values.get("number")
        if isinstance(number, int):
            tid = self.by_number.get(number)
            if tid is None:
                known = sorted(self.by_number)
                span = f"{known[0]}-{known[-1]}" if known else _("none")
                out.append(
                    Diagnostic(
                        "unknown-reference",
                        Loc(shown, row.row, SPECS[GENERAL].column_of("number"), row.title),
                        _(
                            "no task is numbered {number} in {round}",
                            number=number,
                            round=self.round_name,
                        ),
                        _("task numbers in the draft: {span}", span=span),
                    )
                )
                return None
            return ("task", tid)
        part = row.values.get("part")
        if part is None or part == WHOLE_PLAN:
            return ("general", "")
        cid = self.by_chapter_title.get(str(part))
        if cid is None:
            out.append(
                Diagnostic(
                    "form-cell",
                    Loc(shown, row.row, SPECS[GENERAL].column_of("part"), row.title),
                    _("'{part}' is not a part of the plan", part=part),
                    _(
                        "choose one from the cell's list: {parts}",
                        parts="、".join([WHOLE_PLAN, *self.by_chapter_title]),
                    ),
                )
            )
            return None
        return ("chapter", cid)


def _replaced(r: Replaced, name: str, number: int, shown: str) -> Diagnostic:
    hint = None
    if r.disposed:
        hint = _(
            "the office had disposed of {ids}: record their dispositions again on the new comments",
            ids=", ".join(r.disposed),
        )
    return Diagnostic(
        "form-replaced",
        whole(shown),
        _(
            "{unit} sent a corrected form for consultation {number}: it replaces the {count} "
            "comments of its earlier form ({ids})",
            unit=name,
            number=number,
            count=len(r.ids),
            ids=", ".join(r.ids),
        ),
        hint,
    )


def import_forms(
    index: Index,
    plans: Path,
    round_name: str,
    files: list[tuple[Path, str]],
    received: str,
    err: IO[str] | None = None,
) -> ImportResult:
    """Read `files` (path, as the user named it) into the round's consultation records
    (`err`: where a wait for another planc writing the plans is said)."""
    result = ImportResult()
    reader = _Reader(index, round_name, received)
    batches: dict[int, Batch] = {}
    shown_of: dict[str, str] = {}  # unit -> the file its form came in
    for path, shown in files:
        form, problems = read_form(path, shown, KIND, READ_SHEETS)
        result.diagnostics += problems
        if form is None:
            continue
        batch, summary = reader.form(form, shown, result.diagnostics)
        result.forms.append(summary)
        shown_of.update((r.unit, shown) for r in batch.responses)
        into = batches.setdefault(batch.number, Batch(batch.number, batch.draft))
        into.draft = into.draft or batch.draft
        into.responses += batch.responses
        into.comments += batch.comments
    if result.failed:
        return result  # nothing half-imported: one bad form and no file is touched
    units = index.project.registry.units
    with plans_transaction(plans, err) as tx:
        for number in sorted(batches):
            path = path_of(plans, round_name, number)
            # Read under the lock: what another import wrote meanwhile is kept.
            shown = path.relative_to(plans).as_posix()
            done = merged(tx.read(path), batches[number], shown)
            result.changes.append(FileChange(path, done.added, done.responses, done.text))
            for r in done.replaced:
                said = _replaced(r, units[r.unit].name, number, shown_of[r.unit])
                result.diagnostics.append(said)
            if done.text is not None:
                # Each text once: a comment the file already holds keeps its earlier file name.
                tx.write(path, done.text, dict.fromkeys(strings(batches[number])))
    return result
