"""Diagnostics as people and tools read them: coloured text, JSON, GitHub annotations."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from rich.console import Console
from rich.text import Text

from planc.diagnostics import Diagnostic, Severity, count

STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def console(stream: IO[str]) -> Console:
    # soft_wrap: a FILE:LINE:COL line must stay one line for editors and grep to find it.
    return Console(file=stream, highlight=False, soft_wrap=True, emoji=False)


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def summary(diagnostics: Sequence[Diagnostic], rounds: int) -> Text:
    errors = count(diagnostics, Severity.ERROR)
    warnings = count(diagnostics, Severity.WARNING)
    infos = count(diagnostics, Severity.INFO)
    text = Text(f"checked {plural(rounds, 'round')}: ")
    text.append(plural(errors, "error"), STYLES[Severity.ERROR] if errors else "green")
    text.append(", ")
    text.append(plural(warnings, "warning"), STYLES[Severity.WARNING] if warnings else "")
    text.append(", ")
    text.append(plural(infos, "info"), STYLES[Severity.INFO] if infos else "")
    return text


def display_path(plans: Path, file: str) -> str:
    """A file as the user reaches it from where planc was started (plans/2020-2021/...)."""
    return (plans / file).as_posix() if file else plans.as_posix()


def write_text(
    diagnostics: Sequence[Diagnostic], plans: Path, rounds: int, stream: IO[str]
) -> None:
    out = console(stream)
    for d in diagnostics:
        line = Text()
        line.append(f"{display_path(plans, d.loc.file)}:{d.loc.line}:{d.loc.column}: ", "bold")
        line.append(f"{d.severity.value}[{d.code}]", STYLES[d.severity])
        line.append(f" {d.message}")
        out.print(line)
        if d.hint:
            out.print(Text(f"    hint: {d.hint}", "dim"))
    out.print(summary(diagnostics, rounds))


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
    return json.dumps(payload, ensure_ascii=False, indent=2)


def _escape(value: str, prop: bool = False) -> str:
    # GitHub's workflow-command escaping; properties also escape ':' and ','.
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if prop else value


GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def as_github(diagnostics: Sequence[Diagnostic], plans: Path) -> str:
    lines = []
    for d in diagnostics:
        path = Path(os.path.relpath(plans.resolve() / d.loc.file)).as_posix()
        props = f"file={_escape(path, True)},line={d.loc.line},col={d.loc.column}"
        props += f",title={_escape(d.code, True)}"
        lines.append(f"::{GITHUB_LEVEL[d.severity]} {props}::{_escape(d.full_message)}")
    return "\n".join(lines)
