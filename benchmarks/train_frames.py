"""Fit, and estimate honestly, the calibrated frame model of `analysis.framing` (analysis/data/frame_model.csv).

Usage: .venv/bin/python benchmarks/train_frames.py --cv      # nested cross-validated estimates (prints Markdown)
       .venv/bin/python benchmarks/train_frames.py --write   # fit on all development codings, write the model

Training material (development codings only; tests/gold/frames_heldout.csv is never read here):
- the 145 articles of the Narrative Frames Corpus development part (Frermann et al. 2023,
  ../shared/external/narrative-frames-dev.jsonl): five frames adapted from Semetko & Valkenburg (2000);
  their `resolution` is scored as the kit's `responsibility`;
- the kit's two development codings (tests/gold/frames_gold.csv, frames_gold2.csv: 37 articles).

Per frame, a logistic regression (L2, scikit-learn) over log(1 + distinct lexicon terms of the frame) and
the article's shape (`framing.text_shape`: words, quotation marks, attributions) (`FEATURES`; per-question
inputs and the other sets of `FEATURE_SETS` are compared by `--compare`). Inside the training data, by
inner 5-fold cross-validation: the regularisation strength (log loss), then per coding convention (kit,
nfc) a Platt calibration of the out-of-fold scores and the presence threshold (the cut-off with the best
Cohen's kappa on the calibrated out-of-fold probabilities). `--cv` wraps the whole procedure in an outer
cross-validation, `--repeats` times stratified 5-fold (by data set and coder label; seeds 0, 1, ...), so
every reported figure comes from articles the fitted weights, calibration and thresholds never saw, and
prints a reliability table of the out-of-fold probabilities; `--by-outlet` leaves one outlet out instead.
Side by side: the dictionary's rule (2 distinct terms; no fitting) and, with `--words`, a learned
bag-of-words model (L2 logistic regression over word unigrams and bigrams, same nested procedure) alone and
with the dictionary's features, reported but not shipped unless it beats the dictionary. Other candidates,
each through the same nested procedure: `--sets` (input sets of `model_inputs`, e.g. the spread of the
frame's terms through the article, its lead, the other frames' terms), `--select` (the inputs chosen per
frame by inner cross-validation) and `--stack all,nfc` (a word model's inner out-of-fold score as one more
input: stacking). AUC is reported pooled over the outer folds (`auc`) and within each fold (`auc_within_folds`,
the fair comparison of a fitted score with the rule's count; see `auc_within_folds`).
"""
from __future__ import annotations

import argparse
import warnings
import json
import sys
from pathlib import Path
from typing import NamedTuple

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
FEATURES = "distinct+shape|nfc"   # the model's inputs (model_inputs); chosen by --cv --compare, see docs/framing.md


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


def question_features(articles: pd.DataFrame, coding: str = "kit") -> dict[str, pd.DataFrame]:
    """frame -> table (one row per article) of the model's inputs: log1p distinct terms per question, log1p
    distinct terms, and the article's shape (`framing.text_shape`: log1p words, quotation marks, attributions).
    Every article is read with the lexicon rows of `coding` (frames.csv's `codings`): a coding's model is
    fitted on what that coding reads (`coding="nfc"`'s term models: frames_ideas.material)."""
    q = framing.frame_questions(articles, coding=coding)
    shapes = pd.DataFrame([framing.text_shape(t) for t in articles["text"]], index=articles["article_id"])
    spread = frame_spread(articles, coding)
    every = framing.frame_scores(articles, model=False, coding=coding)
    others = {f: np.log1p(g.set_index("article_id")["distinct_terms"].reindex(articles["article_id"]).to_numpy(float))
              for f, g in every.groupby("frame", sort=False)}
    nfc = (articles["dataset"] == "nfc").to_numpy(float)
    shape_logs = {f"log1p_{c}": np.log1p(shapes[c].to_numpy(float)) for c in framing.TextShape._fields}
    out = {}
    for frame in FRAMES:
        part = q[q["frame"] == frame].pivot(index="article_id", columns="question", values="distinct_terms")
        part = part.reindex(articles["article_id"]).astype(float)
        distinct = part.sum(axis=1)   # each term names one question
        part = np.log1p(part)
        part["log1p_distinct_terms"] = np.log1p(distinct)
        for name, values in shape_logs.items():
            part[name] = values
            part[f"{name}|nfc"] = values * nfc   # the same input for the NFC coding only (zero elsewhere)
        extra = spread[spread["frame"] == frame].set_index("article_id").reindex(articles["article_id"])
        for name in SPREAD_FEATURES:
            part[name] = extra[name].to_numpy(float)
        for other, values in others.items():
            if other != frame:
                part[f"other:{other}"] = values
        out[frame] = part
    return out


SPREAD_FEATURES = ("log1p_matches", "log1p_sentences", "log1p_lead_terms", "sentence_share")
LEAD_SENTENCES = 5


def frame_spread(articles: pd.DataFrame, coding: str = "kit") -> pd.DataFrame:
    """Per article and frame, how far the frame's terms run through the article: log1p matches, log1p
    sentences holding a term, log1p distinct terms in the first `LEAD_SENTENCES` sentences (the lead),
    and the share of the article's sentences holding a term."""
    from analysis.text import sentence_table
    m = framing.frame_matches(articles, coding=coding)
    n_sent = {aid: max(len(sentence_table(t)), 1) if isinstance(t, str) and t else 1
              for aid, t in zip(articles["article_id"], articles["text"])}
    rows = []
    groups = {k: g for k, g in m.groupby(["article_id", "frame"])}
    for aid in articles["article_id"]:
        for frame in FRAMES:
            g = groups.get((aid, frame))
            if g is None:
                rows.append((aid, frame, 0.0, 0.0, 0.0, 0.0))
                continue
            sents = g["sentence"].nunique()
            lead = g.loc[g["sentence"] < LEAD_SENTENCES, "lexicon_term"].nunique()
            rows.append((aid, frame, np.log1p(len(g)), np.log1p(sents), np.log1p(lead), sents / n_sent[aid]))
    return pd.DataFrame(rows, columns=["article_id", "frame", *SPREAD_FEATURES])


FEATURE_SETS = ("distinct", "questions", "distinct+words", "distinct+shape", "questions+shape|nfc",
                "distinct+shape|nfc")


def model_inputs(table: pd.DataFrame, features: str = None) -> pd.DataFrame:
    """The columns the model uses: `questions` (log1p distinct terms per question), `distinct` (log1p
    distinct terms of the frame), `+words` (and log1p words), `+shape` (and all of `framing.SHAPE_FEATURES`),
    `+shape|nfc` (the shape for the Narrative Frames coding only: `log1p_words|nfc` ..., zero on the kit's)."""
    features = features or FEATURES
    shape = list(framing.SHAPE_FEATURES)
    questions = [c for c in table.columns if c != "log1p_distinct_terms" and c.partition("|")[0] not in shape
                 and c not in SPREAD_FEATURES and not c.startswith("other:")]
    base, *extras = features.split("+")
    cols = questions if base == "questions" else ["log1p_distinct_terms"]
    spread = {"matches": "log1p_matches", "sentences": "log1p_sentences", "lead": "log1p_lead_terms",
              "share": "sentence_share"}
    for extra in extras:
        if extra in ("others", "generic"):
            keep = [c for c in table.columns if c.startswith("other:")
                    and (extra == "others" or c[len("other:"):] in FRAMES)]
            cols = cols + keep
            continue
        cols = cols + ({"words": ["log1p_words"], "shape": shape, "shape|nfc": [f"{c}|nfc" for c in shape]}.get(extra)
                       or [spread[extra]])
    return table[cols]


def binary_kappa(y: np.ndarray, pred: np.ndarray) -> float:
    """Cohen's kappa (`framing.cohen_kappa`) of two boolean codings of the same articles."""
    tp = int((y & pred).sum()); fp = int((~y & pred).sum()); fn = int((y & ~pred).sum()); tn = int((~y & ~pred).sum())
    return framing.cohen_kappa(tp, fp, fn, tn)


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
    scores = np.array([binary_kappa(y, p >= t) for t in grid])
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


class FrameFit(NamedTuple):
    """A frame model fitted on training articles, everything chosen inside them."""
    model: object        # the scikit-learn logistic regression (its score z = decision_function)
    C: float             # regularisation, chosen by inner cross-validation (log loss)
    thresholds: dict     # coding -> probability cut-off of `present` (best kappa on inner out-of-fold probabilities)
    calibration: dict    # coding -> (a, b): probability = logistic(a + b z) (Platt scaling on inner out-of-fold scores)
    columns: list | None = None   # the columns of X the model reads (chosen by inner cross-validation), None: all


def _platt(z: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """(a, b) of the logistic regression of `y` on the score `z` (Platt 1999), nearly unregularised."""
    if y.all() or not y.any():
        return 0.0, 1.0
    fit1 = _logistic(100.0).fit(z[:, None], y)
    return float(fit1.intercept_[0]), float(fit1.coef_[0, 0])


def calibrated(fitted: FrameFit, X, codings: np.ndarray) -> np.ndarray:
    """Probabilities of `fitted` for articles `X` coded under `codings` (one per row)."""
    z = fitted.model.decision_function(X if fitted.columns is None else X[:, fitted.columns])
    ab = np.array([fitted.calibration[c] for c in codings]).reshape(-1, 2)
    return 1.0 / (1.0 + np.exp(-(ab[:, 0] + ab[:, 1] * z)))


def _log_loss(y: np.ndarray, prob: np.ndarray) -> float:
    return float(-np.mean(y * np.log(np.clip(prob, 1e-9, 1)) + (~y) * np.log(np.clip(1 - prob, 1e-9, 1))))


def _calibrated_oof(oof: np.ndarray, y: np.ndarray, conv: np.ndarray) -> tuple[dict, np.ndarray]:
    calibration = {c: _platt(oof[conv == c], y[conv == c]) for c in CODINGS}
    ab = np.array([calibration[c] for c in conv])
    return calibration, 1.0 / (1.0 + np.exp(-(ab[:, 0] + ab[:, 1] * oof)))


def fit(X, y: np.ndarray, strata: np.ndarray, cs=CS, subsets=None) -> FrameFit:
    """The model fitted on all of X: C and, with `subsets` (lists of column indices of X), the inputs (the
    lowest log loss of the per-coding calibrated out-of-fold probabilities), then per coding convention the
    calibration and the threshold, all chosen on out-of-fold scores of the training data (inner 5-fold, seed 1)."""
    conv = coding_of(strata)
    folds = _folds(y, strata, seed=1)
    best = None
    for cols in subsets or [None]:
        Xs = X if cols is None else X[:, cols]
        for C in cs:
            oof = np.zeros(len(y))
            for tr, te in folds:
                oof[te] = _logistic(C).fit(Xs[tr], y[tr]).decision_function(Xs[te])
            if subsets:
                loss = _log_loss(y, _calibrated_oof(oof, y, conv)[1])
            else:
                loss = _log_loss(y, 1.0 / (1.0 + np.exp(-oof)))
            if best is None or loss < best[0] - 1e-12:
                best = (loss, C, oof, cols)
    _, C, oof, cols = best
    calibration, oof_prob = _calibrated_oof(oof, y, conv)
    Xs = X if cols is None else X[:, cols]
    return FrameFit(_logistic(C).fit(Xs, y), C, best_thresholds(y, oof_prob, strata), calibration, cols)


def auc(y: np.ndarray, score: np.ndarray) -> float:
    """Area under the ROC curve (Mann-Whitney, ties counted half)."""
    ranks = pd.Series(score).rank().to_numpy()
    n1 = int(y.sum()); n0 = len(y) - n1
    return float((ranks[y].sum() - n1 * (n1 + 1) / 2) / (n1 * n0)) if n1 and n0 else float("nan")


def _labels(labels: pd.DataFrame, articles: pd.DataFrame, frame: str) -> np.ndarray:
    lab = labels[labels["frame"] == frame].set_index("article_id")["present"]
    return lab.reindex(articles["article_id"]).to_numpy(bool)


RULE = "dictionary (2 terms)"


def _outer_folds(y, strata, groups, by_outlet: bool, repeat: int):
    if by_outlet:
        return [(np.flatnonzero(groups != g), np.flatnonzero(groups == g)) for g in sorted(set(groups))]
    return _folds(y, strata, seed=repeat)


def _word_matrices(texts: pd.Series, tr, te, extra=None):
    """Binary word unigrams and bigrams (seen in 3+ training articles), fitted on the training part;
    with `extra` (dense features, e.g. the dictionary's) appended, scaled x3 so that the shared L2
    penalty weighs them less than single words."""
    import scipy.sparse as sp
    from sklearn.feature_extraction.text import CountVectorizer
    vec = CountVectorizer(ngram_range=(1, 2), min_df=3, binary=True, token_pattern=r"(?u)\b[a-z][a-z']+\b")
    W, V = vec.fit_transform(texts.iloc[tr].str.lower()), vec.transform(texts.iloc[te].str.lower())
    if extra is None:
        return W, V
    return (sp.hstack([W, sp.csr_matrix(3 * extra[tr])]).tocsr(), sp.hstack([V, sp.csr_matrix(3 * extra[te])]).tocsr())


SELECT_FROM = ("distinct+shape|nfc", "distinct")   # the widest first: the others are subsets of its columns


def select_subsets(table: pd.DataFrame, sets=SELECT_FROM) -> list:
    """Column indices, in the widest set's columns, of each candidate input set."""
    widest = list(model_inputs(table, sets[0]).columns)
    return [[widest.index(c) for c in model_inputs(table, fs).columns] for fs in sets]


STACK_C = 0.3   # the word model's regularisation inside the stacked model (fixed: no second inner search)
_VOCAB_CACHE: dict = {}


def _binary_words(texts: pd.Series, tr):
    """(binary word unigram + bigram matrix of all `texts`, vocabulary seen in 3+ of the `tr` articles);
    the vocabulary is fitted without labels, so sharing it between the inner folds of `tr` leaks none."""
    from sklearn.feature_extraction.text import CountVectorizer
    key = (id(texts), np.asarray(tr).tobytes())
    if key not in _VOCAB_CACHE:
        vec = CountVectorizer(ngram_range=(1, 2), min_df=3, binary=True, token_pattern=r"(?u)\b[a-z][a-z']+\b")
        vec.fit(texts.iloc[tr].str.lower())
        _VOCAB_CACHE[key] = vec.transform(texts.str.lower()).tocsr()
    return _VOCAB_CACHE[key]


def stacked_word_scores(texts: pd.Series, y: np.ndarray, strata: np.ndarray, tr, te, only=None):
    """The word model's score as one more input of the frame model (stacking, Wolpert 1992): on the training
    articles `tr` its out-of-fold score (inner 5-fold, seed 2), on `te` the score of the word model fitted on
    all of `tr`. `only` (a coding): the word model is fitted on that coding's articles and scores zero
    elsewhere."""
    W = _binary_words(texts, tr)
    tr = np.asarray(tr); te = np.asarray(te)
    use = np.ones(len(y), bool) if only is None else coding_of(strata) == only
    z_tr, z_te = np.zeros(len(tr)), np.zeros(len(te))
    fit_rows = tr[use[tr]]
    for itr, ite in _folds(y[fit_rows], strata[fit_rows], seed=2):
        model = _logistic(STACK_C).fit(W[fit_rows[itr]], y[fit_rows[itr]])
        where = np.searchsorted(tr, fit_rows[ite])
        z_tr[where] = model.decision_function(W[fit_rows[ite]])
    model = _logistic(STACK_C).fit(W[fit_rows], y[fit_rows])
    z_te[use[te]] = model.decision_function(W[te[use[te]]])
    return z_tr, z_te


def _frame_cv(frame, articles, labels, feats, feature_sets, words, by_outlet, repeat, stack=(), select=False) -> list[pd.DataFrame]:
    """One repeat of the outer cross-validation for one frame: out-of-fold probability and presence of
    each method (every choice made inside the training part)."""
    strata = articles["dataset"].to_numpy()
    y = _labels(labels, articles, frame)
    evidence = np.expm1(feats[frame]["log1p_distinct_terms"].to_numpy()) >= 1
    inputs = {f"model: {fs}": model_inputs(feats[frame], fs).to_numpy() for fs in feature_sets}
    if words:
        inputs["words"] = None
        inputs["words + dictionary"] = model_inputs(feats[frame]).to_numpy()
    if select:
        inputs["model: selected per frame"] = model_inputs(feats[frame], SELECT_FROM[0]).to_numpy()
    for only in stack:
        inputs[f"stacked words ({only or 'all'})"] = model_inputs(feats[frame]).to_numpy()
    prob = {m: np.full(len(y), np.nan) for m in inputs}
    pres = {m: np.zeros(len(y), bool) for m in inputs}
    fold = np.full(len(y), -1)
    for k, (tr, te) in enumerate(_outer_folds(y, strata, articles["outlet"].to_numpy(), by_outlet, repeat)):
        fold[te] = k
        conv = coding_of(strata[te])
        for method, X in inputs.items():
            if method.startswith("words"):
                Xtr, Xte = _word_matrices(articles["text"], tr, te, X)
                fitted = fit(Xtr, y[tr], strata[tr], WORD_CS)
            elif method == "model: selected per frame":
                Xtr, Xte = X[tr], X[te]
                fitted = fit(Xtr, y[tr], strata[tr], subsets=select_subsets(feats[frame]))
            elif method.startswith("stacked"):
                only = method[len("stacked words ("):-1]
                z_tr, z_te = stacked_word_scores(articles["text"], y, strata, tr, te, None if only == "all" else only)
                Xtr, Xte = np.column_stack([X[tr], z_tr]), np.column_stack([X[te], z_te])
                fitted = fit(Xtr, y[tr], strata[tr])
            else:
                Xtr, Xte = X[tr], X[te]
                fitted = fit(Xtr, y[tr], strata[tr])
            prob[method][te] = calibrated(fitted, Xte, conv)
            cut = np.array([fitted.thresholds[c] for c in conv])
            pres[method][te] = (prob[method][te] >= cut) & (evidence[te] | method.startswith("words"))
    base = {"repeat": repeat, "article_id": articles["article_id"].to_numpy(),
            "dataset": articles["dataset"].to_numpy(), "frame": frame, "gold": y, "fold": fold}
    return [pd.DataFrame({**base, "method": m, "score": prob[m], "present": pres[m]}) for m in inputs]


def nested_cv(articles, labels, by_outlet=False, words=False, repeats=1, feature_sets=(None,), stack=(), select=False) -> pd.DataFrame:
    """Out-of-fold probability and presence per repeat, article, frame and method (the dictionary's rule of
    2 distinct terms, the calibrated model with each of `feature_sets` (None: the shipped one), and with
    `words` the bag-of-words model alone and with the dictionary's features), as one long table. Outer
    folds: `repeats` x stratified 5-fold (seeds 0, 1, ...; stratified by data set and label) or, with
    `by_outlet`, leave one outlet out (once)."""
    feats = question_features(articles)
    rule = framing.frame_scores(articles, min_terms=framing.MIN_TERMS, model=False)
    feature_sets = [fs or FEATURES for fs in feature_sets]
    out = []
    for repeat in range(1 if by_outlet else repeats):
        for frame in FRAMES:
            r = rule[rule["frame"] == frame].set_index("article_id").reindex(articles["article_id"])
            fitted = _frame_cv(frame, articles, labels, feats, feature_sets, words, by_outlet, repeat, stack, select)
            out.append(pd.DataFrame({"repeat": repeat, "article_id": articles["article_id"].to_numpy(),
                                     "dataset": articles["dataset"].to_numpy(), "frame": frame,
                                     "gold": _labels(labels, articles, frame), "fold": fitted[0]["fold"].to_numpy(),
                                     "method": RULE, "score": r["distinct_terms"].to_numpy(float),
                                     "present": r["present"].to_numpy(bool)}))
            out += fitted
    return pd.concat(out, ignore_index=True)


def precision_at_recall(y: np.ndarray, score: np.ndarray, recall: float = 0.7) -> float:
    """Precision at the highest cut-off of `score` whose recall reaches `recall` (a point of the
    precision-recall curve of the out-of-fold scores: like AUC, no threshold is chosen)."""
    if not y.any():
        return float("nan")
    for cut in np.unique(score[~np.isnan(score)])[::-1]:
        found = score >= cut
        if (y & found).sum() >= recall * y.sum():
            return float((y & found).sum() / found.sum())
    return float("nan")


def _scores(y: np.ndarray, p: np.ndarray, score: np.ndarray) -> dict:
    tp = int((y & p).sum()); fp = int((~y & p).sum()); fn = int((y & ~p).sum()); tn = int((~y & ~p).sum())
    nan = float("nan")
    return {"auc": auc(y, score), "precision_at_recall_0.7": precision_at_recall(y, score), "precision": tp / (tp + fp) if tp + fp else nan,
            "recall": tp / (tp + fn) if tp + fn else nan, "f1": 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else nan,
            "kappa": framing.cohen_kappa(tp, fp, fn, tn), "coded": tp + fn, "found": tp + fp}


def auc_within_folds(part: pd.DataFrame) -> float:
    """The AUC within each outer test fold (its own articles ranked against each other), averaged over the
    folds that hold both classes. Pooling the out-of-fold scores of all folds into one ranking (`auc`) also
    ranks articles of different folds, whose models differ, against each other: a fold whose training part
    had more coded articles at a score places its test articles higher at that score, while its test part
    has fewer of them, so the pooled AUC of any fitted score is biased low against a fixed one such as the
    dictionary's count (Parker, Gunter & Bedo 2007; Airola et al. 2011, who compare the two estimates).
    NaN without a `fold` column."""
    if "fold" not in part:
        return float("nan")
    values = [auc(g["gold"].to_numpy(bool), g["score"].to_numpy()) for _, g in part.groupby("fold")]
    values = [v for v in values if not np.isnan(v)]
    return float(np.mean(values)) if values else float("nan")


def summary(cv: pd.DataFrame, dataset: str) -> pd.DataFrame:
    """Per method and frame, the agreement figures of each repeat averaged over the repeats; `macro mean`
    rows average the frames (their `auc_sd`, `kappa_sd`: the spread of the macro figure over repeats)."""
    part = cv[cv["dataset"].str.startswith(dataset)]
    per = []
    for (method, repeat, frame), g in part.groupby(["method", "repeat", "frame"], sort=False):
        per.append({"method": method, "repeat": repeat, "frame": frame,
                    **_scores(g["gold"].to_numpy(bool), g["present"].to_numpy(bool), g["score"].to_numpy()),
                    "auc_within_folds": auc_within_folds(g)})
    per = pd.DataFrame(per)
    macro = per.groupby(["method", "repeat"], sort=False).mean(numeric_only=True).reset_index()
    macro["frame"] = "macro mean"
    rows = []
    for method, g in pd.concat([per, macro]).groupby("method", sort=False):
        table = g.groupby("frame", sort=False).mean(numeric_only=True).drop(columns="repeat")
        table.insert(0, "method", method)
        spread = g[g["frame"] == "macro mean"][["auc", "kappa"]].std(ddof=0)
        table["auc_sd"] = np.where(table.index == "macro mean", spread["auc"], np.nan)
        table["kappa_sd"] = np.where(table.index == "macro mean", spread["kappa"], np.nan)
        rows.append(table.reset_index())
    return pd.concat(rows, ignore_index=True)[["method", "frame", "auc", "auc_within_folds", "precision", "recall", "f1", "kappa",
                                               "precision_at_recall_0.7", "coded", "found", "auc_sd", "kappa_sd"]]


def reliability(cv: pd.DataFrame, dataset: str, method: str, bins: int = 5) -> pd.DataFrame:
    """Reliability table of out-of-fold probabilities (all frames and repeats pooled): per probability
    bin, the article-frame pairs, their mean probability and the share the coders coded present."""
    part = cv[cv["dataset"].str.startswith(dataset) & (cv["method"] == method)]
    b = np.minimum((part["score"].to_numpy() * bins).astype(int), bins - 1)
    rows = []
    for k in range(bins):
        g = part[b == k]
        rows.append({"probability": f"{k / bins:.1f}-{(k + 1) / bins:.1f}", "pairs": len(g),
                     "mean_probability": g["score"].mean(), "coded_share": g["gold"].mean()})
    rows.append({"probability": "all", "pairs": len(part), "mean_probability": part["score"].mean(),
                 "coded_share": part["gold"].mean()})
    return pd.DataFrame(rows)


def question_agreement(nfc_path=NFC) -> pd.DataFrame:
    """Per S&V question: the dictionary's `answered` (1+ term) against the NFC coders' majority answer
    (articles where the coders agreed), with the AUC of the number of distinct terms."""
    rows = nfc_rows(nfc_path)
    arts = pd.DataFrame({"article_id": [r["id"] for r in rows], "text": [r["text"] for r in rows]})
    q = framing.frame_questions(arts, coding="nfc").set_index(["article_id", "question"])
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
                    "recall": tp / (tp + fn) if tp + fn else float("nan"), "kappa": framing.cohen_kappa(tp, fp, fn, tn)})
    return pd.DataFrame(out)


HEADER = """# Calibrated frame model of the kit (analysis/framing/, frame_scores' `probability` and `present`).
# Written by benchmarks/train_frames.py --write; do not edit by hand (re-run it after a lexicon change).
# Per frame a logistic regression (L2, C chosen by 5-fold cross-validation on log loss) over log(1 + distinct
# terms of the kit's lexicon for the frame, each answering one of its Semetko & Valkenburg (2000) questions) and
# the article's shape (framing.text_shape: log(1 + words), log(1 + double quotation marks), log(1 + "said",
# "says", "told", "according to")); per-question weights, word models and other inputs were tried and lost
# (docs/framing.md). Per coding convention (`kit`: the kit's guide, Semetko & Valkenburg on general news, the
# default; `nfc`: the Narrative Frames Corpus coders, frame_scores(coding="nfc")): `calibration_intercept_*` /
# `calibration_slope_*` map the model's score z to the probability logistic(a + b z) (Platt scaling on
# out-of-fold scores of that coding's articles), `threshold_*` = probability cut-off of `present` (the best
# Cohen's kappa on the same out-of-fold probabilities). Fitted on the development codings: Narrative Frames
# Corpus development part (145 climate articles, Frermann et al. 2023; `resolution` as responsibility) and the
# kit's codings tests/gold/frames_gold.csv + frames_gold2.csv (37 articles). Cross-validated estimates:
# docs/framing.md. Reading a weight: +1 on a log1p feature means each doubling of it multiplies the odds by
# about e^0.69 (before calibration).
# NFC term models (issue 17, 2026-12-04; benchmarks/frames_ideas.py): for the frames where, inside the training
# data, it beats the model above on calibrated out-of-fold log loss (human_interest, economic), coding="nfc"
# reads a logistic regression (L2, C chosen by 5-fold CV) over the lexicon terms of the five generic frames seen
# in 2+ development articles (`term:<frame>:<lexicon term>|nfc`: +weight when the article holds that term),
# plus the inputs above; its rows are written as `<feature>|nfc` = its weight minus the kit's weight of the same
# feature (nfc adds them), so coding="kit" reads exactly the rows it read before. Economic's nfc threshold is
# the highest cut-off whose out-of-fold recall reaches 0.7 (best precision there), the others' the best kappa.
# NFC cues (issue 17's fourth round, 2026-12-04): for responsibility (the NFC coders' resolution) and human
# interest coding="nfc" counts the frame's distinct terms together with its cues in analysis/data/
# frames_nfc_cues.csv (NFC questions re2, re6; hi1-hi3): `log1p_distinct_with_cues|nfc` (with
# `log1p_distinct_terms|nfc` cancelling the kit's weight); responsibility: the inputs above, human interest: its
# term model; written as `|nfc` differences too.
"""


def write_model(path=framing.MODEL_PATH, nfc_terms: bool = True) -> pd.DataFrame:
    """Fit on all development codings and write the model; with `nfc_terms`, the frames whose term model
    (frames_ideas.fit_term_model) wins inside the training data get it for the NFC coding."""
    articles, labels = training_data()
    feats = question_features(articles)
    strata = articles["dataset"].to_numpy()
    rows = []
    for frame in FRAMES:
        y = _labels(labels, articles, frame)
        X = model_inputs(feats[frame])
        fitted = fit(X.to_numpy(), y, strata)
        rows.append((frame, "intercept", round(float(fitted.model.intercept_[0]), 4), f"C={fitted.C}"))
        for name, w in zip(X.columns, fitted.model.coef_[0]):
            rows.append((frame, name, round(float(w), 4), ""))
        for coding in CODINGS:
            a, b = fitted.calibration[coding]
            rows.append((frame, f"calibration_intercept_{coding}", round(a, 4), f"Platt scaling, {coding} codings"))
            rows.append((frame, f"calibration_slope_{coding}", round(b, 4), ""))
            rows.append((frame, f"threshold_{coding}", fitted.thresholds[coding],
                         f"best kappa on out-of-fold probabilities, {coding} codings"))
    if nfc_terms:
        rows = _with_nfc_term_models(rows)
    table = pd.DataFrame(rows, columns=["frame", "feature", "weight", "note"])
    Path(path).write_text(HEADER + table.to_csv(index=False, lineterminator="\n"), encoding="utf-8")
    return table


def _with_nfc_term_models(rows: list[tuple]) -> list[tuple]:
    """`rows` with the NFC coding's rows of every frame whose term model was chosen replaced by it."""
    import frames_ideas
    mat = frames_ideas.material()   # every article read as coding="nfc" reads it
    out = []
    for frame in FRAMES:
        own = [r for r in rows if r[0] == frame]
        fitted = frames_ideas.fit_term_model(mat, frame)
        print(f"{frame}: term model for nfc {'chosen' if fitted.chosen else 'not chosen'} (C={fitted.C})")
        if frame in frames_ideas.NFC_CUE_FITS:   # frames_ideas SHIPPED_NFC's choice for this frame: with its cues
            fitted = frames_ideas.NFC_CUE_FITS[frame](mat, frame)
            print(f"{frame}: model with cues for nfc (C={fitted.C}, calibrated inner log loss {fitted.loss:.4f})")
        if not fitted.chosen:
            out += own
            continue
        kit = {r[1]: r[2] for r in own if "|" not in r[1] and not r[1].startswith(("threshold", "calibration"))}
        out += [r for r in own if not r[1].endswith("|nfc") and not r[1].endswith("_nfc")]
        out += frames_ideas.nfc_rows(kit, frame, fitted)
    return out


RESULTS = ROOT / "benchmarks" / "results"


def _report_cv(args) -> None:
    """--cv: the nested cross-validation's tables as Markdown; with --save also as CSV for notebook 05."""
    articles, labels = training_data()
    feature_sets = FEATURE_SETS if args.compare else tuple(args.sets.split(",")) if args.sets else (None,)
    cv = nested_cv(articles, labels, by_outlet=args.by_outlet, words=args.words, repeats=args.repeats,
                   feature_sets=feature_sets, stack=tuple(None if x == "all" else x for x in args.stack.split(",")) if args.stack else (),
                   select=args.select)
    how = "leave one outlet out" if args.by_outlet else f"{args.repeats} x stratified 5-fold"
    tables = []
    for name, title in (("nfc", "Narrative Frames Corpus development part, 145 articles"),
                        ("kit", "kit development codings, 37 articles")):
        table = summary(cv, name)
        print(f"\n## {title}: out-of-fold ({how})\n")
        print(_md(table))
        tables.append(table.assign(coding=name, folds=how))
    shipped = f"model: {FEATURES}"
    calib = [reliability(cv, name, shipped).assign(coding=name) for name in ("nfc", "kit")]
    for table in calib:
        print(f"\n## Reliability of the shipped model's probabilities, {table['coding'][0]} codings ({how})\n")
        print(_md(table.drop(columns="coding")))
    if args.save:
        RESULTS.mkdir(exist_ok=True)
        pd.concat(tables).to_csv(RESULTS / "frames_cv.csv", index=False, float_format="%.3f")
        pd.concat(calib).to_csv(RESULTS / "frames_reliability.csv", index=False, float_format="%.3f")
        print(f"\nwritten: {RESULTS / 'frames_cv.csv'}, {RESULTS / 'frames_reliability.csv'}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help="fit on all development codings and write the model")
    ap.add_argument("--cv", action="store_true", help="nested cross-validated estimates")
    ap.add_argument("--repeats", type=int, default=5, help="with --cv: repeats of the stratified 5-fold (default 5)")
    ap.add_argument("--by-outlet", action="store_true", help="with --cv: leave one outlet out")
    ap.add_argument("--compare", action="store_true", help=f"with --cv: every input set {FEATURE_SETS}")
    ap.add_argument("--sets", help="with --cv: these input sets (comma-separated, e.g. distinct+lead+shape|nfc)")
    ap.add_argument("--select", action="store_true", help=f"with --cv: also the model whose inputs are chosen per frame among {SELECT_FROM} by inner cross-validation")
    ap.add_argument("--stack", help="with --cv: also the stacked word model, fitted on `all` codings and/or `nfc` only")
    ap.add_argument("--words", action="store_true", help="with --cv: also the bag-of-words model, alone and with "
                                                          "the dictionary's features (slow)")
    ap.add_argument("--save", action="store_true", help="with --cv: write benchmarks/results/frames_cv.csv and "
                                                         "frames_reliability.csv (notebook 05 shows them)")
    ap.add_argument("--questions", action="store_true", help="per-question agreement on the NFC articles")
    ap.add_argument("--ideas", action="store_true", help="issue 17's ideas by the same nested CV (benchmarks/frames_ideas.py, "
                                                          "--repeats times; slow)")
    args = ap.parse_args(argv)
    warnings.filterwarnings("ignore", message="The least populated class")
    if args.write:
        print(_md(write_model()))
    if args.cv:
        _report_cv(args)
    if args.ideas:
        import frames_ideas
        frames_ideas.main(["--repeats", str(args.repeats)])
    if args.questions:
        print("\n## Per question: dictionary (1+ term) vs NFC coders' majority\n")
        print(_md(question_agreement()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
