"""The two sides of a diff: a round in the plans folder, or a round at a git revision
(planc/load/revision.py reads it into a scratch folder)."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from planc.errors import SourcesHaveErrors, UsageError
from planc.i18n import _
from planc.load.revision import round_at
from planc.pipeline import Analysis, analyze

if TYPE_CHECKING:
    from planc.diff import RoundDiff


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


def compare(plans: Path, a: str, b: str, cache: bool = True) -> RoundDiff:
    """Side `a` against side `b`; stops (SourcesHaveErrors) when either does not check."""
    from planc.diff import diff_rounds

    old_side, new_side = parse_side(a), parse_side(b)
    with tempfile.TemporaryDirectory(prefix="planc-diff-") as scratch:
        sides = [load_side(side, plans, Path(scratch), cache) for side in (old_side, new_side)]
        failing = [
            found
            for side, analysis in zip((old_side, new_side), sides, strict=True)
            if (found := analysis.failing(_("{side} does not check:", side=side.spec)))
        ]
        if failing:
            raise SourcesHaveErrors(failing)
        return diff_rounds(sides[0].index, old_side.round, sides[1].index, new_side.round, a, b)
