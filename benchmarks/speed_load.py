"""CPU time per page of loading and cleaning text dumps (one core).

Usage (from the repo root):  .venv/bin/python benchmarks/speed_load.py [--n 400] [--pages DIR] [--profile]

Measures time.process_time() per page over the first N files of benchmarks/_corpus_1000 (synthetic
dumps built from real bodies) for metadata.from_dump, clean.clean_dump (with the metadata lines
skipped, as the loader does), load.language_of and the whole load_articles(files, jobs=1).
Each stage runs once untimed first, so module imports and data-file compilation are not counted;
per-line memo caches are emptied before every timed run; each figure is the best of --repeat runs
(the machine may be shared: the minimum is the least disturbed run). "load_articles, cold" is the first run in the process (modules imported, but data
files, regexes and stop lists loaded during the run), as a one-off script over N pages sees it. --pages DIR also times the real dumps
(/work/shared/corpus/pages/*.txt). --profile prints cProfile's top functions by tottime.
--pipeline N times the loader as the pipeline's workers call it: load_articles(chunk, jobs=1) on
N chunks of 250 files of one outlet folder of benchmarks/_corpus_10000, one after another in one
process, warnings recorded (as run_corpus's `load` step; the first chunk pays the cold start).
"""
from __future__ import annotations

import argparse
import glob
import sys
import time
import warnings
from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))


def clear_line_caches() -> None:
    """Empty the per-line memo caches (lru_cache with maxsize > 1) of load, clean, the cleaning and
    metadata modules (anchor strengths, dates, bylines, credits ...), so that a timed run does not
    profit from lines seen in an earlier run over the same pages (caches of data files, maxsize 1,
    stay filled: a real run compiles them once)."""
    from analysis import clean, load

    modules = [clean, load] + [mod for name, mod in list(sys.modules.items())
                               if name.startswith(("analysis.metadata", "analysis.cleaning")) and mod]
    for mod in modules:
        for obj in vars(mod).values():
            info = getattr(obj, "cache_info", None)
            if info is not None and (info().maxsize is None or info().maxsize > 1):
                obj.cache_clear()


def _per_page_ms(func, items, repeat: int = 3) -> float:
    """Best of `repeat` timed runs (CPU ms per item), per-line caches emptied before each."""
    best = None
    for _ in range(repeat):
        clear_line_caches()
        t0 = time.process_time()
        for x in items:
            func(x)
        ms = 1000 * (time.process_time() - t0) / max(1, len(items))
        best = ms if best is None else min(best, ms)
    return best


def measure(files: list[str], repeat: int = 3) -> dict[str, float]:
    """CPU ms per page of each stage over `files` (text dumps)."""
    from analysis import clean, load, metadata

    out = {}
    if not clean._rules.cache_info().currsize:      # first set in this process: time a cold run
        t0 = time.process_time()
        load.load_articles(files, jobs=1)
        out["load_articles, cold"] = 1000 * (time.process_time() - t0) / len(files)
    raws = [load.decode(load.read_bytes(Path(f))) for f in files]
    metas = [metadata.from_dump(r) for r in raws[:5]]          # warm caches / imports
    clean.clean_dump(raws[0], skip=metas[0].get("lines") or {})
    load.language_of(raws[0])
    clean._stoplists()                               # all stop lists loaded, as in a warm process
    out["metadata.from_dump"] = _per_page_ms(metadata.from_dump, raws, repeat)
    metas = [metadata.from_dump(r) for r in raws]
    pairs = list(zip(raws, metas))
    out["clean.clean_dump"] = _per_page_ms(
        lambda p: clean.clean_dump(p[0], skip=p[1].get("lines") or {}, site=p[1].get("outlet")), pairs, repeat)
    texts = ["\n\n".join(clean.clean_dump(r)["paragraphs"]) for r in raws]
    out["load.language_of"] = _per_page_ms(load.language_of, texts, repeat)
    load.load_articles(files[:5], jobs=1)
    best = None
    for _ in range(repeat):
        clear_line_caches()
        t0 = time.process_time()
        load.load_articles(files, jobs=1)
        ms = 1000 * (time.process_time() - t0) / len(files)
        best = ms if best is None else min(best, ms)
    out["load_articles(jobs=1)"] = best
    return out


def pipeline_chunks(corpus: Path, n_chunks: int, size: int = 250) -> list[list[Path]]:
    """The first `n_chunks` full chunks of `size` files, one outlet folder at a time (run_corpus
    never mixes folders in a chunk)."""
    chunks = []
    for folder in sorted(p for p in corpus.iterdir() if p.is_dir()):
        files = sorted(folder.glob("*.txt"))
        chunks += [files[i:i + size] for i in range(0, len(files) - size + 1, size)]
    return chunks[:n_chunks]


def measure_pipeline(chunks: list[list[Path]]) -> float:
    """CPU ms per file of load_articles(chunk, jobs=1) over the chunks, in this process, warnings
    recorded as the pipeline's workers do (call it in a fresh process: includes the cold start)."""
    from analysis import load

    t0 = time.process_time()
    for chunk in chunks:
        with warnings.catch_warnings(record=True):
            warnings.simplefilter("always")
            load.load_articles(chunk, jobs=1)
    return 1000 * (time.process_time() - t0) / max(1, sum(map(len, chunks)))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=400, help="number of synthetic pages (default 400)")
    ap.add_argument("--corpus", default=str(_ROOT / "benchmarks" / "_corpus_1000"))
    ap.add_argument("--pages", default=None, help="also time real dumps in this folder (*.txt)")
    ap.add_argument("--repeat", type=int, default=3, help="load_articles runs; the best is reported")
    ap.add_argument("--profile", action="store_true", help="cProfile load_articles, top 25 by tottime")
    ap.add_argument("--pipeline", type=int, default=0, metavar="N",
                    help="only time N chunks of 250 files of _corpus_10000 as the pipeline loads them")
    args = ap.parse_args(argv)
    if args.pipeline:
        chunks = pipeline_chunks(_ROOT / "benchmarks" / "_corpus_10000", args.pipeline)
        ms = measure_pipeline(chunks)
        print(f"pipeline-style: {len(chunks)} chunks, {sum(map(len, chunks))} files, "
              f"load_articles {ms:.2f} CPU ms per file (one core, cold start included)")
        return 0
    warnings.simplefilter("ignore")
    sets = [("synthetic", sorted(glob.glob(f"{args.corpus}/**/*.txt", recursive=True))[:args.n])]
    if args.pages:
        sets.append(("real", sorted(glob.glob(f"{args.pages}/*.txt"))))
    for name, files in sets:
        if not files:
            print(f"{name}: no files")
            continue
        res = measure(files, args.repeat)
        print(f"{name}: {len(files)} pages, CPU ms per page (one core)")
        for k, v in res.items():
            print(f"  {k:26s} {v:6.2f}")
    if args.profile:
        import cProfile
        import pstats

        from analysis import load

        files = sets[0][1]
        load.load_articles(files[:5], jobs=1)
        prof = cProfile.Profile()
        prof.enable()
        load.load_articles(files, jobs=1)
        prof.disable()
        pstats.Stats(prof).sort_stats("tottime").print_stats(25)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
