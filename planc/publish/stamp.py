"""The up-to-date stamp: a digest of everything a build is made from, kept in the output, so an
unchanged build is answered before a single source is parsed."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from planc import __version__
from planc.paths import CACHE_DIR, TEMPLATES
from planc.publish.folders import digest_trees

STAMP = ".planc-build"  # digest of what the last build was made from
# What every round has (a round without cases has no handbook files).
HTML_FILES = ("plan.html", "plan.json")
ROUND_FILES = (*HTML_FILES, "plan-{round}.pdf")
ARCHIVE_FILES = (*ROUND_FILES, "plan-{round}.pdfa.pdf", "plan-{round}.ofd")


def inputs_digest(
    plans: Path, rounds: Sequence[str], html_only: bool = False, archive: bool = False
) -> str:
    """What a build depends on: every source file, the templates, planc's version, the rounds
    asked for, and whether PDFs (and their archival editions) were made. Equal digests mean an
    equal build (the digest is over bytes, not YAML)."""
    header = f"planc {__version__}\n{','.join(rounds)}\n" + ("html only\n" if html_only else "")
    header += "archive\n" if archive else ""
    # The parse cache inside the plans folder is not an input: the same sources, the same build.
    return digest_trees([(plans, plans), (TEMPLATES, TEMPLATES)], header, skip=[CACHE_DIR])


def up_to_date(
    out: Path, digest: str, rounds: Sequence[str], html_only: bool = False, archive: bool = False
) -> bool:
    stamp = out / STAMP
    if not stamp.is_file() or stamp.read_text(encoding="utf-8").strip() != digest:
        return False
    files = HTML_FILES if html_only else ARCHIVE_FILES if archive else ROUND_FILES
    return all((out / name / f.format(round=name)).is_file() for name in rounds for f in files)


def write_stamp(work: Path, digest: str) -> None:
    (work / STAMP).write_text(digest + "\n", encoding="utf-8")
