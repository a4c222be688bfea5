"""planc build: each round's plan and handbook as HTML and PDF, plan.json, and the site index.

Everything is written into a temporary folder beside the output and swapped in at the end, so
an error or a kill leaves the previous dist/ as it was."""

from __future__ import annotations

import multiprocessing as mp
import os
import sys
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import IO, TYPE_CHECKING

from planc import __version__, report
from planc.diagnostics import Severity, count
from planc.folders import digest_trees
from planc.index import Index
from planc.load import round_names
from planc.outdir import ROUND, Output
from planc.pipeline import Analysis, analyze, select_rounds
from planc.render.env import TEMPLATES
from planc.render.export import plan_json
from planc.render.pages import document, site_index
from planc.render.pdf import FontMissing, fast_subsetting, require_fonts, write_pdf
from planc.render.views import round_view
from planc.workers import bind_to_parent, stop_workers

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
            self.pool = ProcessPoolExecutor(
                min(jobs, pdfs), mp_context=mp.get_context("fork"), initializer=bind_to_parent
            )
            self.warm = [self.pool.submit(_warm_up) for _ in range(min(jobs, pdfs))]

    def __enter__(self) -> _Workers:
        return self

    def __exit__(self, kind: object, *exc: object) -> None:
        if self.pool is None:
            return
        if kind is not None:  # an error or Ctrl-C: the PDFs under way are not wanted
            stop_workers(self.pool)
        self.pool.shutdown(cancel_futures=True)


def _render(
    analysis: Analysis,
    work: Path,
    rounds: list[str],
    site_rounds: list[str],
    err: IO[str],
    workers: _Workers,
) -> tuple[list[str], bool]:
    """Write every document of `rounds` into `work`, linking the site's `site_rounds`. Returns
    WeasyPrint's warnings, and whether it subset the fonts with HarfBuzz."""
    index: Index = analysis.index
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
    if release and os.environ.get("SOURCE_DATE_EPOCH"):
        from planc.release import checked_epoch

        checked_epoch(os.environ["SOURCE_DATE_EPOCH"])  # before a build, not after it
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
    with Output(out, err) as output:  # one build at a time into `out`
        # Unchanged sources: answer before reading them (the digest is over bytes, not YAML).
        digest = inputs_digest(plans, rounds)
        if up_to_date(out, digest, rounds):
            stream.write(
                f"{out.as_posix()} is up to date ({report.plural(len(rounds), 'round')})\n"
            )
            return 0
        with _Workers(jobs or _jobs(), 2 * len(rounds)) as workers:
            return _build_with(plans, rounds, out, stream, err, workers, digest, output)


def _build_with(
    plans: Path,
    rounds: Sequence[str],
    out: Path,
    stream: IO[str],
    err: IO[str],
    workers: _Workers,
    digest: str,
    output: Output,
) -> int:
    analysis = analyze(plans, rounds)
    if count(analysis.diagnostics, Severity.ERROR):
        report.write_text(analysis.diagnostics, plans, len(analysis.rounds), stream)
        stream.write(f"planc: the sources have errors; nothing was written to {out}\n")
        return 1
    try:
        require_fonts()
    except FontMissing as exc:
        stream.write(f"planc: {exc}\n")
        return 1
    # Rounds built before and not now keep their last build; a round gone from the sources
    # goes from the output too. The user's own files in `out` are carried over (planc.outdir).
    sources = set(round_names(plans))
    kept = sorted(
        n for n in output.owned if ROUND.fullmatch(n) and n in sources and n not in analysis.rounds
    )
    writes = {*analysis.rounds, "index.html", STAMP}
    work = output.start(writes)
    for name in kept:
        output.keep(name)
    site_rounds = sorted({*analysis.rounds, *kept})
    warnings, fast = _render(analysis, work, list(analysis.rounds), site_rounds, err, workers)
    (work / STAMP).write_text(digest + "\n", encoding="utf-8")
    output.finish(writes | set(kept))
    if not fast:
        err.write(
            "planc: warning: WeasyPrint subset the fonts with fontTools, about 20x slower on "
            "CJK fonts; install libharfbuzz-subset0\n"
        )
    for message in sorted(set(warnings)):
        err.write(f"planc: warning from WeasyPrint: {message}\n")
    files = (
        sum(1 for n in site_rounds for p in (out / n).rglob("*") if p.is_file()) + 1
    )  # index.html
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
