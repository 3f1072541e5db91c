"""CPU time of quotes + attributions (sourcing) per article, one core.

    .venv/bin/python benchmarks/speed_sourcing.py                 # 400 synthetic articles + 111 dev pages
    .venv/bin/python benchmarks/speed_sourcing.py --n 1000 --runs 7
    .venv/bin/python benchmarks/speed_sourcing.py --jsonl FILE.jsonl   # fields `text` or `body`

Measures, best of `--runs` (process CPU time, so other jobs on the machine matter less):
- `steps`: `quotes.article_quotes` + `sourcing.article_attributions` on every body, with their
  caches cleared and the sentence split already done (as in the pipeline, where readability,
  framing, quotes and sourcing share one split per article);
- `tables`: the public tables `find_quotes`, `attributions`, `quote_share(quotes=, attributions=)`
  and `source_share` on the articles frame, sentence split already done;
- `with split`: the same tables with the sentence split included (its cache cleared too);
- `assembly`: the same tables with every per-article cache warm (table assembly only).

`--root DIR` times the kit of another checkout (e.g. /work/wt/base8 for a paired A/B).
"""
from __future__ import annotations

import argparse
import glob
import json
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if "--root" in sys.argv[:-1]:                   # the kit of another checkout (paired A/B)
    ROOT = Path(sys.argv[sys.argv.index("--root") + 1]).resolve()
sys.path.insert(0, str(ROOT))

from analysis import quotes, sourcing, text as _text  # noqa: E402

SYNTHETIC = ROOT / "benchmarks" / "_corpus_1000"
REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "reference.jsonl"


def _bodies(args) -> list[str]:
    bodies: list[str] = []
    if args.jsonl:
        for line in Path(args.jsonl).read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                bodies.append(r.get("text") or r.get("body") or "")
        return bodies
    files = sorted(glob.glob(str(SYNTHETIC / "**" / "*.txt"), recursive=True))[:args.n]
    if files:
        from analysis import load
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            bodies += load.load_articles(files, jobs=1)["text"].tolist()
    if REFERENCE.exists():
        bodies += [json.loads(x)["body"] for x in REFERENCE.read_text(encoding="utf-8").splitlines() if x.strip()]
    return bodies


def _clear(split: bool) -> None:
    quotes.article_quotes.cache_clear()
    sourcing.article_attributions.cache_clear()
    for fn in (sourcing.type_of,):                  # caches of phrases seen in earlier runs (if any)
        getattr(fn, "cache_clear", lambda: None)()
    if split:
        _text._cached_spans.cache_clear()            # analysis.text's per-body sentence cache


def _best(fn, runs: int, split: bool) -> float:
    best = float("inf")
    for _ in range(runs):
        _clear(split)
        t0 = time.process_time()
        fn()
        best = min(best, time.process_time() - t0)
    return best


def _timed(fn) -> float:
    t0 = time.process_time()
    fn()
    return time.process_time() - t0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=400, help="synthetic articles (benchmarks/_corpus_1000)")
    ap.add_argument("--jsonl", help="time these bodies instead (fields `text` or `body`)")
    ap.add_argument("--runs", type=int, default=5, help="best of this many runs")
    ap.add_argument("--root", help="time the kit of this checkout instead of this one")
    args = ap.parse_args(argv)
    import pandas as pd

    bodies = [b for b in _bodies(args) if isinstance(b, str)]
    n = len(bodies)
    frame = pd.DataFrame({"article_id": [str(i) for i in range(n)], "text": bodies})
    for b in bodies:                                   # the pipeline's shared sentence split
        _text.sentence_table(b)

    def steps():
        for b in bodies:
            quotes.article_quotes(b)
            sourcing.article_attributions(b)

    def tables():
        q = quotes.find_quotes(frame)
        a = sourcing.attributions(frame)
        sourcing.quote_share(frame, quotes=q, attributions=a)
        sourcing.source_share(a)

    steps()                                            # warm the data-file caches
    t_steps = _best(steps, args.runs, split=False)
    t_tables = _best(tables, args.runs, split=False)
    t_split = _best(tables, args.runs, split=True)
    tables()                                           # every per-article cache warm
    t_assembly = min(_timed(tables) for _ in range(args.runs))
    print(f"{n} articles, mean {sum(map(len, bodies)) / max(n, 1):,.0f} characters, best of {args.runs}, "
          f"CPU time of one core, kit {ROOT}")
    for label, t in (("steps (quotes + attributions)", t_steps), ("tables (4 tables)", t_tables),
                     ("tables with sentence split", t_split), ("assembly (caches warm)", t_assembly)):
        print(f"{label:>32}: {t * 1000 / max(n, 1):.3f} ms per article  ({n / t if t else 0:,.0f} articles/s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
