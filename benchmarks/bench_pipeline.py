"""Speed and memory of the whole pipeline (load + clean + every table) on N page dumps.

For each N: builds (or reuses) a corpus with make_corpus.py, runs `analysis.pipeline.run_corpus`
exactly as `python -m analysis run CORPUS --no-notebooks` does (process pool over chunks of
files, each chunk written to Parquet, then the tables concatenated into Parquet + CSV) and
reports wall-clock articles/s and words/s, CPU seconds per step summed over workers (which step
dominates), and the peak resident memory of the whole process tree (main + workers, sampled
every 50 ms with psutil). Results: a Markdown table on stdout and benchmarks/results/bench_N.json.

    .venv/bin/python benchmarks/bench_pipeline.py 1000 10000          # the docs/scale.md table
    .venv/bin/python benchmarks/bench_pipeline.py 100000              # minutes: run in background
    .venv/bin/python benchmarks/bench_pipeline.py 1000 --profile 300  # cProfile of 300 articles
    .venv/bin/python benchmarks/bench_pipeline.py 2000 --ab /tmp/base --rounds 3   # paired A/B

`--ab ROOT` runs the whole benchmark alternately with the checkout at ROOT (A) and this one (B),
`--rounds` times each (A B A B ...), each in a fresh process on the same corpus, and prints the
best and the median of each side: wall seconds (load + analyze, and including Parquet + CSV), CPU
seconds of the workers and of the main process, and the workers' CPU seconds per step.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, os.environ.get("BENCH_ROOT", str(ROOT)))   # the checkout to measure (--ab)

STEPS = ["load", "paragraphs", "removed", "quotes", "quote_share", "attributions", "readability",
         "frames", "frame_matches", "tone", "write"]


class PeakMemory:
    """Peak summed RSS (bytes) of this process and all its descendants, sampled in a thread."""

    def __init__(self, interval: float = 0.05):
        import psutil

        self._proc = psutil.Process()
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> int:
        import psutil

        total = 0
        procs = [self._proc]
        try:
            procs += self._proc.children(recursive=True)
        except psutil.Error:
            pass
        for p in procs:
            try:
                total += p.memory_info().rss
            except psutil.Error:
                pass
        return total

    def _run(self):
        while not self._stop.is_set():
            self.peak = max(self.peak, self._sample())
            self._stop.wait(self.interval)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self._sample())


def corpus_for(n: int, corpus_dir: Path | None, seed: int) -> Path:
    from make_corpus import make_corpus

    path = corpus_dir or ROOT / "benchmarks" / f"_corpus_{n}"
    stamp = path / f".made-{n}-{seed}-v2"  # v2: words varied per page (no cross-page cache hits)
    if not stamp.exists():
        print(f"building corpus of {n} pages in {path} ...", file=sys.stderr)
        make_corpus(n, path, seed)
        stamp.touch()
    return path


def bench(n: int, jobs, chunk_size: int, corpus_dir: Path | None, seed: int, csv: bool,
          keep: Path | None) -> dict:
    from analysis.pipeline import run_corpus

    corpus = corpus_for(n, corpus_dir, seed)
    out = keep or Path(tempfile.mkdtemp(prefix=f"bench_{n}_"))
    load_before = os.getloadavg()[0]
    try:
        t0 = time.perf_counter()
        with PeakMemory() as mem:
            summary = run_corpus(corpus, out / "tables", jobs=jobs, chunk_size=chunk_size,
                                 progress=sys.stderr.isatty(), restart=True, write_csv=csv)
        wall = time.perf_counter() - t0
    finally:
        if keep is None:
            shutil.rmtree(out, ignore_errors=True)
    cpu = summary["cpu_seconds"]
    total_cpu = sum(cpu.values())
    return {
        "n": n, "articles": summary["articles"], "words": summary["words"], "jobs": summary["jobs"],
        "chunk_size": chunk_size, "csv": csv,
        "seconds_analyze": summary["seconds_analyze"], "seconds_total": round(wall, 2),
        "articles_per_s": round(summary["articles"] / summary["seconds_analyze"], 1),
        "articles_per_s_total": round(summary["articles"] / wall, 1),
        "words_per_s": round(summary["words"] / summary["seconds_analyze"]),
        # what the same work takes on otherwise idle cores: workers' CPU seconds spread over the jobs
        "cpu_bound_articles_per_s": round(summary["articles"] / (total_cpu / summary["jobs"]), 1)
        if total_cpu else None,
        # all CPU seconds (workers + main process: assembly into Parquet and CSV) per 1,000 articles
        "cpu_s_per_1000": round(1000 * (total_cpu + summary["cpu_seconds_main"]) / max(1, summary["articles"]), 2),
        "cpu_seconds_main": summary["cpu_seconds_main"],
        "peak_rss_mib": round(mem.peak / 2**20),
        "cpu_seconds": cpu,
        "cpu_share": {k: round(v / total_cpu, 3) for k, v in cpu.items()} if total_cpu else {},
        "per_core_articles_per_s": {k: round(summary["articles"] / v) for k, v in cpu.items() if v},
        "warnings": summary["warnings"],
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "load_average_before_after": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "code": code_version(),
    }


def code_version() -> str:
    """The kit's git commit (or BENCH_CODE, e.g. for a snapshot of it)."""
    import subprocess

    if os.environ.get("BENCH_CODE"):
        return os.environ["BENCH_CODE"]
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True, timeout=10).stdout.strip() or "unknown"
    except OSError:
        return "unknown"


def profile(n_articles: int, corpus: Path, top: int = 30) -> None:
    """cProfile of load + every table for the first `n_articles` files, in this process."""
    import cProfile
    import pstats
    import warnings

    from analysis.load import find_files, load_articles
    from analysis.pipeline import compute_tables

    files = find_files(corpus)[:n_articles]
    load_articles(files[:3], jobs=1)  # imports and data files, not measured
    compute_tables(load_articles(files[:3], jobs=1))
    prof = cProfile.Profile()
    timings: dict[str, float] = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        prof.enable()
        t0 = time.perf_counter()
        articles = load_articles(files, jobs=1)
        timings["load"] = time.perf_counter() - t0
        compute_tables(articles, timings=timings)
        prof.disable()
    print(f"\n{len(articles)} articles, in one process (ms per article):")
    for k, v in timings.items():
        print(f"  {k:14s} {1000 * v / max(1, len(articles)):7.2f}")
    stats = pstats.Stats(prof).strip_dirs()
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)


def markdown(rows: list[dict]) -> str:
    head = ("| articles | words | wall s (load + analyze) | articles/s | words/s | "
            "wall s incl. Parquet+CSV | peak RSS MiB (all processes) | CPU-bound articles/s | "
            "CPU s per 1,000 articles | load average before/after |")
    lines = [head, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in rows:
        lines.append(f"| {r['articles']:,} | {r['words']:,} | {r['seconds_analyze']:.1f} | "
                     f"{r['articles_per_s']:.0f} | {r['words_per_s']:,} | {r['seconds_total']:.1f} | "
                     f"{r['peak_rss_mib']:,} | {r['cpu_bound_articles_per_s']:.0f} | {r['cpu_s_per_1000']:.1f} | "
                     f"{r['load_average_before_after'][0]} / {r['load_average_before_after'][1]} |")
    lines += ["", "CPU share per step (CPU seconds summed over workers), and one core's speed on that step alone:", "",
              "| step | " + " | ".join(f"N={r['n']:,}" for r in rows) + " |",
              "|---|" + "---:|" * len(rows)]
    for step in STEPS:
        cells = []
        for r in rows:
            share = r["cpu_share"].get(step)
            rate = r["per_core_articles_per_s"].get(step)
            cells.append(f"{100 * share:.1f}% ({rate:,}/s)" if share is not None and rate else "-")
        lines.append(f"| {step} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def ab(base: Path, n: int, rounds: int, extra: list[str]) -> str:
    """Paired A/B of the whole pipeline: A = the checkout at `base`, B = this one."""
    import statistics

    from bench_producers import commit_of, paired_runs

    runs = paired_runs(Path(__file__).resolve(), base, [str(n), *extra], rounds)

    def measures(r: dict) -> dict[str, float]:
        cpu = r["cpu_seconds"]
        out = {"wall s, load + analyze": r["seconds_analyze"], "wall s, incl. Parquet + CSV": r["seconds_total"],
               "wall s after the last chunk (Parquet + CSV left to write)": r["seconds_total"] - r["seconds_analyze"],
               "CPU s, workers": sum(cpu.values()), "CPU s, main process": r["cpu_seconds_main"],
               "CPU s, all processes": sum(cpu.values()) + r["cpu_seconds_main"]}
        out.update({f"CPU s, {k}": v for k, v in cpu.items()})
        return out

    rows = {side: [measures(r) for r in v] for side, v in runs.items()}
    loads = {side: [r["load_average_before_after"][0] for r in v] for side, v in runs.items()}
    lines = [f"paired A/B, {rounds} interleaved rounds of `bench_pipeline.py {n}` ({runs['B'][0]['articles']:,} "
             f"articles, {runs['B'][0]['jobs']} workers); A = {commit_of(base)} ({base}), B = {commit_of(ROOT)}, "
             f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; load average before each run: A {loads['A']}, "
             f"B {loads['B']}", "", "| measure | A best | B best | A median | B median | A / B (best) |",
             "|---|---:|---:|---:|---:|---:|"]
    for key in rows["B"][0]:
        a = [r.get(key, 0.0) for r in rows["A"]]
        b = [r.get(key, 0.0) for r in rows["B"]]
        lines.append(f"| {key} | {min(a):.2f} | {min(b):.2f} | {statistics.median(a):.2f} | "
                     f"{statistics.median(b):.2f} | {min(a) / max(min(b), 1e-9):.2f} |")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", type=int, nargs="+", help="corpus sizes, e.g. 1000 10000 100000")
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default all cores)")
    parser.add_argument("--chunk-size", type=int, default=250, help="files per chunk (default 250)")
    parser.add_argument("--corpus-dir", type=Path, default=None, help="use this corpus folder (one N only)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-csv", action="store_true", help="write Parquet only")
    parser.add_argument("--keep", type=Path, default=None, help="keep the tables in this folder")
    parser.add_argument("--profile", type=int, default=0, metavar="ARTICLES",
                        help="instead: cProfile load + analyze of this many articles in one process")
    parser.add_argument("--json", action="store_true", help="print each result as JSON (no files written)")
    parser.add_argument("--ab", type=Path, default=None, metavar="ROOT", help="paired A/B against ROOT")
    parser.add_argument("--rounds", type=int, default=3, help="A/B rounds (default 3)")
    args = parser.parse_args(argv)
    if args.ab:
        for n in args.n:
            corpus_for(n, args.corpus_dir, args.seed)   # built once, before the timed runs
            extra = ["--seed", str(args.seed), "--chunk-size", str(args.chunk_size)]
            extra += (["--jobs", str(args.jobs)] if args.jobs else []) + (["--no-csv"] if args.no_csv else [])
            extra += ["--corpus-dir", str(args.corpus_dir.resolve())] if args.corpus_dir else []
            print(ab(args.ab.resolve(), n, args.rounds, extra))
        return 0
    if args.profile:
        profile(args.profile, corpus_for(args.n[0], args.corpus_dir, args.seed))
        return 0
    rows = []
    results = Path(os.environ.get("BENCH_RESULTS", ROOT / "benchmarks" / "results"))
    results.mkdir(exist_ok=True)
    for n in args.n:
        row = bench(n, args.jobs, args.chunk_size, args.corpus_dir, args.seed, not args.no_csv, args.keep)
        rows.append(row)
        if args.json:
            print(json.dumps(row))
            continue
        (results / f"bench_{n}.json").write_text(json.dumps(row, indent=1), encoding="utf-8")
        print(json.dumps(row), file=sys.stderr)
    if not args.json:
        print(markdown(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
