"""Writing a file whole or not at all: into a temporary file beside it, flushed to the disk,
then renamed over it in one step. A reader sees the old file or the new one, never half of
either; an error, Ctrl-C or a kill leaves the old file as it was. The new file keeps the mode
of the one it replaces (a file of a new name gets 0666 less the umask, as any program's), so a
clerk's shared folder stays shared."""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

TEMPORARY = re.compile(r"\..*\.planc-[a-z0-9_]{8}[^/]*")  # what `staged` names its files


def _mode(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


@contextmanager
def staged(path: Path, durable: bool = True) -> Iterator[Path]:
    """A temporary path beside `path` for the caller to write (a library that saves to a
    path: openpyxl, WeasyPrint); renamed over `path` when the block ends, removed if it
    raises. `durable`: flushed to the disk first (a cache entry, which may be lost, is not)."""
    # The suffix stays: a library may judge a file by it (openpyxl, an .xlsx).
    fd, name = tempfile.mkstemp(prefix=f".{path.stem}.planc-", suffix=path.suffix, dir=path.parent)
    os.close(fd)
    temp = Path(name)
    try:
        yield temp
        os.chmod(temp, _mode(path))
        if durable:
            done = os.open(temp, os.O_RDONLY)
            try:
                os.fsync(done)
            finally:
                os.close(done)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def write_file(path: Path, data: bytes | str, durable: bool = True) -> None:
    """`data` (text as UTF-8, newlines as given) at `path`, whole or not at all."""
    with staged(path, durable) as temp:
        temp.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


def write_files(files: Iterable[tuple[Path, bytes | str]]) -> None:
    """Every file, or none: each is written beside its target first, and only when all are
    written are they renamed into place (their folders are made as needed)."""
    with ExitStack() as stack:
        for path, data in files:
            path.parent.mkdir(parents=True, exist_ok=True)
            temp = stack.enter_context(staged(path))
            temp.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
