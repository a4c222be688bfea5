"""An output folder (dist/, release/) that planc replaces whole, safely.

What planc owns in a folder it writes is what it wrote there: the names listed in the folder's
`.planc-owned` (for a folder built before that list existed: `index.html` and the round folders
holding a plan.json). Everything else in it (a CNAME, a README.md, an assets/ folder) is the
user's: it is carried into every new build unchanged (hard-linked, so carrying costs no copy),
and never deleted. A user's entry with a name planc is about to write is refused with a message
rather than replaced.

Replacing happens in one atomic step. The new folder is written beside the old one
(`.dist.planc-tmp-PID-XXXX`) and the two are exchanged by renameat2(RENAME_EXCHANGE): at every
instant `dist` is either the old folder or the new one, never missing. Where the kernel or the
file system cannot exchange, two renames are used and the next build puts back whatever a kill
between them left (see `_recover`).

A symbolic link given as the folder stays a link: planc writes where it points.

Builds into the same folder take turns: an exclusive flock on `.dist.planc-lock` beside the
folder; a second build says that it waits for the first and then runs. The lock file is also the
journal of the temporary folders a build makes: a build killed before it could clean up leaves
their names there, and the next build (holding the lock, so no other build is using them)
removes exactly those, when they still have planc's temporary name.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import json
import os
import re
import secrets
import shutil
import stat
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO

from planc.errors import OutputError
from planc.i18n import _

OWNED = ".planc-owned"
ROUND = re.compile(r"[0-9]{4}-[0-9]{4}")


def real_folder(target: Path) -> Path:
    """Where the output really goes: a symbolic link's target (the link itself stays)."""
    return Path(os.path.realpath(target)) if target.is_symlink() else target.absolute()


def _lock_path(real: Path) -> Path:
    return real.with_name(f".{real.name}.planc-lock")


def _tmp_name(real: Path) -> re.Pattern[str]:
    return re.compile(rf"\.{re.escape(real.name)}\.planc-tmp-[0-9]+-[0-9a-f]{{8}}(\.old)?")


# --- the exchange ------------------------------------------------------------------------------

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step; False when this system cannot (then nothing happened)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_uint,
    ]
    done = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if done == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))


# --- carrying entries without copying their bytes ------------------------------------------------


def _link_or_copy(src: str, dst: str) -> None:
    try:
        os.link(src, dst, follow_symlinks=False)
    except OSError:
        shutil.copy2(src, dst, follow_symlinks=False)


def carry(src: Path, dst: Path) -> None:
    """Put `src` (a file, folder or link) at `dst`, sharing the files' bytes by hard links."""
    if src.is_symlink() or not src.is_dir():
        _link_or_copy(str(src), str(dst))
    else:
        shutil.copytree(src, dst, symlinks=True, copy_function=_link_or_copy)


# --- the folder ----------------------------------------------------------------------------------


class Output:
    """One replacement of an output folder. Use as a context manager; see the module doc."""

    def __init__(self, target: Path, err: IO[str] = sys.stderr) -> None:
        self.target = target
        self.real = real_folder(target)
        self.err = err
        self.work: Path | None = None
        self.lock_fd: int | None = None
        self.owned: set[str] = set()
        self.foreign: list[str] = []

    # The lock and its journal.

    def __enter__(self) -> Output:
        if self.real.exists() and not self.real.is_dir():
            raise OutputError(_("--out {out} is a file, not a folder", out=self.target))
        self.real.parent.mkdir(parents=True, exist_ok=True)
        self.lock_fd = os.open(_lock_path(self.real), os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666)
        try:
            fcntl.flock(self.lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            said = _("another build is writing to {out}; waiting for it to finish", out=self.target)
            self.err.write(_("planc: {message}", message=said) + "\n")
            self.err.flush()
            fcntl.flock(self.lock_fd, fcntl.LOCK_EX)
        self._recover()
        self.owned, self.foreign = self._inventory()
        return self

    def __exit__(self, kind: object, exc: object, tb: object) -> None:
        try:
            if self.work is not None:  # failed or interrupted before the swap
                shutil.rmtree(self.work, ignore_errors=True)
                self._journal([])
        finally:
            if self.lock_fd is not None:
                os.close(self.lock_fd)  # releases the lock
                self.lock_fd = None

    def _journal(self, names: list[str]) -> None:
        assert self.lock_fd is not None
        data = json.dumps(names).encode()
        os.ftruncate(self.lock_fd, 0)
        os.pwrite(self.lock_fd, data, 0)
        os.fsync(self.lock_fd)

    def _recover(self) -> None:
        """Undo what a killed build left: put back a folder moved aside by the two-rename
        fallback, then remove its temporary folders (named in the journal and named so)."""
        assert self.lock_fd is not None
        try:
            names = json.loads(os.pread(self.lock_fd, 1 << 16, 0) or b"[]")
        except ValueError:
            names = []
        pattern = _tmp_name(self.real)
        parent = self.real.parent
        stale = [parent / n for n in names if isinstance(n, str) and pattern.fullmatch(n)]
        for path in stale:
            if path.name.endswith(".old") and path.is_dir() and not self.real.exists():
                path.rename(self.real)
        for path in stale:
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
        self._journal([])

    def _inventory(self) -> tuple[set[str], list[str]]:
        """(what planc wrote in the folder, what it did not)."""
        if not self.real.is_dir():
            return set(), []
        names = sorted(os.listdir(self.real))
        listed = self.real / OWNED
        if listed.is_file():
            owned = set(listed.read_text(encoding="utf-8").split("\n")) - {""}
        else:  # built before the list existed (these were its names), or not by planc
            owned = {
                n
                for n in names
                if (n == "index.html" and (self.real / ".planc-build").is_file())
                or (ROUND.fullmatch(n) and (self.real / n / "plan.json").is_file())
            }
        owned |= {OWNED, ".planc-build"} & set(names)
        return owned & set(names), [n for n in names if n not in owned]

    # Writing.

    def start(self, writes: Iterable[str]) -> Path:
        """A new, empty folder to write into, holding the user's entries already. `writes`
        names the top-level entries planc is about to write: one that is the user's stops
        here, before anything is written."""
        taken = sorted(set(writes) & set(self.foreign))
        if taken:
            names = ", ".join(f"'{n}'" for n in taken)
            raise OutputError(
                _(
                    "{out} holds {names}, which planc did not write; it will not replace them: "
                    "move them away or build into another folder (--out)",
                    out=self.target,
                    names=names,
                )
            )
        name = f".{self.real.name}.planc-tmp-{os.getpid()}-{secrets.token_hex(4)}"
        work = self.real.with_name(name)
        self._journal([name, name + ".old"])
        os.mkdir(work, 0o777)  # the umask decides, as for any folder the user makes
        self.work = work
        if self.real.is_dir():  # the mode the user gave the folder stays
            os.chmod(work, stat.S_IMODE(self.real.stat().st_mode))
        for entry in self.foreign:
            carry(self.real / entry, work / entry)
        return work

    def keep(self, name: str) -> None:
        """Carry one of planc's own entries of the current folder into the new one."""
        assert self.work is not None
        if name in self.owned and not (self.work / name).exists():
            carry(self.real / name, self.work / name)

    def finish(self, owned: Iterable[str]) -> None:
        """Swap the new folder in, in one step, and remove the old one."""
        work = self.work
        assert work is not None
        (work / OWNED).write_text("".join(f"{n}\n" for n in sorted(set(owned))), "utf-8")
        if not self.real.exists():
            os.rename(work, self.real)  # nothing to replace: one rename is atomic
        elif not _exchange(work, self.real):
            # The fallback: two renames; a kill between them is undone by the next build.
            aside = work.with_name(work.name + ".old")
            os.rename(self.real, aside)
            os.rename(work, self.real)
            work = aside
        self.work = None
        shutil.rmtree(work, ignore_errors=True)  # the old folder (now at the temporary name)
        self._journal([])


@contextmanager
def replacing(target: Path, writes: Iterable[str], err: IO[str] = sys.stderr) -> Iterator[Path]:
    """A folder planc writes whole (release/) with the top-level entries `writes`: the user's
    other entries are carried over, planc's own replaced by what is written now."""
    names = set(writes)
    with Output(target, err) as out:
        work = out.start(names)
        yield work
        out.finish(names)


def stale(target: Path) -> list[str]:
    """planc's temporary folders beside `target` (for tests and messages)."""
    real = real_folder(target)
    pattern = _tmp_name(real)
    with suppress(FileNotFoundError):
        return sorted(n for n in os.listdir(real.parent) if pattern.fullmatch(n))
    return []
