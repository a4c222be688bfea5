"""Time the consultation round trip at the size of a real one: forms for a round of 200 tasks to
70 units, and the import of the 70 forms they send back.

    .venv/bin/python benchmarks/bench_consult.py [--tasks 200] [--units 70] [--repeat 3]

Generates a plans folder (benchmarks/generate.py), times `planc consult forms` for the first
UNITS units holding tasks, fills every returned form with openpyxl (a comment and a proposal on
every task row, three general comments: not timed), then times `planc consult import` of them
all into a fresh copy of the plans each run. Wall time of the whole command, startup included.
Target (issue 13): each under 5 s.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import openpyxl

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from planc.load import load_project  # noqa: E402
from tests.consult_forms import sheet  # noqa: E402


def planc() -> str:
    return str(Path(sys.executable).parent / "planc")


def timed(args: list[str], cwd: Path) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one planc run. On a shared machine the CPU
    time is the steadier figure: the wall time counts other people's processes too."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([planc(), *args], cwd=cwd, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"planc {' '.join(args[:3])} failed:\n{done.stdout}{done.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def _show(times: list[tuple[float, float]]) -> str:
    wall = [w for w, _ in times]
    cpu = [c for _, c in times]
    return (
        f"median {statistics.median(wall):.2f} s wall, {statistics.median(cpu):.2f} s CPU "
        f"(wall: {', '.join(f'{w:.2f}' for w in wall)})"
    )


def generate(folder: Path, tasks: int) -> None:
    """A plans folder of one round of `tasks` tasks at `folder` (benchmarks/generate.py)."""
    script = str(REPO / "benchmarks/generate.py")
    subprocess.run(
        [sys.executable, script, "--tasks", str(tasks), "--rounds", "1", str(folder)],
        check=True,
        capture_output=True,
    )


def fill(form: Path, target: Path) -> int:
    wb = openpyxl.load_workbook(form)
    tasks, general = sheet(wb, "tasks"), sheet(wb, "general")
    rows = 0
    for r in range(4, tasks.max_row + 1):
        tasks[f"H{r}"] = f"建议进一步明确第{r}行任务的责任分工和完成时限。"
        tasks[f"I{r}"] = "修改为：……并于年底前完成。"
        rows += 1
    for r in range(4, 7):
        general[f"D{r}"] = f"总体意见{r}：建议加强统筹协调。"
    tasks["J4"] = "张三 0532-88886666"
    wb.save(target)
    return rows + 3


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=200)
    parser.add_argument("--units", type=int, default=70)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="planc-bench-consult-") as scratch:
        work = Path(scratch)
        generate(work / "plans", args.tasks)
        project, _ = load_project(work / "plans")
        rnd = project.rounds["2016-2017"]
        holders = list(dict.fromkeys(r.id for t in rnd.tasks() for r in [*t.lead, *t.partners]))[
            : args.units
        ]
        if len(holders) < args.units:
            raise SystemExit(f"only {len(holders)} units hold tasks; generate more tasks")
        unit_args = [a for uid in holders for a in ("--unit", uid)]
        form_times = []
        for i in range(args.repeat):
            form_times.append(
                timed(["consult", "forms", "2016-2017", "--out", f"forms-{i}", *unit_args], work)
            )
        forms = sorted((work / "forms-0").iterdir())
        back = work / "back"
        back.mkdir()
        comments = sum(fill(form, back / form.name) for form in forms)
        import_times = []
        for i in range(args.repeat):
            plans = work / f"plans-{i}"
            shutil.copytree(work / "plans", plans)
            import_times.append(
                timed(
                    [
                        "consult",
                        "import",
                        "2016-2017",
                        "--plans",
                        plans.name,
                        "--received",
                        "2024-05-20",
                        *[str(p.relative_to(work)) for p in sorted(back.iterdir())],
                    ],
                    work,
                )
            )
        rows = sum(openpyxl.load_workbook(f, read_only=True)["任务意见"].max_row - 3 for f in forms)
        print(f"plans: {args.tasks} tasks, forms to {len(forms)} units ({rows} task rows in all)")
        print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        print(f"planc consult forms:  {_show(form_times)}")
        print(
            f"planc consult import: {_show(import_times)} for {len(forms)} forms, "
            f"{comments} comments"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
