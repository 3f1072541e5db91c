"""Every producer over every text in ../shared/, expecting zero failures (issue 11, "real text at scale").

The texts: the 111 development pages (`corpus/pages`, each as text dump and saved HTML), their 111
reference bodies, the 840 PolNeAR articles, the 145 climate articles of the Narrative Frames
Corpus, the 91 Mozilla Readability pages (text dump and saved HTML) and their reference bodies:
1,591 articles, loaded with `analysis.load_articles` and analysed with `analysis.analyze` (every
producer of the pipeline, each with its time budget per article). Prints one line per source and
the failures table; exit status 1 when any article failed. tests/test_shared_texts.py runs it.

    .venv/bin/python benchmarks/shared_texts.py            # all cores
    .venv/bin/python benchmarks/shared_texts.py --jobs 1
"""
from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

SHARED = ROOT.parent / "shared"
# each page's text dump and saved HTML are loaded separately, so that both go through the producers
SOURCES = {
    "development text dumps": SHARED / "corpus" / "pages" / "*.txt",
    "development HTML pages": SHARED / "corpus" / "pages" / "*.html.gz",
    "development reference bodies": SHARED / "corpus" / "reference.jsonl",
    "PolNeAR train": SHARED / "external" / "polnear-train.jsonl",
    "Narrative Frames dev": SHARED / "external" / "narrative-frames-dev.jsonl",
    "Readability text dumps": SHARED / "external" / "readability-pages" / "*.txt",
    "Readability HTML pages": SHARED / "external" / "readability-pages" / "*.html.gz",
    "Readability reference bodies": SHARED / "external" / "readability-reference.jsonl",
}


def load_all(jobs: int | None) -> pd.DataFrame:
    """Every text of ../shared/ as one articles frame (column `source` names where it came from)."""
    from analysis.load import load_articles

    frames = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")       # odd pages are expected; failures are what is counted
        for name, path in SOURCES.items():
            frame = load_articles(str(path), jobs=jobs, keep_duplicates=True)  # every text, even a repeat
            frames.append(frame.assign(source=name))
    articles = pd.concat(frames, ignore_index=True)
    articles["article_id"] = [f"{s}:{a}" for s, a in zip(articles["source"], articles["article_id"])]
    return articles


def run(jobs: int | None = None) -> tuple[pd.DataFrame, dict[str, pd.DataFrame], float]:
    """(articles, every table, seconds) for every text of ../shared/."""
    from analysis.pipeline import analyze

    started = time.perf_counter()
    articles = load_all(jobs)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tables = analyze(articles, jobs=jobs)
    return articles, tables, time.perf_counter() - started


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--jobs", type=int, default=None, help="processes (default: all cores)")
    args = parser.parse_args(argv)
    articles, tables, seconds = run(args.jobs)
    for name, count in articles.groupby("source", sort=False).size().items():
        print(f"{name}: {count} articles")
    failures = tables["failures"]
    print(f"{len(articles)} articles, {int(articles['n_words'].sum()):,} words, {seconds:.1f} s, "
          f"{len(failures)} failures")
    if len(failures):
        print(failures.to_string(max_colwidth=80))
    return 1 if len(failures) else 0


if __name__ == "__main__":
    raise SystemExit(main())
