"""The PDF worker pool: forked as early as possible, so each worker imports WeasyPrint (half a
second) while the parent loads the sources and renders the HTML; the parent never imports it."""

from __future__ import annotations

import ctypes
import math
import multiprocessing as mp
import os
import queue
import signal
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from planc.render import pdf

T = TypeVar("T")
CPU_MAX = Path("/sys/fs/cgroup/cpu.max")  # a container's CPU quota (cgroup v2)


def usable_cores() -> int:
    """The cores this process may run on: its affinity mask, lowered by a cgroup CPU quota."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        cores = os.cpu_count() or 1
    try:
        quota, period = CPU_MAX.read_text(encoding="ascii").split()[:2]
        if quota != "max":
            cores = min(cores, max(1, math.ceil(int(quota) / int(period))))
    except (OSError, ValueError):
        pass
    return max(1, cores)


def default_jobs(pdfs: int, cores: int | None = None, load: float | None = None) -> int:
    """PDFs rendered at once when --jobs is not given: one per core that is not kept busy by
    other processes (the one-minute load average, this process's own share left out), never
    more than there are PDFs, at least one. Measured on 2 cores with one busy elsewhere: two
    jobs took 3.38 s, one 2.95 s, so a busy core is worse than none."""
    cores = usable_cores() if cores is None else cores
    if load is None:
        try:
            load = os.getloadavg()[0]
        except OSError:  # pragma: no cover - no load average: trust the cores
            load = 0.0
    busy = max(0, math.floor(load - 1 + 0.5))  # others' processes, ours (about one) excluded
    return max(1, min(cores - busy, pdfs))


# Anchors of handbooks laid out in a worker, posted before the PDF is written so the parent can
# start the plan (which prints the handbook's pages) without waiting for the write. A queue
# made before the pool forks, so the workers inherit it.
_laid_out: Any = None


def _handbook(html: str, target: Path) -> tuple[list[str], dict[str, int]]:
    def post(anchors: dict[str, int]) -> None:
        if _laid_out is not None:
            _laid_out.put((str(target), anchors))

    return pdf.write_pdf_anchored(html, target, post)


def _warm_up() -> bool:
    """Run first in each worker: import WeasyPrint. Says whether fonts are subset with
    HarfBuzz."""
    return pdf.fast_subsetting()


class Workers:
    """None of this when one job is asked for, one PDF is to be made, or fork is not
    available: the PDFs are then written in this process. No PDF at all (an HTML-only build):
    WeasyPrint is never imported."""

    def __init__(self, jobs: int, pdfs: int) -> None:
        self.pdfs = pdfs
        self.pool: ProcessPoolExecutor | None = None
        self.warm: list[Future[bool]] = []
        self.early: dict[str, dict[str, int]] = {}
        workers = min(jobs, pdfs)  # never more workers than documents
        if workers > 1 and "fork" in mp.get_all_start_methods():
            global _laid_out
            context = mp.get_context("fork")
            _laid_out = context.Queue()
            self.queue = _laid_out
            self.pool = ProcessPoolExecutor(workers, mp_context=context, initializer=bind_to_parent)
            self.warm = [self.pool.submit(_warm_up) for _ in range(workers)]

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, kind: object, *exc: object) -> None:
        global _laid_out
        if self.pool is not None:
            if kind is not None:  # an error or Ctrl-C: the PDFs under way are not wanted
                stop_workers(self.pool)
            self.pool.shutdown(cancel_futures=True)
            self.queue.close()
            _laid_out = None

    def call(self, function: Callable[..., T], *args: Any) -> Future[T]:
        """`function(*args)` in a worker (a module's function: it is pickled by name), or
        here and now when there is no pool."""
        if self.pool is not None:
            return self.pool.submit(function, *args)
        done: Future[T] = Future()
        done.set_result(function(*args))
        return done

    def submit(self, html: str, target: Path) -> Future[tuple[list[str], dict[str, int]]]:
        """Lay out one PDF in a worker, or here and now when there is no pool: its warnings,
        and the page number of each anchor."""
        return self.call(pdf.write_pdf_anchored, html, target)

    def submit_anchored(self, html: str, target: Path) -> Future[tuple[list[str], dict[str, int]]]:
        """As submit, and the page number of each anchor (the id of an element)."""
        if self.pool is not None:
            return self.pool.submit(_handbook, html, target)
        done: Future[tuple[list[str], dict[str, int]]] = Future()
        done.set_result(pdf.write_pdf_anchored(html, target))
        return done

    def anchors(
        self, target: Path, future: Future[tuple[list[str], dict[str, int]]]
    ) -> dict[str, int]:
        """The anchors of the PDF `future` writes to `target`, as soon as it is laid out (in a
        worker: before it is written); the future's exception if it fails first."""
        if self.pool is None:
            return future.result()[1]
        key = str(target)
        while key not in self.early:
            try:
                name, anchors = self.queue.get(timeout=0.05)
                self.early[name] = anchors
            except queue.Empty:
                # done without posting (it failed first): its exception; else keep reading
                if future.done() and key not in self.early:
                    return future.result()[1]
        return self.early[key]

    def fast_subsetting(self) -> bool:
        if self.pdfs == 0:
            return True  # nothing was subset
        if self.pool is not None:
            return all(f.result() for f in self.warm)
        return pdf.fast_subsetting()


_PR_SET_PDEATHSIG = 1


def bind_to_parent() -> None:
    """Run first in each worker. Ctrl-C goes to the whole process group: the parent handles it
    and stops the workers, so a worker ignores it (no KeyboardInterrupt traceback of its own).
    When the parent dies, even by SIGKILL, the kernel kills the worker (PR_SET_PDEATHSIG);
    elsewhere a thread notices that the parent is gone and ends the worker."""
    parent = os.getppid()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the parent's handler is not the worker's
    bound = False
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            bound = libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
        except (OSError, AttributeError):
            bound = False
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)
    if not bound:
        threading.Thread(target=_watch, args=(parent,), daemon=True).start()


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def stop_workers(pool: ProcessPoolExecutor) -> None:
    """End the workers now (an error or Ctrl-C in the parent): the PDFs under way are not
    wanted, and waiting for them would keep the user waiting."""
    processes = getattr(pool, "_processes", None) or {}
    for process in list(processes.values()):
        if process.is_alive():
            process.kill()
