"""The public record (record/, a copy of shared/seeds) as the shipped plans are checked against
it: the seeds in Simplified characters, the passages a provenance reason quotes, and the rule
for comments in plans/ (docs/source-format.md, "Comments")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
# Half-width punctuation of the seeds, and single quotes, as the plans write them (GB/T 15834).
_PUNCTUATION = str.maketrans(
    {",": "，", "(": "（", ")": "）", ":": "：", ";": "；", "!": "！", "?": "？"}
    | {"‘": "“", "’": "”", "「": "“", "」": "”"}
)


def seeds_folder() -> Path | None:
    """The record's copy in the repository (record/), so the quotes are checked on any clone."""
    folder = ROOT / "record"
    return folder if any(folder.glob("*.txt")) else None


def shared_seeds() -> Path | None:
    """shared/seeds beside the repository or beside a folder above it (a worktree's), where the
    project's own copy of the record lives."""
    for folder in ROOT.parents:
        if (folder / "shared" / "seeds").is_dir():
            return folder / "shared" / "seeds"
    return None


def normal(text: str) -> str:
    """Simplified characters, full-width punctuation, no white space: how a quote and the seed
    it quotes are compared (two seeds are Traditional reprints; a seed breaks lines anywhere)."""
    return re.sub(r"\s+", "", _t2s().convert(text).translate(_PUNCTUATION))


@cache
def _t2s() -> Any:
    from opencc_purepy import OpenCC

    return OpenCC("t2s")


@cache
def seeds() -> dict[str, str]:
    folder = seeds_folder()
    assert folder is not None
    return {p.name: normal(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))}


def quotes(text: str) -> list[str]:
    """The outermost “…” passages of a text (a quote may hold quotes of its own)."""
    found, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "“":
            if depth == 0:
                start = i + 1
            depth += 1
        elif ch == "”" and depth:
            depth -= 1
            if depth == 0:
                found.append(text[start:i])
    return found


def unquoted(reason: str) -> list[str]:
    """The passages a reason quotes that no seed holds (an elision … splits a passage into
    pieces, each of which a seed must hold); a reason quoting nothing is returned whole."""
    passages = quotes(normal(reason))
    if not passages:
        return [reason]
    texts = seeds().values()
    return [
        passage
        for passage in passages
        if not all(any(piece in t for t in texts) for piece in passage.split("…") if piece)
    ]


def reasons(node: Any) -> Iterator[str]:
    """Every provenance reason in a loaded YAML document."""
    if isinstance(node, dict):
        if "kind" in node and "reason" in node:
            yield str(node["reason"])
        for value in node.values():
            yield from reasons(value)
    elif isinstance(node, list):
        for value in node:
            yield from reasons(value)


def load(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def _strings(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield str(key)
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)
    elif node is not None:
        yield str(node)


_COMMENT = re.compile(r"(?:^|\s)#(.*)$")
_WORDS = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+|[0-9]{2,}")


def facts_in_comments(plans: Path) -> list[str]:
    """Comments that say what the data does not hold. A comment in plans/ is the editor's
    note on why the data is shaped so: any Chinese it cites, and any number of two digits or
    more, must stand in the data of the plans folder (a title, a text, a reason, a figure)."""
    files = sorted(plans.rglob("*.yaml"))
    data = "\n".join(s for path in files for s in _strings(load(path)))
    found = []
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            comment = _COMMENT.search(line)
            if comment is None:
                continue
            for word in _WORDS.findall(comment[1]):
                if word not in data:
                    found.append(f"{path.relative_to(plans)}:{number}: {word}")
    return found
