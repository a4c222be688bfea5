"""Load, index and check a plans folder: the front half every command shares."""

from __future__ import annotations

import gc
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from planc.diagnostics import Diagnostic, Severity, sorted_diagnostics
from planc.errors import Failing, SourcesHaveErrors, UsageError, reason
from planc.i18n import _
from planc.paths import PROGRAMME, ROUND_DIR, round_names

if TYPE_CHECKING:
    from planc.check.consultation import Versions
    from planc.index import Index
    from planc.load.cache import SourceCache


@dataclass(slots=True)
class Analysis:
    plans: Path
    index: Index
    rounds: list[str]  # the rounds asked for, oldest first
    diagnostics: list[Diagnostic]  # those about the registry and the rounds asked for

    def failing(self, heading: str | None = None, everything: bool = False) -> Failing | None:
        """The sources' errors, to show before a command stops (with `everything`, their
        warnings and infos too); None when there is none."""
        errors = [d for d in self.diagnostics if d.severity is Severity.ERROR]
        if not errors:
            return None
        shown = self.diagnostics if everything else errors
        return Failing(shown, self.plans, len(self.rounds), heading)

    def require_clean(self, closing: str, everything: bool = False) -> Analysis:
        """This analysis, unless its sources have errors: a command made from broken sources
        would mislead, so it stops with them (SourcesHaveErrors), and `closing` after them."""
        failing = self.failing(everything=everything)
        if failing is not None:
            raise SourcesHaveErrors([failing], closing)
        return self


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Loading makes hundreds of thousands of long-lived objects and no garbage cycles; the
    cycle collector would scan them over and over (measured: 13.3 s against 6.4 s for 50,000
    tasks). Reference counting still frees everything that is dropped."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        # What was made stays for the whole command: out of the collector's sight, or its next
        # run scans every one of them (0.4 s at 50,000 tasks) and finds nothing.
        gc.freeze()
        if enabled:
            gc.enable()


def _concerns(diagnostic: Diagnostic, rounds: Sequence[str], others: set[str]) -> bool:
    """Whether a diagnostic is about the rounds asked for, the registry or the folder itself
    (anything that is not one of the `others` rounds, such as a round folder linked from
    outside, which is no round at all)."""
    top = diagnostic.loc.file.split("/", 1)[0]
    return top in rounds or not (ROUND_DIR.fullmatch(top) and top in others)


def select_rounds(plans: Path, rounds: Sequence[str] = ()) -> list[str]:
    """The rounds a command works on, oldest first: those named, or every round of `plans`."""
    if not plans.is_dir():
        raise UsageError(
            _("no plans folder at '{plans}' (use --plans DIR to point at one)", plans=plans)
        )
    try:
        available = round_names(plans)
    except OSError as exc:
        raise UsageError(
            _("cannot read the plans folder '{plans}': {reason}", plans=plans, reason=reason(exc))
        ) from None
    for name in rounds:
        if name not in available:
            known = ", ".join(available) or _("none")
            raise UsageError(
                _(
                    "no round '{name}' in {plans} (rounds there: {known})",
                    name=name,
                    plans=plans,
                    known=known,
                )
            )
    return sorted(set(rounds)) if rounds else available


def _load(
    plans: Path, rounds: Sequence[str] | None, cache: bool | SourceCache
) -> tuple[Index, list[Diagnostic]]:
    from planc.index import build_index
    from planc.load import load_project

    try:
        project, diagnostics = load_project(plans, rounds, cache)
    except OSError as exc:
        raise UsageError(
            _("cannot read the plans folder '{plans}': {reason}", plans=plans, reason=reason(exc))
        ) from None
    return build_index(project), diagnostics


def _versions(plans: Path, wanted: list[tuple[str, str]]) -> Versions:
    """Each (round, revision) loaded and indexed from git, or why it could not be. Not
    checked: only its tasks are compared."""
    from planc.load.revision import round_at  # git, only when a record names its draft

    found: dict[tuple[str, str], Index | str] = {}
    with tempfile.TemporaryDirectory(prefix="planc-consult-") as scratch:
        for name, rev in wanted:
            try:
                folder = round_at(plans, name, rev, Path(tempfile.mkdtemp(dir=scratch)))
                found[(name, rev)] = _load(folder, [name], cache=False)[0]
            except UsageError as exc:
                found[(name, rev)] = str(exc)
    return found


def analyze(
    plans: Path,
    rounds: Sequence[str] = (),
    *,
    cache: bool | SourceCache = True,
    everything: bool = False,
) -> Analysis:
    """Load, index and check the rounds asked for (default: all). Diagnostics are kept for those
    rounds, the registry, and the folder itself. Only what they need is read: their files, the
    registry, every plan.yaml, and the rounds their tasks continue; `everything` reads every
    round (a build shows which later tasks continue each one). `cache`: reuse the files parsed
    before (PLANS/.planc-cache)."""
    # The loader, the index and the rules only now: `planc check` of unchanged sources answers
    # from its cache without importing them.
    from planc.check import consultation, run_checks

    chosen = select_rounds(plans, rounds)
    # A programme reconciles figures over rounds only where each of them loads cleanly: with
    # one, every round is read.
    partial = not everything and set(chosen) != set(round_names(plans))
    partial = partial and not (plans / PROGRAMME).is_file()
    with _no_cycle_collection():
        index, diagnostics = _load(plans, chosen if partial else None, cache)
        index.checked = tuple(chosen)
        diagnostics += run_checks(index)
        wanted = consultation.revisions(index, chosen)
        if wanted:  # reads git: only when a consultation record names its draft
            versions = _versions(plans, wanted)
            diagnostics += consultation.adopted_unchanged(index, chosen, versions)
    others = set(round_names(plans)) - set(chosen)
    kept = [d for d in diagnostics if _concerns(d, chosen, others)]
    return Analysis(plans, index, chosen, sorted_diagnostics(kept))
