"""Writing into the plans folder: the one way every command that changes plans/ does it
(consult import, progress import, planc fix, and any new importer).

    with plans_transaction(plans, err) as tx:
        old = tx.read(path)                       # the file as it is now, under the lock
        tx.write(path, new_text, strings=added)   # read back, then staged beside the file
    # here every file is written; on an error, Ctrl-C or a kill, none is

- **One writer at a time.** An exclusive flock on PLANS/.planc-cache/plans.lock; a second
  planc says that it waits, and waits. Read the sources the new text is made from inside the
  block (`tx.read`), so what another planc wrote meanwhile is not lost.
- **Read back before it counts.** Each new text is parsed by planc's own loader before it is
  staged: a file planc could not read again is never written (unless it could not read the
  old one either: `planc fix` of a broken file). `strings` are the values the caller put in:
  each must come back, character for character.
- **All files or none.** Each file is written beside its target first (flushed to the disk,
  the old file's mode kept); when the block ends they are renamed into place together. The lock
  file is the journal: what is staged, and during the renames the backups of the old files
  (hard links). A planc killed in the middle leaves the journal, and the next writer, holding
  the lock, puts the old files back and removes the temporary ones: interrupted work leaves
  the previous state. Ctrl-C and SIGTERM wait for the renames (a fraction of a second).
- Folders are made as needed and removed again when the write does not happen.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import shutil
import signal
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, Any

from planc.atomic import TEMPORARY, create, mode_for, sync_folder, temporary_name
from planc.errors import OutputError, PlancError
from planc.i18n import _
from planc.paths import CACHE_DIR

LOCK = "plans.lock"
_STOPS = {signal.SIGINT, signal.SIGTERM}

# The files written whole in this process (for the message when Ctrl-C comes after them).
WRITTEN: list[Path] = []


class UnreadableWrite(PlancError):
    """planc made a text it cannot read back as meant: a bug, stopped before any file is
    written."""


def lock_path(plans: Path) -> Path:
    return plans / CACHE_DIR / LOCK


class Transaction:
    """The files one command writes into the plans folder (see the module doc)."""

    def __init__(self, plans: Path, fd: int) -> None:
        self.plans = plans
        self.fd = fd
        self.staged: dict[str, str] = {}  # target -> its temporary file (relative to plans)
        self.folders: list[str] = []  # folders this transaction made
        self.written: list[Path] = []

    # Reading and writing.

    def rel(self, path: Path) -> str:
        """`path` relative to the plans folder; refused when it is not inside it."""
        full = Path(os.path.abspath(path))
        try:
            rel = full.relative_to(os.path.abspath(self.plans))
        except ValueError:
            raise OutputError(
                _("{path} is not inside the plans folder {plans}", path=path, plans=self.plans)
            ) from None
        if not rel.parts or ".." in rel.parts or rel.parts[0] == CACHE_DIR:
            raise OutputError(_("planc does not write {path}", path=path))
        return rel.as_posix()

    def read_bytes(self, path: Path) -> bytes | None:
        """The file's bytes as they are now (the lock is held), None when there is none."""
        try:
            return (self.plans / self.rel(path)).read_bytes()
        except FileNotFoundError:
            return None

    def read(self, path: Path) -> str | None:
        data = self.read_bytes(path)
        return None if data is None else data.decode("utf-8")

    def write(self, path: Path, data: bytes | str, strings: Iterable[str] = ()) -> None:
        """Stage `data` for `path`: read back first (see the module doc), then written beside
        it. Nothing is in place before the block ends."""
        rel = self.rel(path)
        _read_back(rel, data, strings, lambda: self.read_bytes(path))
        target = self.plans / rel
        self._folders(target.parent)
        earlier = self.staged.pop(rel, None)
        if earlier is not None:
            (self.plans / earlier).unlink(missing_ok=True)
        temp = temporary_name(target)
        self.staged[rel] = temp.relative_to(self.plans).as_posix()
        self._journal()
        create(temp, data, mode_for(target))

    def _folders(self, folder: Path) -> None:
        missing = []
        while not folder.is_dir() and folder != self.plans:
            missing.append(folder)
            folder = folder.parent
        for made in reversed(missing):
            self.folders.append(made.relative_to(self.plans).as_posix())
            self._journal()
            made.mkdir()

    # The journal.

    def _journal(self, commit: list[list[str | None]] | None = None) -> None:
        state: dict[str, Any] = {"staged": sorted(self.staged.values()), "folders": self.folders}
        if commit is not None:
            state["commit"] = commit
        _put(self.fd, state)

    # The end of the block.

    def commit(self) -> None:
        if not self.staged:
            return
        entries: list[list[str | None]] = []
        for rel, temp in sorted(self.staged.items()):
            target = self.plans / rel
            spare = temporary_name(target).relative_to(self.plans).as_posix()
            entries.append([temp, rel, spare if target.exists() else None])
        with _signals_wait():
            self._journal(entries)
            try:
                for staged, target_name, backup in entries:
                    assert staged is not None and target_name is not None
                    if backup is not None:
                        _link(self.plans / target_name, self.plans / backup)
                    os.replace(self.plans / staged, self.plans / target_name)
                for folder in sorted({(self.plans / str(e[1])).parent for e in entries}):
                    sync_folder(folder)
            except BaseException:
                _undo(self.plans, entries)
                self._abandon()
                raise
            self.staged.clear()
            self.folders = []
            # The commit point: from here the new files are the files; the backups go.
            backups = [str(backup) for _temp, _rel, backup in entries if backup is not None]
            _put(self.fd, {"remove": backups})
            for backup in backups:
                (self.plans / backup).unlink(missing_ok=True)
            _put(self.fd, {})
            self.written = [self.plans / str(rel) for _temp, rel, _backup in entries]
            WRITTEN.extend(self.written)

    def _abandon(self) -> None:
        """Remove what was staged and the folders made for it; the files stay as they were."""
        for temp in self.staged.values():
            (self.plans / temp).unlink(missing_ok=True)
        self.staged.clear()
        for folder in reversed(self.folders):
            with suppress(OSError):
                (self.plans / folder).rmdir()  # only when empty
        self.folders = []
        _put(self.fd, {})


@contextmanager
def plans_transaction(plans: Path, err: IO[str] | None = None) -> Iterator[Transaction]:
    """Hold the plans folder's lock, put right what an interrupted writer left, and write the
    files staged in the block all together when it ends (see the module doc)."""
    fd = _lock(plans, sys.stderr if err is None else err)
    try:
        _recover(plans, fd, sys.stderr if err is None else err)
        tx = Transaction(plans, fd)
        try:
            yield tx
        except BaseException:
            tx._abandon()
            raise
        tx.commit()
    finally:
        os.close(fd)  # releases the lock


def _lock(plans: Path, err: IO[str]) -> int:
    from planc.load.cache import ready_folder

    folder = ready_folder(plans)
    flags = os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(folder / LOCK, flags, 0o666)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise OutputError(
                _("{path} is a symbolic link; planc does not follow it", path=folder / LOCK)
            ) from None
        raise
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        said = _("another planc is writing into {plans}; waiting for it to finish", plans=plans)
        err.write(_("planc: {message}", message=said) + "\n")
        err.flush()
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
        except BaseException:
            os.close(fd)
            raise
    return fd


def _put(fd: int, state: dict[str, Any]) -> None:
    data = json.dumps(state, ensure_ascii=False).encode() if state else b""
    os.ftruncate(fd, 0)
    os.pwrite(fd, data, 0)
    os.fsync(fd)


def _get(fd: int) -> dict[str, Any]:
    try:
        state = json.loads(os.pread(fd, 1 << 20, 0) or b"{}")
    except ValueError:
        return {}
    return state if isinstance(state, dict) else {}


def _list(state: dict[str, Any], key: str) -> list[Any]:
    found = state.get(key)
    return found if isinstance(found, list) else []


def _inside(plans: Path, rel: object) -> Path | None:
    """A journal's relative path as a path in the plans folder; None for anything else."""
    if not isinstance(rel, str) or not rel or rel.startswith("/") or "\\" in rel:
        return None
    parts = Path(rel).parts
    if ".." in parts or parts[0] == CACHE_DIR:
        return None
    return plans / rel


def _temporary(plans: Path, rel: object, beside: Path | None = None) -> Path | None:
    path = _inside(plans, rel)
    if path is None or not TEMPORARY.fullmatch(path.name):
        return None
    if beside is not None and path.parent != beside.parent:
        return None
    return path


def _undo(plans: Path, entries: list[list[str | None]]) -> list[Path]:
    """Put back the files a commit had replaced (from their backups) and remove the ones it
    had made; returns the files put back or removed."""
    undone = []
    for entry in entries:
        if not (isinstance(entry, list) and len(entry) == 3):
            continue
        target = _inside(plans, entry[1])
        if target is None:
            continue
        temp = _temporary(plans, entry[0], target)
        backup = _temporary(plans, entry[2], target) if entry[2] is not None else None
        if backup is not None and backup.is_file():
            os.replace(backup, target)
            undone.append(target)
        elif entry[2] is None and temp is not None and not temp.exists() and target.is_file():
            target.unlink()  # it was not there before: the commit had made it
            undone.append(target)
        if temp is not None:
            temp.unlink(missing_ok=True)
    return undone


def _recover(plans: Path, fd: int, err: IO[str]) -> None:
    state = _get(fd)
    if not state:
        return
    undone = _undo(plans, _list(state, "commit"))
    for rel in [*_list(state, "staged"), *_list(state, "remove")]:
        temp = _temporary(plans, rel)
        if temp is not None:
            temp.unlink(missing_ok=True)
    for rel in reversed(_list(state, "folders")):
        folder = _inside(plans, rel)
        if folder is not None and not folder.is_symlink():
            with suppress(OSError):
                folder.rmdir()
    _put(fd, {})
    if undone:
        names = ", ".join(p.relative_to(plans).as_posix() for p in undone)
        said = _(
            "an earlier planc was stopped while writing {files}; they are back as they were",
            files=names,
        )
        err.write(_("planc: {message}", message=said) + "\n")


def _link(target: Path, backup: Path) -> None:
    """A backup of `target` that costs no copy where the file system allows hard links."""
    try:
        os.link(target, backup, follow_symlinks=False)
    except OSError:
        shutil.copy2(target, backup, follow_symlinks=False)


@contextmanager
def _signals_wait() -> Iterator[None]:
    """Ctrl-C and SIGTERM held back while the files are renamed: they arrive after."""
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - not POSIX
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, _STOPS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


# --- reading back -------------------------------------------------------------------------------


def _read_back(rel: str, data: bytes | str, strings: Iterable[str], old: Any) -> None:
    """Refuse a text planc's loader cannot read, or that does not hold each of `strings` as a
    value (character for character)."""
    from planc.load.nodes import YamlFailure
    from planc.load.parse import parse_bytes

    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        root, _problems = parse_bytes(raw, rel)
    except YamlFailure as failure:
        before = old()
        if before is not None:
            try:
                parse_bytes(before, rel)
            except YamlFailure:
                return  # no worse than it was (planc fix of a file planc cannot read)
        raise UnreadableWrite(_bug(rel, failure.diagnostic.message)) from None
    except UnicodeEncodeError:
        raise UnreadableWrite(_bug(rel, "UTF-8")) from None
    wanted = Counter(s for s in strings if s)
    if not wanted:
        return
    found = Counter(_values(root))
    for text, count in wanted.items():
        if found[text] < count:
            raise UnreadableWrite(_bug(rel, _("'{value}' would not read back", value=text[:40])))


def _bug(rel: str, why: str) -> str:
    return _(
        "planc made {file} so that it would not read back as written ({why}); nothing was "
        "written. This is a bug in planc: please report it with the files you gave",
        file=rel,
        why=why,
    )


def _values(node: Any) -> Iterator[str]:
    """Every scalar of a node tree, keys included."""
    from planc.load.nodes import Map, Scalar, Seq

    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, Scalar):
            yield item.value
        elif isinstance(item, Seq):
            stack.extend(item.items)
        elif isinstance(item, Map):
            for key, value in item.entries.values():
                yield key.value
                stack.append(value)
