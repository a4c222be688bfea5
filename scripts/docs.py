"""Parts of README.md and docs/ that planc itself writes: the code list, help texts and example
outputs, each between `<!-- generated: NAME -->` and `<!-- /generated -->`. Run it after a change
(`.venv/bin/python scripts/docs.py`); tests/test_docs.py runs `--check`, so the docs cannot drift
from what planc says."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILES = ("README.md", "docs/codes.md")
BLOCK = re.compile(
    r"(?P<open><!-- generated: (?P<name>[\w-]+) -->\n)(?P<body>.*?)(?P<close><!-- /generated -->)",
    re.S,
)


def codes_table() -> str:
    from planc.codes import CODES

    rows = ["| code | severity | meaning |", "|---|---|---|"]
    rows += [f"| `{c.name}` | {c.severity.value} | {c.summary} |" for c in CODES.values()]
    return "\n".join(rows) + "\n"


def codes_page() -> str:
    from planc.codes import CODES

    parts = []
    for c in CODES.values():
        parts.append(
            f"## `{c.name}`\n\n{c.severity.value}, found by the {c.stage} stage. {c.summary}\n\n"
            f"```\n{c.example}\n```\n\n**Fix:** {c.fix}\n"
        )
    return "\n".join(parts)


GENERATORS: dict[str, Callable[[], str]] = {
    "codes-table": codes_table,
    "codes-page": codes_page,
}


def render(text: str) -> str:
    def fill(m: re.Match[str]) -> str:
        name = m["name"]
        if name not in GENERATORS:
            raise SystemExit(f"docs: no generator for block '{name}'")
        return m["open"] + GENERATORS[name]() + m["close"]

    return BLOCK.sub(fill, text)


def stale() -> list[str]:
    """The files whose generated blocks differ from what planc says now."""
    return [
        name for name in FILES if render(text := (ROOT / name).read_text(encoding="utf-8")) != text
    ]


def main(argv: list[str]) -> int:
    if argv == ["--check"]:
        changed = stale()
        for name in changed:
            print(f"{name} is out of date: run .venv/bin/python scripts/docs.py", file=sys.stderr)
        return 1 if changed else 0
    for name in FILES:
        path = ROOT / name
        text = path.read_text(encoding="utf-8")
        new = render(text)
        if new != text:
            path.write_text(new, encoding="utf-8")
            print(f"wrote {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
