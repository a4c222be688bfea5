"""'Did you mean' hints: N unknown references against N candidate ids, difflib against planc.

    .venv/bin/python benchmarks/bench_suggest.py                  # 250, 1000, 4000
    .venv/bin/python benchmarks/bench_suggest.py --sizes 250,1000 --no-difflib

Times are CPU seconds of this process (the machine is shared). The ids look like the plans'
own (two to four English words joined by '-'); half the unknown
references are an id with one or two letters changed, the other half ids that are nowhere.
Every answer of planc.suggest is compared with difflib.get_close_matches(n=1, cutoff=0.6).
"""

from __future__ import annotations

import argparse
import difflib
import random
import time

from planc.suggest import Suggester

WORDS = [
    "international",
    "port",
    "trade",
    "culture",
    "city",
    "enterprise",
    "market",
    "living",
    "room",
    "open",
    "platform",
    "education",
    "health",
    "tourism",
    "finance",
    "science",
    "innovation",
    "talent",
    "service",
    "airport",
    "shipping",
    "logistics",
    "exhibition",
    "convention",
    "youth",
    "sister",
    "friendly",
    "exchange",
    "district",
    "zone",
    "park",
    "investment",
    "capital",
    "reform",
    "digital",
    "green",
    "ocean",
    "marine",
    "harbour",
    "silk",
    "road",
    "economic",
    "belt",
]


def ids(rng: random.Random, n: int) -> list[str]:
    found: dict[str, None] = {}
    while len(found) < n:
        found["-".join(rng.sample(WORDS, rng.randint(2, 4)))] = None
    return list(found)


def typo(rng: random.Random, word: str) -> str:
    chars = list(word)
    for _ in range(rng.randint(1, 2)):
        chars[rng.randrange(len(chars))] = rng.choice("abcdefghijklmnopqrstuvwxyz")
    return "".join(chars)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="250,1000,4000")
    parser.add_argument("--no-difflib", action="store_true", help="time planc only")
    parser.add_argument("--seed", type=int, default=10)
    args = parser.parse_args()
    print(f"{'N':>6} {'difflib s':>10} {'planc s':>9} {'speed-up':>9}  same answers")
    for n in (int(s) for s in args.sizes.split(",")):
        rng = random.Random(args.seed)
        candidates = ids(rng, n)
        known = set(candidates)
        unknown = [typo(rng, c) for c in rng.sample(candidates, n // 2)]
        unknown += [u for u in ids(random.Random(args.seed + 1), n) if u not in known][
            : n - len(unknown)
        ]
        start = time.process_time()
        index = Suggester(candidates)
        ours = [index.closest(u) for u in unknown]
        planc_s = time.process_time() - start
        if args.no_difflib:
            print(f"{n:>6} {'-':>10} {planc_s:>9.3f}")
            continue
        start = time.process_time()
        theirs: list[str | None] = [
            next(iter(difflib.get_close_matches(u, candidates, n=1, cutoff=0.6)), None)
            for u in unknown
        ]
        difflib_s = time.process_time() - start
        same = ours == theirs
        print(f"{n:>6} {difflib_s:>10.2f} {planc_s:>9.3f} {difflib_s / planc_s:>8.0f}x  {same}")
        assert same, "planc.suggest disagrees with difflib"


if __name__ == "__main__":
    main()
