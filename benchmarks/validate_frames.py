"""Agreement of the dictionary frame detector with the hand-coded gold (tests/gold/frames_gold.csv).

Usage: .venv/bin/python benchmarks/validate_frames.py [--min-terms N] [--sweep] [--misses] [--speed]
       [--lexicon FILE] [--heldout] [--gold2] [--gold FILE --texts FILE]

Prints, as Markdown: per-frame precision, recall, F1, agreement and Cohen's kappa, and the same
pooled over all article-frame pairs (`all`). `--sweep` adds the pooled figures for presence
thresholds of 1-4 distinct terms (the kit's default, 2, was fixed before looking at the gold);
`--misses` lists each disagreement with the matched terms, to read where the dictionary goes wrong.
`--heldout` measures on the blind held-out coding (tests/gold/frames_heldout.csv, 16 other articles,
coded after the lexicon was last changed; never tune on it: `--misses` is refused there).
`--gold2` measures on the second development coding (tests/gold/frames_gold2.csv, 14 articles);
`--gold FILE --texts FILE` on any coding in the same format (`--misses` works with both).
`--lexicon FILE` validates another lexicon (CSV/YAML), e.g. an earlier version of frames.csv from git.
`--speed` times the kit's text-analysis steps (splitting, readability, frames, matches, tone) on one
core over the development corpus bodies (/work/shared/corpus/reference.jsonl, or --bodies FILE).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis import framing  # noqa: E402

GOLD = ROOT / "tests" / "gold" / "frames_gold.csv"
TEXTS = ROOT / "tests" / "gold" / "frames_texts.jsonl"
HELDOUT = ROOT / "tests" / "gold" / "frames_heldout.csv"
HELDOUT_TEXTS = ROOT / "tests" / "gold" / "frames_heldout_texts.jsonl"
GOLD2 = ROOT / "tests" / "gold" / "frames_gold2.csv"
TEXTS2 = ROOT / "tests" / "gold" / "frames_gold2_texts.jsonl"
SEED = ROOT / "tests" / "data" / "seed_body.txt"


def gold_articles(gold_path=GOLD, texts_path=TEXTS, seed_path=SEED) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(gold table, articles frame with article_id and text) for the gold set."""
    gold = pd.read_csv(gold_path, dtype={"article_id": str}, keep_default_na=False)
    texts = [json.loads(line) for line in open(texts_path, encoding="utf-8") if line.strip()]
    texts.append({"article_id": "seed", "text": Path(seed_path).read_text(encoding="utf-8")})
    articles = pd.DataFrame(texts)[["article_id", "text"]]
    return gold, articles[articles["article_id"].isin(set(gold["article_id"]))].reset_index(drop=True)


def validate(min_terms: int | None = None, lexicon=None, heldout: bool = False,
             gold=None, texts=None) -> pd.DataFrame:
    """Per-frame and pooled agreement of `frame_scores(...)["present"]` with the gold (or the
    held-out coding, or the coding in `gold` with its texts in `texts`); `min_terms=None`: the kit's
    default (the calibrated model for the five generic frames), N: the plain rule of N distinct terms.
    Column auc: the AUC of distinct_terms (the dictionary's score) per frame; auc_cues: the AUC of
    `framing.frame_ranks`' rank_score (distinct terms, ties broken by the questions answered by weak cues)."""
    if gold is not None:
        gold, articles = gold_articles(gold, texts)
    else:
        gold, articles = gold_articles(HELDOUT, HELDOUT_TEXTS) if heldout else gold_articles()
    pred = framing.frame_scores(articles, lexicon=lexicon, min_terms=min_terms)
    ranks = framing.frame_ranks(articles, lexicon=lexicon)[["article_id", "frame", "rank_score"]]
    pred = pred.merge(ranks, on=["article_id", "frame"], how="left")
    table = framing.agreement(pred, gold, score="distinct_terms")
    table["auc_cues"] = framing.agreement(pred, gold, score="rank_score")["auc"]
    return table


def speed(bodies_path, copies: int = 5) -> pd.DataFrame:
    """CPU milliseconds per article and articles/s of each text-analysis step on one core.

    The bodies are repeated `copies` times, each copy made distinct (so no cache helps), after one
    warm-up call that loads the dictionaries. Splitting comes first; later steps reuse its cache,
    as they do in the pipeline.
    """
    import time
    import warnings

    from analysis import readability, text

    rows = [json.loads(line) for line in open(bodies_path, encoding="utf-8") if line.strip()]
    base = pd.DataFrame({"article_id": [r["id"] for r in rows], "text": [r["body"] for r in rows]})
    arts = pd.concat([base] * copies, ignore_index=True)
    arts["text"] = arts["text"] + " (" + arts.index.astype(str) + ")"
    arts["article_id"] = arts["article_id"] + "-" + arts.index.astype(str)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        readability.scores(arts.head(3)), framing.frame_scores(arts.head(3)), framing.tone(arts.head(3))
        steps = [("split sentences", lambda: [text.sentence_spans(x) for x in arts["text"]]),
                 ("readability.scores", lambda: readability.scores(arts)),
                 ("framing.frame_scores", lambda: framing.frame_scores(arts)),
                 ("framing.frame_matches", lambda: framing.frame_matches(arts)),
                 ("framing.tone", lambda: framing.tone(arts))]
        out = []
        for name, step in steps:
            t = time.process_time()
            step()
            out.append((name, time.process_time() - t))
    n = len(arts)
    out.append(("all of the above", sum(v for _, v in out)))
    words = arts["text"].str.split().str.len().mean()
    return pd.DataFrame([{"step": k, "ms_per_article": 1000 * v / n, "articles_per_s": n / v,
                          "articles": n, "mean_words": round(words)} for k, v in out])


def _md(df: pd.DataFrame) -> str:
    cols = list(df.columns)
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for row in df.itertuples(index=False):
        lines.append("| " + " | ".join(f"{v:.2f}" if isinstance(v, float) else str(v) for v in row) + " |")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-terms", type=int, default=None,
                    help="the plain rule of N distinct terms (default: the kit's calibrated presence)")
    ap.add_argument("--sweep", action="store_true")
    ap.add_argument("--misses", action="store_true")
    ap.add_argument("--speed", action="store_true")
    ap.add_argument("--heldout", action="store_true", help="measure on the blind held-out coding")
    ap.add_argument("--gold2", action="store_true", help="measure on the second development coding")
    ap.add_argument("--gold", default=None, help="a coding CSV in the gold format (with --texts)")
    ap.add_argument("--texts", default=None, help="the JSONL texts of --gold")
    ap.add_argument("--lexicon", default=None, help="lexicon file (default: the kit's frames.csv)")
    ap.add_argument("--bodies", default=str(Path(__file__).resolve().parents[2] / "shared" / "corpus" / "reference.jsonl"))
    args = ap.parse_args(argv)
    if args.speed:
        print("## Speed on one core (CPU time)\n")
        print(_md(speed(args.bodies)))
        return 0
    if args.heldout and args.misses:
        ap.error("--misses is for the development gold only: the held-out set must stay unseen")
    if args.gold2:
        args.gold, args.texts = str(GOLD2), str(TEXTS2)
    if bool(args.gold) != bool(args.texts):
        ap.error("--gold and --texts go together")
    if args.gold and args.heldout:
        ap.error("--heldout and --gold/--gold2 exclude each other")
    if args.gold and "heldout" in Path(args.gold).name.lower() and args.misses:
        ap.error("--misses is for development codings only: the held-out set must stay unseen")
    kw = dict(lexicon=args.lexicon, heldout=args.heldout, gold=args.gold, texts=args.texts)
    table = validate(args.min_terms, **kw)
    show = ["frame", "gold_present", "predicted_present", "tp", "fp", "fn", "tn", "precision",
            "recall", "f1", "agreement", "kappa", "auc", "auc_cues"]
    n = int(table.set_index("frame").loc["all", "n"]) // (len(table) - 1)
    which = ("blind held-out coding" if args.heldout else f"coding {Path(args.gold).name}" if args.gold
             else "development gold") + f", {n} articles"
    rule = (f"present = at least {args.min_terms} distinct terms" if args.min_terms is not None
            else "present = calibrated model (generic frames), 2 distinct terms (others)")
    print(f"## Dictionary vs hand coding ({which}; {rule}; auc of distinct terms; auc_cues: ties by weak cues)\n")
    print(_md(table[show]))
    if args.sweep:
        rows = []
        for k in (1, 2, 3, 4):
            r = validate(k, **kw).set_index("frame").loc["all"]
            rows.append({"min_terms": k, "precision": r["precision"], "recall": r["recall"],
                         "f1": r["f1"], "agreement": r["agreement"], "kappa": r["kappa"]})
        print("\n## Pooled agreement by presence threshold\n")
        print(_md(pd.DataFrame(rows)))
    if args.misses:
        gold, articles = gold_articles(args.gold, args.texts) if args.gold else gold_articles()
        pred = framing.frame_scores(articles, lexicon=args.lexicon, min_terms=args.min_terms)
        matches = framing.frame_matches(articles, lexicon=args.lexicon)
        m = gold.merge(pred, on=["article_id", "frame"])
        bad = m[m["present_x"].astype(bool) != m["present_y"]]
        print("\n## Disagreements\n")
        for r in bad.itertuples():
            terms = matches[(matches.article_id == r.article_id) & (matches.frame == r.frame)]["term"]
            kind = "missed" if r.present_x else "false alarm"
            print(f"- {r.article_id} {r.frame}: {kind}; matched {sorted(set(t.lower() for t in terms))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
