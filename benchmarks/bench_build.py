"""Time ``planc build`` of one round against the bare WeasyPrint render of the same documents.

    python benchmarks/bench_build.py [--round R] [--generated N] [--repeat 3] [--json FILE]

The issue's targets: planc's whole build of a round stays within 1.2x of the bare WeasyPrint
render (layout plus ``write_pdf``) of its two print documents, and a rebuild with unchanged
sources takes under 0.5 s. For every plans folder (the shipped ``plans/`` and, with
``--generated N``, a plan written by ``benchmarks/generate.py``) and its largest round, each
repeat measures

(a) ``planc build ROUND --plans DIR --out OUT --jobs N`` (N from --jobs, 1 by default) as a
    child process, from spawn to exit,
    into a fresh ``OUT``;
(b) the bare render, in a fresh child process of this script: after the imports and
    ``planc.pipeline.analyze`` + ``round_view`` + ``document(view, doc, rounds, "print")``
    (timed separately), ``weasyprint.HTML(string=html, base_url="planc:/round/").write_pdf()``
    for the plan and the handbook; only these two calls count;
(c) a second ``planc build`` into the same ``OUT``, which must say "is up to date".

Ratio = median (a) / median (b). Python start-up, imports and loading are in (a) but not in
(b): they are the price of planc being a command, reported separately in (b)'s columns.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
GENERATOR = HERE / "generate.py"
RATIO_TARGET = 1.2
REBUILD_TARGET_S = 0.5
DOCS = ("plan", "handbook")


# --------------------------------------------------------------------------------------------
# The bare render, in a child process (``--bare-child``): prints one JSON object
# --------------------------------------------------------------------------------------------


def bare_child(plans: Path, round_name: str, out: Path) -> dict[str, Any]:
    start = time.perf_counter()
    import weasyprint
    from weasyprint.text.ffi import harfbuzz_subset

    from planc.pipeline import analyze
    from planc.render.pages import document
    from planc.render.views import round_view

    imported = time.perf_counter()
    analysis = analyze(plans, [round_name])
    analyzed = time.perf_counter()
    view = round_view(analysis.index, round_name)
    # the rounds the navigation lists: as planc build of one round into a fresh folder
    html = {doc: document(view, doc, analysis.rounds, "print") for doc in DOCS}
    documented = time.perf_counter()
    render: dict[str, float] = {}
    sizes: dict[str, int] = {}
    out.mkdir(parents=True, exist_ok=True)
    for doc in DOCS:
        target = out / f"{doc}-{round_name}.pdf"
        t0 = time.perf_counter()
        # tagged, as planc writes them: the structure tree is part of the output asked for
        weasyprint.HTML(string=html[doc], base_url="planc:/round/").write_pdf(target, pdf_tags=True)
        render[doc] = time.perf_counter() - t0
        sizes[doc] = target.stat().st_size
    return {
        "import_s": imported - start,
        "analyze_s": analyzed - imported,
        "html_s": documented - analyzed,
        "render_s": render,
        "pdf_bytes": sizes,
        "harfbuzz_subset": harfbuzz_subset is not None,
        "weasyprint": weasyprint.__version__,
    }


# --------------------------------------------------------------------------------------------
# Measuring
# --------------------------------------------------------------------------------------------


@dataclass
class Target:
    label: str
    plans: Path
    round: str
    tasks: int


@dataclass
class Result:
    label: str
    plans: str
    round: str
    tasks: int
    build_s: list[float] = field(default_factory=list)  # (a)
    bare_s: list[float] = field(default_factory=list)  # (b): plan + handbook write_pdf
    bare_plan_s: list[float] = field(default_factory=list)
    bare_handbook_s: list[float] = field(default_factory=list)
    import_s: list[float] = field(default_factory=list)
    analyze_s: list[float] = field(default_factory=list)
    html_s: list[float] = field(default_factory=list)
    rebuild_s: list[float] = field(default_factory=list)  # (c)
    rebuild_up_to_date: list[bool] = field(default_factory=list)
    build_exit: list[int] = field(default_factory=list)
    planc_pdf_bytes: dict[str, int] = field(default_factory=dict)
    bare_pdf_bytes: dict[str, int] = field(default_factory=dict)
    harfbuzz_subset: bool | None = None
    weasyprint: str = ""
    build_stderr: str = ""

    @property
    def ratio(self) -> float:
        return statistics.median(self.build_s) / statistics.median(self.bare_s)

    @property
    def ratio_less_imports(self) -> float:
        """(a) less the imports of WeasyPrint and planc as the bare child measured them, over
        (b): roughly the ratio a long-lived process would see."""
        build = statistics.median(self.build_s) - statistics.median(self.import_s)
        return build / statistics.median(self.bare_s)

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        for key, value in list(data.items()):
            if isinstance(value, list) and value and isinstance(value[0], float):
                data[key] = [round(v, 4) for v in value]
                data[f"{key}_median"] = round(statistics.median(value), 4)
        data["ratio"] = round(self.ratio, 3)
        data["ratio_less_imports"] = round(self.ratio_less_imports, 3)
        data["ratio_target"] = RATIO_TARGET
        data["rebuild_target_s"] = REBUILD_TARGET_S
        return data


def find_planc(explicit: str | None) -> Path:
    """`--planc`, else `planc` next to this Python, else the repo's venv, else PATH."""
    if explicit:
        return Path(explicit)
    for candidate in (Path(sys.executable).parent / "planc", REPO / ".venv" / "bin" / "planc"):
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    found = shutil.which("planc")
    if not found:
        sys.exit("bench_build: no planc executable found; pass --planc PATH")
    return Path(found)


def timed(cmd: Sequence[str], cwd: Path) -> tuple[float, subprocess.CompletedProcess[str]]:
    start = time.perf_counter()
    proc = subprocess.run(
        cmd, cwd=cwd, stdin=subprocess.DEVNULL, capture_output=True, text=True, check=False
    )
    return time.perf_counter() - start, proc


def largest_round(planc: Path, plans: Path, cwd: Path) -> tuple[str, int]:
    """The round with the most tasks in the sources, from `planc stats --format json`."""
    proc = subprocess.run(
        [str(planc), "stats", "--plans", str(plans), "--format", "json"],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    )
    rounds = json.loads(proc.stdout)["rounds"]
    tasks = {name: int(r["tasks"]["sources"]) for name, r in rounds.items()}
    name = max(sorted(tasks), key=lambda n: tasks[n])
    return name, tasks[name]


def round_tasks(planc: Path, plans: Path, name: str, cwd: Path) -> int:
    proc = subprocess.run(
        [str(planc), "stats", "--plans", str(plans), "--format", "json", name],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    )
    return int(json.loads(proc.stdout)["rounds"][name]["tasks"]["sources"])


def bench(target: Target, planc: Path, python: str, work: Path, repeat: int, jobs: int) -> Result:
    result = Result(target.label, str(target.plans), target.round, target.tasks)
    for i in range(repeat):
        # (a) cold build into a fresh folder
        out = work / f"{target.label}-out-{i}"
        shutil.rmtree(out, ignore_errors=True)
        cmd = [str(planc), "build", target.round, "--plans", str(target.plans)]
        wall, proc = timed([*cmd, "--out", str(out), "--jobs", str(jobs)], work)
        result.build_s.append(wall)
        result.build_exit.append(proc.returncode)
        if proc.returncode != 0:
            print(f"!!! planc build exited {proc.returncode}:\n{proc.stdout}{proc.stderr}")
        result.build_stderr = proc.stderr.strip()
        # (c) the same build again: nothing changed
        wall, proc = timed([*cmd, "--out", str(out), "--jobs", str(jobs)], work)
        result.rebuild_s.append(wall)
        result.rebuild_up_to_date.append("is up to date" in proc.stdout)
        result.planc_pdf_bytes = {
            doc: (out / target.round / f"{doc}-{target.round}.pdf").stat().st_size
            for doc in DOCS
            if (out / target.round / f"{doc}-{target.round}.pdf").is_file()
        }
        # (b) the bare render in a fresh process
        bare_out = work / f"{target.label}-bare-{i}"
        child = [python, str(Path(__file__).resolve()), "--bare-child"]
        proc = subprocess.run(
            [*child, str(target.plans), target.round, str(bare_out)],
            cwd=REPO,  # so a checkout's planc is importable even when not installed
            capture_output=True,
            text=True,
            check=False,
        )
        if proc.returncode != 0:
            sys.exit(f"bench_build: the bare render failed:\n{proc.stderr}")
        bare = json.loads(proc.stdout)
        result.bare_plan_s.append(bare["render_s"]["plan"])
        result.bare_handbook_s.append(bare["render_s"]["handbook"])
        result.bare_s.append(bare["render_s"]["plan"] + bare["render_s"]["handbook"])
        result.import_s.append(bare["import_s"])
        result.analyze_s.append(bare["analyze_s"])
        result.html_s.append(bare["html_s"])
        result.bare_pdf_bytes = bare["pdf_bytes"]
        result.harfbuzz_subset = bare["harfbuzz_subset"]
        result.weasyprint = bare["weasyprint"]
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(bare_out, ignore_errors=True)
    return result


# --------------------------------------------------------------------------------------------
# Reporting
# --------------------------------------------------------------------------------------------


def _med(values: list[float]) -> str:
    return f"{statistics.median(values):.3f}"


def table(results: Sequence[Result]) -> str:
    head = (
        "| plans | round | tasks | (a) planc build s | (b) bare render s | plan / handbook s "
        "| ratio a/b | (a−import)/b | import s | analyze s | print HTML s | (c) rebuild s "
        "| up to date |"
    )
    lines = [head, "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in results:
        lines.append(
            f"| {r.label} | {r.round} | {r.tasks:,} | {_med(r.build_s)} | {_med(r.bare_s)} "
            f"| {_med(r.bare_plan_s)} / {_med(r.bare_handbook_s)} | {r.ratio:.2f} "
            f"| {r.ratio_less_imports:.2f} "
            f"| {_med(r.import_s)} | {_med(r.analyze_s)} | {_med(r.html_s)} "
            f"| {_med(r.rebuild_s)} | {'yes' if all(r.rebuild_up_to_date) else 'NO'} |"
        )
    return "\n".join(lines)


def verdicts(results: Sequence[Result]) -> list[str]:
    lines = []
    for r in results:
        ratio_ok = r.ratio <= RATIO_TARGET
        rebuild = statistics.median(r.rebuild_s)
        rebuild_ok = rebuild < REBUILD_TARGET_S and all(r.rebuild_up_to_date)
        lines.append(
            f"{r.label} {r.round}: ratio {r.ratio:.2f} "
            f"({'within' if ratio_ok else 'OVER'} {RATIO_TARGET}x); rebuild {rebuild:.3f} s "
            f"({'under' if rebuild_ok else 'NOT under'} {REBUILD_TARGET_S} s"
            f"{'' if all(r.rebuild_up_to_date) else ', and not reported up to date'}); "
            f"PDF bytes planc {r.planc_pdf_bytes} vs bare {r.bare_pdf_bytes}"
        )
        if any(r.build_exit):
            lines.append(f"  !!! planc build exit codes: {r.build_exit}")
        if r.build_stderr:
            lines.append(f"  planc build stderr: {r.build_stderr[:500]}")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Time planc build of one round against the bare WeasyPrint render."
    )
    parser.add_argument("--plans", type=Path, default=REPO / "plans", help="shipped plans")
    parser.add_argument("--round", help="round of --plans (default: the one with most tasks)")
    parser.add_argument("--no-shipped", action="store_true", help="skip --plans")
    parser.add_argument(
        "--generated",
        type=int,
        metavar="N",
        help="also a generated plan of N tasks (its largest round)",
    )
    parser.add_argument("--rounds", type=int, default=4, help="rounds of the generated plan (4)")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measure (3)")
    parser.add_argument("--planc", metavar="PATH", help="planc executable (default: found)")
    parser.add_argument(
        "--python", default=sys.executable, help="Python of the bare render (this one)"
    )
    parser.add_argument(
        "--jobs", type=int, default=1, help="planc build --jobs (1: like for like; planc: 2)"
    )
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write figures as JSON")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument(
        "--bare-child", nargs=3, metavar=("PLANS", "ROUND", "OUT"), help=argparse.SUPPRESS
    )
    args = parser.parse_args(argv)

    if args.bare_child:
        plans, name, out = args.bare_child
        print(json.dumps(bare_child(Path(plans).resolve(), name, Path(out))))
        return 0
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")

    planc = find_planc(args.planc)
    work = Path(tempfile.mkdtemp(prefix="planc-bench-build-"))
    results: list[Result] = []
    try:
        targets: list[Target] = []
        if not args.no_shipped:
            plans = args.plans.resolve()
            if args.round:
                name, tasks = args.round, round_tasks(planc, plans, args.round, work)
            else:
                name, tasks = largest_round(planc, plans, work)
            targets.append(Target("shipped", plans, name, tasks))
        if args.generated:
            generated = work / f"generated-{args.generated}"
            subprocess.run(
                [
                    sys.executable,
                    str(GENERATOR),
                    "--tasks",
                    str(args.generated),
                    "--rounds",
                    str(args.rounds),
                    "--seed",
                    str(args.seed),
                    "--quiet",
                    str(generated),
                ],
                check=True,
            )
            name, tasks = largest_round(planc, generated, work)
            targets.append(Target(f"generated-{args.generated}", generated, name, tasks))
        if not targets:
            parser.error("nothing to measure: --no-shipped without --generated")
        for target in targets:
            print(f"… {target.label} {target.round} ({target.tasks} tasks)", file=sys.stderr)
            results.append(bench(target, planc, args.python, work, args.repeat, args.jobs))
    finally:
        if args.keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)

    print(table(results))
    print()
    hb = {r.harfbuzz_subset for r in results}
    print(f"HarfBuzz subsetting active: {', '.join('yes' if h else 'NO' for h in hb)}")
    for line in verdicts(results):
        print(line)
    if args.json:
        payload = {
            "planc": str(planc),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "repeat": args.repeat,
            "results": [r.as_json() for r in results],
        }
        args.json.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
