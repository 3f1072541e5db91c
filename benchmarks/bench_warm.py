"""What a pipeline worker pays for its first chunk after the fork server's warm-up, paired A/B.

    .venv/bin/python benchmarks/bench_warm.py                      # this checkout, 200 dumps
    .venv/bin/python benchmarks/bench_warm.py 200 --ab /tmp/base   # paired against another checkout

The pipeline's workers are forked from a fork server that ran `analysis.workers.warm` (imports, every
lexicon, one made-up page through every table, `gc.freeze`). Whatever that page does not reach (a
page that is not plainly English, a word outside the pronouncing dictionary, a rule's pattern built
on first use) is read again by every worker in its first chunk. This script does what one worker
does, in a fresh process: `warm()` (its CPU time is the fork server's, paid once per run), then
`load_articles` + `compute_tables` of the first N made-up dumps (benchmarks/make_corpus.py, as
bench_producers.py; CPU ms per article). `--ab ROOT` alternates the checkout at ROOT (A) and this
one (B) in fresh processes, `--rounds` times each, and prints the medians.
"""
from __future__ import annotations

import argparse
import datetime
import json
import os
import statistics
import sys
import time
import warnings
from pathlib import Path

HERE = Path(__file__).resolve()
ROOT = HERE.parents[1]


def measure(n: int, seed: int) -> dict:
    """CPU seconds of `warm()` and CPU ms per article of the first chunk of `n` dumps after it."""
    sys.path.insert(0, str(HERE.parent))
    from bench_producers import _corpus

    files = None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        c0 = time.process_time()
        from analysis.workers import warm

        warm()
        warm_cpu = time.process_time() - c0
        from analysis.load import find_files, load_articles
        from analysis.producers import compute_tables

        files = list(find_files(_corpus(max(n, 1000), seed)))[:n]
        c0 = time.process_time()
        articles = load_articles(files, jobs=1)
        compute_tables(articles)
        chunk_cpu = time.process_time() - c0
    return {"articles": len(articles), "warm_cpu_s": warm_cpu, "chunk_ms_per_article": 1000 * chunk_cpu / len(articles)}


def ab(base: Path, n: int, seed: int, rounds: int) -> str:
    sys.path.insert(0, str(HERE.parent))
    from bench_producers import _corpus, commit_of, paired_runs

    _corpus(max(n, 1000), seed)   # built once, before the timed runs
    runs = paired_runs(HERE, base, [str(n), "--seed", str(seed)], rounds)
    med = {side: {key: statistics.median(r[key] for r in rs) for key in ("warm_cpu_s", "chunk_ms_per_article")}
           for side, rs in runs.items()}
    a, b = med["A"], med["B"]
    a_run = a["warm_cpu_s"] + 2 * n * a["chunk_ms_per_article"] / 1000
    b_run = b["warm_cpu_s"] + 2 * n * b["chunk_ms_per_article"] / 1000
    return "\n".join([
        f"paired A/B, {rounds} interleaved rounds, fresh process each, CPU (median); A = {commit_of(base)} "
        f"({base}), B = {commit_of(ROOT)}, {datetime.date.today()}, load average {os.getloadavg()[0]:.1f}", "",
        "| measure | A | B | A / B |", "|---|---:|---:|---:|",
        f"| warm-up (fork server, once per run), CPU s | {a['warm_cpu_s']:.2f} | {b['warm_cpu_s']:.2f} | "
        f"{a['warm_cpu_s'] / b['warm_cpu_s']:.2f} |",
        f"| a worker's first chunk of {n} dumps, CPU ms per article | {a['chunk_ms_per_article']:.2f} | "
        f"{b['chunk_ms_per_article']:.2f} | {a['chunk_ms_per_article'] / b['chunk_ms_per_article']:.2f} |",
        f"| warm-up + two workers' first chunks, CPU s | {a_run:.2f} | {b_run:.2f} | {a_run / b_run:.2f} |"])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", type=int, nargs="?", default=200, help="dumps in the first chunk (default 200)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", action="store_true", help="print the raw measurement as JSON")
    parser.add_argument("--ab", type=Path, default=None, metavar="ROOT", help="paired A/B against ROOT")
    parser.add_argument("--rounds", type=int, default=3, help="A/B rounds (default 3)")
    args = parser.parse_args(argv)
    if args.ab:
        print(ab(args.ab.resolve(), args.n, args.seed, args.rounds))
        return 0
    sys.path.insert(0, os.environ.get("BENCH_ROOT", str(ROOT)))   # the checkout to measure
    result = measure(args.n, args.seed)
    print(json.dumps(result) if args.json else result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
