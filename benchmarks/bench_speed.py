"""planc's speed figures: the goals table of benchmarks/README.md in one command (`goals`), and
the groups behind it: planc check cold, warm, after one edited file and for one round at growing
sizes; start-up; `planc build --html` against a full build and against StrictDoc's HTML export
of the same content; the release build against the bare WeasyPrint render; the PDF writer's cost
per page; "did you mean".

    python benchmarks/bench_speed.py goals [--quick] [--strictdoc]  # the table, ready to paste
    python benchmarks/bench_speed.py check [--sizes 1000,10000,50000,200000] [--repeat 5]
    python benchmarks/bench_speed.py startup [--repeat 15]
    python benchmarks/bench_speed.py html [--sizes 1000,10000] [--full] [--strictdoc] [--repeat 3]
    python benchmarks/bench_speed.py release [--repeat 5]
    python benchmarks/bench_speed.py pdf [--pages 14,50,100,200,400]

Every scenario of one group runs once in turn, `--repeat` times (cold, first, warm, edited, round,
cold, first, ...), so a machine whose speed drifts moves all of them alike; the figures are
medians. Each run is a child process timed from spawn to exit, with its CPU seconds (user +
system, from os.wait4, which a busy machine inflates less than wall time) and its peak RSS.
`--json FILE` keeps every run. StrictDoc is installed on demand into benchmarks/.strictdoc-venv
(pip, `--strictdoc-version`), never into planc's environment.
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
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
GENERATOR = HERE / "generate.py"
SHIPPED = REPO / "plans"
CACHE_DIR = ".planc-cache"
STRICTDOC_VENV = HERE / ".strictdoc-venv"


@dataclass
class Runs:
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    rss: list[float] = field(default_factory=list)
    exits: list[int] = field(default_factory=list)

    def add(self, wall: float, cpu: float, rss: float, code: int) -> None:
        self.wall.append(wall)
        self.cpu.append(cpu)
        self.rss.append(rss)
        self.exits.append(code)

    def summary(self) -> dict[str, Any]:
        return {
            "median_wall_s": round(statistics.median(self.wall), 4),
            "min_wall_s": round(min(self.wall), 4),
            "max_wall_s": round(max(self.wall), 4),
            "median_cpu_s": round(statistics.median(self.cpu), 4),
            "peak_rss_mib": round(max(self.rss), 1),
            "exits": sorted(set(self.exits)),
            "wall_s": [round(w, 4) for w in self.wall],
            "cpu_s": [round(c, 4) for c in self.cpu],
        }


def run(cmd: Sequence[str], cwd: Path, timeout: float = 3600) -> tuple[float, float, float, int]:
    """Wall s, CPU s (user + system), peak RSS MiB and exit code of one child process."""
    with tempfile.TemporaryFile() as sink:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdin=subprocess.DEVNULL, stdout=sink, stderr=sink)
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode


def find_planc(explicit: str | None) -> Path:
    for candidate in [explicit, Path(sys.executable).parent / "planc", REPO / ".venv/bin/planc"]:
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    found = shutil.which("planc")
    if not found:
        sys.exit("bench_speed: no planc found; pass --planc PATH")
    return Path(found)


def generate(tasks: int, out: Path, seed: int) -> Path:
    target = out / f"plans-{tasks}"
    if not target.is_dir():
        subprocess.run(
            [
                sys.executable,
                str(GENERATOR),
                "--tasks",
                str(tasks),
                "--seed",
                str(seed),
                str(target),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return target


def interleaved(
    scenarios: dict[str, tuple[Callable[[], None], list[str]]], repeat: int, cwd: Path, label: str
) -> dict[str, Runs]:
    """Each scenario: (prepare, command). All of them once, in turn, `repeat` times."""
    results = {name: Runs() for name in scenarios}
    for i in range(repeat):
        for name, (prepare, cmd) in scenarios.items():
            prepare()
            wall, cpu, rss, code = run(cmd, cwd)
            results[name].add(wall, cpu, rss, code)
            print(
                f"  {label} {name} {i + 1}/{repeat}: {wall:.3f} s wall, {cpu:.3f} s CPU, "
                f"{rss:.0f} MiB, exit {code}",
                file=sys.stderr,
            )
    return results


def _nothing() -> None:
    pass


# --------------------------------------------------------------------------------------------
# planc check
# --------------------------------------------------------------------------------------------


def check_scenarios(planc: Path, plans: Path) -> dict[str, tuple[Callable[[], None], list[str]]]:
    rounds = sorted(p.name for p in plans.iterdir() if p.is_dir() and p.name[:1].isdigit())
    with_tasks = [r for r in rounds if sorted((plans / r / "tasks").glob("*.yaml"))]
    first_file = sorted((plans / with_tasks[0] / "tasks").glob("*.yaml"))[0]
    last_file = sorted((plans / with_tasks[-1] / "tasks").glob("*.yaml"))[0]
    cache = plans / CACHE_DIR
    base = [str(planc), "check", "--plans", str(plans)]
    edits = {"n": 0}

    def drop_cache() -> None:
        shutil.rmtree(cache, ignore_errors=True)

    def edit(path: Path) -> Callable[[], None]:
        def apply() -> None:  # a new comment each time: always a real change
            edits["n"] += 1
            with path.open("a", encoding="utf-8") as stream:
                stream.write(f"# edit {edits['n']}\n")

        return apply

    return {
        "cold (--no-cache)": (_nothing, [*base, "--no-cache"]),
        "first (fills cache)": (drop_cache, base),
        "warm (unchanged)": (_nothing, base),
        "edited (last round)": (edit(last_file), base),
        "edited (first round)": (edit(first_file), base),
        f"one round cold ({rounds[-1]})": (_nothing, [*base, "--no-cache", rounds[-1]]),
        f"one round warm ({rounds[-1]})": (_nothing, [*base, rounds[-1]]),
    }


def bench_check(args: argparse.Namespace, planc: Path, work: Path) -> dict[str, Any]:
    report: dict[str, Any] = {}
    sizes = [int(s) for s in args.sizes.split(",") if s]
    targets = [(f"generated-{n}", n, generate(n, work, args.seed)) for n in sizes]
    if not args.no_shipped:
        shipped = work / "shipped"
        if not shipped.is_dir():
            shutil.copytree(SHIPPED, shipped, ignore=shutil.ignore_patterns(CACHE_DIR))
        targets.insert(0, ("shipped", 0, shipped))
    for name, _, plans in targets:
        runs = interleaved(check_scenarios(planc, plans), args.repeat, work, name)
        report[name] = {scenario: r.summary() for scenario, r in runs.items()}
    return report


# --------------------------------------------------------------------------------------------
# Start-up
# --------------------------------------------------------------------------------------------


def bench_startup(args: argparse.Namespace, planc: Path, work: Path) -> dict[str, Any]:
    shipped = work / "shipped"
    if not shipped.is_dir():
        shutil.copytree(SHIPPED, shipped, ignore=shutil.ignore_patterns(CACHE_DIR))
    dist = work / "dist-startup"
    subprocess.run(
        [str(planc), "build", "--plans", str(shipped), "--out", str(dist)],
        check=True,
        capture_output=True,
    )
    python = str(Path(os.path.realpath(planc)).parent / "python")
    if not Path(python).is_file():
        python = sys.executable
    scenarios = {
        "python -c pass": (_nothing, [python, "-c", "pass"]),
        "planc --version": (_nothing, [str(planc), "--version"]),
        "planc check (shipped, warm)": (_nothing, [str(planc), "check", "--plans", str(shipped)]),
        "planc check --no-cache (shipped)": (
            _nothing,
            [str(planc), "check", "--plans", str(shipped), "--no-cache"],
        ),
        "planc check -h (full command line)": (_nothing, [str(planc), "check", "-h"]),
        "planc build, unchanged (shipped)": (
            _nothing,
            [str(planc), "build", "--plans", str(shipped), "--out", str(dist)],
        ),
    }
    runs = interleaved(scenarios, args.repeat, work, "startup")
    return {name: r.summary() for name, r in runs.items()}


# --------------------------------------------------------------------------------------------
# build --html, the full build, and StrictDoc
# --------------------------------------------------------------------------------------------


def strictdoc(version: str) -> Path:
    exe = STRICTDOC_VENV / "bin" / "strictdoc"
    if not exe.is_file():
        print(f"installing StrictDoc {version} into {STRICTDOC_VENV}", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(STRICTDOC_VENV)], check=True)
        subprocess.run(
            [str(STRICTDOC_VENV / "bin/pip"), "install", "-q", f"strictdoc=={version}"],
            check=True,
        )
    return exe


def _sdoc_text(text: str) -> str:
    # A multi-line field; StrictDoc ends it at a line holding only <<<.
    return ">>>\n" + text.replace("\n<<<", "\n <<<") + "\n<<<"


def write_sdoc(plans: Path, out: Path) -> int:
    """The same content as planc's HTML of `plans`, as StrictDoc documents: per round the plan
    (chapters as sections, tasks as requirements with their text, units, indicators and
    benchmark places, linked to their cases and the tasks they continue) and the handbook (parts
    as sections, cases with places, summary, practices and references). Returns the
    requirements written."""
    from planc.pipeline import analyze

    analysis = analyze(plans)
    index = analysis.index
    reg = index.project.registry
    out.mkdir(parents=True, exist_ok=True)
    written = 0

    def names(refs: Sequence[Any], table: dict[str, Any]) -> str:
        return "、".join(table[r.id].name if r.id in table else r.id for r in refs)

    for name, ri in index.rounds.items():
        rnd = ri.round
        tag = name.replace("-", "")
        plan = [f"[DOCUMENT]\nTITLE: {rnd.title or name}\n"]
        for chapter in rnd.chapters:
            plan.append(f"[[SECTION]]\nTITLE: {chapter.title}\n")
            for task in chapter.tasks:
                lines = [task.text or task.title]
                lines.append(f"牵头单位：{names(task.lead, reg.units)}")
                if task.partners:
                    lines.append(f"参与单位：{names(task.partners, reg.units)}")
                if task.indicators:
                    lines.append("指标：" + "、".join(r.id for r in task.indicators))
                if task.benchmarks:
                    lines.append(f"对标：{names(task.benchmarks, reg.places)}")
                parents = [f"C-{tag}-{r.id}" for r in task.cases if r.id in ri.cases]
                if task.continues is not None:
                    earlier, _, tid = task.continues.id.partition(":")
                    if earlier in index.rounds and tid in index.rounds[earlier].tasks:
                        parents.append(f"T-{earlier.replace('-', '')}-{tid}")
                rel = "".join(f"- TYPE: Parent\n  VALUE: {uid}\n" for uid in parents)
                plan.append(
                    f"[REQUIREMENT]\nUID: T-{tag}-{task.id}\nTITLE: {task.title}\n"
                    f"STATEMENT: {_sdoc_text(chr(10).join(lines))}\n"
                    + (f"RELATIONS:\n{rel}" if rel else "")
                )
                written += 1
            plan.append("[[/SECTION]]\n")
        (out / f"plan-{name}.sdoc").write_text("\n".join(plan), encoding="utf-8")
        book = [f"[DOCUMENT]\nTITLE: {rnd.handbook_title or name}\n"]
        for part in rnd.parts:
            book.append(f"[[SECTION]]\nTITLE: {part.title}\n")
            for case in part.cases:
                lines = [f"地点：{names(case.places, reg.places)}", case.summary or ""]
                lines += [f"{i}. {p}" for i, p in enumerate(case.practices, 1)]
                lines += [f"参考：{r.title}" for r in case.references]
                book.append(
                    f"[REQUIREMENT]\nUID: C-{tag}-{case.id}\nTITLE: {case.title}\n"
                    f"STATEMENT: {_sdoc_text(chr(10).join(lines))}\n"
                )
                written += 1
            book.append("[[/SECTION]]\n")
        (out / f"handbook-{name}.sdoc").write_text("\n".join(book), encoding="utf-8")
    return written


def bench_html(args: argparse.Namespace, planc: Path, work: Path) -> dict[str, Any]:
    report: dict[str, Any] = {}
    sizes = [int(s) for s in args.sizes.split(",") if s]
    targets = [(f"generated-{n}", generate(n, work, args.seed)) for n in sizes]
    if not args.no_shipped:
        shipped = work / "shipped"
        if not shipped.is_dir():
            shutil.copytree(SHIPPED, shipped, ignore=shutil.ignore_patterns(CACHE_DIR))
        targets.insert(0, ("shipped", shipped))
    sd = strictdoc(args.strictdoc_version) if args.strictdoc else None
    for name, plans in targets:
        out = work / f"dist-{name}"
        scenarios: dict[str, tuple[Callable[[], None], list[str]]] = {}

        def clean(folder: Path) -> Callable[[], None]:
            return lambda: shutil.rmtree(folder, ignore_errors=True)

        html = [str(planc), "build", "--html", "--plans", str(plans), "--out", str(out)]
        scenarios["planc build --html"] = (clean(out), html)
        scenarios["planc build --html, unchanged"] = (_nothing, html)
        scenarios["planc build --html --no-cache"] = (clean(out), [*html, "--no-cache"])
        if args.full:
            full_out = work / f"full-{name}"
            full = [str(planc), "build", "--plans", str(plans), "--out", str(full_out)]
            scenarios["planc build (HTML + PDF)"] = (clean(full_out), full)
        info: dict[str, Any] = {}
        if sd is not None:
            sdoc = work / f"sdoc-{name}"
            shutil.rmtree(sdoc, ignore_errors=True)
            info["sdoc_requirements"] = write_sdoc(plans, sdoc / "docs")
            sd_out = sdoc / "out"
            command = [str(sd), "export", "--formats", "html", "--output-dir", str(sd_out)]
            scenarios["strictdoc export --formats html"] = (clean(sd_out), [*command, "docs"])
        runs = interleaved(scenarios, args.repeat, work / f"sdoc-{name}" if sd else work, name)
        info.update({scenario: r.summary() for scenario, r in runs.items()})
        report[name] = info
    return report


# --------------------------------------------------------------------------------------------
# The release build against the bare WeasyPrint render, and the release step itself
# --------------------------------------------------------------------------------------------

RELEASE_ROUND = "2020-2021"


def bare_render(plans: str, round_name: str, out: str) -> None:
    """A child of its own: WeasyPrint's render of the round's plan and handbook, tagged as planc
    writes them, from the same HTML (bench_build.py's bare render), nothing else."""
    sys.path.insert(0, str(HERE))
    from bench_build import bare_child

    bare_child(Path(plans), round_name, Path(out))


def bench_release(args: argparse.Namespace, planc: Path, work: Path) -> dict[str, Any]:
    shipped = work / "shipped"
    if not shipped.is_dir():
        shutil.copytree(SHIPPED, shipped, ignore=shutil.ignore_patterns(CACHE_DIR))
    python = str(Path(os.path.realpath(planc)).parent / "python")
    if not Path(python).is_file():
        python = sys.executable
    dist, bare = work / "dist-release", work / "bare"

    def clean(*folders: Path) -> Callable[[], None]:
        def apply() -> None:
            for folder in folders:
                shutil.rmtree(folder, ignore_errors=True)

        return apply

    build = [str(planc), "build", RELEASE_ROUND, "--plans", str(shipped), "--out", str(dist)]
    scenarios = {
        "bare WeasyPrint (plan + handbook)": (
            clean(bare),
            [
                python,
                str(Path(__file__).resolve()),
                "_bare",
                str(shipped),
                RELEASE_ROUND,
                str(bare),
            ],
        ),
        f"planc build {RELEASE_ROUND}": (clean(dist, work / "release"), build),
        # the same documents as a release (the archival editions too), without the release
        f"planc build --archive {RELEASE_ROUND}": (
            clean(dist, work / "release"),
            [*build, "--archive"],
        ),
        f"planc build --release {RELEASE_ROUND}": (
            clean(dist, work / "release"),
            [*build, "--release"],
        ),
    }
    runs = interleaved(scenarios, args.repeat, work, "release")
    return {name: r.summary() for name, r in runs.items()}


# --------------------------------------------------------------------------------------------
# The PDF writer's cost per page
# --------------------------------------------------------------------------------------------


def pdf_document(pages: int) -> str:
    """A tagged document of `pages` A4 pages as dense as a plan's: per page a heading and 36
    short paragraphs, each with a link to another page (about 150 tagged elements a page)."""
    parts = [
        "<html><head><style>@page { size: A4; margin: 2cm } body { font-size: 8pt }"
        " h2 { break-before: page; font-size: 10pt } p { margin: 0 }</style></head><body>"
    ]
    for n in range(pages):
        parts.append(f'<h2 id="p{n}">第{n + 1}页</h2>')
        for k in range(36):
            target = (n * 7 + k) % pages
            parts.append(f'<p>任务{k + 1}：正文<a href="#p{target}">见第{target + 1}页</a>。</p>')
    parts.append("</body></html>")
    return "".join(parts)


def bench_pdf(args: argparse.Namespace, planc: Path, work: Path) -> dict[str, Any]:
    """write_pdf alone (the layout done before), CPU seconds per page, with pydyf's page
    references as they are and as planc keeps them. In this process: planc's own module."""
    import pydyf
    import weasyprint

    from planc.render.pdf import PageReferences

    PageReferences.install()
    kept = pydyf.PDF.__dict__["page_references"]
    report: dict[str, Any] = {}
    previous: dict[str, tuple[int, float]] = {}
    for pages in [int(n) for n in args.pages.split(",") if n]:
        laid_out = weasyprint.HTML(string=pdf_document(pages)).render(pdf_tags=True)
        row: dict[str, Any] = {"pages": len(laid_out.pages)}
        for label, prop in (("pydyf", PageReferences.original), ("planc", kept)):
            pydyf.PDF.page_references = prop
            cpu = []
            for _ in range(args.repeat):
                start = time.process_time()
                laid_out.write_pdf(work / "x.pdf", pdf_tags=True)
                cpu.append(time.process_time() - start)
            median = statistics.median(cpu)
            row[f"{label}_ms_per_page"] = round(1000 * median / pages, 2)
            if label in previous:  # the cost of the pages added since the last size
                smaller, before = previous[label]
                marginal = 1000 * (median - before) / (pages - smaller)
                row[f"{label}_marginal_ms_per_page"] = round(marginal, 2)
            previous[label] = (pages, median)
        pydyf.PDF.page_references = kept
        print(f"  pdf {pages} pages: {row}", file=sys.stderr)
        report[f"{pages} pages"] = row
    return report


# --------------------------------------------------------------------------------------------
# The goals table
# --------------------------------------------------------------------------------------------


def _cpu(s: dict[str, Any]) -> float:
    return float(s["median_cpu_s"])


def _wall(s: dict[str, Any]) -> float:
    return float(s["median_wall_s"])


def bench_goals(args: argparse.Namespace, planc: Path, work: Path) -> dict[str, Any]:
    """Every measure of the goals table, each from interleaved runs; `--quick` leaves out
    200,000 tasks, 50,000 and StrictDoc (a few minutes instead of an hour)."""
    sizes = [1000, 5000, 10000] if args.quick else [1000, 5000, 10000, 50000, 200000]
    rows: list[tuple[str, str, str]] = []
    data: dict[str, Any] = {}
    edits: dict[int, tuple[float, float, float]] = {}
    for n in sizes:
        plans = generate(n, work, args.seed)
        # the cache filled first: an edit is then measured against a warm cache
        run([str(planc), "check", "--plans", str(plans)], work)
        scenarios = check_scenarios(planc, plans)
        picked = {k: v for k, v in scenarios.items() if k.startswith(("cold", "edited (last"))}
        repeat = 1 if n >= 200000 else 2 if n >= 50000 else args.repeat
        runs = interleaved(picked, repeat, work, f"generated-{n}")
        cold, edited = runs["cold (--no-cache)"].summary(), runs["edited (last round)"].summary()
        data[f"check {n}"] = {"cold": cold, "edited": edited}
        edits[n] = (_cpu(edited), _cpu(cold), _wall(edited))
        if n in (10000, 200000):
            goal = "≤ 1 s" if n == 10000 else "≤ 30 s, ≤ 1 GB"
            rss = f", {cold['peak_rss_mib']:.0f} MiB" if n == 200000 else ""
            rows.append((f"check {n:,} tasks, cold", goal, f"{_cpu(cold):.2f} CPU s{rss}"))
    big = max(n for n in edits if n <= 50000)
    ratios = ", ".join(f"{n // 1000}k {100 * e / c:.0f} %" for n, (e, c, _) in edits.items())
    rows.append(
        (
            f"one file edited, {big // 1000}k",
            "≤ 1 s, ≤ 25 % of cold from 5k",
            f"{edits[big][0]:.2f} CPU s ({edits[big][2]:.2f} wall); {ratios}",
        )
    )
    args.repeat = max(args.repeat, 5)
    start = bench_startup(args, planc, work)
    data["startup"] = start
    warm, cold = start["planc check (shipped, warm)"], start["planc check --no-cache (shipped)"]
    rows.append(
        (
            "check, shipped plans",
            "≤ 0.15 s",
            f"{_cpu(warm):.3f} CPU s warm ({_wall(warm):.3f} wall), "
            f"{_cpu(cold):.3f} without the cache",
        )
    )
    args.repeat = 3
    release = bench_release(args, planc, work)
    data["release"] = release
    bare = release["bare WeasyPrint (plan + handbook)"]
    plain = release[f"planc build {RELEASE_ROUND}"]
    archived = release[f"planc build --archive {RELEASE_ROUND}"]
    full = release[f"planc build --release {RELEASE_ROUND}"]
    # A release has held the archival editions since issue 23, which allows them 30 % of a
    # build: the ratio is given with them and, for the rest, the plain build's.
    rows.append(
        (
            f"`build --release`, {RELEASE_ROUND}",
            "≤ 1.2× bare WeasyPrint",
            f"{_wall(full) / _wall(bare):.2f}× wall, {_cpu(full) / _cpu(bare):.2f}× CPU "
            f"(a build without the archival set: {_wall(plain) / _wall(bare):.2f}× wall, "
            f"{_cpu(plain) / _cpu(bare):.2f}× CPU)",
        )
    )
    rows.append(
        (
            "the release step (`--release` less `build --archive`)",
            "≤ 0.3 s",
            f"{_cpu(full) - _cpu(archived):.2f} CPU s (the archival set: "
            f"{_cpu(archived) - _cpu(plain):.2f} CPU s)",
        )
    )
    args.pages = "14,50,100,200,400" if not args.quick else "14,100,400"
    args.repeat = 1
    pdf = bench_pdf(args, planc, work)
    data["pdf"] = pdf
    per_page = ", ".join(f"{row['pages']}: {row['planc_ms_per_page']:.1f}" for row in pdf.values())
    before = ", ".join(f"{row['pages']}: {row['pydyf_ms_per_page']:.1f}" for row in pdf.values())
    rows.append(("PDF write, ms per page", "flat", f"{per_page} (pydyf's own: {before})"))
    if args.strictdoc and not args.quick:
        args.sizes, args.full, args.repeat = "1000,10000", False, 3
        html = bench_html(args, planc, work)
        data["html"] = html
        ratios = ", ".join(
            f"{name.split('-')[-1]}: "
            f"{_wall(r['strictdoc export --formats html']) / _wall(r['planc build --html']):.1f}×"
            for name, r in html.items()
            if name.startswith("generated")
        )
        rows.append(("`build --html` vs StrictDoc 0.30.4", "≥ 10×", ratios))
    data["table"] = rows
    return data


def print_goals(rows: list[tuple[str, str, str]]) -> None:
    print("\n| measure | goal | now |")
    print("|---|---|---|")
    for measure, goal, now in rows:
        print(f"| {measure} | {goal} | {now} |")


# --------------------------------------------------------------------------------------------


def print_report(report: dict[str, Any]) -> None:
    if any("median_wall_s" in rows for rows in report.values() if isinstance(rows, dict)):
        report = {"runs": report}  # one group (start-up)
    for group, rows in report.items():
        if not isinstance(rows, dict):
            continue
        print(f"\n## {group}")
        print("| scenario | median wall s | median CPU s | min–max wall s | peak RSS MiB | exit |")
        print("|---|---:|---:|---:|---:|---|")
        for scenario, s in rows.items():
            if not isinstance(s, dict):
                print(f"| {scenario}: {s} | | | | | |")
                continue
            print(
                f"| {scenario} | {s['median_wall_s']:.3f} | {s['median_cpu_s']:.3f} | "
                f"{s['min_wall_s']:.3f}–{s['max_wall_s']:.3f} | {s['peak_rss_mib']:.0f} | "
                f"{','.join(map(str, s['exits']))} |"
            )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    if argv is None and sys.argv[1:2] == ["_bare"]:  # the bare render's own child process
        bare_render(*sys.argv[2:5])
        return 0
    parser.add_argument("what", choices=["goals", "check", "startup", "html", "release", "pdf"])
    parser.add_argument("--quick", action="store_true", help="goals: a few minutes' subset")
    parser.add_argument("--pages", default="14,50,100,200,400", help="pdf: document sizes")
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--planc")
    parser.add_argument("--work", help="keep generated plans here (default: a temporary folder)")
    parser.add_argument("--no-shipped", action="store_true")
    parser.add_argument("--full", action="store_true", help="html: also time a full build")
    parser.add_argument("--strictdoc", action="store_true", help="html: also time StrictDoc")
    parser.add_argument("--strictdoc-version", default="0.30.4")
    parser.add_argument("--json")
    args = parser.parse_args(argv)
    planc = find_planc(args.planc)
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="planc-speed-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
        load = os.getloadavg()
        bench = {
            "goals": bench_goals,
            "check": bench_check,
            "startup": bench_startup,
            "html": bench_html,
            "release": bench_release,
            "pdf": bench_pdf,
        }[args.what]
        body = bench(args, planc, work)
        report: dict[str, Any] = {
            "when": started,
            "machine": f"{platform.platform()}, {os.cpu_count()} CPUs, "
            f"load average at start {load[0]:.1f}, at end {os.getloadavg()[0]:.1f}",
            "python": platform.python_version(),
            **body,
        }
        print(f"{args.what}: {report['when']}; {report['machine']}; Python {report['python']}")
        if args.what == "goals":
            print_goals(body.pop("table"))
            report.pop("table", None)
        elif args.what == "pdf":
            print("| pages | pydyf's ms/page | marginal | planc's ms/page | marginal |")
            print("|---:|---:|---:|---:|---:|")
            for row in body.values():
                print(
                    f"| {row['pages']} | {row['pydyf_ms_per_page']} | "
                    f"{row.get('pydyf_marginal_ms_per_page', '–')} | {row['planc_ms_per_page']} | "
                    f"{row.get('planc_marginal_ms_per_page', '–')} |"
                )
        else:
            print_report(body)
        if args.json:
            Path(args.json).write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
