"""planc explain: what a diagnostic code means, an example, and the fix."""

from __future__ import annotations

from typing import IO

from planc.codes import CODES, Code
from planc.diagnostics import did_you_mean
from planc.errors import UsageError
from planc.i18n import _


def describe(code: Code) -> str:
    head = _(
        "{name} ({severity}, found by the {stage} stage)",
        name=code.name,
        severity=code.severity.value,
        stage=code.stage,
    )
    example = _("example:")
    fix = _("fix: {fix}", fix=_(code.fix))
    return f"{head}\n  {_(code.summary)}\n  {example}\n    {code.example}\n  {fix}\n"


def listing() -> str:
    width = max(len(name) for name in CODES)
    lines = [f"{c.name:<{width}}  {c.severity.value:<7}  {_(c.summary)}" for c in CODES.values()]
    return "\n".join(lines) + "\n"


def explain(name: str | None, stream: IO[str]) -> int:
    if name is None:
        stream.write(listing())
        return 0
    code = CODES.get(name)
    if code is None:
        hint = did_you_mean(name, CODES)
        message = _("no code '{name}'", name=name) + (f"; {hint}" if hint else "")
        raise UsageError(message + " (planc explain)")
    stream.write(describe(code))
    return 0
