"""Paired, interleaved A/B timing of `load_articles` between two checkouts (before/after a change).

    python benchmarks/ab_load.py ROOT_A ROOT_B CORPUS [--pairs 5]

Each run is a fresh process importing `analysis` from its ROOT, warmed on the seed, then timing
one `load_articles(CORPUS, jobs=1)` in CPU seconds; runs alternate A, B, B, A, ... so that load on a
shared machine falls on both sides. Prints each pair, the median B/A ratio and the median CPU ms
per article of each side.
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
n = len(load_articles(sys.argv[2], jobs=1))
print(time.process_time() - t0, n)
"""


def _run(root: str, corpus: str) -> tuple[float, int]:
    """(CPU seconds, articles loaded) of one fresh process."""
    out = subprocess.run([sys.executable, "-c", _CHILD, root, corpus], capture_output=True, text=True,
                         check=True)
    seconds, n = out.stdout.strip().splitlines()[-1].split()
    return float(seconds), int(n)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("root_a")
    parser.add_argument("root_b")
    parser.add_argument("corpus")
    parser.add_argument("--pairs", type=int, default=5)
    args = parser.parse_args()
    ratios, per_article = [], {args.root_a: [], args.root_b: []}
    for i in range(args.pairs):
        order = (args.root_a, args.root_b) if i % 2 == 0 else (args.root_b, args.root_a)
        runs = {root: _run(root, args.corpus) for root in order}
        (a, n), (b, _) = runs[args.root_a], runs[args.root_b]
        ratios.append(b / a)
        for root, (seconds, count) in runs.items():
            per_article[root].append(1000 * seconds / max(1, count))
        print(f"pair {i + 1}: A {a:.2f} s, B {b:.2f} s CPU ({n} articles), B/A {b / a:.3f}", flush=True)
    print(f"median B/A {statistics.median(ratios):.3f} over {args.pairs} pairs; median CPU ms per article "
          f"A {statistics.median(per_article[args.root_a]):.2f} -> B {statistics.median(per_article[args.root_b]):.2f}")


if __name__ == "__main__":
    main()
