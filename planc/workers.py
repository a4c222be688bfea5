"""PDF worker processes that never outlive planc and never speak on Ctrl-C."""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor

_PR_SET_PDEATHSIG = 1


def bind_to_parent() -> None:
    """Run first in each worker. Ctrl-C goes to the whole process group: the parent handles it
    and stops the workers, so a worker ignores it (no KeyboardInterrupt traceback of its own).
    When the parent dies, even by SIGKILL, the kernel kills the worker (PR_SET_PDEATHSIG);
    elsewhere a thread notices that the parent is gone and ends the worker."""
    parent = os.getppid()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
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
