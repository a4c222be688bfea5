"""The publishing stage: the documents of the rounds asked for, written into a temporary folder
beside the output and swapped in at the end, so an error or a kill leaves the previous output as
it was. It prints nothing: it returns a PublishResult, or raises a PlancError."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from planc.diagnostics import Severity, count
from planc.errors import UsageError
from planc.i18n import _
from planc.load import round_names
from planc.pipeline import Analysis, analyze, select_rounds
from planc.publish.outdir import ROUND, Output
from planc.publish.stamp import STAMP, inputs_digest, up_to_date, write_stamp
from planc.render.documents import formats

if TYPE_CHECKING:
    from planc.index import Index
    from planc.publish.workers import Workers

_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _is_day(text: str) -> bool:
    import datetime as dt

    try:
        return bool(_DAY.fullmatch(text)) and dt.date.fromisoformat(text) is not None
    except ValueError:
        return False


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
    docx_only: bool = False,
    line_numbers: bool = False,
    date: str | None = None,
    archive: bool = False,
    epochs: dict[str, int] | None = None,
) -> PublishResult:
    """Build the documents of `rounds` (default: all) into `out`, and with `release` the release
    beside it; `edition` overrides the rounds' own (`draft`: the 征求意见稿 to send round);
    `html_only`: the HTML pages, plan.json and the index, no PDF; `docx_only`: those and the
    Word edition, no PDF unless the PDFs are needed (`release`, `archive`); `line_numbers`:
    the Word edition numbers its lines; `date`: a draft's date (YYYY-MM-DD), over plan.yaml's
    `drafted:`; `archive` (and every release): the archival editions too (the formats of the
    table made for the archives), dated by `epochs` where given (planc verify), else as the
    release dates a round. Raises UsageError, SourcesHaveErrors, FontMissing, ArchiveFailed."""
    if date is not None and not _is_day(date):
        raise UsageError(_("--date {date}: write the day as YYYY-MM-DD (2024-05-10)", date=date))
    if release and html_only:
        raise UsageError(_("--release needs the PDFs: build without --html"))
    if archive and html_only:
        raise UsageError(_("--archive needs the PDFs: build without --html"))
    if html_only and docx_only:
        raise UsageError(_("--html and --docx: choose one (--docx writes the HTML too)"))
    if release and line_numbers:
        # A release is rebuilt byte for byte by planc verify from what its manifest records,
        # and line numbers are a commenter's aid, not part of a published document.
        raise UsageError(_("--line-numbers is for drafts sent for comment, not for a release"))
    asked = select_rounds(plans, rounds)
    if release and os.environ.get("SOURCE_DATE_EPOCH"):
        from planc.publish.release import checked_epoch

        checked_epoch(os.environ["SOURCE_DATE_EPOCH"])  # before a build, not after it
    archival = archive or release
    # --docx leaves the PDFs out unless what is asked besides is made from them.
    printed = ("docx",) if docx_only and not archival else None
    written = formats(html_only, archival, printed)
    sources = _Sources(plans, epochs or {})
    options = _Options(jobs, written, cache, sources, date, line_numbers)
    result = _build(plans, asked, out, options, progress or _Silent(), edition)
    if release:
        from planc.publish.release import write_release

        result.release = out.with_name("release")
        result.release_files = write_release(
            plans, out, asked, result.release, epochs, options.written
        )
    return result


@dataclass(slots=True)
class _Sources:
    """Each round's sources, for the documents that carry them (planc/render/writers.Sources):
    its folder and the registry, dated as the release dates the round."""

    plans: Path
    epochs: dict[str, int]

    def epoch(self, round_name: str) -> int:
        if round_name not in self.epochs:
            from planc.publish.release import source_epoch

            self.epochs[round_name] = source_epoch(self.plans, round_name)
        return self.epochs[round_name]

    def files(self, round_name: str) -> dict[str, bytes]:
        from planc.publish.release import source_files

        return source_files(self.plans, under=(round_name, "registry"))


@dataclass(slots=True)
class _Options:
    jobs: int | None
    written: list[str]  # the formats (planc/render/documents.py FORMATS)
    cache: bool
    sources: _Sources
    date: str | None = None
    line_numbers: bool = False


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
        digest = inputs_digest(plans, rounds, options.written, options.sources.epoch)
        digest += f" edition={edition}" if edition else ""
        digest += f" date={options.date}" if options.date else ""
        digest += " line-numbers" if options.line_numbers else ""
        if up_to_date(out, digest, rounds, options.written):
            return PublishResult(out, rounds, up_to_date=True)
        # Only now the renderer and the worker pool (Jinja, multiprocessing): an unchanged
        # build is answered without them.
        from planc.publish.workers import Workers, default_jobs
        from planc.render.documents import print_documents, site_files
        from planc.render.pdf import require_fonts

        pdfs = print_documents(len(rounds), options.written)
        with Workers(options.jobs or default_jobs(pdfs), pdfs) as workers:
            # Every round is read: a round's pages show the later tasks that continue its own.
            analysis = analyze(plans, rounds, cache=options.cache, everything=True)
            closing = _("the sources have errors; nothing was written to {out}", out=out)
            analysis.require_clean(closing, everything=True)
            dates = _editions(analysis, edition, options.date)
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
            tops = site_files(options.written)
            writes = {*analysis.rounds, *tops, STAMP}
            work = output.start(writes)
            for name in kept:
                output.keep(name)
            site_rounds = sorted({*analysis.rounds, *kept})
            result = _render(analysis, work, site_rounds, workers, progress, dates, options)
            write_stamp(work, digest)
            output.finish(writes | set(kept))
    result.out = out
    result.files = sum(  # the site's files (index.html), and the rounds'
        1 for n in [*tops, *site_rounds] for p in [out / n, *(out / n).rglob("*")] if p.is_file()
    )
    result.warnings = count(analysis.diagnostics, Severity.WARNING)
    result.infos = count(analysis.diagnostics, Severity.INFO)
    return result


def _editions(analysis: Analysis, edition: str | None, date: str | None) -> dict[str, str]:
    """Apply `--edition` to the rounds built, and date every draft: by `--date`, else by its
    plan.yaml's `drafted:`, else by its last consultation step dated to the day (`milestones:`);
    never the clock (builds stay reproducible), and never a date made up: a draft without one
    is refused, saying how to give it."""
    from planc.render.typeset import cn_date

    dates: dict[str, str] = {}
    undated = []
    for name in analysis.rounds:
        rnd = analysis.index.rounds[name].round
        if edition is not None:
            rnd.edition = edition
        if rnd.edition == "draft":
            day = date or rnd.drafted or rnd.drafted_on
            if day is None:
                undated.append(name)
            else:
                dates[name] = cn_date(day)
    if undated:
        raise UsageError(
            _(
                "a draft is dated, and {rounds} has no date: add `drafted: 2024-05-10` to its "
                "plan.yaml, or build with --date 2024-05-10",
                rounds=", ".join(undated),
            )
        )
    return dates


def _having(index: Index, built: list[str], site: list[str], work: Path) -> dict[str, list[str]]:
    """The site's rounds that have each document not every round has (a handbook, a
    督查通报): a round built now as its sources say, a round kept from the last build as its
    files say."""
    from planc.render.documents import DOCUMENTS, ROUND

    having: dict[str, list[str]] = {}
    for kind in DOCUMENTS:
        if kind.scope == ROUND:
            having[kind.name] = [
                name
                for name in site
                if (
                    kind.present(index, name)
                    if name in built
                    else (work / kind.path(kind.formats[0], name)).is_file()
                )
            ]
    return having


def _render(
    analysis: Analysis,
    work: Path,
    site_rounds: list[str],
    workers: Workers,
    progress: Progress,
    dates: dict[str, str],
    options: _Options,
) -> PublishResult:
    """Write every document of the rounds asked for, and the site's, into `work`, linking the
    site's `site_rounds`: each document of the table (planc/render/documents.py) in each of
    the formats written, by the writer of the format. The HTML and plan.json are written here,
    the PDFs and the archival editions in the workers. Writers finish in the order of the
    formats: a format's after the one it is made from."""
    from planc.render.documents import FORMATS, Site, documents, writer
    from planc.render.writers import Context

    index, rounds = analysis.index, list(analysis.rounds)
    site = Site(site_rounds, dates, _having(index, rounds, site_rounds, work))
    todo = list(documents(index, rounds, site, work, options.written))
    progress.start(len(todo))
    context = Context(progress.step, workers, options.sources, line_numbers=options.line_numbers)
    writers = {name: writer(FORMATS[name])(FORMATS[name], context) for name in options.written}
    for doc in todo:
        writers[doc.format.name].write(doc)
    warnings = [message for w in writers.values() for message in w.finish()]
    return PublishResult(
        work,
        rounds,
        render_warnings=sorted(set(warnings)),
        fast_subsetting=workers.fast_subsetting(),
    )
