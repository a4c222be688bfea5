"""Folders written whole or not at all, and digests of file trees: build and release share
these."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def replacing(target: Path) -> Iterator[Path]:
    """A temporary folder beside `target` to write into; on success it takes `target`'s place
    in two renames (the old one removed last), on any error or interrupt it is removed and
    `target` stays as it was."""
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}.tmp-", dir=target.parent))
    try:
        yield work
        old = target.with_name(f".{target.name}.old-{os.getpid()}")
        if target.exists():
            target.rename(old)
        work.rename(target)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise


def digest_trees(trees: Iterable[tuple[Path, Path]], header: str = "") -> str:
    """SHA-256 over the files under each (root, folder), by path relative to root and bytes."""
    digest = hashlib.sha256(header.encode())
    for root, folder in trees:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(path.relative_to(root).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()
