"""YAML to located nodes: the parsers planc could use, on the same bytes (a generated plan).

    .venv/bin/python benchmarks/bench_parsers.py [--tasks 10000] [--repeat 3] [--rapidyaml]

CPU seconds (this process; interleaved, medians; the cycle collector off, as planc loads) to
read every YAML file of a generated plan:

- libyaml events: ruamel's C parser, events only (no node made): the floor of that path;
- planc, libyaml path: planc/load/events.py, nodes with lines and columns from those events;
- planc, line reader: planc/load/lines.py, the same nodes (tests/test_lines.py);
- json.loads of the same data as JSON (no locations): the floor of making Python objects;
- with --rapidyaml (installed on demand into benchmarks/.rapidyaml-venv, never into planc's
  environment): rapidyaml's parse into its C++ tree, and a walk of that tree from Python
  reading each node's key and value. Its Python binding (0.15.2) has no way to ask a node's
  line and column, so the walk is a lower bound of what a node builder on it would cost.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
VENV = HERE / ".rapidyaml-venv"

RAPIDYAML = """
import sys, time, json, ryml
texts = [open(p, "rb").read() for p in sys.argv[1:]]
def walk(tree):
    stack, n = [tree.root_id()], 0
    while stack:
        node = stack.pop(); n += 1
        if tree.has_key(node): bytes(tree.key(node))
        if tree.has_val(node): bytes(tree.val(node))
        child = tree.first_child(node)
        while child != ryml.NONE:
            stack.append(child); child = tree.next_sibling(child)
    return n
import gc; gc.disable()
t = time.process_time(); trees = [ryml.parse_in_arena(x) for x in texts]
parse = time.process_time() - t
t = time.process_time(); nodes = sum(walk(tree) for tree in trees)
print(json.dumps({"parse": parse, "walk": time.process_time() - t, "nodes": nodes}))
"""


def rapidyaml(files: list[Path]) -> dict[str, float]:
    python = VENV / "bin" / "python"
    if not python.is_file():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "rapidyaml"], check=True)
    done = subprocess.run(
        [str(python), "-c", RAPIDYAML, *map(str, files)], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rapidyaml", action="store_true")
    args = parser.parse_args()

    from _ruamel_yaml import CParser
    from ruamel.yaml.events import StreamEndEvent

    from planc.load import events, lines

    with tempfile.TemporaryDirectory() as tmp:
        plans = Path(tmp) / "plans"
        subprocess.run(
            [
                sys.executable,
                str(HERE / "generate.py"),
                "--tasks",
                str(args.tasks),
                "--seed",
                str(args.seed),
                str(plans),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        files = sorted(plans.rglob("*.yaml"))
        texts = [(p.read_text(encoding="utf-8"), p.name) for p in files]
        # the data as JSON: the values of every file (a fair floor: no locations, no checks)
        from ruamel.yaml import YAML

        loader = YAML(typ="safe")
        as_json = [json.dumps(loader.load(t), default=str, ensure_ascii=False) for t, _ in texts]

        def libyaml_events() -> None:
            for text, _ in texts:
                parser = CParser(text)
                while type(parser.get_event()) is not StreamEndEvent:
                    pass
                parser.dispose()

        ways: dict[str, Callable[[], object]] = {
            "libyaml events": libyaml_events,
            "planc, libyaml path": lambda: [events.parse_text(t, f) for t, f in texts],
            "planc, line reader": lambda: [lines.read(t, f) for t, f in texts],
            "json.loads (no locations)": lambda: [json.loads(j) for j in as_json],
        }
        cpu: dict[str, list[float]] = {name: [] for name in ways}
        for _ in range(args.repeat):
            for name, way in ways.items():
                gc.collect()
                gc.disable()  # as planc loads: the cycle collector would rescan every node
                start = time.process_time()
                way()
                cpu[name].append(time.process_time() - start)
                gc.enable()
        size = sum(p.stat().st_size for p in files) / 1e6
        print(f"{args.tasks:,} tasks, {len(files)} files, {size:.1f} MB; CPU s, median")
        print("| reader | CPU s |\n|---|---:|")
        for name, values in cpu.items():
            print(f"| {name} | {statistics.median(values):.3f} |")
        if args.rapidyaml:
            found = rapidyaml(files)
            print(f"| rapidyaml parse (C++ tree) | {found['parse']:.3f} |")
            print(
                f"| rapidyaml tree walked from Python ({found['nodes']:,} nodes, no locations)"
                f" | {found['walk']:.3f} |"
            )


if __name__ == "__main__":
    main()
