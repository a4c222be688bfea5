"""`adopted-unchanged`: an adopted comment whose task is the same in the revised plan as in
the draft the forms were made from. The draft is a git revision (recorded by `planc consult
import` from the forms); the two versions are compared with `planc diff`'s matching."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from contextvars import ContextVar
from pathlib import Path

from planc.diagnostics import Diagnostic
from planc.i18n import _
from planc.index import Index
from planc.model import Consultation

# Loading the draft runs the checks over it too; they must not reach for its own history.
_comparing: ContextVar[bool] = ContextVar("planc_consult_comparing", default=False)


def _unchanged(plans: Path, name: str, record: Consultation, index: Index) -> set[str] | str:
    """Ids (in the revised version) of the tasks no different from the draft, or why the
    comparison could not be made."""
    from planc.diff import diff_rounds
    from planc.diff.sides import load_side, parse_side
    from planc.errors import UsageError

    assert record.draft is not None
    token = _comparing.set(True)
    try:
        with tempfile.TemporaryDirectory(prefix="planc-consult-") as scratch:
            draft = load_side(parse_side(f"{name}@{record.draft}"), plans, Path(scratch))
            revised = index
            if record.revised:
                revised = load_side(
                    parse_side(f"{name}@{record.revised}"), plans, Path(scratch)
                ).index
    except UsageError as exc:
        return str(exc)
    finally:
        _comparing.reset(token)
    if name not in draft.index.rounds or name not in revised.rounds:
        return _("a version of the round does not load")
    result = diff_rounds(draft.index, name, revised, name, "draft", "revised")
    return {m.to_id for m in result.kinds["tasks"].continued}


def adopted_unchanged(plans: Path, index: Index, rounds: Sequence[str]) -> list[Diagnostic]:
    if _comparing.get():
        return []
    out: list[Diagnostic] = []
    for name in rounds:
        ri = index.rounds.get(name)
        if ri is None:
            continue
        for record in ri.round.consultations:
            adopted = [c for c in record.comments if c.adopted]
            if not record.draft or not adopted:
                continue
            unchanged = _unchanged(plans, name, record, index)
            if isinstance(unchanged, str):
                out.append(
                    Diagnostic(
                        "unknown-reference",
                        record.locs.get("draft", record.loc),
                        _(
                            "the draft '{draft}' cannot be compared: {reason}",
                            draft=record.draft,
                            reason=unchanged,
                        ),
                        _("draft: names the git commit the forms were made from"),
                    )
                )
                continue
            for comment in adopted:
                targets = [r.id for r in comment.changed]
                if not targets and comment.task is not None:
                    targets = [comment.task.id]
                for tid in targets:
                    if tid in unchanged:
                        out.append(
                            Diagnostic(
                                "adopted-unchanged",
                                comment.locs.get("disposition", comment.loc),
                                _(
                                    "comment '{id}' is {disposition}, but task '{task}' is as "
                                    "it was in the draft ({draft})",
                                    id=comment.id,
                                    disposition=comment.disposition,
                                    task=tid,
                                    draft=record.draft[:12],
                                ),
                                _(
                                    "revise the task as adopted, or record the comment as "
                                    "noted or not-adopted"
                                ),
                            )
                        )
    return out
