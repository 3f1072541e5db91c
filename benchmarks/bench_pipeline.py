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
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

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
    args = parser.parse_args(argv)
    if args.profile:
        profile(args.profile, corpus_for(args.n[0], args.corpus_dir, args.seed))
        return 0
    rows = []
    results = Path(os.environ.get("BENCH_RESULTS", ROOT / "benchmarks" / "results"))
    results.mkdir(exist_ok=True)
    for n in args.n:
        row = bench(n, args.jobs, args.chunk_size, args.corpus_dir, args.seed, not args.no_csv, args.keep)
        rows.append(row)
        (results / f"bench_{n}.json").write_text(json.dumps(row, indent=1), encoding="utf-8")
        print(json.dumps(row), file=sys.stderr)
    print(markdown(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
