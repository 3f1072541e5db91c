"""Where one core's time goes: milliseconds per article for loading and for each table producer.

    .venv/bin/python benchmarks/bench_producers.py                   # 300 realistic dumps, one core
    .venv/bin/python benchmarks/bench_producers.py 500 --rounds 3
    .venv/bin/python benchmarks/bench_producers.py --ab /tmp/base    # paired A/B against another checkout

Loads N realistic page dumps (benchmarks/make_corpus.py: real bodies in the boiler-plate of made-up
outlets, ~700 words) with `load_articles` and computes every table with `compute_tables`, in this
one process (no pool), measuring CPU seconds per step (`time.process_time`, so other engineers'
load on a shared machine slows it less than wall time). Also: one warm article through every
table (load of one file + every table), the median over 30 files. After the warm-up the heap is
frozen (`gc.freeze`), as the pipeline's workers do (`analysis.workers.warm`). The sentence split is timed as
its own step ("sentences", every article's `analysis.text.unit_table`, which the producers then
read from its cache) ahead of the producers. Prints a Markdown table
(ms per article, share of the total) headed by the corpus, the commit and the date.

`--pipeline` adds two steps a `run_corpus` worker pays besides these: "page keys" (`analysis.duplicates.page_key`,
which `run_corpus` makes with keep_duplicates; with a body sketch only when the files hold text dumps
and HTML pages, since session 11, speed33; these dumps are all text) and "write"
(every table and the page keys as Parquet, with `analysis.corpus_run`'s chunk writer).

`--ab ROOT` runs the measurement alternately in the checkout at ROOT and in this one (`--rounds`
times each, interleaved: A B A B ...), each in a fresh process, and prints the ratio of the
medians per step (A / B: above 1 means this checkout is faster).
"""
from __future__ import annotations

import argparse
import datetime
import gc
import json
import os
import statistics
import subprocess
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve()


def _corpus(n: int, seed: int) -> Path:
    sys.path.insert(0, str(HERE.parent))
    from bench_pipeline import corpus_for

    return corpus_for(n, None, seed)


def _pipeline_steps(articles, tables: dict, timings: dict, files: list) -> None:
    """What a `run_corpus` worker does besides loading and the producers (`--pipeline`): the page
    keys `load_paths` makes (keep_duplicates; with every page's body sketch when the run's files
    hold text dumps and HTML pages, `load.bodies_comparable`; before session 11 always) and writing
    every table and the page keys as Parquet (`corpus_run`'s own chunk writer)."""
    import tempfile

    from analysis import corpus_run, load
    from analysis.duplicates import page_key

    comparable = getattr(load, "bodies_comparable", None)
    sketch = comparable(files) if comparable is not None else True
    cols = [c for c in ("article_id", "path", "format", "outlet", "url", "row", "text") if c in articles]
    records = articles[cols].to_dict("records")
    t0 = time.process_time()
    keys = [tuple(page_key(rec, sketch)) for rec in records]
    timings["page keys"] = time.process_time() - t0
    keyed = articles.copy(deep=False)   # as `load_paths` gives them (the loader keeps them only
    keyed.attrs = {"page_keys": keys}   # with keep_duplicates since session 11)
    with tempfile.TemporaryDirectory() as folder:
        t0 = time.process_time()
        for name, table in tables.items():
            corpus_run._write_parquet_atomic(corpus_run._arrow_table(table), Path(folder) / name / "c.parquet")
        corpus_run._write_parquet_atomic(corpus_run._arrow_table(corpus_run.page_keys_frame(keyed)),
                                         Path(folder) / "_keys" / "c.parquet")
        timings["write"] = time.process_time() - t0


def measure(n: int, seed: int, pipeline: bool = False) -> dict:
    """CPU ms per article of each step on the first `n` files, in this process; warm latency."""
    import analysis
    from analysis.load import find_files, load_articles
    from analysis.pipeline import compute_tables

    print(f"measuring {Path(analysis.__file__).parent}", file=sys.stderr)

    files = list(find_files(_corpus(max(n, 1000), seed)))[:n]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        compute_tables(load_articles(files[:3], jobs=1))   # imports and data files, not measured
        # as the pipeline's workers after their warm-up (analysis.workers.warm): the loaded rules and
        # lexicons leave the collector's generations, so a full collection costs here what it costs
        # there (about 7 ms, against about 90 ms for the whole heap: 0.3 ms an article of 300, landing
        # in whichever step it falls)
        gc.collect()
        gc.freeze()
        timings: dict[str, float] = {}
        t0 = time.process_time()
        articles = load_articles(files, jobs=1)
        timings["load"] = time.process_time() - t0
        t0 = time.process_time()
        with _as_in_compute_tables():
            split_ahead(articles)
        timings["sentences"] = time.process_time() - t0
        tables = compute_tables(articles, timings=timings)
        if pipeline:
            _pipeline_steps(articles, tables, timings, files)
        single, single_cpu = [], []
        for path in files[:30]:
            t0, c0 = time.perf_counter(), time.process_time()
            compute_tables(load_articles([path], jobs=1))
            single.append(time.perf_counter() - t0)
            single_cpu.append(time.process_time() - c0)
    return {"articles": len(articles), "words": int(articles["n_words"].sum()),
            "ms_per_article": {k: 1000 * v / len(articles) for k, v in timings.items()},
            "warm_article_ms": 1000 * statistics.median(single),
            "warm_article_cpu_ms": 1000 * statistics.median(single_cpu)}


def _as_in_compute_tables():
    """The garbage-collector setting `compute_tables` runs under (`analysis.resources.fewer_collections`,
    since 2026-12-04 session 10; nothing in older checkouts), so the split ahead costs what it costs there."""
    import contextlib

    from analysis import resources

    return getattr(resources, "fewer_collections", None) or contextlib.nullcontext()


def split_ahead(articles) -> None:
    """Every article's sentence split (`analysis.text.unit_table`, cached per text), done ahead of
    the producers so that its cost is its own row ("sentences") instead of hiding in whichever
    producer asks first (quotes). The cache holds 4,096 texts: give N below that."""
    from analysis.text import unit_table

    headings = articles["heading_lines"] if "heading_lines" in articles else [None] * len(articles)
    for text, lines in zip(articles["text"], headings):
        unit_table(text)
        if isinstance(lines, str) and lines:
            unit_table(text, lines)


def commit_of(root: Path) -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True,
                             text=True, timeout=10).stdout.strip()
    except OSError:
        out = ""
    return out or os.environ.get("BENCH_CODE", root.name)


def markdown(result: dict, n: int, commit: str) -> str:
    steps = result["ms_per_article"]
    total = sum(steps.values())
    lines = [f"{result['articles']} realistic dumps (make_corpus.py, {result['words'] / result['articles']:.0f} "
             f"words each), one process, CPU time; commit {commit}, {datetime.date.today()}, "
             f"load average {os.getloadavg()[0]:.1f}", "",
             "| step | ms per article | share |", "|---|---:|---:|"]
    for step, ms in sorted(steps.items(), key=lambda kv: -kv[1]):
        lines.append(f"| {step} | {ms:.2f} | {100 * ms / total:.1f}% |")
    lines.append(f"| **total** | **{total:.2f}** ({1000 / total:.0f} articles/s on one core) | 100% |")
    lines += ["", f"one warm article (load one file + every table, median of 30): "
                  f"{result['warm_article_ms']:.1f} ms wall, {result['warm_article_cpu_ms']:.1f} ms CPU"]
    return "\n".join(lines)


def paired_runs(script: Path, base: Path, args: list[str], rounds: int) -> dict[str, list[dict]]:
    """`script ARGS --json` run alternately in the checkout `base` (A) and in this one (B), each in
    a fresh process whose workers import that checkout too; the printed JSON of each run."""
    def one_run(root: Path) -> dict:
        env = dict(os.environ, BENCH_ROOT=str(root), PYTHONPATH=str(root))   # workers too (Python 3.11)
        proc = subprocess.run([sys.executable, str(script), *args, "--json"], cwd=root, env=env,
                              capture_output=True, text=True, timeout=7200)
        if proc.returncode:
            raise SystemExit(f"run in {root} failed:\n{proc.stderr[-2000:]}")
        return json.loads(proc.stdout.strip().splitlines()[-1])

    runs: dict[str, list[dict]] = {"A": [], "B": []}
    for _ in range(rounds):
        runs["A"].append(one_run(base))
        runs["B"].append(one_run(ROOT))
    return runs


def ab(base: Path, n: int, seed: int, rounds: int, pipeline: bool = False) -> str:
    runs = paired_runs(HERE, base, [str(n), "--seed", str(seed), *(["--pipeline"] if pipeline else [])], rounds)
    steps = list(runs["B"][0]["ms_per_article"])
    med = {k: {s: statistics.median(r["ms_per_article"].get(s, 0.0) for r in v) for s in steps}
           for k, v in runs.items()}
    lines = [f"paired A/B, {rounds} interleaved rounds of {n} articles each, one process, CPU ms per "
             f"article (median); A = {commit_of(base)} ({base}), B = {commit_of(ROOT)}, "
             f"{datetime.date.today()}", "", "| step | A ms | B ms | A / B |", "|---|---:|---:|---:|"]
    for s in sorted(steps, key=lambda s: -med["A"][s]):
        lines.append(f"| {s} | {med['A'][s]:.2f} | {med['B'][s]:.2f} | {med['A'][s] / max(med['B'][s], 1e-9):.2f} |")
    ta, tb = sum(med["A"].values()), sum(med["B"].values())
    lines.append(f"| **total** | **{ta:.2f}** | **{tb:.2f}** | **{ta / tb:.2f}** |")
    best = {k: min(sum(r["ms_per_article"].values()) for r in v) for k, v in runs.items()}
    lines.append(f"| total, best of {rounds} | {best['A']:.2f} | {best['B']:.2f} | {best['A'] / best['B']:.2f} |")
    wa = statistics.median(r["warm_article_ms"] for r in runs["A"])
    wb = statistics.median(r["warm_article_ms"] for r in runs["B"])
    lines.append(f"| one warm article (wall) | {wa:.1f} | {wb:.1f} | {wa / wb:.2f} |")
    ca = statistics.median(r["warm_article_cpu_ms"] for r in runs["A"])
    cb = statistics.median(r["warm_article_cpu_ms"] for r in runs["B"])
    lines.append(f"| one warm article (CPU) | {ca:.1f} | {cb:.1f} | {ca / cb:.2f} |")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", type=int, nargs="?", default=300, help="articles (default 300)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", action="store_true", help="print the raw measurement as JSON")
    parser.add_argument("--ab", type=Path, default=None, metavar="ROOT", help="paired A/B against ROOT")
    parser.add_argument("--rounds", type=int, default=3, help="A/B rounds (default 3)")
    parser.add_argument("--pipeline", action="store_true",
                        help="also time what a run_corpus worker adds: page keys (body sketches) and the Parquet writes")
    args = parser.parse_args(argv)
    if args.ab:
        _corpus(max(args.n, 1000), args.seed)   # built once, before the timed runs
        print(ab(args.ab.resolve(), args.n, args.seed, args.rounds, args.pipeline))
        return 0
    sys.path.insert(0, os.environ.get("BENCH_ROOT", str(ROOT)))   # the checkout to measure
    result = measure(args.n, args.seed, args.pipeline)
    print(json.dumps(result) if args.json else markdown(result, args.n, commit_of(ROOT)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
