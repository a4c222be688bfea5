"""What moved between two periods of a round: each task's state (and percent) as of the one and
as of the other. `planc progress diff ROUND P1 P2`; `planc diff` stays about plan versions."""

from __future__ import annotations

from dataclasses import dataclass

from planc.errors import UsageError
from planc.i18n import _
from planc.index import Index, TaskState
from planc.model import Task
from planc.render.progress import period_of, progress_of


@dataclass(frozen=True, slots=True)
class Move:
    task: Task
    before: TaskState
    after: TaskState

    @staticmethod
    def percent(state: TaskState) -> int | None:
        return state.last[1].percent if state.last else None

    @property
    def kind(self) -> str:
        """moved (another state), advanced/fell back (same state, another percent) or same."""
        if self.before.state != self.after.state:
            return "moved"
        old, new = self.percent(self.before), self.percent(self.after)
        if old != new and old is not None and new is not None:
            return "advanced" if new > old else "fell"
        return "same"


@dataclass(frozen=True, slots=True)
class Moves:
    round: str
    old: str
    new: str
    moves: list[Move]

    def of(self, kind: str) -> list[Move]:
        return [m for m in self.moves if m.kind == kind]


def progress_moves(index: Index, name: str, old: str, new: str) -> Moves:
    ri, pi = progress_of(index, name)
    before, after = period_of(pi, name, old), period_of(pi, name, new)
    if not before < after:
        raise UsageError(
            _("{old} is not before {new}: give the earlier period first", old=old, new=new)
        )
    moves = [Move(t, pi.state(t, before), pi.state(t, after)) for t in ri.round.tasks()]
    return Moves(name, before.name, after.name, moves)
