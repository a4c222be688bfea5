"""The one place planc new and planc solicit import write into the plans folder. Issue 24 is
bringing one interface for every writer of plans/ (the folder's lock, files parsed back before
they are renamed, multi-file writes journaled); until it lands, these writers go through this
function alone, so the switch is made here.

Files of a round folder that does not exist yet are written into a hidden folder beside it,
which is renamed into place whole: an interrupted `planc new` leaves no half round (nor a
folder that would make the next `planc new` refuse). Other files are written all or none by
planc/atomic.py: each beside its target first, then all renamed."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

from planc.atomic import write_files
from planc.errors import UsageError
from planc.i18n import _


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_plans(plans: Path, files: Mapping[str, str]) -> None:
    """Write `files` (paths relative to the plans folder, '/'-separated -> UTF-8 text)."""
    fresh: dict[str, dict[str, str]] = {}  # a new top folder -> its files, relative to it
    rest: list[tuple[Path, bytes | str]] = []
    for rel, text in files.items():
        top, *inside = PurePosixPath(rel).parts
        if inside and not (plans / top).exists():
            fresh.setdefault(top, {})["/".join(inside)] = text
        else:
            rest.append((plans / rel, text))
    staged: list[tuple[Path, Path]] = []
    try:
        for top, inner in fresh.items():
            temp = Path(tempfile.mkdtemp(prefix=f".{top}.planc-", dir=plans))
            staged.append((temp, plans / top))
            os.chmod(temp, 0o777 & ~_umask())  # mkdtemp's 0700 would hide it from colleagues
            write_files((temp / rel, text) for rel, text in inner.items())
        write_files(rest)
        for temp, target in list(staged):
            if target.exists():  # made meanwhile by someone else: theirs stays
                raise UsageError(
                    _(
                        "{path} appeared while planc wrote; planc left it as it is",
                        path=target.as_posix(),
                    )
                )
            os.rename(temp, target)
            staged.remove((temp, target))
    finally:
        for temp, _target in staged:
            shutil.rmtree(temp, ignore_errors=True)
