"""Time the solicitation (征集) at the size of a real one: a round of 200 tasks begun with `planc
new`, its forms to 70 member units, and the import of the 70 forms they send back.

    .venv/bin/python benchmarks/bench_solicit.py [--tasks 200] [--units 70] [--repeat 3]

Generates a plans folder (benchmarks/generate.py: a registry of UNITS units, the real size;
two rounds, the last of TASKS tasks led by them, with 8 quarters of progress), then, REPEAT
times and interleaved, on a fresh copy each time: `planc new` (the next round; the tasks not
done are its candidates), `planc solicit forms` for those UNITS units, and `planc solicit
import` of the forms filled as the units would (not timed: every candidate kept, one in four
reworded, the last dropped, three new tasks with partners named in Chinese and full-width
digits in the deadline). Wall time of the
whole command, start-up included, and its CPU time (the steadier figure on a shared machine);
medians. Target (issue 19): forms and import each under 5 s.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench_consult import _show, timed  # noqa: E402

from tests.consult_forms import row_of, sheet  # noqa: E402


def fill(form: Path, target: Path, units: list[str], chapter: str) -> int:
    """A unit's answer to its form; the rows it filled."""
    wb = openpyxl.load_workbook(form)
    sheet(wb, "contact")["C4"] = "张三"
    sheet(wb, "contact")["C5"] = "０５３２-８８８８６６６６"
    candidates = sheet(wb, "candidates")
    rows = [r for r in range(4, candidates.max_row + 1) if candidates.cell(r, 1).value]
    for n, r in enumerate(rows):
        candidates[f"I{r}"] = "２０２５年６月"
        if n % 4 == 1:
            candidates[f"G{r}"] = f"{candidates[f'G{r}'].value}（修订）"
    if rows:
        candidates[f"E{rows[-1]}"] = "不再列入"
    new = sheet(wb, "new")
    for n in range(1, 4):
        r = row_of(new, f"n{n:02d}")
        new[f"B{r}"] = chapter
        new[f"C{r}"] = f"新增重点任务{n}：推进国际化合作平台建设"
        new[f"D{r}"] = "加强统筹协调，完善工作机制。"
        new[f"E{r}"] = "2025年底"
        new[f"F{r}"] = "、".join(units[n : n + 2])
    wb.save(target)
    return len(rows) + 3


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=200)
    parser.add_argument("--units", type=int, default=70)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="planc-bench-solicit-") as scratch:
        work = Path(scratch)
        subprocess.run(
            [
                sys.executable,
                str(REPO / "benchmarks/generate.py"),
                "--tasks",
                str(2 * args.tasks),
                "--rounds",
                "2",
                "--periods",
                "8",
                "--units",
                str(args.units),
                "--registry",
                str(args.units),
                str(work / "plans"),
            ],
            check=True,
            capture_output=True,
        )
        from planc.load import load_project

        project, _found = load_project(work / "plans", cache=False)
        leads = list(dict.fromkeys(t.lead[0].id for t in project.rounds["2018-2019"].tasks()))
        chosen = [a for uid in leads[: args.units] for a in ("--unit", uid)]
        begun = work / "begun"
        shutil.copytree(work / "plans", begun)
        timed(["new", "2020-2021", "--plans", "begun"], work)
        timed(
            ["solicit", "forms", "2020-2021", "--plans", "begun", "--out", "forms", *chosen], work
        )
        forms = sorted((work / "forms").iterdir())
        project, _found = load_project(begun, cache=False)
        units = [u.name for u in project.registry.units.values()]
        chapter = project.rounds["2020-2021"].chapters[0].title
        back = work / "back"
        back.mkdir()
        rows = sum(fill(form, back / form.name, units, chapter) for form in forms)
        returned = [str(p.relative_to(work)) for p in sorted(back.iterdir())]
        new_times, form_times, import_times = [], [], []
        for i in range(args.repeat):  # interleaved: the machine's load falls on all three
            plans = f"plans-{i}"
            shutil.copytree(work / "plans", work / plans)
            new_times.append(timed(["new", "2020-2021", "--plans", plans], work))
            form_times.append(
                timed(
                    [
                        *("solicit", "forms", "2020-2021", "--plans", plans),
                        *("--out", f"forms-{i}", *chosen),
                    ],
                    work,
                )
            )
            import_times.append(
                timed(
                    [
                        *("solicit", "import", "2020-2021", "--plans", plans),
                        *("--date", "2024-01-10", *returned),
                    ],
                    work,
                )
            )
        tasks = sum(1 for _ in (work / "plans-0" / "2020-2021" / "tasks").glob("*.yaml"))
        print(
            f"plans: a round of {args.tasks} tasks, {args.units} units; {len(forms)} forms, "
            f"{rows} rows answered, into {tasks} chapter files"
        )
        print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        print(f"planc new:             {_show(new_times)}")
        print(f"planc solicit forms:   {_show(form_times)}")
        print(f"planc solicit import:  {_show(import_times)}")
        worst = max(statistics.median(w for w, _ in t) for t in (form_times, import_times))
        print(f"target: each under 5 s wall: {'met' if worst < 5 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
