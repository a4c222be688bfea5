"""The one place planc new and planc solicit import write into the plans folder: through
plans_transaction (planc/load/write.py), the way every writer of plans/ writes (the folder's
lock, each text read back by planc's loader, all files or none through a journal).

Both commands plan their files from sources loaded before the lock is taken. So that what
another planc wrote meanwhile is never lost, the files the plan was made from (the round's
folder and the registry) are taken as they were before loading (`snapshot`) and compared
under the lock: if any differs, nothing is written (`SourcesChanged`) and the caller plans
again from the sources as they are now."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import IO

from planc.atomic import TEMPORARY
from planc.load.write import plans_transaction

REGISTRY = "registry"


class SourcesChanged(Exception):
    """Another planc changed the sources between loading and the lock: plan again."""


def snapshot(plans: Path, round_name: str) -> dict[str, bytes]:
    """The bytes of every file a round's plan is made from: the round's folder and the
    registry (relative, '/'-separated names; planc's own temporary files left out)."""
    files: dict[str, bytes] = {}
    for top in (round_name, REGISTRY):
        for folder, dirs, names in os.walk(plans / top):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(names):
                if TEMPORARY.fullmatch(name):
                    continue
                path = Path(folder) / name
                if path.is_file() and not path.is_symlink():
                    files[path.relative_to(plans).as_posix()] = path.read_bytes()
    return files


def write_plans(
    plans: Path,
    round_name: str,
    files: Mapping[str, str],
    before: Mapping[str, bytes],
    err: IO[str] | None = None,
) -> None:
    """Write `files` (paths relative to the plans folder, '/'-separated -> UTF-8 text), all or
    none, when the sources are still as `before` (snapshot) held them; else SourcesChanged
    and nothing is written."""
    with plans_transaction(plans, err) as tx:
        if snapshot(plans, round_name) != before:
            raise SourcesChanged(round_name)
        for rel, text in files.items():
            tx.write(plans / rel, text)
