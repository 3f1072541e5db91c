"""Rank and code the generic frames by Semetko & Valkenburg's scale instead of distinct terms (issue 17, session 11).

Usage: .venv/bin/python benchmarks/frames_sv_scale.py [--repeats 5] [--lexicon FILE]

Semetko & Valkenburg (2000) code each frame with yes/no questions (4 conflict, 5 human interest, 3 economic,
3 morality, 5 responsibility) and score it by its answers (a scale averaged over the frame's questions). The
kit's dictionary answers a question "yes" when one of its terms occurs (`framing.frame_questions`;
`frame_scores` column `questions`), but ranks and codes a frame by its distinct terms. Scores compared per
article and frame (nothing fitted in any of them):

- `distinct`: distinct lexicon terms (what the kit's coding reads; presence: 2 or more);
- `scale+distinct`: the share of the frame's questions answered, ties broken by distinct terms;
- `scale+density`: the same, ties broken by matches per 1,000 words;
- `scale`: the share alone;
- `distinct+cue questions`: distinct terms, ties broken by how many of the frame's questions the weak cues of
  `analysis/data/frames_sv_cues.csv` answer (`framing.frame_ranks`' `rank_score`; morality and responsibility).

Printed (Markdown): (1) each score's AUC per frame on the kit's two development codings (tests/gold/frames_gold.csv,
23 articles; frames_gold2.csv, 14), both (37), and the NFC development part (145, `resolution` as responsibility,
read with `coding="nfc"`'s rows), pooled and within outlets; (2) nested cross-validation (outer stratified 5-fold,
`--repeats` times, seeds 0, 1, ...; the kit's 37 and NFC's 145 articles separately): in each outer training part
the presence cut-off of each score (best kappa), and for `chosen` also the score itself per frame (best AUC on the
training part, ties to `distinct`); out-of-fold kappa and AUC within the outer test folds. The rule of the kit
(2 distinct terms) is the fixed baseline. Never reads tests/gold/frames_heldout*.
"""
from __future__ import annotations

import argparse
import warnings
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from analysis import framing  # noqa: E402
import train_frames as tf  # noqa: E402
from validate_frames import _md  # noqa: E402

SCORES = ("distinct", "scale+distinct", "scale+density", "scale", "distinct+cue questions")


def score_table(lexicon=None) -> pd.DataFrame:
    """One row per coded article and generic frame: dataset, outlet, present, and every score of SCORES."""
    articles, labels = tf.training_data()
    parts = []
    for coding, mask in (("kit", articles["dataset"] != "nfc"), ("nfc", articles["dataset"] == "nfc")):
        sc = framing.frame_ranks(articles.loc[mask, ["article_id", "text"]], lexicon=lexicon,
                                 coding=coding).drop(columns="present")
        parts.append(sc)
    sc = pd.concat(parts, ignore_index=True)
    lex = framing.compile_lexicon(lexicon)
    n_questions = {f: len(lex.questions[f]) for f in framing.GENERIC_FRAMES}
    m = labels.merge(sc, on=["article_id", "frame"]).merge(articles[["article_id", "dataset", "outlet"]],
                                                            on="article_id")
    share = m["questions"] / m["frame"].map(n_questions)
    density = m["per_1000_words"].fillna(0.0)
    m["distinct"] = m["distinct_terms"].astype(float)
    m["scale"] = share
    m["scale+distinct"] = share + m["distinct_terms"] / 1e4
    m["scale+density"] = share + density / 1e7
    m["distinct+cue questions"] = m["rank_score"]
    return m


def _auc(y, s) -> float:
    y = np.asarray(y, bool)
    return tf.auc(y, np.asarray(s, float)) if 0 < y.sum() < len(y) else float("nan")


def auc_table(m: pd.DataFrame) -> pd.DataFrame:
    """AUC of each score per frame and data set (nothing fitted)."""
    rows = []
    for score in SCORES:
        for frame in framing.GENERIC_FRAMES:
            part = m[m["frame"] == frame]
            row = {"score": score, "frame": frame}
            for name, mask in (("kit1", part["dataset"] == "kit1"), ("kit2", part["dataset"] == "kit2"),
                               ("kit", part["dataset"] != "nfc"), ("nfc", part["dataset"] == "nfc")):
                row[name] = _auc(part.loc[mask, "present"], part.loc[mask, score])
            nfc = part[part["dataset"] == "nfc"]
            row["nfc_outlets"] = float(np.nanmean([_auc(g["present"], g[score]) for _, g in nfc.groupby("outlet")]))
            rows.append(row)
    out = pd.DataFrame(rows)
    means = out.groupby("score", sort=False).mean(numeric_only=True).reset_index().assign(frame="macro mean")
    return pd.concat([out, means], ignore_index=True)


def best_cut(y: np.ndarray, s: np.ndarray) -> float:
    """The score cut-off (present = score >= cut) with the best kappa on (y, s); ties: the lowest cut."""
    cuts = np.unique(s)
    kappas = np.nan_to_num([tf.binary_kappa(y, s >= c) for c in cuts], nan=-1.0)
    return float(cuts[int(np.argmax(kappas))])


def nested(m: pd.DataFrame, dataset: str, repeats: int) -> pd.DataFrame:
    """Out-of-fold kappa and within-fold AUC per frame and method on one data set ("kit" or "nfc")."""
    rows = []
    for frame in framing.GENERIC_FRAMES:
        part = m[(m["frame"] == frame) & ((m["dataset"] == "nfc") == (dataset == "nfc"))].reset_index(drop=True)
        y = part["present"].to_numpy(bool)
        strata = part["dataset"].to_numpy(str)
        for repeat in range(repeats):
            pred = {k: np.zeros(len(y), bool) for k in ("rule", *SCORES, "chosen")}
            aucs: dict = {k: [] for k in pred}
            for tr, te in tf._folds(y, strata, seed=repeat):
                chosen = max(SCORES, key=lambda s: (round(_auc(y[tr], part[s].to_numpy()[tr]), 9), s == "distinct"))
                for method in pred:
                    score = part["distinct" if method == "rule" else chosen if method == "chosen" else method].to_numpy()
                    cut = framing.MIN_TERMS if method == "rule" else best_cut(y[tr], score[tr])
                    pred[method][te] = score[te] >= cut
                    aucs[method].append(_auc(y[te], score[te]))
            for method, p in pred.items():
                rows.append({"frame": frame, "repeat": repeat, "method": method,
                             "kappa": tf.binary_kappa(y, p), "auc_within_folds": float(np.nanmean(aucs[method]))})
    cv = pd.DataFrame(rows)
    per = cv.groupby(["method", "frame"], sort=False)[["kappa", "auc_within_folds"]].mean().reset_index()
    macro = per.groupby("method", sort=False)[["kappa", "auc_within_folds"]].mean().reset_index()
    wide = per.pivot(index="method", columns="frame", values="kappa").reindex(macro["method"])
    return macro.assign(**{f"kappa {f}": wide[f].to_numpy() for f in framing.GENERIC_FRAMES})


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--lexicon", default=None)
    args = ap.parse_args(argv)
    warnings.filterwarnings("ignore", message="The least populated class")
    m = score_table(args.lexicon)
    print("## AUC per score (nothing fitted)\n")
    print(_md(auc_table(m)))
    for dataset in ("kit", "nfc"):
        print(f"\n## Nested CV, {dataset} articles ({args.repeats} x stratified 5-fold; cut-offs, `chosen`'s "
              "score: inside each training part)\n")
        print(_md(nested(m, dataset, args.repeats)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
