"""The consultation record on disk: plans/ROUND/consultation/round-N.yaml. Import appends to it
with ruamel.yaml's round trip, so what the office wrote there (dispositions, reasons, its own
YAML comments) stays as it was."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planc.i18n import _
from planc.load.roundtrip import round_trip_yaml


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


def comment_id(form: str, target: str, text: str, proposal: str, occurrence: int) -> str:
    """Stable across imports: the form it came in, what it is about and what it says (the same
    words twice on one form are told apart by their order). Not the received date or the row:
    the same form imported again, or a copy with blank rows added, gives the same ids."""
    key = "\0".join((form, target, text, proposal, str(occurrence)))
    return "c-" + hashlib.sha256(key.encode()).hexdigest()[:10]


def path_of(plans: Path, round_name: str, number: int) -> Path:
    return plans / round_name / "consultation" / f"round-{number}.yaml"


def _scalar(text: str) -> Any:
    from ruamel.yaml.scalarstring import LiteralScalarString

    return LiteralScalarString(text) if "\n" in text else text


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
            m[key] = _scalar(value)
    m["received"] = c.received
    m["file"] = c.file
    m["cell"] = c.cell
    return m


def merged(existing: str | None, batch: Batch) -> tuple[str | None, int, int]:
    """The file's new text with what `batch` adds that it does not hold yet (by comment id, and
    by form and file for responses): (text or None when nothing is new, comments added,
    responses added)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    yaml = round_trip_yaml()
    if existing is None:
        doc = CommentedMap()
        doc["consultation"] = batch.number
        doc.yaml_set_start_comment(header(batch.number))
    else:
        doc = yaml.load(existing)
    draft_added = bool(batch.draft) and "draft" not in doc
    if draft_added:
        doc.insert(1, "draft", batch.draft)
    for key in ("responses", "comments"):
        if doc.get(key) is None:
            doc[key] = CommentedSeq()
    have_responses = {(r.get("form"), r.get("file")) for r in doc["responses"]}
    have_comments = {c.get("id") for c in doc["comments"]}
    responses = comments = 0
    for r in batch.responses:
        if (r.form, r.file) in have_responses:
            continue
        have_responses.add((r.form, r.file))
        entry = CommentedMap()
        entry["unit"], entry["form"], entry["file"] = r.unit, r.form, r.file
        entry["received"] = r.received
        doc["responses"].append(entry)
        responses += 1
    for c in batch.comments:
        if c.id in have_comments:
            continue
        have_comments.add(c.id)
        doc["comments"].append(_comment_map(c))
        comments += 1
    if not (comments or responses or draft_added or existing is None):
        return None, 0, 0  # the same forms again: the file is left as it is, byte for byte
    stream = io.StringIO()
    yaml.dump(doc, stream)
    return stream.getvalue(), comments, responses
