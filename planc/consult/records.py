"""The consultation record on disk: plans/ROUND/consultation/round-N.yaml. Import appends to it
with ruamel.yaml's round trip, so what the office wrote there (dispositions, reasons, its own
YAML comments) stays as it was."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planc.errors import UsageError
from planc.i18n import _
from planc.load.roundtrip import (
    dump_with_tail,
    load_keeping_tail,
    remove,
    round_trip_yaml,
    text_scalar,
)


def header(n: int) -> str:
    """The comment at the top of a new record, in the language of whoever imports it."""
    return _(
        "Consultation {n} (第{n}次征求意见): planc consult import writes the responses and "
        "comments;\nthe office adds, for each comment, its disposition: adopted | "
        "partly-adopted | not-adopted |\nnoted, a reason (required when not adopted) and the "
        "tasks it changed: changed: [task-id, ...].\n",
        n=n,
    )


@dataclass
class NewComment:
    id: str
    unit: str
    text: str | None
    proposal: str | None
    contact: str | None
    received: str
    file: str
    cell: str
    task: str | None = None
    chapter: str | None = None


@dataclass
class NewResponse:
    unit: str
    form: str
    file: str
    received: str


@dataclass
class Batch:
    """What one import adds to one consultation file."""

    number: int
    draft: str | None = None
    responses: list[NewResponse] = field(default_factory=list)
    comments: list[NewComment] = field(default_factory=list)


def strings(batch: Batch) -> list[str]:
    """Every text a batch puts in the file: each must read back as it is (plans_transaction)."""
    found = []
    for c in batch.comments:
        found += [c.id, c.unit, c.text or "", c.proposal or "", c.contact or "", c.file, c.cell]
    for r in batch.responses:
        found += [r.unit, r.form, r.file]
    return found


def comment_id(form: str, target: str, text: str, proposal: str, occurrence: int) -> str:
    """Stable across imports: the form it came in, what it is about and what it says (the same
    words twice on one form are told apart by their order). Not the received date or the row:
    the same form imported again, or a copy with blank rows added, gives the same ids."""
    key = "\0".join((form, target, text, proposal, str(occurrence)))
    return "c-" + hashlib.sha256(key.encode()).hexdigest()[:10]


def path_of(plans: Path, round_name: str, number: int) -> Path:
    return plans / round_name / "consultation" / f"round-{number}.yaml"


def _comment_map(c: NewComment) -> Any:
    from ruamel.yaml.comments import CommentedMap

    m = CommentedMap()
    m["id"] = c.id
    m["unit"] = c.unit
    if c.task:
        m["task"] = c.task
    if c.chapter:
        m["chapter"] = c.chapter
    for key in ("text", "proposal", "contact"):
        value = getattr(c, key)
        if value:
            m[key] = text_scalar(value)
    m["received"] = c.received
    m["file"] = text_scalar(c.file)
    m["cell"] = text_scalar(c.cell)
    return m


@dataclass
class Replaced:
    """A unit's earlier comments that its corrected form replaced."""

    unit: str
    ids: list[str]
    disposed: list[str]  # those of them the office had disposed of


@dataclass
class Merged:
    text: str | None  # None: nothing new, the file stays as it is
    added: int
    responses: int
    replaced: list[Replaced] = field(default_factory=list)


def _replaced(doc: Any, batch: Batch) -> list[Replaced]:
    """A form from a unit that sent one before in this consultation is its corrected form:
    the comments the earlier one brought (`file:` says a form brought them; those the office
    wrote in by hand stay) and the new one does not repeat are taken out."""
    found = []
    for unit in dict.fromkeys(r.unit for r in batch.responses):
        keep = {c.id for c in batch.comments if c.unit == unit}
        gone = [
            i
            for i, c in enumerate(doc["comments"])
            if c.get("unit") == unit and c.get("file") and c.get("id") not in keep
        ]
        if not gone:
            continue
        ids = [str(doc["comments"][i]["id"]) for i in gone]
        disposed = [
            str(doc["comments"][i]["id"]) for i in gone if doc["comments"][i].get("disposition")
        ]
        for i in reversed(gone):
            remove(doc["comments"], i)
        found.append(Replaced(unit, ids, disposed))
    return found


def merged(existing: str | None, batch: Batch, file: str) -> Merged:
    """The file's new text with what `batch` adds that it does not hold yet (by comment id, and
    by form and file for responses), a unit's corrected form in place of its earlier one."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    yaml = round_trip_yaml()
    doc, tail = load_keeping_tail(yaml, existing) if existing is not None else (None, "")
    if doc is None:  # a new file (or one of comments alone, which stay at its top)
        if existing and existing.strip():
            doc = yaml.load(f"{existing.rstrip()}\nconsultation: {batch.number}\n")
        else:
            doc = CommentedMap()
            doc["consultation"] = batch.number
            doc.yaml_set_start_comment(header(batch.number))
    elif not isinstance(doc, CommentedMap):
        raise UsageError(
            _("{file} holds no consultation record; planc will not add to it", file=file)
        )
    draft_added = bool(batch.draft) and "draft" not in doc
    if draft_added:
        doc.insert(1, "draft", batch.draft)
    for key in ("responses", "comments"):
        if doc.get(key) is None:
            doc[key] = CommentedSeq()
    replaced = _replaced(doc, batch)
    have_responses = {(r.get("form"), r.get("file")) for r in doc["responses"]}
    have_comments = {c.get("id") for c in doc["comments"]}
    responses = comments = 0
    for r in batch.responses:
        if (r.form, r.file) in have_responses:
            continue
        have_responses.add((r.form, r.file))
        entry = CommentedMap()
        entry["unit"], entry["form"], entry["file"] = r.unit, r.form, text_scalar(r.file)
        entry["received"] = r.received
        doc["responses"].append(entry)
        responses += 1
    for c in batch.comments:
        if c.id in have_comments:
            continue
        have_comments.add(c.id)
        doc["comments"].append(_comment_map(c))
        comments += 1
    if not (comments or responses or draft_added or replaced or existing is None):
        return Merged(None, 0, 0)  # the same forms again: the file is left as it is, byte for byte
    return Merged(dump_with_tail(yaml, doc, tail), comments, responses, replaced)
