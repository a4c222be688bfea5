"""The up-to-date stamp: a digest of everything a build is made from, kept in the output, so an
unchanged build is answered before a single source is parsed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from planc import __version__
from planc.load.cache import code
from planc.paths import CACHE_DIR, TEMPLATES
from planc.publish.folders import digest_trees
from planc.render.documents import ARCHIVE, FORMATS, every_round_has

STAMP = ".planc-build"  # digest of what the last build was made from


def inputs_digest(
    plans: Path, rounds: Sequence[str], written: Sequence[str], epoch: Callable[[str], int]
) -> str:
    """What a build depends on: every source file, the templates, planc's version and code
    (the digest of its modules the parse cache keys its entries by: a changed renderer is a
    changed build), the rounds asked for, and the formats written; with the archival editions,
    each round's date (`epoch`), which they carry inside. Equal digests mean an equal build
    (the digest is over bytes, not YAML)."""
    header = f"planc {__version__} {code().hex()}\n{','.join(rounds)}\n"
    header += f"formats {','.join(written)}\n"
    if any(FORMATS[name].medium == ARCHIVE for name in written):
        header += "".join(f"{name} dated {epoch(name)}\n" for name in rounds)
    # The parse cache inside the plans folder is not an input: the same sources, the same build.
    return digest_trees([(plans, plans), (TEMPLATES, TEMPLATES)], header, skip=[CACHE_DIR])


def up_to_date(out: Path, digest: str, rounds: Sequence[str], written: Sequence[str]) -> bool:
    stamp = out / STAMP
    if not stamp.is_file() or stamp.read_text(encoding="utf-8").strip() != digest:
        return False
    return all((out / f).is_file() for name in rounds for f in every_round_has(name, written))


def write_stamp(work: Path, digest: str) -> None:
    (work / STAMP).write_text(digest + "\n", encoding="utf-8")
