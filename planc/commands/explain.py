"""planc explain: what a diagnostic code means, an example, and the fix."""

from __future__ import annotations

from typing import IO

from planc.codes import CODES, Code
from planc.diagnostics import did_you_mean
from planc.errors import UsageError


def describe(code: Code) -> str:
    return (
        f"{code.name} ({code.severity.value}, found by the {code.stage} stage)\n"
        f"  {code.summary}\n"
        f"  example:\n    {code.example}\n"
        f"  fix: {code.fix}\n"
    )


def listing() -> str:
    width = max(len(name) for name in CODES)
    lines = [f"{c.name:<{width}}  {c.severity.value:<7}  {c.summary}" for c in CODES.values()]
    return "\n".join(lines) + "\n"


def explain(name: str | None, stream: IO[str]) -> int:
    if name is None:
        stream.write(listing())
        return 0
    code = CODES.get(name)
    if code is None:
        hint = did_you_mean(name, CODES)
        raise UsageError(f"no code '{name}'" + (f"; {hint}" if hint else "") + " (planc explain)")
    stream.write(describe(code))
    return 0
