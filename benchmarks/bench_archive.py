"""What the archival editions cost: `planc build --archive` against `planc build` of the same
round, and each archival step on its own.

    python benchmarks/bench_archive.py [--tasks 200] [--repeat 3] [--jobs 1] [--json FILE]

The issue's target: the archival set of a 200-task round (its plan's and handbook's PDF/A and
OFD) costs at most 30 % of the normal build. For a plans folder written by
``benchmarks/generate.py --tasks N --rounds 1``, each repeat runs, interleaved, as child
processes into fresh output folders:

(a) ``planc build --plans DIR --out OUT --jobs J``;
(b) ``planc build --plans DIR --out OUT --jobs J --archive``.

Wall seconds and CPU seconds (the child and its workers: user + system) are taken for each;
the cost is median (b) / median (a) - 1, for both. Then, in this process, once per document:
reading the PDF (pdfread), the OFD's fonts made TrueType, writing the OFD, and the PDF/A, each
in CPU seconds, with the sizes of the files. The one-minute load average is printed before and
after: on a shared machine, compare runs made under the same load.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
TARGET = 0.30

sys.path.insert(0, str(HERE))
from bench_consult import timed  # noqa: E402  (one way to time a planc run: wall and CPU)


def steps(dist: Path, round_name: str) -> dict[str, Any]:
    """Each archival step on its own, per document, in CPU seconds."""
    from planc.archive import Metadata, ofd, pdfa, pdfread, truetype

    found: dict[str, Any] = {}
    for doc in ("plan", "handbook"):
        pdf = dist / round_name / f"{doc}-{round_name}.pdf"
        data = pdf.read_bytes()
        meta = Metadata(identifier=f"{round_name}/{doc}", version="bench", created=0)
        t0 = time.process_time()
        pages = pdfread.read(data)
        t1 = time.process_time()
        used: dict[int, dict[int, str]] = {}
        for page in pages.pages:
            for item in page.items:
                if isinstance(item, pdfread.Text):
                    used.setdefault(item.font, {}).update(zip(item.glyphs, item.chars, strict=True))
        for index, font in enumerate(pages.fonts):
            if font.program is not None:
                truetype.compact(font.program, used.get(index, {}))
        t2 = time.process_time()
        written = ofd.write(pages, meta)
        t3 = time.process_time()
        archived = pdfa.write(data, meta)
        t4 = time.process_time()
        found[doc] = {
            "pages": len(pages.pages),
            "read_pdf_s": round(t1 - t0, 3),
            "fonts_truetype_s": round(t2 - t1, 3),
            "write_ofd_s (fonts included)": round(t3 - t2, 3),
            "pdfa_s": round(t4 - t3, 3),
            "pdf_bytes": len(data),
            "ofd_bytes": len(written),
            "pdfa_bytes (no attachments)": len(archived),
        }
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tasks", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="planc-bench-archive-") as tmp:
        root = Path(tmp)
        plans = root / "plans"
        subprocess.run(
            [
                sys.executable,
                str(HERE / "generate.py"),
                "--tasks",
                str(args.tasks),
                "--rounds",
                "1",
                str(plans),
            ],
            check=True,
            capture_output=True,
        )
        round_name = sorted(p.name for p in plans.iterdir() if p.name[:1].isdigit())[0]
        load_before = os.getloadavg()[0]
        runs: dict[str, list[tuple[float, float]]] = {"build": [], "archive": []}
        for i in range(args.repeat):
            for label, extra in (("build", []), ("archive", ["--archive"])):
                out = root / f"{label}-{i}"
                cmd = ["build", "--plans", str(plans), "--out", str(out), "--jobs", str(args.jobs)]
                runs[label].append(timed([*cmd, *extra], root))
                if i < args.repeat - 1:
                    shutil.rmtree(out)
        load_after = os.getloadavg()[0]
        per_doc = steps(root / f"archive-{args.repeat - 1}", round_name)
    med = {
        label: {
            "wall_s": round(statistics.median(w for w, _ in values), 2),
            "cpu_s": round(statistics.median(c for _, c in values), 2),
        }
        for label, values in runs.items()
    }
    cost_wall = med["archive"]["wall_s"] / med["build"]["wall_s"] - 1
    cost_cpu = med["archive"]["cpu_s"] / med["build"]["cpu_s"] - 1
    result = {
        "tasks": args.tasks,
        "jobs": args.jobs,
        "repeat": args.repeat,
        "load_before": load_before,
        "load_after": load_after,
        "median": med,
        "runs": runs,
        "archival_cost_wall": round(cost_wall, 3),
        "archival_cost_cpu": round(cost_cpu, 3),
        "per_document": per_doc,
    }
    print(json.dumps(result, indent=2, ensure_ascii=False))
    verdict = "meets" if max(cost_wall, cost_cpu) <= TARGET else "misses"
    print(
        f"archival set: +{cost_wall:.0%} wall, +{cost_cpu:.0%} CPU over the normal build "
        f"({verdict} the {TARGET:.0%} target); load {load_before:.1f} → {load_after:.1f}"
    )
    if args.json:
        args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
