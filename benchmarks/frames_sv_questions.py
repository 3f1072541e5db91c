"""Question-level evidence of the kit's dictionary (issue 17, session 9): distinct-term AUC per generic frame.

Usage: .venv/bin/python benchmarks/frames_sv_questions.py [--lexicon FILE] [--questions]

Nothing is fitted: the score of an article and frame is its number of distinct lexicon terms (the kit's
coding reads only that), so the AUC is the same in and out of any fold. Printed per frame:
- the kit's two development codings (tests/gold/frames_gold.csv, 23 articles; frames_gold2.csv, 14), each
  alone (two halves) and pooled (37); kappa of the kit's rule (2 distinct terms) pooled;
- the Narrative Frames Corpus development part (145 climate articles, ../shared/external): AUC pooled and
  the mean AUC within outlets (outlets holding both classes), `resolution` scored as responsibility.
`--questions` adds, per S&V question, how many articles of each coding it answers and the pooled AUC of
the frame's coding on "question answered". Never reads tests/gold/frames_heldout*.
"""
from __future__ import annotations

import argparse
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


def _auc(y: np.ndarray, s: np.ndarray) -> float:
    return tf.auc(y.astype(bool), s.astype(float)) if 0 < y.sum() < len(y) else float("nan")


def frame_table(lexicon=None) -> pd.DataFrame:
    """Per frame: AUC of distinct terms on kit1, kit2, both kit codings, NFC pooled and within outlets."""
    articles, labels = tf.training_data()
    scores = framing.frame_scores(articles[["article_id", "text"]], lexicon=lexicon, model=False)
    m = labels.merge(scores[["article_id", "frame", "distinct_terms"]], on=["article_id", "frame"])
    m = m.merge(articles[["article_id", "dataset", "outlet"]], on="article_id")
    rows = []
    for frame, part in m.groupby("frame", sort=False):
        y, s = part["present"].to_numpy(), part["distinct_terms"].to_numpy()
        kit = part["dataset"].str.startswith("kit").to_numpy()
        row = {"frame": frame}
        for name, mask in (("kit1", part["dataset"].eq("kit1").to_numpy()),
                           ("kit2", part["dataset"].eq("kit2").to_numpy()), ("kit", kit)):
            row[f"auc_{name}"] = _auc(y[mask], s[mask])
        pred, gold = s[kit] >= framing.MIN_TERMS, y[kit].astype(bool)
        row["kappa_kit_rule"] = tf.binary_kappa(gold, pred)
        nfc = ~kit
        row["auc_nfc"] = _auc(y[nfc], s[nfc])
        within = [_auc(y[nfc & (part["outlet"] == o).to_numpy()], s[nfc & (part["outlet"] == o).to_numpy()])
                  for o in sorted(set(part["outlet"][nfc]))]
        row["auc_nfc_outlets"] = float(np.nanmean(within))
        rows.append(row)
    out = pd.DataFrame(rows)
    mean = out.drop(columns="frame").mean()
    return pd.concat([out, pd.DataFrame([{"frame": "macro mean", **mean}])], ignore_index=True)


def question_table(lexicon=None) -> pd.DataFrame:
    """Per S&V question: articles answering it in each coding, and the AUC of 'answered' for its frame."""
    articles, labels = tf.training_data()
    q = framing.frame_questions(articles[["article_id", "text"]], lexicon=lexicon)
    q = q.merge(labels, on=["article_id", "frame"]).merge(articles[["article_id", "dataset"]], on="article_id")
    rows = []
    for (frame, question), part in q.groupby(["frame", "question"], sort=False):
        kit = part["dataset"].str.startswith("kit")
        row = {"frame": frame, "question": question}
        for name, mask in (("kit", kit), ("nfc", ~kit)):
            p = part[mask]
            row[f"{name}_yes_coded"] = int((p["answered"] & p["present"]).sum())
            row[f"{name}_yes_uncoded"] = int((p["answered"] & ~p["present"]).sum())
            row[f"auc_{name}"] = _auc(p["present"].to_numpy(), p["distinct_terms"].to_numpy())
        rows.append(row)
    return pd.DataFrame(rows)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lexicon", default=None)
    ap.add_argument("--questions", action="store_true")
    args = ap.parse_args(argv)
    print(_md(frame_table(args.lexicon)))
    if args.questions:
        print()
        print(_md(question_table(args.lexicon)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
