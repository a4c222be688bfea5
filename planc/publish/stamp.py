"""The up-to-date stamp: a digest of everything a build is made from, kept in the output, so an
unchanged build is answered before a single source is parsed."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from planc import __version__
from planc.publish.folders import digest_trees
from planc.render.env import TEMPLATES

STAMP = ".planc-build"  # digest of what the last build was made from
# What every round has (a round without cases has no handbook files).
ROUND_FILES = ("plan.html", "plan.json", "plan-{round}.pdf")


def inputs_digest(plans: Path, rounds: Sequence[str]) -> str:
    """What a build depends on: every source file, the templates, planc's version, the rounds
    asked for. Equal digests mean an equal build (the digest is over bytes, not YAML)."""
    header = f"planc {__version__}\n{','.join(rounds)}\n"
    return digest_trees([(plans, plans), (TEMPLATES, TEMPLATES)], header)


def up_to_date(out: Path, digest: str, rounds: Sequence[str]) -> bool:
    stamp = out / STAMP
    if not stamp.is_file() or stamp.read_text(encoding="utf-8").strip() != digest:
        return False
    return all(
        (out / name / f.format(round=name)).is_file() for name in rounds for f in ROUND_FILES
    )


def write_stamp(work: Path, digest: str) -> None:
    (work / STAMP).write_text(digest + "\n", encoding="utf-8")
