"""Fit, and estimate honestly, the calibrated frame model of `analysis.framing` (analysis/data/frame_model.csv).

Usage: .venv/bin/python benchmarks/train_frames.py --cv      # nested cross-validated estimates (prints Markdown)
       .venv/bin/python benchmarks/train_frames.py --write   # fit on all development codings, write the model

Training material (development codings only; tests/gold/frames_heldout.csv is never read here):
- the 145 articles of the Narrative Frames Corpus development part (Frermann et al. 2023,
  ../shared/external/narrative-frames-dev.jsonl): five frames adapted from Semetko & Valkenburg (2000);
  their `resolution` is scored as the kit's `responsibility`;
- the kit's two development codings (tests/gold/frames_gold.csv, frames_gold2.csv: 37 articles).

Per frame, a logistic regression (L2, scikit-learn) over log(1 + distinct lexicon terms of the frame)
(`FEATURES`; per-question inputs and article length are the alternatives `model_inputs` offers); its
regularisation strength and, per coding convention (kit, nfc), the presence threshold (the cut-off with the
best Cohen's kappa on out-of-fold probabilities) are chosen by cross-validation inside the training data. `--cv` wraps the whole procedure in an outer 5-fold cross-validation (stratified by data set and coder
label, seed 0), so every reported figure comes from articles the fitted weights and thresholds never saw;
`--by-outlet` uses leave-one-outlet-out folds instead. Side by side: the dictionary's old rule (2 distinct
terms) and a learned bag-of-words model (L2 logistic regression over word unigrams and bigrams, same nested
procedure), which is reported but not shipped unless it beats the dictionary.
"""
from __future__ import annotations

import argparse
import warnings
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from analysis import framing  # noqa: E402
from validate_frames import GOLD, GOLD2, TEXTS, TEXTS2, _md, gold_articles  # noqa: E402

NFC = ROOT.parent / "shared" / "external" / "narrative-frames-dev.jsonl"
NFC_FRAMES = {"conflict": "conflict", "economic": "economic", "human_interest": "human_interest",
              "morality": "morality", "resolution": "responsibility"}
# NFC question keys that ask Semetko & Valkenburg's questions (the corpus's README and appendix A);
# its resolution questions are the corpus's own and have no S&V counterpart in the kit's lexicon
NFC_QUESTIONS = {"co1": "C1", "co2": "C2", "co3": "C3", "co4": "C4", "ec1": "E1", "ec2": "E2", "ec3": "E3",
                 "hi1": "H1", "hi2": "H2", "hi3": "H3", "hi4": "H4", "mo1": "M1", "mo2": "M2", "mo3": "M3"}
FRAMES = framing.GENERIC_FRAMES
CS = (0.1, 0.3, 1.0, 3.0)
WORD_CS = (0.1, 1.0)
FEATURES = "distinct"   # the model's inputs (model_inputs); chosen by --cv, see docs/framing.md


def nfc_rows(path=NFC) -> list[dict]:
    return [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]


def training_data(nfc_path=NFC) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(articles: article_id, text, dataset, outlet; labels: article_id, frame, present) of all development codings."""
    rows = nfc_rows(nfc_path)
    arts = [pd.DataFrame({"article_id": ["nfc-" + r["id"] for r in rows], "text": [r["text"] for r in rows],
                          "dataset": "nfc", "outlet": [r["outlet"].lower().replace(" ", "") for r in rows]})]
    labels = [pd.DataFrame([{"article_id": "nfc-" + r["id"], "frame": NFC_FRAMES[f], "present": bool(v)}
                            for r in rows for f, v in r["gold_frames"].items()])]
    for name, gold_path, texts_path in (("kit1", GOLD, TEXTS), ("kit2", GOLD2, TEXTS2)):
        gold, texts = gold_articles(gold_path, texts_path)
        texts = texts.assign(dataset=name, outlet=name)
        arts.append(texts)
        g = gold[gold["frame"].isin(FRAMES)]
        labels.append(pd.DataFrame({"article_id": g["article_id"], "frame": g["frame"],
                                    "present": g["present"].astype(int).astype(bool)}))
    return pd.concat(arts, ignore_index=True), pd.concat(labels, ignore_index=True)


def question_features(articles: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """frame -> table (one row per article) of the model's inputs: log1p distinct terms per question, log1p words."""
    q = framing.frame_questions(articles)
    words = np.log1p(articles["text"].str.split().str.len().to_numpy(float))
    out = {}
    for frame in FRAMES:
        part = q[q["frame"] == frame].pivot(index="article_id", columns="question", values="distinct_terms")
        part = part.reindex(articles["article_id"]).astype(float)
        distinct = part.sum(axis=1)   # each term names one question
        part = np.log1p(part)
        part["log1p_distinct_terms"] = np.log1p(distinct)
        part["log1p_words"] = words
        out[frame] = part
    return out


def model_inputs(table: pd.DataFrame, features: str = None) -> pd.DataFrame:
    """The columns the model uses: `questions` (one per question), `questions+words`, `distinct`
    (log1p distinct terms), `distinct+words`."""
    features = features or FEATURES
    questions = [c for c in table.columns if c not in ("log1p_distinct_terms", "log1p_words")]
    cols = {"questions": questions, "questions+words": questions + ["log1p_words"],
            "distinct": ["log1p_distinct_terms"], "distinct+words": ["log1p_distinct_terms", "log1p_words"]}[features]
    return table[cols]


def _kappa(y: np.ndarray, pred: np.ndarray) -> float:
    tp = int((y & pred).sum()); fp = int((~y & pred).sum()); fn = int((y & ~pred).sum()); tn = int((~y & ~pred).sum())
    return framing._kappa(tp, fp, fn, tn)


CODINGS = ("kit", "nfc")   # the coding conventions a threshold is chosen for


def coding_of(strata: np.ndarray) -> np.ndarray:
    """Each article's coding convention: `nfc` (Narrative Frames Corpus) or `kit` (the kit's guide)."""
    return np.where(np.asarray(strata) == "nfc", "nfc", "kit")


def best_thresholds(y: np.ndarray, p: np.ndarray, strata: np.ndarray) -> dict:
    """{coding: the cut-off with the best kappa on that coding's articles}."""
    conv = coding_of(strata)
    return {c: best_threshold(y[conv == c], p[conv == c]) for c in CODINGS}


def best_threshold(y: np.ndarray, p: np.ndarray) -> float:
    """The probability cut-off with the best kappa (ties: the middle of the best run)."""
    grid = np.round(np.arange(0.05, 0.951, 0.01), 2)
    scores = np.array([_kappa(y, p >= t) for t in grid])
    scores = np.nan_to_num(scores, nan=-1.0)
    best = np.flatnonzero(scores >= scores.max() - 1e-9)
    return float(grid[best[len(best) // 2]])


def _folds(y: np.ndarray, strata: np.ndarray, k: int = 5, seed: int = 0):
    from sklearn.model_selection import StratifiedKFold
    key = np.char.add(strata.astype(str), y.astype(int).astype(str))
    return list(StratifiedKFold(k, shuffle=True, random_state=seed).split(np.zeros(len(y)), key))


def _logistic(C: float):
    from sklearn.linear_model import LogisticRegression
    return LogisticRegression(C=C, max_iter=5000)


def fit(X: np.ndarray, y: np.ndarray, strata: np.ndarray, cs=CS):
    """(fitted model, C, {coding: threshold}): C (log loss) and the thresholds chosen on out-of-fold
    probabilities of the training data, one per coding convention."""
    best = None
    for C in cs:
        oof = np.zeros(len(y))
        for tr, te in _folds(y, strata, seed=1):
            oof[te] = _logistic(C).fit(X[tr], y[tr]).predict_proba(X[te])[:, 1]
        loss = -np.mean(y * np.log(np.clip(oof, 1e-9, 1)) + (~y) * np.log(np.clip(1 - oof, 1e-9, 1)))
        if best is None or loss < best[0]:
            best = (loss, C, oof)
    _, C, oof = best
    return _logistic(C).fit(X, y), C, best_thresholds(y, oof, strata)


def auc(y: np.ndarray, score: np.ndarray) -> float:
    """Area under the ROC curve (Mann-Whitney, ties counted half)."""
    ranks = pd.Series(score).rank().to_numpy()
    n1 = int(y.sum()); n0 = len(y) - n1
    return float((ranks[y].sum() - n1 * (n1 + 1) / 2) / (n1 * n0)) if n1 and n0 else float("nan")


def _labels(labels: pd.DataFrame, articles: pd.DataFrame, frame: str) -> np.ndarray:
    lab = labels[labels["frame"] == frame].set_index("article_id")["present"]
    return lab.reindex(articles["article_id"]).to_numpy(bool)


def nested_cv(articles, labels, by_outlet=False, words=False) -> pd.DataFrame:
    """Out-of-fold probability and presence per article and frame for the calibrated question model and
    the word model, plus the dictionary's rule (2 distinct terms), as one long table."""
    from sklearn.feature_extraction.text import CountVectorizer
    feats = question_features(articles)
    rule = framing.frame_scores(articles, min_terms=framing.MIN_TERMS, model=False)
    strata = articles["dataset"].to_numpy()
    groups = articles["outlet"].to_numpy()
    out = []
    for frame in FRAMES:
        y = _labels(labels, articles, frame)
        X = model_inputs(feats[frame]).to_numpy()
        evidence = np.expm1(feats[frame]["log1p_distinct_terms"].to_numpy()) >= 1
        if by_outlet:
            folds = [(np.flatnonzero(groups != g), np.flatnonzero(groups == g)) for g in sorted(set(groups))]
        else:
            folds = _folds(y, strata)
        prob = np.zeros(len(y)); pres = np.zeros(len(y), bool)
        wprob = np.zeros(len(y)); wpres = np.zeros(len(y), bool)
        for tr, te in folds:
            model, _, thr = fit(X[tr], y[tr], strata[tr])
            prob[te] = model.predict_proba(X[te])[:, 1]
            cut = np.array([thr[c] for c in coding_of(strata[te])])
            pres[te] = (prob[te] >= cut) & evidence[te]
            if not words:
                wprob[te] = np.nan
                continue
            vec = CountVectorizer(ngram_range=(1, 2), min_df=3, binary=True, token_pattern=r"(?u)\b[a-z][a-z']+\b")
            W = vec.fit_transform(articles["text"].iloc[tr].str.lower())
            wmodel, _, wthr = fit(W, y[tr], strata[tr], WORD_CS)
            wprob[te] = wmodel.predict_proba(vec.transform(articles["text"].iloc[te].str.lower()))[:, 1]
            wpres[te] = wprob[te] >= np.array([wthr[c] for c in coding_of(strata[te])])
        r = rule[rule["frame"] == frame].set_index("article_id").reindex(articles["article_id"])
        out.append(pd.DataFrame({"article_id": articles["article_id"], "dataset": articles["dataset"],
                                 "frame": frame, "gold": y,
                                 "rule_score": r["distinct_terms"].to_numpy(float),
                                 "rule_present": r["present"].to_numpy(bool),
                                 "model_score": prob, "model_present": pres,
                                 "words_score": wprob, "words_present": wpres}))
    return pd.concat(out, ignore_index=True)


def summary(cv: pd.DataFrame, dataset: str) -> pd.DataFrame:
    rows = []
    part = cv[cv["dataset"].str.startswith(dataset)]
    methods = ("rule", "model", "words") if part["words_score"].notna().all() else ("rule", "model")
    for method in methods:
        for frame, g in list(part.groupby("frame", sort=False)) + [("macro", None)]:
            if g is None:
                per = pd.DataFrame([r for r in rows if r["method"] == method])
                rows.append({"method": method, "frame": "macro mean", **per.drop(columns=["method", "frame"]).mean()})
                continue
            y = g["gold"].to_numpy(bool); p = g[f"{method}_present"].to_numpy(bool)
            tp = int((y & p).sum()); fp = int((~y & p).sum()); fn = int((y & ~p).sum()); tn = int((~y & ~p).sum())
            prec = tp / (tp + fp) if tp + fp else float("nan"); rec = tp / (tp + fn) if tp + fn else float("nan")
            rows.append({"method": method, "frame": frame, "auc": auc(y, g[f"{method}_score"].to_numpy()),
                         "precision": prec, "recall": rec,
                         "f1": 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else float("nan"),
                         "kappa": framing._kappa(tp, fp, fn, tn), "coded": tp + fn, "found": tp + fp})
    return pd.DataFrame(rows)


def question_agreement(nfc_path=NFC) -> pd.DataFrame:
    """Per S&V question: the dictionary's `answered` (1+ term) against the NFC coders' majority answer
    (articles where the coders agreed), with the AUC of the number of distinct terms."""
    rows = nfc_rows(nfc_path)
    arts = pd.DataFrame({"article_id": [r["id"] for r in rows], "text": [r["text"] for r in rows]})
    q = framing.frame_questions(arts).set_index(["article_id", "question"])
    out = []
    for key, question in NFC_QUESTIONS.items():
        keep = [r for r in rows if r["gold_questions"].get(key) in ("yes", "no")]
        y = np.array([r["gold_questions"][key] == "yes" for r in keep])
        d = np.array([q.loc[(r["id"], question), "distinct_terms"] for r in keep], float)
        p = d >= 1
        tp = int((y & p).sum()); fp = int((~y & p).sum()); fn = int((y & ~p).sum()); tn = int((~y & ~p).sum())
        out.append({"nfc": key, "question": question, "articles": len(keep), "coded_yes": int(y.sum()),
                    "answered": int(p.sum()), "auc": auc(y, d),
                    "precision": tp / (tp + fp) if tp + fp else float("nan"),
                    "recall": tp / (tp + fn) if tp + fn else float("nan"), "kappa": framing._kappa(tp, fp, fn, tn)})
    return pd.DataFrame(out)


HEADER = """# Calibrated frame model of the kit (analysis/framing.py, frame_scores' `probability` and `present`).
# Written by benchmarks/train_frames.py --write; do not edit by hand (re-run it after a lexicon change).
# Per frame a logistic regression (L2, C chosen by 5-fold cross-validation on log loss) over
# log(1 + distinct terms of the kit's lexicon for the frame, each answering one of its Semetko & Valkenburg (2000)
# questions) (per-question weights and article length were tried and lost: docs/framing.md); `threshold_kit` / `threshold_nfc` = probability cut-off of `present` for coding like the
# kit's guide (Semetko & Valkenburg on general news; the default) or like the Narrative Frames Corpus coders
# (frame_scores(coding="nfc")): the best Cohen's kappa on out-of-fold probabilities of that coding's articles. Fitted on the development codings: Narrative
# Frames Corpus development part (145 climate articles, Frermann et al. 2023; `resolution` as responsibility)
# and the kit's codings tests/gold/frames_gold.csv + frames_gold2.csv (37 articles). Cross-validated
# estimates: docs/framing.md. Reading a weight: +1 on a question means each doubling of its distinct terms
# multiplies the odds by about e^0.69.
"""


def write_model(path=framing.MODEL_PATH) -> pd.DataFrame:
    articles, labels = training_data()
    feats = question_features(articles)
    strata = articles["dataset"].to_numpy()
    rows = []
    for frame in FRAMES:
        y = _labels(labels, articles, frame)
        X = model_inputs(feats[frame])
        model, C, thr = fit(X.to_numpy(), y, strata)
        rows.append((frame, "intercept", round(float(model.intercept_[0]), 4), f"C={C}"))
        for name, w in zip(X.columns, model.coef_[0]):
            rows.append((frame, name, round(float(w), 4), ""))
        for coding in CODINGS:
            rows.append((frame, f"threshold_{coding}", thr[coding], f"best kappa on out-of-fold probabilities, {coding} codings"))
    table = pd.DataFrame(rows, columns=["frame", "feature", "weight", "note"])
    Path(path).write_text(HEADER + table.to_csv(index=False, lineterminator="\n"), encoding="utf-8")
    return table


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help="fit on all development codings and write the model")
    ap.add_argument("--cv", action="store_true", help="nested cross-validated estimates")
    ap.add_argument("--by-outlet", action="store_true", help="with --cv: leave one outlet out")
    ap.add_argument("--words", action="store_true", help="with --cv: also the learned bag-of-words model (slow)")
    ap.add_argument("--questions", action="store_true", help="per-question agreement on the NFC articles")
    args = ap.parse_args(argv)
    warnings.filterwarnings("ignore", message="The least populated class")
    if args.write:
        print(_md(write_model()))
    if args.cv:
        articles, labels = training_data()
        cv = nested_cv(articles, labels, by_outlet=args.by_outlet, words=args.words)
        for name, title in (("nfc", "Narrative Frames Corpus development part, 145 articles"),
                            ("kit", "kit development codings, 37 articles")):
            print(f"\n## {title}: out-of-fold ({'leave one outlet out' if args.by_outlet else '5-fold'})\n")
            print(_md(summary(cv, name)))
    if args.questions:
        print("\n## Per question: dictionary (1+ term) vs NFC coders' majority\n")
        print(_md(question_agreement()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
