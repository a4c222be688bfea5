"""The publishing stage: the documents of the rounds asked for, written into a temporary folder
beside the output and swapped in at the end, so an error or a kill leaves the previous output as
it was. It prints nothing: it returns a PublishResult, or raises a PlancError."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from planc.diagnostics import Severity, count
from planc.errors import Failing, FontMissing, SourcesHaveErrors, UsageError
from planc.i18n import _
from planc.load import round_names
from planc.pipeline import Analysis, analyze, select_rounds
from planc.publish.outdir import ROUND, Output
from planc.publish.stamp import STAMP, inputs_digest, up_to_date, write_stamp

if TYPE_CHECKING:
    from planc.index import Index
    from planc.publish import archival
    from planc.publish.workers import Workers

BEIJING = dt.timezone(dt.timedelta(hours=8), "CST")  # a draft is dated as the office sees it
DOCUMENTS_PER_ROUND = 5  # two HTML, plan.json, two PDF (one progress step each; index: one)


class Progress(Protocol):
    """What the stage tells whoever shows progress (the command: a bar on a terminal)."""

    def start(self, total: int) -> None: ...
    def step(self, label: str, advance: int = 0) -> None: ...


class _Silent:
    def start(self, total: int) -> None:
        pass

    def step(self, label: str, advance: int = 0) -> None:
        pass


@dataclass(slots=True)
class PublishResult:
    out: Path
    rounds: list[str]  # the rounds asked for, oldest first
    up_to_date: bool = False  # nothing was written: the last build is of the same inputs
    files: int = 0  # files in the output after the build (the stamp not counted)
    warnings: int = 0  # the sources' warnings and infos, for a pointer to planc check
    infos: int = 0
    render_warnings: list[str] = field(default_factory=list)  # WeasyPrint's, sorted, unique
    fast_subsetting: bool = True  # False: fonts were subset with fontTools, ~20x slower
    release: Path | None = None  # where --release wrote, and what
    release_files: list[str] = field(default_factory=list)


def publish(
    plans: Path,
    rounds: Sequence[str],
    out: Path,
    *,
    jobs: int | None = None,
    release: bool = False,
    progress: Progress | None = None,
    edition: str | None = None,
    html_only: bool = False,
    cache: bool = True,
    archive: bool = False,
    epochs: dict[str, int] | None = None,
) -> PublishResult:
    """Build the documents of `rounds` (default: all) into `out`, and with `release` the release
    beside it; `edition` overrides the rounds' own (`draft`: the 征求意见稿 to send round);
    `html_only`: the HTML pages, plan.json and the index, no PDF; `archive` (and every
    release): each PDF's archival editions, PDF/A and OFD, dated by `epochs` where given
    (planc verify), else as the release dates a round. Raises UsageError, SourcesHaveErrors,
    FontMissing."""
    if release and html_only:
        raise UsageError(_("--release needs the PDFs: build without --html"))
    if archive and html_only:
        raise UsageError(_("--archive needs the PDFs: build without --html"))
    asked = select_rounds(plans, rounds)
    if release and os.environ.get("SOURCE_DATE_EPOCH"):
        from planc.publish.release import checked_epoch

        checked_epoch(os.environ["SOURCE_DATE_EPOCH"])  # before a build, not after it
    options = _Options(jobs, html_only, cache, archive or release, epochs)
    result = _build(plans, asked, out, options, progress or _Silent(), edition)
    if release:
        from planc.publish.release import write_release

        result.release = out.with_name("release")
        result.release_files = write_release(plans, out, asked, result.release)
    return result


@dataclass(slots=True)
class _Options:
    jobs: int | None
    html_only: bool
    cache: bool
    archive: bool = False
    epochs: dict[str, int] | None = None


def _build(
    plans: Path,
    rounds: list[str],
    out: Path,
    options: _Options,
    progress: Progress,
    edition: str | None = None,
) -> PublishResult:
    # One build at a time into `out` (planc/publish/outdir.py: what planc owns there, the lock,
    # the atomic swap).
    with Output(out) as output:
        # Unchanged sources: answer before reading them.
        digest = inputs_digest(plans, rounds, options.html_only, options.archive)
        digest += f" edition={edition}" if edition else ""
        if up_to_date(out, digest, rounds, options.html_only, options.archive):
            return PublishResult(out, rounds, up_to_date=True)
        # Only now the renderer and the worker pool (Jinja, multiprocessing): an unchanged
        # build is answered without them.
        from planc.publish.workers import Workers, default_jobs
        from planc.render.pdf import require_fonts

        pdfs = 0 if options.html_only else 2 * len(rounds)
        with Workers(options.jobs or default_jobs(pdfs), pdfs) as workers:
            # Every round is read: a round's pages show the later tasks that continue its own.
            analysis = analyze(plans, rounds, cache=options.cache, everything=True)
            if count(analysis.diagnostics, Severity.ERROR):
                raise SourcesHaveErrors(
                    [Failing(analysis.diagnostics, plans, len(analysis.rounds))],
                    _("the sources have errors; nothing was written to {out}", out=out),
                )
            dates = _editions(analysis, plans, edition)
            if pdfs:
                require_fonts()
            # Rounds built before and not now keep their last build; a round gone from the
            # sources goes from the output too; the user's own files are carried over.
            sources = set(round_names(plans))
            kept = sorted(
                n
                for n in output.owned
                if ROUND.fullmatch(n) and n in sources and n not in analysis.rounds
            )
            writes = {*analysis.rounds, "index.html", STAMP}
            work = output.start(writes)
            for name in kept:
                output.keep(name)
            site_rounds = sorted({*analysis.rounds, *kept})
            jobs = _archive_jobs(analysis, plans, work, site_rounds, options) if pdfs else {}
            result = _render(analysis, work, site_rounds, workers, progress, dates, jobs)
            write_stamp(work, digest)
            output.finish(writes | set(kept))
    result.out = out
    result.files = 1 + sum(  # index.html, and the rounds' files
        1 for n in site_rounds for p in (out / n).rglob("*") if p.is_file()
    )
    result.warnings = count(analysis.diagnostics, Severity.WARNING)
    result.infos = count(analysis.diagnostics, Severity.INFO)
    return result


def _has_progress(work: Path, index: Index, name: str) -> bool:
    """Whether a round of the site has a 督查通报: built now, or kept from the last build."""
    if name in index.rounds and index.rounds[name].progress is not None:
        return True
    return (work / name / "progress.html").is_file()


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _editions(analysis: Analysis, plans: Path, edition: str | None) -> dict[str, str]:
    """Apply `--edition` to the rounds built, and date every draft: by its last consultation
    step dated to the day (`milestones:`), else by SOURCE_DATE_EPOCH or the last commit of its
    sources, in Beijing time; never the clock, so builds stay reproducible."""
    from planc.publish.release import source_epoch
    from planc.render.typeset import cn_date

    dates: dict[str, str] = {}
    for name in analysis.rounds:
        rnd = analysis.index.rounds[name].round
        if edition is not None:
            rnd.edition = edition
        if rnd.edition == "draft" and rnd.drafted_on is not None:
            dates[name] = cn_date(rnd.drafted_on)
        elif rnd.edition == "draft":
            day = dt.datetime.fromtimestamp(source_epoch(plans, name), BEIJING).date()
            dates[name] = f"{day.year}年{day.month}月{day.day}日"
    return dates


def _archive_jobs(
    analysis: Analysis, plans: Path, work: Path, site_rounds: list[str], options: _Options
) -> dict[str, dict[str, archival.Job]]:
    """Each round's archival jobs (plan and handbook), when the build makes them."""
    if not options.archive:
        return {}
    from planc.publish import archival
    from planc.publish.release import source_epoch
    from planc.render.export import plan_json
    from planc.render.names import DOCS

    found = {}
    for name in analysis.rounds:
        epoch = (options.epochs or {}).get(name) or source_epoch(plans, name)
        found[name] = archival.jobs(
            analysis.index.rounds[name].round,
            work,
            list(DOCS),
            site_rounds,
            archival.round_sources(plans, name, epoch),
            plan_json(analysis.index, name),
            epoch,
        )
    return found


def _render(
    analysis: Analysis,
    work: Path,
    site_rounds: list[str],
    workers: Workers,
    progress: Progress,
    dates: dict[str, str] | None = None,
    jobs: dict[str, dict[str, archival.Job]] | None = None,
) -> PublishResult:
    """Write every document of the rounds asked for into `work`, linking the site's
    `site_rounds`: the HTML and plan.json here,
    the PDFs in the workers. A handbook's PDF is laid out before its plan's, whose links to
    the cases then print the handbook's page beside them: a plan PDF sent on its own still
    says where each case is."""
    from planc.progress.view import progress_document, progress_view
    from planc.render import fonts, pagerefs, typeset
    from planc.render.export import plan_json
    from planc.render.names import DOCS, pdf_name
    from planc.render.pages import document, site_index
    from planc.render.views import round_view

    index, rounds = analysis.index, list(analysis.rounds)
    for_print = workers.pdfs > 0  # an HTML-only build: the screen pages only
    views = {name: round_view(index, name, (dates or {}).get(name, "")) for name in rounds}
    handbooks = {name for name in rounds if views[name].has_handbook} | {
        p.parent.name for p in work.glob("*/handbook.html") if p.parent.name not in rounds
    }
    bulletins = [n for n in rounds if index.rounds[n].progress is not None]
    per_round = DOCUMENTS_PER_ROUND if for_print else 3
    progress.start(len(rounds) * per_round + (2 if for_print else 1) * len(bulletins) + 1)
    # The handbooks first, straight to the workers: their layout gives the plans' page
    # references, and it runs while the rest of the HTML is made here.
    books: dict[str, tuple[str, str, Path, Future[tuple[list[str], dict[str, int]]]]] = {}
    for name in rounds if for_print else []:
        if name in handbooks:
            html = document(views[name], "handbook", site_rounds, "print", handbooks)
            target = work / name / pdf_name("handbook", name)
            target.parent.mkdir(parents=True, exist_ok=True)
            books[name] = (
                f"PDF {name} handbook",
                html,
                target,
                workers.submit_anchored(html, target, (jobs or {}).get(name, {}).get("handbook")),
            )
    plans: list[tuple[str, str, str, Path]] = []  # round, label, print HTML, target
    others: list[tuple[str, str, Path]] = []  # label, print HTML, target: the bulletins
    for name in rounds:
        progress.step(f"HTML {name}")
        view = views[name]
        for doc in DOCS:
            if doc == "handbook" and name not in handbooks:
                # no handbook: nothing to write or lay out
                progress.step(f"HTML {name}", 2 if for_print else 1)
                continue
            page = document(view, doc, site_rounds, "screen", handbooks)
            _write(work / name / f"{doc}.html", page)
            if doc == "plan" and for_print:
                html = document(view, doc, site_rounds, "print", handbooks)
                plans.append((name, f"PDF {name} plan", html, work / name / pdf_name(doc, name)))
            progress.step(f"HTML {name}", 1)
        _write(work / name / "plan.json", plan_json(index, name))
        progress.step(f"HTML {name}", 1)
        if name in bulletins:  # the 督查通报, only where progress is reported
            pview = progress_view(index, name)
            with_progress = [n for n in site_rounds if _has_progress(work, index, n)]
            screen = progress_document(pview, with_progress, "screen")
            _write(work / name / "progress.html", typeset.finish(screen, "screen"))
            if for_print:
                html = typeset.finish(progress_document(pview, with_progress, "print"), "print")
                target = work / name / pdf_name("progress", name)
                others.append((f"PDF {name} progress", html, target))
            progress.step(f"HTML {name}", 1)
    _write(work / "index.html", site_index(index, site_rounds))
    progress.step("PDF", 1)
    if not for_print:
        return PublishResult(work, rounds)
    # No character without a face (an empty box in a printed 公文): on one, stop, naming the
    # role and the character; nothing is swapped in.
    pages = [p[2] for p in plans] + [b[1] for b in books.values()] + [o[1] for o in others]
    missing = fonts.tofu(pages)
    if missing:
        for *_rest, book in books.values():  # let them finish before the work folder goes
            book.exception()
        raise FontMissing(_("{missing}; nothing was written", missing="; ".join(missing)))
    warnings: list[str] = []
    futures = []
    for name, label, html, target in plans:
        refs = workers.anchors(books[name][2], books[name][3]) if name in books else {}
        job = (jobs or {}).get(name, {}).get("plan")
        futures.append((label, workers.submit(pagerefs.fill(html, refs), target, job)))
    futures += [(label, workers.submit(html, target)) for label, html, target in others]
    for book_label, _html, _refs, book in books.values():
        warnings += book.result()[0]
        progress.step(book_label, 1)
    for label, future in futures:
        warnings += future.result()
        progress.step(label, 1)
    return PublishResult(
        work,
        rounds,
        render_warnings=sorted(set(warnings)),
        fast_subsetting=workers.fast_subsetting(),
    )
