"""Rules over the loaded project and its index; each rule yields located diagnostics."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from planc.check import (
    consultation,
    coverage,
    figures,
    ids,
    numbers,
    programme,
    progress,
    provenance,
    references,
    timeline,
)
from planc.diagnostics import Diagnostic
from planc.index import Index

Rule = Callable[[Index], Iterator[Diagnostic]]

RULES: tuple[Rule, ...] = (
    ids.duplicate_ids,
    references.unknown_references,
    references.placed_files,
    references.round_names,
    references.places,
    numbers.number_conflicts,
    figures.reconcile,
    programme.reconcile_programme,
    timeline.timeline,
    provenance.missing_sources,
    provenance.inferences_give_reasons,
    coverage.unused_cases,
    coverage.uncovered_indicators,
    consultation.consultation,
    progress.progress_checks,
)


def run_checks(index: Index) -> list[Diagnostic]:
    return [diagnostic for rule in RULES for diagnostic in rule(index)]
