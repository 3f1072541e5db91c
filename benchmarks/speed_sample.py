"""A sampling profile of loading and every table, by CPU time, without cProfile's distortion.

    .venv/bin/python benchmarks/speed_sample.py CORPUS [--n 300] [--top 40] [--interval 0.001]

Loads the first N files of CORPUS (`load_articles(jobs=1)`) and computes every table
(`compute_tables`) in this one process after a three-file warm-up and `gc.freeze()` (as the
pipeline's workers do), while a CPU-time interval timer (`signal.ITIMER_PROF`) interrupts the
process every `--interval` CPU seconds and records the Python stack. Each function's self and
inclusive share of the samples is printed (cProfile instruments every call and inflates small ones
about six times; a sampler only reads the stack, so short functions keep their true share).
"""
from __future__ import annotations

import argparse
import collections
import gc
import signal
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--interval", type=float, default=0.001)
    ap.add_argument("--only", choices=["load", "tables", "all"], default="all")
    ap.add_argument("--callers", default="", help="also count the callers (file:line) of functions whose key holds this")
    ap.add_argument("--repeat", type=int, default=1, help="load and compute N times (more samples)")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    from analysis.load import find_files, load_articles
    from analysis.pipeline import compute_tables

    files = list(find_files(args.corpus))[: args.n + 3]
    warnings.simplefilter("ignore")
    compute_tables(load_articles(files[:3], jobs=1))
    gc.collect()
    gc.freeze()
    selfs: collections.Counter = collections.Counter()
    lines: collections.Counter = collections.Counter()
    callers: collections.Counter = collections.Counter()
    incl: collections.Counter = collections.Counter()
    total = [0]
    active = [args.only in ("load", "all")]

    def on_sample(signum, frame):
        if not active[0]:
            return
        total[0] += 1
        seen = set()
        first = True
        while frame is not None:
            code = frame.f_code
            key = f"{Path(code.co_filename).name}:{code.co_firstlineno}:{code.co_name}"
            if first:
                selfs[key] += 1
                lines[f"{Path(code.co_filename).name}:{frame.f_lineno}:{code.co_name}"] += 1
                first = False
            if key not in seen:
                incl[key] += 1
                seen.add(key)
                if args.callers and args.callers in key and frame.f_back is not None:
                    up = frame.f_back
                    callers[f"{key} <- {Path(up.f_code.co_filename).name}:{up.f_lineno}:{up.f_code.co_name}"] += 1
            frame = frame.f_back

    signal.signal(signal.SIGPROF, on_sample)
    signal.setitimer(signal.ITIMER_PROF, args.interval, args.interval)
    load_s = tables_s = 0.0
    for _ in range(args.repeat):
        active[0] = args.only in ("load", "all")
        t0 = time.process_time()
        articles = load_articles(files[3:], jobs=1)
        t1 = time.process_time()
        active[0] = args.only in ("tables", "all")
        compute_tables(articles)
        t2 = time.process_time()
        load_s += t1 - t0
        tables_s += t2 - t1
    signal.setitimer(signal.ITIMER_PROF, 0, 0)
    n = len(articles) * args.repeat
    print(f"{n} articles: load {1000 * load_s / n:.2f} ms, tables {1000 * tables_s / n:.2f} ms an article (CPU, sampler on)")
    print(f"{total[0]} samples")
    for title, counter in (("self", selfs), ("self by line", lines), ("inclusive", incl), ("callers", callers)):
        print(f"\n## {title}")
        for key, c in counter.most_common(args.top):
            print(f"{100 * c / total[0]:6.2f}%  {key}")


if __name__ == "__main__":
    main()
