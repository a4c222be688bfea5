"""planc build: calls the publishing stage (planc/publish) and prints what it did."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING

from planc import report
from planc.i18n import _

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

    from planc.publish import PublishResult


class _Bar:
    """The stage's progress as a rich bar on a terminal; a log or a pipe gets nothing. Made
    when the first document starts: an unchanged build is answered without importing rich."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.progress: Progress | None = None
        self.task: TaskID | None = None

    def __enter__(self) -> _Bar:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.progress is not None:
            self.progress.stop()

    def start(self, total: int) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        console = report.console(self.stream)
        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            console=console,
            transient=True,
            disable=not console.is_terminal,
        )
        self.progress.start()
        self.task = self.progress.add_task("documents", total=total)

    def step(self, label: str, advance: int = 0) -> None:
        if self.progress is not None and self.task is not None:
            self.progress.update(self.task, description=label, advance=advance)


def build(
    plans: Path,
    rounds: Sequence[str],
    out: Path,
    stream: IO[str],
    err: IO[str] = sys.stderr,
    jobs: int | None = None,
    release: bool = False,
    html_only: bool = False,
    cache: bool = True,
    edition: str | None = None,
    docx_only: bool = False,
    line_numbers: bool = False,
    date: str | None = None,
    archive: bool = False,
) -> int:
    from planc.publish import publish

    with _Bar(err) as bar:
        result = publish(
            plans,
            rounds,
            out,
            jobs=jobs,
            release=release,
            progress=bar,
            html_only=html_only,
            cache=cache,
            edition=edition,
            docx_only=docx_only,
            line_numbers=line_numbers,
            date=date,
            archive=archive,
        )
    write_result(result, stream, err)
    return 0


def write_result(result: PublishResult, stream: IO[str], err: IO[str]) -> None:
    out = result.out.as_posix()
    if result.up_to_date:
        rounds = report.plural(len(result.rounds), "round")
        stream.write(_("{out} is up to date ({rounds})", out=out, rounds=rounds) + "\n")
    else:
        if not result.fast_subsetting:
            err.write(
                _(
                    "planc: warning: WeasyPrint subset the fonts with fontTools, about 20x "
                    "slower on CJK fonts; install libharfbuzz-subset0"
                )
                + "\n"
            )
        for message in result.render_warnings:
            err.write(_("planc: warning from WeasyPrint: {message}", message=message) + "\n")
        stream.write(
            _(
                "built {rounds} into {out}/ ({files})",
                rounds=report.plural(len(result.rounds), "round"),
                out=out,
                files=report.plural(result.files, "file"),
            )
            + "\n"
        )
        if result.warnings or result.infos:
            stream.write(
                _(
                    "the sources have {warnings} and {infos}: planc check shows them",
                    warnings=report.plural(result.warnings, "warning"),
                    infos=report.plural(result.infos, "info"),
                )
                + "\n"
            )
    if result.release is not None:
        names = ", ".join(result.release_files)
        folder = result.release.as_posix()
        stream.write(_("release in {folder}/: {names}", folder=folder, names=names) + "\n")
