"""Paired, interleaved A/B timing of `load_articles` between two checkouts (before/after a change).

    python benchmarks/ab_load.py ROOT_A ROOT_B CORPUS [--pairs 5]

Each run is a fresh process importing `analysis` from its ROOT, warmed on the seed, then timing
one `load_articles(CORPUS, jobs=1)` in CPU seconds; runs alternate A, B, B, A, ... so that load on a
shared machine falls on both sides. Prints each pair and the median B/A ratio.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys

_CHILD = """
import sys, time, warnings
sys.path.insert(0, sys.argv[1])
warnings.simplefilter("ignore")
from analysis import load_articles
load_articles(sys.argv[1] + "/seeds", jobs=1)
t0 = time.process_time()
load_articles(sys.argv[2], jobs=1)
print(time.process_time() - t0)
"""


def _run(root: str, corpus: str) -> float:
    out = subprocess.run([sys.executable, "-c", _CHILD, root, corpus], capture_output=True, text=True,
                         check=True)
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("root_a")
    parser.add_argument("root_b")
    parser.add_argument("corpus")
    parser.add_argument("--pairs", type=int, default=5)
    args = parser.parse_args()
    ratios = []
    for i in range(args.pairs):
        order = (args.root_a, args.root_b) if i % 2 == 0 else (args.root_b, args.root_a)
        times = {root: _run(root, args.corpus) for root in order}
        a, b = times[args.root_a], times[args.root_b]
        ratios.append(b / a)
        print(f"pair {i + 1}: A {a:.2f} s, B {b:.2f} s CPU, B/A {b / a:.3f}", flush=True)
    print(f"median B/A {statistics.median(ratios):.3f} over {args.pairs} pairs")


if __name__ == "__main__":
    main()
