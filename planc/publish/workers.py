"""The PDF worker pool: forked as early as possible, so each worker imports WeasyPrint (half a
second) while the parent loads the sources and renders the HTML; the parent never imports it."""

from __future__ import annotations

import multiprocessing as mp
import os
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from planc.render import pdf


def default_jobs() -> int:
    return max(1, min(2, os.cpu_count() or 1))


def _warm_up() -> bool:
    """Run first in each worker: import WeasyPrint. Says whether fonts are subset with
    HarfBuzz."""
    return pdf.fast_subsetting()


class Workers:
    """None of this when one job is asked for, one PDF is to be made, or fork is not
    available: the PDFs are then written in this process."""

    def __init__(self, jobs: int, pdfs: int) -> None:
        self.pool: ProcessPoolExecutor | None = None
        self.warm: list[Future[bool]] = []
        if jobs > 1 and pdfs > 1 and "fork" in mp.get_all_start_methods():
            self.pool = ProcessPoolExecutor(min(jobs, pdfs), mp_context=mp.get_context("fork"))
            self.warm = [self.pool.submit(_warm_up) for _ in range(min(jobs, pdfs))]

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)

    def submit(self, html: str, target: Path) -> Future[list[str]]:
        """Lay out one PDF in a worker, or here and now when there is no pool."""
        if self.pool is not None:
            return self.pool.submit(pdf.write_pdf, html, target)
        done: Future[list[str]] = Future()
        done.set_result(pdf.write_pdf(html, target))
        return done

    def fast_subsetting(self) -> bool:
        if self.pool is not None:
            return all(f.result() for f in self.warm)
        return pdf.fast_subsetting()
