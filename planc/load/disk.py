"""The plans folder as files on disk: what planc may read, and what it reports instead.

Everything the loader opens comes through here. A path is readable only when it is a regular
file (or folder) whose real location is inside the plans folder: a symbolic link that leaves it
is reported and never followed, so no line of an outside file can come back quoted in a
diagnostic. Fifos, sockets and devices are reported rather than opened (opening a fifo would
block), a name that is not UTF-8 is reported with its bytes escaped (it could not be printed as
JSON or written into a page), and a folder that cannot be listed is one located diagnostic like
a file that cannot be read.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from planc.diagnostics import Diagnostic, Loc
from planc.errors import reason
from planc.i18n import _

FILE = "file"
DIR = "dir"


def shown_name(name: str) -> str:
    """A name as it can be printed: bytes that are not UTF-8 become \\xNN."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def is_utf8(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # os.fsdecode turned undecodable bytes into lone surrogates
        return False
    return True


def _kind_of(mode: int) -> str:
    if stat.S_ISREG(mode):
        return FILE
    if stat.S_ISDIR(mode):
        return DIR
    if stat.S_ISFIFO(mode):
        return _("a fifo (named pipe)")
    if stat.S_ISSOCK(mode):
        return _("a socket")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("a device")
    return _("not a regular file")


@dataclass(slots=True)
class Entry:
    name: str
    rel: str  # relative to the plans folder, '/'-separated
    kind: str  # FILE or DIR


@dataclass
class Tree:
    """One scan of the plans folder. `problems` are diagnostics about the files themselves;
    `unreadable` the relative paths planc could not use (a round holding one is not
    reconciled)."""

    root: Path
    folders: dict[str, list[Entry]] = field(default_factory=dict)
    problems: list[Diagnostic] = field(default_factory=list)
    unreadable: set[str] = field(default_factory=set)

    def listing(self, rel: str) -> list[Entry]:
        """The usable entries of a folder ('' is the plans folder), sorted by name."""
        return self.folders.get(rel, [])

    def kind(self, rel: str) -> str | None:
        parent, _sep, name = rel.rpartition("/")
        for entry in self.listing(parent):
            if entry.name == name:
                return entry.kind
        return None

    def is_file(self, rel: str) -> bool:
        return self.kind(rel) == FILE

    def is_dir(self, rel: str) -> bool:
        return self.kind(rel) == DIR

    def _report(self, rel: str, message: str, hint: str | None = None) -> None:
        self.unreadable.add(rel)
        self.problems.append(Diagnostic("schema", Loc(rel), message, hint))

    def scan(self, rel: str, real: Path, seen: set[Path], depth: int) -> None:
        prefix = f"{rel}/" if rel else ""
        try:
            with os.scandir(real) as found:
                names = sorted(e.name for e in found)
        except OSError as exc:
            self._report(f"{prefix}", _("cannot read the folder: {reason}", reason=reason(exc)))
            return
        entries: list[Entry] = []
        for name in names:
            if not is_utf8(name):
                self._report(
                    prefix + shown_name(name),
                    _("the name '{name}' is not UTF-8; planc skips it", name=shown_name(name)),
                    _("rename it in UTF-8 (convmv -f GBK -t UTF-8 for names saved as GBK)"),
                )
                continue
            if name.startswith("."):
                continue  # editors' and git's own files
            entry = self._entry(prefix + name, real / name)
            if entry is None:
                continue
            entries.append(entry)
            if entry.kind == DIR and depth < MAX_DEPTH:
                target = (real / name).resolve()
                if target in seen:
                    self._report(f"{entry.rel}/", _("this folder links back to a folder above it"))
                    entries.pop()
                    continue
                self.scan(entry.rel, target, seen | {target}, depth + 1)
        self.folders[rel] = entries

    def _entry(self, rel: str, path: Path) -> Entry | None:
        try:
            mode = path.lstat().st_mode
            if stat.S_ISLNK(mode):
                target = Path(os.path.realpath(path))
                if not target.is_relative_to(self.root):
                    self._report(
                        rel,
                        _(
                            "'{rel}' is a symbolic link to a place outside the plans folder; "
                            "planc does not follow it",
                            rel=rel,
                        ),
                        _("copy the file into the plans folder instead of linking to it"),
                    )
                    return None
                mode = target.stat().st_mode
        except FileNotFoundError:
            self._report(rel, _("'{rel}' is a symbolic link to nothing (a broken link)", rel=rel))
            return None
        except OSError as exc:
            self._report(rel, _("cannot read '{rel}': {reason}", rel=rel, reason=reason(exc)))
            return None
        kind = _kind_of(mode)
        if kind not in (FILE, DIR):
            self._report(
                rel, _("'{rel}' is {kind}, not a file; planc does not read it", rel=rel, kind=kind)
            )
            return None
        return Entry(rel.rpartition("/")[2], rel, kind)


# Rounds sit two folders deep (2020-2021/tasks/x.yaml); deeper folders are still scanned for
# the problems above, but a bound keeps a link loop or a vast tree from running away.
MAX_DEPTH = 8


def scan(plans: Path) -> Tree:
    """Scan `plans` (which must be a folder) once."""
    root = plans.resolve()
    tree = Tree(root)
    tree.scan("", root, {root}, 0)
    return tree


def read_bytes(tree: Tree, rel: str) -> bytes:
    """The bytes of a file the scan found usable. Opened without blocking and checked again
    after opening, so a file swapped for a fifo or an outside link since the scan is still
    refused (OSError)."""
    path = tree.root / rel
    real = Path(os.path.realpath(path))
    if not real.is_relative_to(tree.root):
        raise OSError(0, _("the file now links outside the plans folder"), rel)
    fd = os.open(real, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_CLOEXEC)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(0, _("not a regular file"), rel)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read()
    finally:
        os.close(fd)
