"""Validation of the kit's quotes and speakers against hand-annotated gold (tests/gold/, notebook 06,
benchmarks/validate_quotes.py): `load_gold`, `quotes_with_speakers`, `match_quotes`, `speaker_matches`
and `evaluate` (precision, recall, F1 of speech quotes; speaker and source-type accuracy).

Kept out of the library modules (issue 12): nothing in `quotes` or `sourcing` depends on it.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

from analysis import quotes
from analysis.sourcing import attributions
from analysis.sourcing.lexicon import kind_words

GOLD_PATH = Path(__file__).resolve().parent.parent / "tests" / "gold" / "quotes_gold.jsonl"


def load_gold(path=GOLD_PATH) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The hand-annotated gold file (one JSON article a line with its `quotes`): returns
    (articles with `article_id`, `text`; gold quotes, one row per quote piece)."""
    arts, rows = [], []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            rec = json.loads(line)
            arts.append({"article_id": str(rec["article_id"]), "text": rec["text"]})
            for q in rec.get("quotes", []):
                rows.append({"article_id": str(rec["article_id"]), **q})
    cols = ["article_id", "quote_id", "paragraph", "start", "end", "text", "kind", "speaker", "role",
            "source_type"]
    gold = pd.DataFrame(rows, columns=cols) if rows else pd.DataFrame(columns=cols)
    return pd.DataFrame(arts, columns=["article_id", "text"]), gold


def quotes_with_speakers(articles) -> pd.DataFrame:
    """`find_quotes` joined with the speaker, role and source type of each direct attribution."""
    q = quotes.find_quotes(articles)
    a = attributions(articles)
    a = a[a["kind"] == "direct"][["article_id", "paragraph", "start", "speaker", "role", "source_type"]]
    a = a.drop_duplicates(["article_id", "paragraph", "start"])
    return q.merge(a, on=["article_id", "paragraph", "start"], how="left")


def _last_token(name) -> str | None:
    if not isinstance(name, str) or not name.strip():
        return None
    tokens = re.findall(r"[^\W_][\w\-]*", name.lower().replace("\u2019s", "").replace("'s", ""))
    while len(tokens) > 1 and tokens[-1] in kind_words("name_suffix"):     # Kennedy Jr. -> kennedy
        tokens.pop()
    return tokens[-1] if tokens else None


def speaker_matches(pred_speaker, pred_type, gold_speaker, gold_type) -> bool:
    """Speaker agreement as the validation counts it: for unnamed gold sources the predicted type is
    anonymous_unnamed; for a missing gold speaker a missing prediction; else the same last token."""
    if gold_type == "anonymous_unnamed":
        return pred_type == "anonymous_unnamed"
    g = _last_token(gold_speaker)
    if g is None:
        return _last_token(pred_speaker) is None
    return _last_token(pred_speaker) == g


def match_quotes(pred: pd.DataFrame, gold: pd.DataFrame, min_overlap: float = 0.5) -> pd.DataFrame:
    """Pairs predicted and gold speech quotes (scare quotes left out on both sides): same article and
    paragraph, character spans overlapping by >= `min_overlap` of the longer span, one-to-one, best
    overlap first. One row per gold or predicted quote with `matched` and both sides' columns."""
    p = pred[pred["kind"] != "scare"].reset_index(drop=True)
    g = gold[gold["kind"] != "scare"].reset_index(drop=True)
    cand = []
    pg = {}
    for i, r in enumerate(p[["article_id", "paragraph", "start", "end"]].itertuples(index=False)):
        pg.setdefault((r[0], r[1]), []).append((i, r[2], r[3]))
    for j, r in enumerate(g[["article_id", "paragraph", "start", "end"]].itertuples(index=False)):
        for i, s, e in pg.get((r[0], r[1]), []):
            inter = min(e, r[3]) - max(s, r[2])
            longer = max(e - s, r[3] - r[2], 1)
            if inter > 0 and inter / longer >= min_overlap:
                cand.append((inter / longer, i, j))
    cand.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_p, used_g, pairs = set(), set(), {}
    for ov, i, j in cand:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs[j] = i
    rows = []
    for j, gr in g.iterrows():
        i = pairs.get(j)
        pr = p.loc[i] if i is not None else None
        rows.append({"article_id": gr["article_id"], "paragraph": gr["paragraph"],
                     "gold_start": gr["start"], "gold_end": gr["end"], "gold_text": gr.get("text"),
                     "gold_speaker": gr.get("speaker"), "gold_type": gr.get("source_type"),
                     "pred_start": None if pr is None else pr["start"],
                     "pred_end": None if pr is None else pr["end"],
                     "pred_text": None if pr is None else pr.get("text"),
                     "pred_speaker": None if pr is None else pr.get("speaker"),
                     "pred_type": None if pr is None else pr.get("source_type"),
                     "matched": pr is not None})
    for i, pr in p.iterrows():
        if i in used_p:
            continue
        rows.append({"article_id": pr["article_id"], "paragraph": pr["paragraph"],
                     "gold_start": None, "gold_end": None, "gold_text": None, "gold_speaker": None,
                     "gold_type": None, "pred_start": pr["start"], "pred_end": pr["end"],
                     "pred_text": pr.get("text"), "pred_speaker": pr.get("speaker"),
                     "pred_type": pr.get("source_type"), "matched": False})
    return pd.DataFrame(rows)


def evaluate(pred: pd.DataFrame, gold: pd.DataFrame) -> dict:
    """Precision, recall and F1 of speech-quote spans, and speaker and source-type accuracy on the
    correctly found quotes (see `match_quotes`, `speaker_matches`). Values are fractions in [0, 1]."""
    m = match_quotes(pred, gold)
    n_gold = int(m["gold_start"].notna().sum()) if len(m) else 0
    n_pred = int(m["pred_start"].notna().sum()) if len(m) else 0
    hit = m[m["matched"]] if len(m) else m
    tp = len(hit)
    precision = tp / n_pred if n_pred else float("nan")
    recall = tp / n_gold if n_gold else float("nan")
    f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
    spk = [speaker_matches(r.pred_speaker, r.pred_type, r.gold_speaker, r.gold_type)
           for r in hit.itertuples()]
    typ = [r.pred_type == r.gold_type for r in hit.itertuples()]
    return {"gold_quotes": n_gold, "predicted_quotes": n_pred, "matched": tp,
            "precision": precision, "recall": recall, "f1": f1,
            "speaker_accuracy": sum(spk) / tp if tp else float("nan"),
            "source_type_accuracy": sum(typ) / tp if tp else float("nan")}
