"""PDF time of the plan of a round whose task title and indicator unit are N CJK characters.

    .venv/bin/python benchmarks/bench_long_titles.py --sizes 10,100,500

WeasyPrint's automatic table layout measured every break opportunity of a cell one by one,
laying out the rest of the text again each time: quadratic in a cell's length. The indicator
tables (where task titles and units appear) now use a fixed layout (templates/print.css). A
title still costs more than its length (measured on 7af2aab, load 5.6 on 2 cores: 10
characters 2.3 s, 4,000 7.5 s, 16,000 26 s, 32,000 79 s), so the loader takes at most
TITLE_LIMIT (500) characters in a title, a name or a unit (planc/load/spec.py): sizes past it
are refused by `planc check` before any layout.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from planc.pipeline import analyze
from planc.render.pages import document
from planc.render.pdf import write_pdf
from planc.render.views import round_view

FIXTURE = Path(__file__).resolve().parent.parent / "tests/fixtures/valid"


def plans_with(n: int, where: Path) -> Path:
    plans = where / "plans"
    shutil.copytree(FIXTURE, plans)
    long = ("国际化城市建设推进" * (n // 9 + 1))[:n]
    tasks = plans / "2020-2021/tasks/market.yaml"
    tasks.write_text(tasks.read_text("utf-8").replace("提升跨境贸易便利化水平", long, 1), "utf-8")
    for path in (plans / "2020-2021/indicators").glob("*.yaml"):
        path.write_text(path.read_text("utf-8").replace("unit: 家", f"unit: {long}", 1), "utf-8")
    return plans


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,500")
    args = parser.parse_args()
    write_pdf("<p>warm up</p>", Path(tempfile.mkdtemp()) / "warm.pdf")  # import WeasyPrint once
    print(f"{'chars':>6} {'PDF s':>7}")
    for n in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            analysis = analyze(plans_with(n, Path(tmp)))
            html = document(round_view(analysis.index, "2020-2021"), "plan", ["2020-2021"], "print")
            start = time.perf_counter()
            write_pdf(html, Path(tmp) / "plan.pdf")
            print(f"{n:>6} {time.perf_counter() - start:>7.2f}")


if __name__ == "__main__":
    main()
