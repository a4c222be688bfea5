"""Parts of README.md and docs/ that planc itself writes: the code list, `planc --help`, and the
example outputs of the tour, each between `<!-- generated: NAME -->` and `<!-- /generated -->`.
The examples are real runs on the shipped plans (or the test fixture, where the README says so),
without colour, 100 columns wide, in English. Run it after a change:

    .venv/bin/python scripts/docs.py

tests/test_docs.py checks that nothing is stale, so the docs cannot drift from what planc says.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILES = ("README.md", "docs/codes.md")
BLOCK = re.compile(
    r"(?P<open><!-- generated: (?P<name>[\w-]+) -->\n)(?P<body>.*?)(?P<close><!-- /generated -->)",
    re.S,
)
ENV = {"COLUMNS": "100", "NO_COLOR": "1", "LANG": "C.UTF-8", "LC_ALL": None, "LC_MESSAGES": None}


@contextmanager
def working_in(folder: Path) -> Iterator[None]:
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def run(args: Sequence[str], where: Path = ROOT) -> tuple[int, str]:
    """`planc ARGS` in `where`, as a user would see it in a log: stdout, then stderr."""
    from typer.testing import CliRunner

    from planc.cli import app

    with working_in(where):
        result = CliRunner().invoke(app, list(args), env=ENV)
    return result.exit_code, result.stdout + result.stderr


def console(*sessions: tuple[str, str]) -> str:
    lines = []
    for command, output in sessions:
        lines.append(f"$ {command}")
        lines.append(output.rstrip("\n"))
    return "```console\n" + "\n".join(lines) + "\n```\n"


Segment = tuple[str | None, int]  # from the first line starting with this (None: the top), N lines


def excerpt(output: str, segments: Sequence[Segment], tail: int = 0) -> str:
    """Some stretches of the output and its last `tail` lines, with `...` where lines are left
    out: the README shows what matters of a long run, but every line shown is real."""
    lines = output.rstrip("\n").split("\n")
    keep: list[int] = []
    for marker, count in segments:
        start = (
            0 if marker is None else next(i for i, x in enumerate(lines) if x.startswith(marker))
        )
        keep += range(start, min(start + count, len(lines)))
    keep += range(max(len(lines) - tail, 0), len(lines)) if tail else []
    shown, last = [], -1
    for i in sorted(set(keep)):
        if i != last + 1:
            shown.append("...")
        shown.append(lines[i])
        last = i
    if last != len(lines) - 1:
        shown.append("...")
    return "\n".join(shown) + "\n"


def example(args: str, *segments: Segment, tail: int = 0) -> Callable[[], str]:
    def make() -> str:
        return console((f"planc {args}", excerpt(run(args.split())[1], segments, tail)))

    return make


def build_session(where: Path) -> list[tuple[str, str]]:
    """`planc build` run twice in `where`, beside its plans/: the first builds (PDFs and
    all), the second finds the build up to date. The README shows both, as printed."""
    return [("planc build", run(["build"], where)[1]) for _ in range(2)]


def build_example() -> str:
    """A real build of a copy of the shipped plans (about a minute of CPU for the PDFs)."""
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(ROOT / "plans", Path(tmp) / "plans", ignore=shutil.ignore_patterns(".*"))
        return console(*build_session(Path(tmp)))


def fixture_error() -> str:
    """`planc check` on the test fixture with a unit misspelt."""
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(ROOT / "tests" / "fixtures" / "valid", Path(tmp) / "plans")
        market = Path(tmp) / "plans" / "2020-2021" / "tasks" / "market.yaml"
        text = market.read_text(encoding="utf-8")
        market.write_text(text.replace("[culture, ports]", "[culture, port]"), encoding="utf-8")
        code, output = run(["check"], Path(tmp))
    return console(("planc check", output), ("echo $?", f"{code}\n"))


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


def help_text() -> str:
    return "```console\n$ planc --help\n" + run(["--help"])[1].rstrip("\n") + "\n```\n"


GENERATORS: dict[str, Callable[[], str]] = {
    "build-example": build_example,
    "check-example": example("check", (None, 2), ("plans/2020-2021/plan.yaml", 2), tail=1),
    "check-fixture-error": fixture_error,
    "check-github": example("check --format github 2020-2021", (None, 2)),
    "stats-example": example("stats 2020-2021", (None, 11), ("2020-2021  ", 18)),
    "diff-example": example(
        "diff 2020-2021 2022-2023 --only chapters",
        (None, 6),
        ("renamed dimensions", 2),
        ("chapters (部分)", 2),
        tail=1,
    ),
    "help": help_text,
    "codes-table": codes_table,
    "codes-page": codes_page,
}


def render(text: str, given: dict[str, str] | None = None) -> str:
    """`text` with its generated blocks made anew; `given`: blocks already made (the tests
    pass the build example from the build every test run makes anyway)."""
    made = dict(given or {})

    def fill(m: re.Match[str]) -> str:
        name = m["name"]
        if name not in GENERATORS:
            raise SystemExit(f"docs: no generator for block '{name}'")
        if name not in made:
            made[name] = GENERATORS[name]()
        return m["open"] + made[name] + m["close"]

    return BLOCK.sub(fill, text)


def stale(given: dict[str, str] | None = None) -> list[str]:
    """The files whose generated blocks differ from what planc says now."""
    return [
        name
        for name in FILES
        if render(text := (ROOT / name).read_text(encoding="utf-8"), given) != text
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
