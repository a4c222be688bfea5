"""File modes as a user sees them, even when the tests run as root (as in CI), where every
mode bit is bypassed: the effective user and group are dropped to nobody for the block, in
this process (the real user stays root, so they come back). Not a skip: the same assertions
run as root and as anyone else."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

NOBODY = 65534


@contextmanager
def as_a_user() -> Iterator[None]:
    if os.geteuid() != 0:
        yield
        return
    os.setegid(NOBODY)
    os.seteuid(NOBODY)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


@contextmanager
def open_folder() -> Iterator[Path]:
    """A temporary folder nobody can enter (pytest's tmp_path is root's alone)."""
    with tempfile.TemporaryDirectory(prefix="planc-test-") as tmp:
        os.chmod(tmp, 0o755)
        yield Path(tmp)
