"""planc build: each round's plan and handbook as HTML and PDF, plan.json, and the site index.

Everything is written into a temporary folder beside the output and swapped in at the end, so
an error or a kill leaves the previous dist/ as it was."""

from __future__ import annotations

import multiprocessing as mp
import os
import shutil
import sys
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import IO, TYPE_CHECKING

from planc import __version__, report
from planc.diagnostics import Severity, count
from planc.folders import digest_trees, replacing
from planc.index import Index
from planc.pipeline import Analysis, UsageError, analyze, select_rounds
from planc.render import fonts
from planc.render.env import TEMPLATES
from planc.render.export import plan_json
from planc.render.pages import document, site_index
from planc.render.pdf import FontMissing, fast_subsetting, require_fonts, write_pdf
from planc.render.views import round_view

if TYPE_CHECKING:
    from rich.progress import Progress

STAMP = ".planc-build"  # digest of what the last build was made from
ROUND_FILES = ("plan.html", "handbook.html", "plan.json", "plan.pdf", "handbook.pdf")


def _warm_up() -> bool:
    """Run first in each worker: import WeasyPrint (half a second) while the parent renders
    the HTML. Says whether fonts are subset with HarfBuzz."""
    return fast_subsetting()


def inputs_digest(plans: Path, rounds: Sequence[str]) -> str:
    """What a build depends on: every source file, the templates, planc's version, the rounds
    asked for. Equal digests mean an equal build."""
    header = f"planc {__version__}\n{','.join(rounds)}\n"
    return digest_trees([(plans, plans), (TEMPLATES, TEMPLATES)], header)


def up_to_date(out: Path, digest: str, rounds: Sequence[str]) -> bool:
    stamp = out / STAMP
    if not stamp.is_file() or stamp.read_text(encoding="utf-8").strip() != digest:
        return False
    return all((out / name / f).is_file() for name in rounds for f in ROUND_FILES)


def _progress(stream: IO[str]) -> Progress:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    console = report.console(stream)
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,  # a log or a pipe gets the summary line only
    )


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


class _Workers:
    """Worker processes for the PDFs, forked as early as possible: each imports WeasyPrint
    (half a second) while the parent loads the sources and renders the HTML, and the parent
    never imports it. None of this when one job is asked for or fork is not available."""

    def __init__(self, jobs: int, pdfs: int) -> None:
        self.pool: ProcessPoolExecutor | None = None
        self.warm: list[Future[bool]] = []
        if jobs > 1 and pdfs > 1 and "fork" in mp.get_all_start_methods():
            self.pool = ProcessPoolExecutor(min(jobs, pdfs), mp_context=mp.get_context("fork"))
            self.warm = [self.pool.submit(_warm_up) for _ in range(min(jobs, pdfs))]

    def __enter__(self) -> _Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)


def _render(
    analysis: Analysis, work: Path, rounds: list[str], err: IO[str], workers: _Workers
) -> tuple[list[str], bool]:
    """Write every document of `rounds` into `work`. Returns WeasyPrint's warnings, and whether
    it subset the fonts with HarfBuzz."""
    index: Index = analysis.index
    site_rounds = sorted(set(rounds) | {p.name for p in work.iterdir() if p.is_dir()})
    pdfs: list[tuple[str, str, Path]] = []  # label, print HTML, target
    warnings: list[str] = []
    progress = _progress(err)
    with progress:
        bar = progress.add_task("documents", total=len(rounds) * 5 + 1)
        for name in rounds:
            progress.update(bar, description=f"HTML {name}")
            view = round_view(index, name)
            for doc in ("plan", "handbook"):
                _write(work / name / f"{doc}.html", document(view, doc, site_rounds, "screen"))
                html = document(view, doc, site_rounds, "print")
                pdfs.append((f"PDF {name} {doc}", html, work / name / f"{doc}.pdf"))
                progress.advance(bar)
            _write(work / name / "plan.json", plan_json(index, name))
            progress.advance(bar)
        _write(work / "index.html", site_index(index, site_rounds))
        progress.advance(bar)
        missing = fonts.tofu(html for _, html, _ in pdfs)
        if missing:  # an empty box in a printed 公文: stop, name the role and the character
            raise FontMissing("; ".join(missing))
        progress.update(bar, description="PDF")
        if workers.pool is not None:
            futures: list[tuple[str, Future[list[str]]]] = [
                (label, workers.pool.submit(write_pdf, html, target))
                for label, html, target in pdfs
            ]
            for label, future in futures:
                warnings += future.result()
                progress.update(bar, description=label, advance=1)
            fast = all(f.result() for f in workers.warm)
        else:
            for label, html, target in pdfs:
                progress.update(bar, description=label)
                warnings += write_pdf(html, target)
                progress.advance(bar)
            fast = fast_subsetting()
    return warnings, fast


def build(
    plans: Path,
    rounds: Sequence[str],
    out: Path,
    stream: IO[str],
    err: IO[str] = sys.stderr,
    jobs: int | None = None,
    release: bool = False,
) -> int:
    asked = select_rounds(plans, rounds)
    code = _build(plans, asked, out, stream, err, jobs)
    if code == 0 and release:
        from planc.release import write_release

        target = out.with_name("release")
        names = write_release(plans, out, asked, target)
        stream.write(f"release in {target.as_posix()}/: {', '.join(names)}\n")
    return code


def _build(
    plans: Path,
    rounds: Sequence[str],
    out: Path,
    stream: IO[str],
    err: IO[str],
    jobs: int | None,
) -> int:
    # Unchanged sources: answer before reading them (the digest is over bytes, not YAML).
    digest = inputs_digest(plans, rounds)
    if up_to_date(out, digest, rounds):
        stream.write(f"{out.as_posix()} is up to date ({report.plural(len(rounds), 'round')})\n")
        return 0
    with _Workers(jobs or _jobs(), 2 * len(rounds)) as workers:
        return _build_with(plans, rounds, out, stream, err, workers, digest)


def _build_with(
    plans: Path,
    rounds: Sequence[str],
    out: Path,
    stream: IO[str],
    err: IO[str],
    workers: _Workers,
    digest: str,
) -> int:
    analysis = analyze(plans, rounds)
    if count(analysis.diagnostics, Severity.ERROR):
        report.write_text(analysis.diagnostics, plans, len(analysis.rounds), stream)
        stream.write(f"planc: the sources have errors; nothing was written to {out}\n")
        return 1
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {out} is a file, not a folder")
    try:
        require_fonts()
    except FontMissing as exc:
        stream.write(f"planc: {exc}\n")
        return 1
    try:
        with replacing(out) as work:
            if out.is_dir():  # rounds not rebuilt now keep their last build
                for entry in out.iterdir():
                    if entry.is_dir() and entry.name not in analysis.rounds:
                        shutil.copytree(entry, work / entry.name)
            warnings, fast = _render(analysis, work, list(analysis.rounds), err, workers)
            (work / STAMP).write_text(digest + "\n", encoding="utf-8")
    except FontMissing as exc:
        stream.write(f"planc: {exc}; nothing was written to {out}\n")
        return 1
    if not fast:
        err.write(
            "planc: warning: WeasyPrint subset the fonts with fontTools, about 20x slower on "
            "CJK fonts; install libharfbuzz-subset0\n"
        )
    for message in sorted(set(warnings)):
        err.write(f"planc: warning from WeasyPrint: {message}\n")
    files = sum(1 for p in out.rglob("*") if p.is_file() and p.name != STAMP)
    stream.write(
        f"built {report.plural(len(analysis.rounds), 'round')} into {out.as_posix()}/ "
        f"({files} files)\n"
    )
    warned = count(analysis.diagnostics, Severity.WARNING)
    infos = count(analysis.diagnostics, Severity.INFO)
    if warned or infos:
        stream.write(
            f"the sources have {report.plural(warned, 'warning')} and "
            f"{report.plural(infos, 'info')}: planc check shows them\n"
        )
    return 0


def _jobs() -> int:
    return max(1, min(2, os.cpu_count() or 1))
