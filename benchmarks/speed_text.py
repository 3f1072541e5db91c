"""CPU time per article of sentence splitting, readability, frames and tone (one core).

Usage: .venv/bin/python benchmarks/speed_text.py [--n 400] [--corpus benchmarks/_corpus_1000]
       [--articles FILE.parquet] [--save FILE.parquet] [--root DIR] [--repeat K]

Loads the first N page dumps of the synthetic corpus with `analysis.load_articles(..., jobs=1)`
(loading is not timed; `--save` writes them to a Parquet file and `--articles` reads such a file
instead, so that before/after runs see the same bodies while the loader changes), warms every dictionary up on three other texts, then measures
`time.process_time()` in two ways and prints Markdown tables:

- separate: each step in its own fresh process, so no cache of another step helps it. Splitting is
  timed alone; readability, frame_scores and tone are timed after the split has been made (and
  cached) untimed in that process, so the split is counted once, in its own row.
- tone_nomemo (extra row): tone with its per-sentence memo switched off
  (`tone.TONE_MEMO_SIZE = 0`). The synthetic pages reuse sentences of 112 real bodies (16,197
  sentences, 4,544 distinct in the first 400 pages), far more than a real corpus does, so this row
  is the safer figure for tone on real news.
- shared: all steps in one process, in pipeline order (split once, then readability, frames, tone
  reusing the cached split), as `analysis.pipeline` runs them.

`--root DIR` times the `analysis` package found in DIR (e.g. an older commit unpacked with
`git archive COMMIT analysis | tar -x -C DIR`), for before/after tables. `--repeat K` runs every
measurement K times and keeps the fastest (the machine is shared; the minimum is the least disturbed).
"""
from __future__ import annotations

import argparse
import glob
import json
import subprocess
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if "--root" in sys.argv:
    sys.path.insert(0, sys.argv[sys.argv.index("--root") + 1])
else:
    sys.path.insert(0, str(ROOT))

STEPS = ["split", "readability", "frame_scores", "tone"]


def _articles(corpus: str, n: int, path: str | None = None):
    import pandas as pd

    if path:
        arts = pd.read_parquet(path)
        return arts.iloc[3:].reset_index(drop=True), arts.iloc[:3].reset_index(drop=True)
    import analysis

    paths = sorted(glob.glob(f"{corpus}/**/*.txt", recursive=True))
    arts = analysis.load_articles(paths[:n], jobs=1)
    warm = analysis.load_articles(paths[n:n + 3], jobs=1) if len(paths) > n else arts.head(3)
    return arts[["article_id", "text"]].reset_index(drop=True), warm[["article_id", "text"]]


def _run(step: str, arts, prime_split: bool) -> float:
    from analysis import framing, readability, text, tone

    fns = {"split": lambda: [text.sentence_table(x) for x in arts["text"]],
           "readability": lambda: readability.scores(arts),
           "frame_scores": lambda: framing.frame_scores(arts),
           "tone": lambda: framing.tone(arts),
           "tone_nomemo": lambda: framing.tone(arts)}
    if step == "tone_nomemo":
        tone.TONE_MEMO_SIZE = 0   # the memo lives in analysis.tone since issue 15
    if prime_split:
        for x in arts["text"]:
            text.sentence_table(x)
    t = time.process_time()
    fns[step]()
    return time.process_time() - t


def _warm(warm) -> None:
    from analysis import framing, readability

    readability.scores(warm), framing.frame_scores(warm), framing.tone(warm)


def child(step: str, corpus: str, n: int, path: str | None) -> None:
    warnings.simplefilter("ignore")
    arts, warm = _articles(corpus, n, path)
    _warm(warm)
    if step == "shared":
        out = {s: _run(s, arts, prime_split=False) for s in STEPS}
    else:
        out = {step: _run(step, arts, prime_split=step != "split")}
    out["_n"] = len(arts)
    out["_words"] = float(arts["text"].str.split().str.len().mean())
    print(json.dumps(out))


def _table(title: str, res: dict, n: int) -> str:
    lines = [f"### {title}", "", "| step | ms per article | articles/s |", "|---|---|---|"]
    total = 0.0
    for s in STEPS:
        v = res[s]
        total += v
        lines.append(f"| {s} | {1000 * v / n:.2f} | {n / v:,.0f} |")
    lines.append(f"| all four | {1000 * total / n:.2f} | {n / total:,.0f} |")
    if "tone_nomemo" in res:
        v = res["tone_nomemo"]
        lines.append(f"| (tone without the sentence memo: every sentence scored) | {1000 * v / n:.2f} | {n / v:,.0f} |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--corpus", default=str(ROOT / "benchmarks" / "_corpus_1000"))
    ap.add_argument("--articles", help="Parquet file of article_id, text (3 warm-up rows first)")
    ap.add_argument("--save", help="load the corpus, write it to this Parquet file and stop")
    ap.add_argument("--root", help="directory holding the analysis package to time")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--child")
    a = ap.parse_args()
    if a.save:
        import pandas as pd

        warnings.simplefilter("ignore")
        arts, warm = _articles(a.corpus, a.n)
        pd.concat([warm, arts], ignore_index=True).to_parquet(a.save)
        return
    if a.child:
        child(a.child, a.corpus, a.n, a.articles)
        return
    extra = (["--articles", a.articles] if a.articles else []) + (["--root", a.root] if a.root else [])
    sep: dict = {}
    shared: dict = {}
    for _ in range(a.repeat):
        for s in STEPS + ["tone_nomemo", "shared"]:
            r = subprocess.run([sys.executable, __file__, "--child", s, "--n", str(a.n), "--corpus", a.corpus,
                                *extra], capture_output=True, text=True, check=True)
            res = json.loads(r.stdout.strip().splitlines()[-1])
            into = shared if s == "shared" else sep
            for k, v in res.items():
                into[k] = min(into.get(k, v), v)
    n = int(sep["_n"])
    print(f"{n} articles, {sep['_words']:.0f} words on average, CPU time (time.process_time), one core\n")
    print(_table("separate (each step in a fresh process; split counted once)", sep, n))
    print()
    print(_table("shared (one process, split once and reused, as in the pipeline)", shared, n))


if __name__ == "__main__":
    main()
