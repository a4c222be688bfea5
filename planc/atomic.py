"""Writing a file whole or not at all: into a temporary file beside it, flushed to the disk,
then renamed over it in one step. A reader sees the old file or the new one, never half of
either; an error, Ctrl-C or a kill leaves the old file as it was. The new file keeps the mode
of the one it replaces (a file of a new name gets 0666 less the umask, as any program's), so a
clerk's shared folder stays shared.

Files in the plans folder are written through planc/load/write.py (`plans_transaction`), which
adds the folder's lock, a journal and a read-back to this."""

from __future__ import annotations

import os
import re
import secrets
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

TEMPORARY = re.compile(r"\..*\.planc-[a-z0-9_]{8}[^/]*")  # what `staged` names its files
_LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789_"


def mode_for(path: Path) -> int:
    """The mode a new file at `path` gets: the one it replaces, else 0666 less the umask."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def temporary_name(path: Path) -> Path:
    """A fresh name beside `path` of the shape TEMPORARY matches (its suffix kept: a library
    may judge a file by it, openpyxl an .xlsx)."""
    token = "".join(secrets.choice(_LETTERS) for _ in range(8))
    return path.with_name(f".{path.stem}.planc-{token}{path.suffix}")


def create(temp: Path, data: bytes | str | None, mode: int, durable: bool = True) -> None:
    """Make `temp` (which must not exist) with `data` and `mode`, flushed to the disk when
    `durable`. On any failure the file is removed again."""
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
    try:
        try:
            if data is not None:
                view = memoryview(data.encode("utf-8") if isinstance(data, str) else data)
                while view:
                    view = view[os.write(fd, view) :]
            os.fchmod(fd, mode)
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def seal(temp: Path, mode: int, durable: bool = True) -> None:
    """Give a temporary file a library wrote its final mode, flushed to the disk."""
    os.chmod(temp, mode)
    if durable:
        done = os.open(temp, os.O_RDONLY)
        try:
            os.fsync(done)
        finally:
            os.close(done)


def sync_folder(folder: Path) -> None:
    """Make the renames in `folder` durable (where the system allows opening a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextmanager
def staged(path: Path, durable: bool = True) -> Iterator[Path]:
    """A temporary path beside `path` for the caller to write (a library that saves to a
    path: openpyxl, WeasyPrint); renamed over `path` when the block ends, removed if it
    raises. `durable`: flushed to the disk first (a cache entry, which may be lost, is not)."""
    temp = temporary_name(path)
    create(temp, None, 0o600, durable=False)
    try:
        yield temp
        seal(temp, mode_for(path), durable)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def write_file(path: Path, data: bytes | str, durable: bool = True) -> None:
    """`data` (text as UTF-8, newlines as given) at `path`, whole or not at all."""
    temp = temporary_name(path)
    create(temp, data, mode_for(path), durable)
    try:
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def write_files(files: Iterable[tuple[Path, bytes | str]]) -> None:
    """Every file, or none: each is written beside its target first, and only when all are
    written are they renamed into place (their folders are made as needed)."""
    with ExitStack() as stack:
        for path, data in files:
            path.parent.mkdir(parents=True, exist_ok=True)
            temp = stack.enter_context(staged(path))
            temp.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
