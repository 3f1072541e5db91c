"""The in-memory path a script takes: `load_articles(corpus)` then `analyze(articles)` on all cores.

    .venv/bin/python benchmarks/bench_analyze.py 2000                   # one run, this checkout
    .venv/bin/python benchmarks/bench_analyze.py 2000 --ab /tmp/base    # paired A/B, interleaved

Uses the first N files of the benchmark corpus (benchmarks/make_corpus.py, via bench_pipeline's
`corpus_for`). Reports wall
seconds for loading (one process, as `load_articles` defaults) and for `analyze` (a process pool of
all cores), and articles/s. `--ab ROOT`: alternately in the checkout at ROOT (A) and this one (B),
`--rounds` times each, each in a fresh process; prints the medians and A / B (above 1: B faster).
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

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve()


def measure(n: int, seed: int, jobs: int | None) -> dict:
    from analysis import analyze, load_articles   # first: bench_pipeline puts this checkout on sys.path
    from analysis.load import find_files

    sys.path.insert(0, str(HERE.parent))
    from bench_pipeline import corpus_for

    files = list(find_files(corpus_for(max(n, 1000), None, seed)))[:n]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t0 = time.perf_counter()
        articles = load_articles(files)
        t1 = time.perf_counter()
        tables = analyze(articles, jobs=jobs)
        t2 = time.perf_counter()
    import analysis

    print(f"measured {Path(analysis.__file__).parent}", file=sys.stderr)
    return {"articles": len(articles), "rows": sum(len(t) for t in tables.values()),
            "seconds_load": t1 - t0, "seconds_analyze": t2 - t1,
            "articles_per_s": len(articles) / (t2 - t0), "load_average": os.getloadavg()[0]}


def ab(base: Path, n: int, seed: int, rounds: int) -> str:
    from bench_producers import paired_runs   # this script's folder is on sys.path

    runs = paired_runs(HERE, base, [str(n), "--seed", str(seed)], rounds)
    assert runs["A"][0]["rows"] == runs["B"][0]["rows"], "the two checkouts give different row counts"
    lines = [f"paired A/B, {rounds} interleaved rounds, load_articles + analyze of {n} articles "
             f"(wall, median); A = {base}, B = {ROOT}, {datetime.date.today()}", "",
             "| measure | A | B | A / B |", "|---|---:|---:|---:|"]
    for key in ("seconds_load", "seconds_analyze"):
        a = statistics.median(r[key] for r in runs["A"])
        b = statistics.median(r[key] for r in runs["B"])
        lines.append(f"| {key} | {a:.1f} | {b:.1f} | {a / b:.2f} |")
    a = statistics.median(r["articles_per_s"] for r in runs["A"])
    b = statistics.median(r["articles_per_s"] for r in runs["B"])
    lines.append(f"| articles/s | {a:.0f} | {b:.0f} | {b / a:.2f} (B / A) |")
    loads = [round(r["load_average"], 1) for r in runs["A"] + runs["B"]]
    lines.append(f"\nload average after each run: {loads}")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", type=int, nargs="?", default=2000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--ab", type=Path, default=None, metavar="ROOT")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args(argv)
    if args.ab:
        print(ab(args.ab.resolve(), args.n, args.seed, args.rounds))
        return 0
    sys.path.insert(0, os.environ.get("BENCH_ROOT", str(ROOT)))
    result = measure(args.n, args.seed, args.jobs)
    print(json.dumps(result) if args.json else
          f"{result['articles']} articles: load {result['seconds_load']:.1f} s, analyze "
          f"{result['seconds_analyze']:.1f} s, {result['articles_per_s']:.0f} articles/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
