"""The two sides of a diff: a round in the plans folder, or a round at a git revision
(planc/load/revision.py reads it into a scratch folder)."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from planc.errors import UsageError
from planc.i18n import _
from planc.load.revision import round_at
from planc.pipeline import Analysis, analyze


@dataclass(frozen=True)
class Side:
    spec: str  # as given: 2022-2023 or 2022-2023@v1
    round: str
    rev: str | None


def parse_side(spec: str) -> Side:
    name, at, rev = spec.partition("@")
    if at and not rev:
        raise UsageError(
            _("'{spec}': a revision follows '@' (e.g. {name}@HEAD~1)", spec=spec, name=name)
        )
    return Side(spec, name, rev or None)


def load_side(side: Side, plans: Path, scratch: Path, cache: bool = True) -> Analysis:
    folder = plans
    if side.rev is not None:
        folder = round_at(plans, side.round, side.rev, Path(tempfile.mkdtemp(dir=scratch)))
        cache = False  # a scratch copy, gone after the diff: nothing to reuse
    return analyze(folder, [side.round], cache=cache)
