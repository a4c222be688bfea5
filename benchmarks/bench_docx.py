"""The Word edition of a generated round: the .docx of its plan and handbook made from their print
pages, and `planc build --docx` as a user runs it.

    .venv/bin/python benchmarks/bench_docx.py --tasks 200 --rounds 5

Each round times, interleaved: (1) the two .docx made in this process from the print pages the
build makes (python-docx, the styles, the package; the print pages themselves are made once
beforehand, as the PDF writer has made them in a build), and (2) `planc build --docx` in a
fresh process (load, check, HTML, plan.json and the Word edition; no PDF), against (3)
`planc build --html` (the same without the Word edition). Medians of wall and CPU seconds, and
the one-minute load before and after.
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

HERE = Path(__file__).resolve().parent


def _planc() -> str:
    found = Path(sys.executable).with_name("planc")
    return str(found) if found.exists() else "planc"


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _command(args: list[str], where: Path) -> tuple[float, float]:
    shutil.rmtree(where / "out", ignore_errors=True)
    cpu, wall = _children_cpu(), time.perf_counter()
    subprocess.run([_planc(), *args, "--out", str(where / "out")], cwd=where, check=True,
                   stdout=subprocess.DEVNULL)  # fmt: skip
    return time.perf_counter() - wall, _children_cpu() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5, help="timed rounds (default 5)")
    args = parser.parse_args()

    from planc.pipeline import analyze
    from planc.render.documents import print_href
    from planc.render.docx import Options, word_document
    from planc.render.pages import document
    from planc.render.views import round_view

    with tempfile.TemporaryDirectory() as tmp:
        where = Path(tmp)
        subprocess.run(
            [sys.executable, str(HERE / "generate.py"), "--tasks", str(args.tasks),
             "--rounds", "1", "--quiet", str(where / "plans")],
            check=True,
        )  # fmt: skip
        analysis = analyze(where / "plans", everything=True)
        (name,) = analysis.rounds
        view = round_view(analysis.index, name)
        pages = {doc: document(view, doc, [name], "print") for doc in ("plan", "handbook")}
        options = Options(href=lambda href: print_href(href, "docx"))
        word_document(pages["plan"], options)  # imports python-docx once
        load = os.getloadavg()[0]
        made: list[tuple[float, float]] = []
        docx_build: list[tuple[float, float]] = []
        html_build: list[tuple[float, float]] = []
        sizes = {}
        for _ in range(args.rounds):
            cpu, wall = time.process_time(), time.perf_counter()
            for doc, page in pages.items():
                sizes[doc] = len(word_document(page, options))
            made.append((time.perf_counter() - wall, time.process_time() - cpu))
            docx_build.append(_command(["build", "--docx"], where))
            html_build.append(_command(["build", "--html"], where))

    def median(runs: list[tuple[float, float]]) -> str:
        wall = statistics.median(r[0] for r in runs)
        cpu = statistics.median(r[1] for r in runs)
        return f"{wall:6.2f} s wall {cpu:6.2f} s CPU"

    tasks = sum(1 for _ in analysis.index.rounds[name].tasks)
    print(f"{tasks} tasks, {args.rounds} interleaved rounds, load {load:.2f} -> "
          f"{os.getloadavg()[0]:.2f}")  # fmt: skip
    print(f"plan + handbook .docx (in process)  {median(made)}  "
          f"({sizes['plan'] // 1024} + {sizes['handbook'] // 1024} KiB)")  # fmt: skip
    print(f"planc build --docx                  {median(docx_build)}")
    print(f"planc build --html                  {median(html_build)}")


if __name__ == "__main__":
    main()
