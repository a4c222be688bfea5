"""Time ``planc check`` on generated plans of growing size and on the shipped plans.

    python benchmarks/bench_check.py [--sizes 1000,10000,50000] [--repeat 3] [--json FILE]

For every plans folder it runs ``planc check --plans DIR`` as a child process ``--repeat``
times and reports the median wall time, the peak resident set size of the child (from
``os.wait4``), the exit code, and seconds per 1,000 tasks so that linearity is visible.
Generated plans (``benchmarks/generate.py``) live in a temporary folder removed at the end.
A generated plan is meant to check clean; a non-zero exit there is reported loudly.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
GENERATOR = HERE / "generate.py"
DEFAULT_SIZES = (1_000, 10_000, 50_000)
OUTPUT_HEAD = 15  # lines of planc output shown (head and tail) when a generated plan is not clean


@dataclass
class Run:
    wall_s: float
    peak_rss_mib: float
    exit_code: int
    timed_out: bool
    output: str


@dataclass
class Result:
    name: str
    kind: str  # "generated" | "shipped"
    tasks: int | None
    generate_s: float | None = None
    wall_s: list[float] = field(default_factory=list)
    peak_rss_mib: list[float] = field(default_factory=list)
    exit_codes: list[int] = field(default_factory=list)
    timed_out: bool = False
    errors: int | None = None
    warnings: int | None = None
    # seconds per 1k tasks between this generated size and the next smaller one: startup-free
    marginal_s_per_1k: float | None = None

    @property
    def median_s(self) -> float:
        return statistics.median(self.wall_s)

    @property
    def s_per_1k_tasks(self) -> float | None:
        return self.median_s / (self.tasks / 1000) if self.tasks else None

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(
            median_s=round(self.median_s, 4),
            min_s=round(min(self.wall_s), 4),
            max_s=round(max(self.wall_s), 4),
            s_per_1k_tasks=None if self.s_per_1k_tasks is None else round(self.s_per_1k_tasks, 4),
            marginal_s_per_1k=None
            if self.marginal_s_per_1k is None
            else round(self.marginal_s_per_1k, 4),
            max_peak_rss_mib=round(max(self.peak_rss_mib), 1),
            wall_s=[round(w, 4) for w in self.wall_s],
            peak_rss_mib=[round(m, 1) for m in self.peak_rss_mib],
        )
        return data


# --------------------------------------------------------------------------------------------
# Running planc
# --------------------------------------------------------------------------------------------


def find_planc(explicit: str | None) -> Path | None:
    """`--planc`, else `planc` next to this Python, else the repo's venv, else PATH."""
    if explicit:
        return Path(explicit)
    candidates = [Path(sys.executable).parent / "planc", REPO / ".venv" / "bin" / "planc"]
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    found = shutil.which("planc")
    return Path(found) if found else None


def _maxrss_mib(maxrss: int) -> float:
    # Linux reports ru_maxrss in KiB, macOS in bytes.
    return maxrss / (1024 * 1024) if sys.platform == "darwin" else maxrss / 1024


def run_once(cmd: Sequence[str], cwd: Path, timeout: float) -> Run:
    """Run `cmd`, wait for it with os.wait4 and return wall time, peak RSS and exit code."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdin=subprocess.DEVNULL, stdout=out, stderr=out)
        expired = threading.Event()

        def kill() -> None:
            expired.set()
            proc.kill()

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        proc.returncode = code  # reaped by wait4: stop Popen from waiting for it again
        out.seek(0)
        output = out.read().decode("utf-8", errors="replace")
    return Run(wall, _maxrss_mib(usage.ru_maxrss), code, expired.is_set(), output)


def diagnostics_count(planc: Path, plans: Path, cwd: Path) -> tuple[int | None, int | None]:
    """Errors and warnings from `planc check --format json` (None, None if unavailable)."""
    proc = subprocess.run(
        [str(planc), "check", "--plans", str(plans), "--format", "json"],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        data = json.loads(proc.stdout)
        return int(data["errors"]), int(data["warnings"])
    except (ValueError, KeyError, TypeError):
        return None, None


_TASK_LINE = re.compile(r"^\s*-\s+id\s*:", re.MULTILINE)


def count_tasks(planc: Path, plans: Path, cwd: Path) -> int | None:
    """Tasks in a plans folder: from `planc stats --format json`, else by counting `- id:`."""
    proc = subprocess.run(
        [str(planc), "stats", "--plans", str(plans), "--format", "json"],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        rounds = json.loads(proc.stdout)["rounds"]
        return sum(int(r["tasks"]["sources"]) for r in rounds.values())
    except (ValueError, KeyError, TypeError, AttributeError):
        pass
    files = sorted(plans.glob("*/tasks/*.yaml"))
    if not files:
        return None
    return sum(
        len(_TASK_LINE.findall(f.read_text(encoding="utf-8", errors="replace"))) for f in files
    )


def bench(
    name: str,
    kind: str,
    plans: Path,
    tasks: int | None,
    planc: Path,
    repeat: int,
    timeout: float,
    cwd: Path,
) -> tuple[Result, str]:
    result = Result(name=name, kind=kind, tasks=tasks)
    shown_output = ""  # shown if the plan does not check clean
    cmd = [str(planc), "check", "--plans", str(plans)]
    for i in range(repeat):
        run = run_once(cmd, cwd, timeout)
        if i == 0 or (run.exit_code != 0 and all(c == 0 for c in result.exit_codes)):
            shown_output = run.output  # the first run's output, or the first failing run's
        result.wall_s.append(run.wall_s)
        result.peak_rss_mib.append(run.peak_rss_mib)
        result.exit_codes.append(run.exit_code)
        print(
            f"  {name}: run {i + 1}/{repeat}: {run.wall_s:.3f}s, {run.peak_rss_mib:.1f} MiB, "
            f"exit {run.exit_code}{' (TIMED OUT)' if run.timed_out else ''}",
            file=sys.stderr,
        )
        if run.timed_out:
            result.timed_out = True
            break
    if not result.timed_out:
        result.errors, result.warnings = diagnostics_count(planc, plans, cwd)
    return result, shown_output


# --------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------


def _fmt(value: float | None, spec: str) -> str:
    return "-" if value is None else format(value, spec)


def table(results: Sequence[Result]) -> str:
    header = (
        "plans",
        "tasks",
        "runs",
        "median s",
        "min s",
        "max s",
        "s/1k tasks",
        "marginal s/1k",
        "peak RSS MiB",
        "exit",
        "errors",
        "warnings",
    )
    rows = [header]
    for r in results:
        rows.append(
            (
                r.name,
                _fmt(r.tasks, "d"),
                str(len(r.wall_s)),
                f"{r.median_s:.3f}",
                f"{min(r.wall_s):.3f}",
                f"{max(r.wall_s):.3f}",
                _fmt(r.s_per_1k_tasks, ".4f"),
                _fmt(r.marginal_s_per_1k, ".4f"),
                f"{max(r.peak_rss_mib):.1f}",
                ",".join(str(c) for c in sorted(set(r.exit_codes)))
                + (" timeout" if r.timed_out else ""),
                _fmt(r.errors, "d"),
                _fmt(r.warnings, "d"),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = []
    for n, row in enumerate(rows):
        cells = [row[0].ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)
        ]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _label(size: int) -> str:
    return f"generated-{size // 1000}k" if size % 1000 == 0 else f"generated-{size}"


def parse_sizes(text: str) -> list[int]:
    try:
        sizes = [int(part.replace("_", "")) for part in text.split(",") if part.strip()]
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a comma-separated list of integers: {text}") from exc
    if not sizes or any(s <= 0 for s in sizes):
        raise argparse.ArgumentTypeError("sizes must be positive integers")
    return sizes


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Time `planc check` on generated plans (1k/10k/50k tasks) and shipped plans.",
    )
    parser.add_argument(
        "--sizes",
        type=parse_sizes,
        default=list(DEFAULT_SIZES),
        metavar="N,N,...",
        help="task counts of the generated plans (default 1000,10000,50000)",
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per plans folder (default 3)")
    parser.add_argument("--rounds", type=int, default=4, help="rounds per generated plan (4)")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    parser.add_argument("--planc", metavar="PATH", help="planc executable (default: found)")
    parser.add_argument(
        "--shipped",
        type=Path,
        default=REPO / "plans",
        metavar="DIR",
        help="shipped plans folder, timed if it exists (default: benchmarks/../plans)",
    )
    parser.add_argument("--no-shipped", action="store_true", help="skip the shipped plans")
    parser.add_argument(
        "--timeout", type=float, default=900.0, help="seconds before a run is killed (900)"
    )
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write figures as JSON")
    parser.add_argument(
        "--keep", action="store_true", help="keep the generated plans (prints the folder)"
    )
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")

    planc = find_planc(args.planc)
    if planc is None or not planc.is_file():
        parser.error("planc not found: install the package (pip install -e .) or pass --planc PATH")
    assert planc is not None

    results: list[Result] = []
    unclean: list[tuple[Result, str]] = []
    workdir = Path(tempfile.mkdtemp(prefix="planc-bench-"))
    try:
        for size in args.sizes:
            plans = workdir / f"plans-{size}"
            start = time.perf_counter()
            subprocess.run(
                [
                    sys.executable,
                    str(GENERATOR),
                    "--tasks",
                    str(size),
                    "--rounds",
                    str(args.rounds),
                    "--seed",
                    str(args.seed),
                    "--quiet",
                    str(plans),
                ],
                check=True,
            )
            gen_s = time.perf_counter() - start
            print(f"generated {size} tasks in {gen_s:.2f}s", file=sys.stderr)
            result, output = bench(
                _label(size), "generated", plans, size, planc, args.repeat, args.timeout, workdir
            )
            result.generate_s = round(gen_s, 3)
            results.append(result)
            if any(code != 0 for code in result.exit_codes) or result.warnings:
                unclean.append((result, output))
        if not args.no_shipped and args.shipped.is_dir():
            shipped = args.shipped.resolve()
            tasks = count_tasks(planc, shipped, workdir)
            result, _ = bench(
                "shipped", "shipped", shipped, tasks, planc, args.repeat, args.timeout, workdir
            )
            results.append(result)
        elif not args.no_shipped:
            print(f"(no shipped plans at {args.shipped}; skipped)", file=sys.stderr)
    finally:
        if args.keep:
            print(f"generated plans kept in {workdir}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)

    generated = sorted((r for r in results if r.kind == "generated"), key=lambda r: r.tasks or 0)
    for smaller, larger in itertools.pairwise(generated):
        if smaller.tasks and larger.tasks and larger.tasks > smaller.tasks:
            larger.marginal_s_per_1k = (larger.median_s - smaller.median_s) / (
                (larger.tasks - smaller.tasks) / 1000
            )

    print()
    print(f"planc check --plans DIR   ({planc}; median of {args.repeat} runs)")
    print(table(results))
    for result, output in unclean:
        lines = output.splitlines()
        if len(lines) > 2 * OUTPUT_HEAD:  # a traceback's last lines are the telling ones
            lines = [*lines[:OUTPUT_HEAD], "...", *lines[-OUTPUT_HEAD:]]
        head = "\n".join(lines)
        print()
        print("!" * 100)
        if result.timed_out:
            print(f"!!! {result.name}: planc check was killed after --timeout {args.timeout:g}s.")
        else:
            print(
                f"!!! {result.name}: the generated plan does NOT check clean "
                f"(exit {sorted(set(result.exit_codes))}, errors={result.errors}, "
                f"warnings={result.warnings}); the generator is meant to produce valid plans."
            )
        print(f"!!! planc output (first and last {OUTPUT_HEAD} lines of the first failing run):")
        print(head or "(no output)")
        print("!" * 100)

    if args.json:
        payload = {
            "command": "planc check --plans DIR",
            "planc": str(planc),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "repeat": args.repeat,
            "rounds": args.rounds,
            "seed": args.seed,
            "results": [r.as_json() for r in results],
        }
        args.json.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", "utf-8")
        print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
