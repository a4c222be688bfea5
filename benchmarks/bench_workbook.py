"""Time the office's whole-round workbook at the size of a real round: `planc sheet export` of
a round of 200 tasks (with its cases, indicators and 70 units), and `planc sheet import --apply`
of the workbook edited as the office edits it (20 titles changed, 5 tasks added, 2 dropped), and
of it unedited.

    .venv/bin/python benchmarks/bench_workbook.py [--tasks 200] [--repeat 3]

Generates a plans folder (benchmarks/generate.py); the runs of the three commands are
interleaved (export, edited import, unedited import; then again), each import into a fresh copy
of the plans. Wall time and CPU time (user + system) of the whole command, startup included;
medians, and the load average when it ran. Target (issue 19): each under 5 s.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

import openpyxl

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from bench_consult import _show, generate, timed  # noqa: E402

from tests.workbook import added, cell, column, deleted  # noqa: E402

ROUND = "2016-2017"


def edit(src: Path, dst: Path) -> None:
    """20 titles changed, 5 tasks added, 2 dropped: a morning's work in the office."""
    wb = openpyxl.load_workbook(src)
    ws = next(w for w in wb.worksheets if w.cell(1, 1).value == "planc-sheet:tasks")
    ids = [ws.cell(r, 1).value for r in range(4, ws.max_row + 1) if ws.cell(r, 1).value]
    title = column(ws, "工作任务")
    chapter, section, lead = (
        str(ws.cell(4, column(ws, heading)).value or "") for heading in ("部分", "方面", "牵头单位")
    )
    for n, tid in enumerate(ids[:20]):
        r = next(r for r in range(4, ws.max_row + 1) if ws.cell(r, 1).value == tid)
        cell("tasks", str(tid), "工作任务", f"{ws.cell(r, title).value}（修改{n}）")(wb)
    for n in range(5):
        added(
            "tasks",
            {"工作任务": f"新增任务{n}", "部分": chapter, "方面": section, "牵头单位": lead},
        )(wb)
    for tid in ids[-2:]:
        deleted("tasks", str(tid))(wb)
    wb.save(dst)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="planc-bench-workbook-") as scratch:
        work = Path(scratch)
        generate(work / "plans", args.tasks)
        timed(["sheet", "export", ROUND, "--out", "w.xlsx"], work)
        edit(work / "w.xlsx", work / "edited.xlsx")
        exports: list[tuple[float, float]] = []
        edited: list[tuple[float, float]] = []
        unedited: list[tuple[float, float]] = []
        for i in range(args.repeat):
            exports.append(timed(["sheet", "export", ROUND, "--out", f"w{i}.xlsx"], work))
            for book, times in (("edited.xlsx", edited), ("w.xlsx", unedited)):
                plans = work / f"plans-{i}-{book}"
                shutil.copytree(work / "plans", plans)
                options = ["--plans", plans.name, "--apply", "--confirm-drops"]
                times.append(timed(["sheet", "import", ROUND, book, *options], work))
        print(f"plans: {args.tasks} tasks, one round")
        print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        print(f"planc sheet export:            {_show(exports)}")
        print(f"planc sheet import (edited):   {_show(edited)}")
        print(f"planc sheet import (unedited): {_show(unedited)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
