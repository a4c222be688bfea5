"""Every command's output and every file it writes are as pinned in tests/pinned/ (made by
tests/pins.py). A change meant to change an output rewrites the pins; `git diff tests/pinned`
then shows exactly what changed. About 35 CPU seconds: the net under issue 25's refactor (its
builds and the verification of a release are the cost; the shipped build is the session's)."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from tests.conftest import ShippedBuild
from tests.pins import FILES, PINNED, faces, make, texts

ENTRY = re.compile(r"^=== (.*)$", re.M)
HOW = "if the change is meant: .venv/bin/python -m tests.pins --write, and review git diff"


def entries(text: str) -> dict[str, str]:
    parts = ENTRY.split(text)
    return {parts[i]: parts[i + 1] for i in range(1, len(parts) - 1, 2)}


def differences(pinned: str, now: str) -> list[str]:
    old, new = entries(pinned), entries(now)
    out = []
    for key in dict.fromkeys([*old, *new]):
        if old.get(key) == new.get(key):
            continue
        if key not in new or key not in old:
            out.append(f"{key}: {'gone' if key not in new else 'new'}")
            continue
        lines = difflib.unified_diff(
            old[key].splitlines(), new[key].splitlines(), "pinned", "now", lineterm="", n=1
        )
        out.append(f"{key}:\n" + "\n".join(list(lines)[:30]))
    return out


def test_every_output_is_as_pinned(shipped_build: ShippedBuild, tmp_path: Path) -> None:
    now = texts(make(tmp_path, shipped_build.dist))
    problems = []
    for key, text in now.items():
        pinned = (PINNED / FILES[key]).read_text(encoding="utf-8")
        if key == "pdfs":
            recorded = pinned.split("\n", 1)[0]
            if recorded != f"faces {faces()}":
                continue  # other faces, other PDFs: the digests say nothing here
        problems += differences(pinned, text)
    assert not problems, f"{len(problems)} outputs differ ({HOW}):\n" + "\n".join(problems[:20])
