"""Body-extraction quality on the development corpus, scored like the article-extraction benchmark.

Usage (from the repo root):  .venv/bin/python benchmarks/cleaning_f1.py [CORPUS_DIR]
CORPUS_DIR defaults to ../shared/corpus (holding reference.jsonl and pages/<id>.txt|.html.gz).

Score: split texts into \\w+ tokens, take every run of 4 consecutive tokens (shingle), count true
positives, false positives and false negatives over shingles per page, normalise each page's three
counts to sum to 1, average precision and recall over pages, F1 from the two averages.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
import warnings
from collections import Counter
from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))

_TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int = 4) -> Counter:
    """Counter of n-token shingles (runs of n consecutive \\w+ tokens) of `text`."""
    toks = _TOKEN.findall(text or "")
    return Counter(tuple(toks[i:i + n]) for i in range(len(toks) - n + 1))


def page_counts(predicted: str, reference: str) -> tuple[float, float, float]:
    """(tp, fp, fn) shingle counts of one page, normalised to sum to 1 (all 0 when both are empty)."""
    pred, ref = shingles(predicted), shingles(reference)
    tp = sum((pred & ref).values())
    fp = sum((pred - ref).values())
    fn = sum((ref - pred).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def score_pages(predicted: dict[str, str], reference: dict[str, str]) -> dict:
    """Precision, recall (averaged over the reference pages) and F1 of the two averages.

    A page missing from `predicted` counts as empty. Per page: precision = tp/(tp+fp) (1 when
    nothing was predicted and nothing was expected, else 0 for an empty prediction), recall =
    tp/(tp+fn) (1 when the reference is empty). Returns {"precision", "recall", "f1", "pages"}.
    """
    ps, rs = [], []
    for pid, ref in reference.items():
        tp, fp, fn = page_counts(predicted.get(pid, "") or "", ref or "")
        ps.append(tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0))
        rs.append(tp / (tp + fn) if tp + fn else 1.0)
    if not ps:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0, "pages": 0}
    p, r = sum(ps) / len(ps), sum(rs) / len(rs)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f1, "pages": len(ps)}


def load_reference(corpus: Path) -> dict[str, str]:
    """id -> human-marked body from corpus/reference.jsonl."""
    out = {}
    with open(corpus / "reference.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                out[str(rec["id"])] = rec["body"]
    return out


def read_dumps(corpus: Path, ids) -> dict[str, str]:
    """id -> text of pages/<id>.txt."""
    return {pid: (corpus / "pages" / f"{pid}.txt").read_text(encoding="utf-8") for pid in ids}


def clean_all(dumps: dict[str, str]) -> dict[str, str]:
    """id -> body text from analysis.clean.clean_dump (paragraphs joined by a blank line)."""
    from analysis.clean import clean_dump

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return {pid: "\n\n".join(clean_dump(raw)["paragraphs"]) for pid, raw in dumps.items()}


def _loader_texts(corpus: Path, ids, suffix: str) -> dict[str, str] | None:
    """id -> articles.text from the lead's analysis.load_articles, or None if it is not available."""
    try:
        from analysis.load import load_articles
    except Exception:  # loader not written yet
        return None
    paths = [str(corpus / "pages" / f"{pid}{suffix}") for pid in ids]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        arts = load_articles(paths)
    out = {}
    for path, text in zip(arts["path"], arts["text"]):
        name = Path(str(path)).name
        pid = name[: -len(suffix)] if name.endswith(suffix) else name.split(".")[0]
        out[pid] = text if isinstance(text, str) else ""
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", nargs="?", default=str(_ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--per-page", action="store_true", help="also print F1 of clean_dump per page")
    args = ap.parse_args(argv)
    corpus = Path(args.corpus)
    ref = load_reference(corpus)
    dumps = read_dumps(corpus, ref)
    rows = [("no cleaning", ".txt", score_pages(dumps, ref))]
    clean_all(dict(list(dumps.items())[:1]))      # warm-up: rule and stop-list files load once
    from analysis import clean

    clean._stoplists()                            # other languages' lists load on first need
    t0 = time.process_time()
    cleaned = clean_all(dumps)
    dt = time.process_time() - t0
    rows.append(("clean_dump", ".txt", score_pages(cleaned, ref)))
    for label, suffix in (("load_articles (repeated lines learned)", ".txt"),
                          ("load_articles (trafilatura)", ".html.gz")):
        try:
            texts = _loader_texts(corpus, ref, suffix)
        except Exception as exc:  # report, do not hide, a loader failure
            print(f"{label}: loader failed: {exc!r}", file=sys.stderr)
            texts = None
        if texts is not None:
            rows.append((label, suffix, score_pages(texts, ref)))
    print(f"{len(ref)} pages, corpus {corpus}")
    print("| method | input | precision | recall | F1 |")
    print("|---|---|---|---|---|")
    for name, inp, s in rows:
        print(f"| {name} | {inp} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} |")
    n_lines = sum(raw.count("\n") + 1 for raw in dumps.values())
    print(f"clean_dump CPU time: {1000 * dt / max(1, len(dumps)):.2f} ms per page, "
          f"{300000 * dt / max(1, n_lines):.2f} ms per 300 lines ({len(dumps)} pages, {n_lines} lines)")
    if args.per_page:
        for pid in sorted(ref):
            s = score_pages({pid: cleaned[pid]}, {pid: ref[pid]})
            print(f"{pid} P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
