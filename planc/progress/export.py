"""Progress in plan.json: each task's state as of the latest period, and the round's table."""

from __future__ import annotations

from typing import Any

from planc.index import Index
from planc.model import Task
from planc.progress.status import ProgressIndex
from planc.progress.summary import report_json, summarize, summary_json


def task_progress(pi: ProgressIndex | None, task: Task) -> dict[str, Any]:
    """`"progress": {"as_of", "state", "period", "report"}` where the round has progress."""
    if pi is None or pi.latest is None:
        return {}
    state = pi.state(task, pi.latest)
    return {
        "progress": {
            "as_of": pi.latest.name,
            "state": state.state,
            "period": state.last[0].name if state.last else None,
            "report": report_json(state.last[1] if state.last else None),
        }
    }


def round_progress(index: Index, name: str) -> dict[str, Any]:
    """`"progress"`: the table as of the latest period (planc progress --format json, without
    the tasks, which carry their own)."""
    if index.rounds[name].progress is None:
        return {}
    data = summary_json(summarize(index, name))
    del data["tasks"]
    return {"progress": data}
