"""The parse cache holds bytes planc did not necessarily write (issue 24, item 8): a fifo where an
entry should be is a miss, not a hang; an entry made anywhere but by this cache (a valid digest
around any payload) is never decoded; a `.gitignore` left empty by a full disk is put right."""

from __future__ import annotations

import hashlib
import marshal
import os
import subprocess
import sys
from pathlib import Path

import pytest

from planc.load.cache import MAGIC, SourceCache
from planc.paths import CACHE_DIR
from planc.pipeline import analyze

PLAN = "2020-2021/plan.yaml"


def entries(plans: Path) -> list[Path]:
    return sorted(p for p in (plans / CACHE_DIR).iterdir() if len(p.name) == 64)


def check(plans: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "planc", "check", "--plans", str(plans), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,  # a hang is a failure, not a stuck suite
    )


def test_a_fifo_in_place_of_an_entry_is_a_miss(plans: Path) -> None:
    first = check(plans)
    for path in entries(plans):
        path.unlink()
        os.mkfifo(path)  # nobody will ever write into it: opening it to read would wait
    again = check(plans)
    assert (again.returncode, again.stdout) == (first.returncode, first.stdout)


def test_an_entry_this_cache_did_not_write_is_never_decoded(
    plans: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Anyone who can write into the cache folder can make an entry with the right key and a
    # right SHA-256 around any payload: here, a diagnostic planc never made.
    analyze(plans)
    store = SourceCache(plans)
    data = (plans / PLAN).read_bytes()
    key = store.key(PLAN, "plan", data)
    forged = marshal.dumps((None, [("schema", "FORGED BY SOMEONE", None, PLAN, 1, 1)]), 4)
    (plans / CACHE_DIR / key.hex()).write_bytes(
        MAGIC + key + hashlib.sha256(forged).digest() + forged
    )
    loads = marshal.loads
    decoded: list[bytes] = []

    def watched(payload: bytes) -> object:
        decoded.append(payload)
        return loads(payload)

    monkeypatch.setattr(marshal, "loads", watched)
    found = analyze(plans).diagnostics
    assert "FORGED BY SOMEONE" not in [d.message for d in found]
    assert forged not in decoded


def test_a_copied_cache_is_not_trusted(plans: Path, tmp_path: Path) -> None:
    # A plans folder copied or unpacked from elsewhere brings its cache, secret and all: a new
    # folder on the disk, so its entries are misses (and written anew).
    import shutil

    analyze(plans)
    copy = tmp_path / "copy"
    shutil.copytree(plans, copy)
    store = SourceCache(copy)
    data = (copy / PLAN).read_bytes()
    assert store.get(PLAN, "plan", data) is None
    analyze(copy)
    assert SourceCache(copy).get(PLAN, "plan", data) is not None


def test_an_empty_gitignore_is_put_right(plans: Path) -> None:
    folder = plans / CACHE_DIR
    folder.mkdir()
    (folder / ".gitignore").write_text("", "utf-8")  # what a full disk left
    analyze(plans)
    assert (folder / ".gitignore").read_text("utf-8").splitlines()[-1] == "*"
