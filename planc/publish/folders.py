"""Folders written whole or not at all, and digests of file trees: build and release share
these."""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterable
from contextlib import AbstractContextManager
from pathlib import Path


def replacing(target: Path, writes: Iterable[str]) -> AbstractContextManager[Path]:
    """A folder beside `target` to write the entries `writes` into; swapped in whole on
    success, in one atomic step, and removed on any error or interrupt (planc.publish.outdir)."""
    from planc.publish.outdir import replacing as outdir_replacing

    return outdir_replacing(target, writes)


def digest_trees(
    trees: Iterable[tuple[Path, Path]], header: str = "", skip: Iterable[str] = ()
) -> str:
    """SHA-256 over the files under each (root, folder), by path relative to root and bytes;
    files in a folder named in `skip` (e.g. planc's cache) are left out.

    Only regular files are read: a symbolic link counts by where it points (never followed,
    so nothing outside is read), a fifo or device by its kind (opening a fifo would block), a
    file that cannot be read by that fact; the loader reports all of these. Names are hashed
    as their bytes, so a name that is not UTF-8 is no crash."""
    digest = hashlib.sha256(header.encode())
    skipped = set(skip)
    for root, folder in trees:
        for path in _files(folder):
            if skipped.intersection(path.relative_to(folder).parts):
                continue
            digest.update(os.fsencode(path.relative_to(root).as_posix()) + b"\0")
            digest.update(_content(path) + b"\0")
    return digest.hexdigest()


def _files(folder: Path) -> list[Path]:
    found = []
    for top, dirs, files in os.walk(folder):  # never into linked folders
        found += [Path(top, name) for name in files]
        found += [Path(top, name) for name in dirs if Path(top, name).is_symlink()]
    return sorted(found)


def _content(path: Path) -> bytes:
    try:
        mode = path.lstat().st_mode
        if stat.S_ISLNK(mode):
            return b"link:" + os.fsencode(os.readlink(path))
        if not stat.S_ISREG(mode):
            return b"special:%o" % stat.S_IFMT(mode)
        return path.read_bytes()
    except OSError as exc:
        return b"unreadable:" + str(exc.errno).encode()
