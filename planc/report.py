"""Diagnostics as people and tools read them: coloured text, JSON, GitHub annotations."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING

from planc import i18n
from planc.diagnostics import Diagnostic, Severity, count
from planc.i18n import _

if TYPE_CHECKING:
    from rich.console import Console

# planc check prints without rich: importing it costs 20 ms of a 0.25 s run. Four colours in
# plain ANSI do, under the same rules rich follows (NO_COLOR, FORCE_COLOR, a terminal).
ANSI = {"bold": "1", "red": "1;31", "yellow": "33", "cyan": "36", "green": "32", "dim": "2"}
STYLES = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


# Characters a terminal or a log viewer acts on instead of showing: C0 controls (ESC starts a
# colour or cursor sequence, BEL rings, CR rewrites the line), DEL, C1 controls (0x9B is a
# one-byte ESC [) and the bidirectional overrides that make text read differently than it is
# stored. A source can hold any of them through YAML escapes ("\\e[2J"); every output format
# shows them as escapes instead.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")

_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """`text` with every control character written as an escape (\\x1b, \\u202e)."""
    return _UNSAFE.sub(_escaped, text)


def use_colour(stream: IO[str]) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty() and os.environ.get("TERM") != "dumb"


class Painter:
    def __init__(self, stream: IO[str]) -> None:
        self.on = use_colour(stream)

    def __call__(self, text: str, style: str = "") -> str:
        if not (self.on and style):
            return text
        return f"\x1b[{ANSI[style]}m{text}\x1b[0m"


def console(stream: IO[str]) -> Console:
    # soft_wrap: a long line must stay one line for editors and grep to find it.
    from rich.console import Console

    return Console(file=stream, highlight=False, soft_wrap=True, emoji=False)


def plural(n: int, word: str) -> str:
    return i18n.count(n, word)


def summary(diagnostics: Sequence[Diagnostic], rounds: int, paint: Painter) -> str:
    errors = count(diagnostics, Severity.ERROR)
    warnings = count(diagnostics, Severity.WARNING)
    infos = count(diagnostics, Severity.INFO)
    return _(
        "checked {rounds}: {errors}, {warnings}, {infos}",
        rounds=plural(rounds, "round"),
        errors=paint(plural(errors, "error"), "red" if errors else "green"),
        warnings=paint(plural(warnings, "warning"), "yellow" if warnings else ""),
        infos=paint(plural(infos, "info"), "cyan" if infos else ""),
    )


def display_path(plans: Path, file: str) -> str:
    """A file as the user reaches it from where planc was started (plans/2020-2021/...)."""
    return (plans / file).as_posix() if file else plans.as_posix()


def _lines(diagnostics: Sequence[Diagnostic], plans: Path, paint: Painter) -> list[str]:
    lines = []
    for d in diagnostics:
        where = printable(f"{display_path(plans, d.loc.file)}:{d.loc.line}:{d.loc.column}:")
        label = paint(f"{d.severity.value}[{d.code}]", STYLES[d.severity])
        lines.append(f"{paint(where, 'bold')} {label} {printable(d.message)}")
        if d.hint:
            lines.append(paint(_("    hint: {hint}", hint=printable(d.hint)), "dim"))
    return lines


def write_text(
    diagnostics: Sequence[Diagnostic], plans: Path, rounds: int, stream: IO[str]
) -> None:
    paint = Painter(stream)
    lines = [*_lines(diagnostics, plans, paint), summary(diagnostics, rounds, paint)]
    stream.write("\n".join(lines) + "\n")


def write_diagnostics(diagnostics: Sequence[Diagnostic], plans: Path, stream: IO[str]) -> None:
    """Diagnostics as `planc check` prints them, without its summary line."""
    stream.writelines(line + "\n" for line in _lines(diagnostics, plans, Painter(stream)))


def write_cells(diagnostics: Sequence[Diagnostic], stream: IO[str]) -> None:
    """Problems in returned forms, located as spreadsheet users name a cell (FILE:SHEET!CELL),
    without the summary line `planc check` ends with."""
    paint = Painter(stream)
    for d in diagnostics:
        label = paint(f"{d.severity.value}[{d.code}]", STYLES[d.severity])
        stream.write(f"{paint(str(d.loc) + ':', 'bold')} {label} {d.message}\n")
        if d.hint:
            stream.write(paint(_("    hint: {hint}", hint=d.hint), "dim") + "\n")


def as_json(diagnostics: Sequence[Diagnostic]) -> str:
    payload = {
        "diagnostics": [
            {
                "code": d.code,
                "severity": d.severity.value,
                "file": d.loc.file,
                "line": d.loc.line,
                "column": d.loc.column,
                "message": d.full_message,
            }
            for d in diagnostics
        ],
        "errors": count(diagnostics, Severity.ERROR),
        "warnings": count(diagnostics, Severity.WARNING),
    }
    # json.dumps escapes C0 controls itself; C1 controls and bidi overrides are valid JSON
    # raw, but a terminal showing the output would act on them: \\uXXXX them too.
    text = json.dumps(payload, ensure_ascii=False, indent=2)
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def github_escape(value: str, prop: bool = False) -> str:
    """A value in a GitHub workflow command (an annotation); `prop`: a property (file=,
    title=), which also escapes ':' and ','. Other controls would reach the job log raw: they
    are written as \\xNN first."""
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    value = printable(value)
    return value.replace(":", "%3A").replace(",", "%2C") if prop else value


GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def as_github(diagnostics: Sequence[Diagnostic], plans: Path) -> str:
    lines = []
    for d in diagnostics:
        path = Path(os.path.relpath(plans.resolve() / d.loc.file)).as_posix()
        props = f"file={github_escape(path, True)},line={d.loc.line},col={d.loc.column}"
        props += f",title={github_escape(d.code, True)}"
        lines.append(f"::{GITHUB_LEVEL[d.severity]} {props}::{github_escape(d.full_message)}")
    return "\n".join(lines)
