"""Agreement of the dictionary's frames with hand coding: Cohen's kappa, AUC, precision and recall per frame."""
from __future__ import annotations

import pandas as pd


def cohen_kappa(tp: int, fp: int, fn: int, tn: int) -> float:
    """Cohen's (1960) kappa of two yes/no codings from their 2 x 2 table (tp: both yes, fp / fn: only
    the second / the first, tn: both no): observed agreement beyond chance; NaN for no items or
    chance agreement 1. Cohen, J. (1960). A coefficient of agreement for nominal scales. Educational
    and Psychological Measurement 20(1), 37-46."""
    n = tp + fp + fn + tn
    if not n:
        return float("nan")
    po = (tp + tn) / n
    pe = ((tp + fp) * (tp + fn) + (fn + tn) * (fp + tn)) / (n * n)
    return (po - pe) / (1 - pe) if pe != 1 else float("nan")


def _auc(gold: pd.Series, score: pd.Series) -> float:
    """Area under the ROC curve of `score` for boolean `gold` (Mann-Whitney U, ties counted half)."""
    n1 = int(gold.sum())
    n0 = len(gold) - n1
    if not n1 or not n0 or score.isna().any():
        return float("nan")
    ranks = score.rank()
    return float((ranks[gold].sum() - n1 * (n1 + 1) / 2) / (n1 * n0))


def agreement(predicted: pd.DataFrame, gold: pd.DataFrame, score: str | None = None) -> pd.DataFrame:
    """Agreement of predicted frame presence with hand coding, per frame and overall (`all`).

    Both tables have article_id, frame, present (bool or 0/1); only the gold's articles and frames
    are compared. Columns: frame, n, gold_present, predicted_present, tp, fp, fn, tn, precision,
    recall, f1, agreement (share of equal decisions), kappa (Cohen's); with `score` (a column of
    `predicted`, e.g. "probability" or "distinct_terms") also auc, the area under the ROC curve of
    that score against the coding (NaN when a frame has no score or one class only).
    """
    g = gold[["article_id", "frame", "present"]].copy()
    g["article_id"] = g["article_id"].astype(str)
    p = predicted[["article_id", "frame", "present"] + ([score] if score else [])].copy()
    p["article_id"] = p["article_id"].astype(str)
    m = g.merge(p, on=["article_id", "frame"], how="left", suffixes=("_gold", "_pred"))
    m["present_pred"] = m["present_pred"].fillna(False).astype(bool)
    m["present_gold"] = m["present_gold"].astype(int).astype(bool)
    nan = float("nan")
    rows = []
    for frame, part in list(m.groupby("frame", sort=False)) + [("all", m)]:
        gp, pp = part["present_gold"], part["present_pred"]
        tp = int((gp & pp).sum())
        fp = int((~gp & pp).sum())
        fn = int((gp & ~pp).sum())
        tn = int((~gp & ~pp).sum())
        prec = tp / (tp + fp) if tp + fp else nan
        rec = tp / (tp + fn) if tp + fn else nan
        f1 = 2 * prec * rec / (prec + rec) if tp else (0.0 if (tp + fp) and (tp + fn) else nan)
        rows.append({"frame": frame, "n": len(part), "gold_present": tp + fn, "predicted_present": tp + fp,
                     "tp": tp, "fp": fp, "fn": fn, "tn": tn, "precision": prec, "recall": rec,
                     "f1": f1, "agreement": (tp + tn) / len(part) if len(part) else nan,
                     "kappa": cohen_kappa(tp, fp, fn, tn)})
        if score:
            rows[-1]["auc"] = _auc(gp, part[score].astype(float))
    return pd.DataFrame(rows)
