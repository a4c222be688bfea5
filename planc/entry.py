"""The `planc` program: answers `planc --version`, and `planc check` and `planc build` with plain
options, before importing the command line (typer, which imports pydantic: 0.12 CPU s, most of
a check of the shipped plans). Everything else, and anything unusual in those (help, an unknown
or repeated option, a value that needs checking), goes to planc.cli, which parses it the usual
way. The fast path calls the same command functions, and errors become messages in the same
one place (planc.cli.handle), so the two paths cannot say different things."""

from __future__ import annotations

# Ctrl-C from the first line planc runs: noted, not raised, while the modules load (a
# KeyboardInterrupt inside an import is a traceback no handler can word); main() then says it
# in one line. `_signal` is the C module: `signal` itself takes milliseconds to import.
import _signal  # type: ignore[import-not-found]

_stopped: list[int] = []
_signal.signal(_signal.SIGINT, lambda signum, frame: _stopped.append(signum))

import signal  # noqa: E402
import sys  # noqa: E402
from collections.abc import Callable, Sequence  # noqa: E402
from contextlib import suppress  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import NoReturn  # noqa: E402

FORMATS = ("text", "json", "github")


class _Unusual(Exception):
    """Not a shape the fast path knows: the full command line takes it."""


def _parse(
    args: Sequence[str], options: dict[str, tuple[str, ...] | None], flags: Sequence[str]
) -> tuple[dict[str, str], set[str], list[str]]:
    """Options with a value (None: any value), flags, and positional arguments; _Unusual for
    anything else."""
    values: dict[str, str] = {}
    seen: set[str] = set()
    positional: list[str] = []
    at = 0
    while at < len(args):
        arg = args[at]
        if arg in options and arg not in values and at + 1 < len(args):
            value = args[at + 1]
            allowed = options[arg]
            if value.startswith("-") or (allowed is not None and value not in allowed):
                raise _Unusual
            values[arg] = value
            at += 2
        elif arg in flags and arg not in seen:
            seen.add(arg)
            at += 1
        elif arg and not arg.startswith("-"):
            positional.append(arg)
            at += 1
        else:
            raise _Unusual
    return values, seen, positional


def _check(args: Sequence[str]) -> Callable[[], int]:
    values, flags, rounds = _parse(
        args, {"--plans": None, "--format": FORMATS}, ("--strict", "--no-cache")
    )

    def run() -> int:
        from planc.commands.check import check

        plans = Path(values.get("--plans", "plans"))
        fmt = values.get("--format", "text")
        return check(plans, rounds, fmt, "--strict" in flags, sys.stdout, "--no-cache" not in flags)

    return run


def _build(args: Sequence[str]) -> Callable[[], int]:
    values, flags, rounds = _parse(
        args,
        {"--plans": None, "--out": None, "--jobs": None, "--date": None},
        (
            "--html",
            "--docx",
            "--line-numbers",
            "--no-cache",
            "--release",
            "--archive",
        ),  # --release: typer cost it 0.4 CPU s
    )
    jobs = values.get("--jobs")
    if jobs is not None and not (jobs.isascii() and jobs.isdigit() and int(jobs) >= 1):
        raise _Unusual  # typer says what is wrong with it

    def run() -> int:
        from planc.commands.build import build

        return build(
            Path(values.get("--plans", "plans")),
            rounds,
            Path(values.get("--out", "dist")),
            sys.stdout,
            sys.stderr,
            int(jobs) if jobs is not None else None,
            release="--release" in flags,
            html_only="--html" in flags,
            cache="--no-cache" not in flags,
            docx_only="--docx" in flags,
            line_numbers="--line-numbers" in flags,
            archive="--archive" in flags,
            date=values.get("--date"),
        )

    return run


FAST = {"check": _check, "build": _build}


def _finish(code: int) -> NoReturn:
    sys.stdout.flush()
    raise SystemExit(code)


def _terminate(signum: int, frame: object) -> None:
    from planc.errors import Terminated

    raise Terminated


def main(argv: Sequence[str] | None = None) -> None:
    try:
        with suppress(ValueError):  # not the main thread (a test calling main): leave them
            # SIGTERM as Ctrl-C: what is under way is undone (temporary files removed), not
            # cut off; Ctrl-C raises again from here, where it is caught.
            signal.signal(signal.SIGTERM, _terminate)
            signal.signal(signal.SIGINT, signal.default_int_handler)
        if _stopped:  # while planc's modules loaded
            raise KeyboardInterrupt
        _main(argv)
    except KeyboardInterrupt as exc:  # before a command's own handler: imports, typer's set-up
        from planc.errors import Terminated
        from planc.i18n import _

        sys.stderr.write(_("planc: interrupted; nothing was replaced") + "\n")
        _finish(143 if isinstance(exc, Terminated) else 130)


def _main(argv: Sequence[str] | None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    if args == ["--version"]:
        from planc import __version__

        print(f"planc {__version__}")
        _finish(0)
    if args and args[0] in FAST:
        try:
            command = FAST[args[0]](args[1:])
        except _Unusual:
            pass
        else:
            try:
                _finish(command())
            except (Exception, KeyboardInterrupt) as exc:  # the one place that words errors
                from planc.cli import handle

                _finish(handle(_raising(exc), sys.stderr))
    from planc.cli import main as full

    full()


def _raising(exc: BaseException) -> Callable[[], int]:
    def again() -> int:
        raise exc

    return again
