"""Time supervision on a generated round: 200 tasks, 70 lead units, 8 quarterly periods.

    .venv/bin/python benchmarks/bench_progress.py [--keep DIR]

Generates the plans (benchmarks/generate.py), gives the tasks 70 lead units, writes 8 progress
files (2016-Q1 .. 2017-Q4, a report per task and period, random but consistent statuses), then
times: the plain build (no progress files), the build with them (the 督查通报 as HTML and
PDF, statuses in the plan), `planc progress`, `planc progress forms` (70 xlsx) and `planc
progress import` of the 70 forms. Prints seconds; the target is under 5 s beyond the plain build.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
PLANC = str(Path(sys.executable).with_name("planc"))
PERIODS = [f"{y}-Q{q}" for y in (2016, 2017) for q in (1, 2, 3, 4)]
UNITS = 70


def run(*args: str, cwd: Path | None = None) -> float:
    start = time.perf_counter()
    subprocess.run([PLANC, *args], check=True, capture_output=True, cwd=cwd)
    return time.perf_counter() - start


def prepare(root: Path) -> Path:
    plans = root / "plans"
    subprocess.run(
        [sys.executable, str(HERE / "generate.py"), "--tasks", "200", "--rounds", "1", str(plans)],
        check=True,
        capture_output=True,
    )
    units = re.findall(r"^  ([a-z0-9-]+):", (plans / "registry/units.yaml").read_text(), re.M)
    for i, file in enumerate(sorted((plans / "2016-2017/tasks").glob("*.yaml"))):
        text = file.read_text(encoding="utf-8")
        numbers = iter(range(i * 1000, 10**6))  # each task the next of the 70 units

        def lead(_: re.Match[str], numbers: Iterator[int] = numbers) -> str:
            return f"lead: [{units[next(numbers) % UNITS]}]"

        text = re.sub(r"lead: \[[^\]]*\]", lead, text)
        text = re.sub(r"\n *partners: \[[^\]]*\]", "", text)
        file.write_text(text, encoding="utf-8")
    return plans


def write_progress(plans: Path, tasks: list[tuple[str, str]]) -> None:
    rng = random.Random(1)
    folder = plans / "2016-2017/progress"
    folder.mkdir(exist_ok=True)
    percent = dict.fromkeys((t for t, _ in tasks), 0)
    for period in PERIODS:
        lines = ["reports:"]
        for task, unit in tasks:
            if percent[task] >= 100:
                status = "done"
            else:
                percent[task] = min(100, percent[task] + rng.choice((0, 5, 10, 20, 30)))
                status = (
                    "done"
                    if percent[task] == 100
                    else rng.choice(("on-track", "on-track", "delayed", "not-started"))
                )
            lines.append(
                f"  - {{task: {task}, unit: {unit}, status: {status}, percent: {percent[task]}, "
                f"note: 进展情况{percent[task]}}}"
            )
        (folder / f"{period}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def bulletin_cost(plans: Path, out: Path) -> tuple[float, float]:
    """In this process: the work a build does for progress on top of the plain build, i.e. the
    督查通报 (view, HTML for screen and print, the PDF). Build times on a shared machine vary
    by seconds; this does not."""
    from planc.pipeline import analyze
    from planc.render.bulletin import progress_document, progress_view
    from planc.render.pdf import write_pdf

    analysis = analyze(plans, ["2016-2017"])
    start = time.perf_counter()
    view = progress_view(analysis.index, "2016-2017")
    (out / "progress.html").write_text(progress_document(view, ["2016-2017"], "screen"))
    html = progress_document(view, ["2016-2017"], "print")
    mid = time.perf_counter()
    write_pdf(html, out / "progress.pdf")
    return mid - start, time.perf_counter() - mid


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--keep", type=Path, help="work here and keep it")
    args = parser.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="planc-bench-progress-"))
    root.mkdir(parents=True, exist_ok=True)
    try:
        plans = prepare(root)
        text = "".join(f.read_text() for f in sorted((plans / "2016-2017/tasks").glob("*.yaml")))
        tasks = list(
            zip(
                re.findall(r"- id: ([a-z0-9-]+)", text),
                re.findall(r"lead: \[([a-z0-9-]+)\]", text),
                strict=True,
            )
        )
        figures = {"tasks": len(tasks), "lead units": len({u for _, u in tasks})}
        plain = run("build", "--plans", str(plans), "--out", str(root / "plain"))
        write_progress(plans, tasks)
        with_progress = run("build", "--plans", str(plans), "--out", str(root / "dist"))
        table = run("progress", "2016-2017", "--plans", str(plans))
        html_s, pdf_s = bulletin_cost(plans, root)
        forms = run(
            "progress",
            "forms",
            "2016-2017",
            "--period",
            "2017-Q4",
            "--plans",
            str(plans),
            "--out",
            str(root / "forms"),
        )
        write_progress(plans, tasks)  # the same history again, without its last period
        (plans / "2016-2017/progress/2017-Q4.yaml").unlink()
        files = sorted(str(p) for p in (root / "forms").glob("*.xlsx"))
        imported = run("progress", "import", "2016-2017", "--plans", str(plans), *files)
        print(
            f"{figures['tasks']} tasks, {figures['lead units']} lead units, {len(PERIODS)} periods"
        )
        print(f"build, no progress:          {plain:6.2f} s")
        print(
            f"build, with progress:        {with_progress:6.2f} s  (+{with_progress - plain:.2f} s)"
        )
        print(f"督查通报 view + HTML:          {html_s:6.2f} s")
        print(f"督查通报 PDF:                  {pdf_s:6.2f} s")
        print(f"planc progress (table):      {table:6.2f} s")
        print(f"planc progress forms ({len(files)}):  {forms:6.2f} s")
        print(f"planc progress import ({len(files)}): {imported:6.2f} s")
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
