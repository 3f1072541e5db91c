"""Issue 17's untried ideas for the NFC coding, through the nested cross-validation of train_frames.py.

Usage: .venv/bin/python benchmarks/frames_ideas.py [--repeats 5] [--save] [--methods M1,M2] [--raw out.csv]
       .venv/bin/python benchmarks/frames_ideas.py --scheme
       (also: .venv/bin/python benchmarks/train_frames.py --ideas)

Every method below is scored on the Narrative Frames Corpus development articles (145) with the outer
folds of `train_frames.nested_cv` (the same splits: stratified 5-fold by data set and coder label, seeds
0, 1, ...), every choice (regularisation, blend weight, scheme, calibration, threshold) made inside the
outer training part by inner 5-fold cross-validation (seed 1). Methods:

- `shipped`: the shipped model (train_frames.FEATURES), fitted on all development codings of the training
  part, as `train_frames.fit` does (the reference; its figures match `train_frames.py --cv`);
- `soft labels`: the shipped inputs fitted on the NFC coders' vote shares instead of the majority label:
  each annotator's frame decision read from his or her own answers with the corpus's scheme (a frame is
  coded when at least k of its questions are answered yes; k per frame chosen on the training part's
  majority answers and labels), the share of the annotators coding the frame as the target (weighted
  logistic regression; Kit codings keep their 0/1 labels);
- `blend`: the shipped model's probability blended with the dictionary's count (each turned into its
  rank among the training part's inner out-of-fold scores, then averaged; weight 0, .25, .5, .75 or 1 on
  the model chosen by inner AUC);
- `questions -> scheme`: one small logistic regression per NFC question (its vote share as target, inputs
  the frame's per-question dictionary terms, its distinct terms and the article's shape), the frame's
  score the chance that at least k questions are answered yes (Poisson-binomial over the question
  probabilities; k as in `soft labels`), as the coding scheme derives the frame from its questions;
- `lexicon terms`: a logistic regression over the frame's lexicon terms themselves (binary, one input a
  term, strong L2 chosen by inner CV) plus the shipped inputs: term weights readable as a weighted lexicon;
- third round (2026-12-04, issue 17): `question terms` (a term model per NFC question on its vote share, the
  frame a logistic regression over the questions' inner out-of-fold scores; `question + frame terms`: the
  frame's own term model as one more input), `soft generic terms` (the generic-term model on soft targets:
  the share of the annotators whose own answers code the frame under the scheme read by `scheme_rule`,
  which finds NFC's resolution to be exactly "re2 and re6 both yes"), `words + terms` / `words` (binary
  word unigrams and bigrams, with or without the lexicon terms), `mean shipped+generic` and `mean
  shipped+generic+question` (the mean of those methods' Platt-calibrated scores: fixed equal weights), and
  the per-frame choices `shipped or soft terms`, `shipped or any terms` (by inner calibrated log loss);
  `--scheme` prints the scheme per frame and the annotators' agreement with each other; `--raw` keeps the
  out-of-fold rows, `--from-raw` summarises them again;
- fourth round (2026-12-04, issue 17): `cues` (the shipped inputs plus log(1 + distinct terms) per NFC
  resolution question, re2 and re6, of the cue lexicon analysis/data/frames_nfc_cues.csv, written from
  the questions' wording), `cues merged` (the cue terms counted among the frame's distinct terms),
  `cues merged nfc only` (the same on the NFC articles only, so that the kit's codings read what they read
  before), `shipped or generic or cues` (per frame the shipped, generic-term or `cues` model by inner
  calibrated log loss); they change resolution only (the other frames: `shipped or generic terms`); `nfc
  cues` (what coding="nfc" reads since then): resolution as `cues merged nfc only`, human interest the
  generic-term model with its cues (hi1-hi3, the same file) counted among its distinct terms on the NFC
  articles, the other frames `shipped or generic terms`;
- each with presence thresholds chosen on inner out-of-fold probabilities: best kappa (`kappa`), the best
  mean kappa over bootstrap resamples (`kappa bagged`, third round), and for economic also the threshold
  whose inner recall reaches 0.7 with the best precision (`R0.7`).

Nothing here reads tests/gold/frames_heldout.csv.
"""
from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from analysis import framing  # noqa: E402
import train_frames as tf  # noqa: E402
from validate_frames import _md  # noqa: E402

NFC_PREFIX = {"conflict": "co", "economic": "ec", "human_interest": "hi", "morality": "mo", "responsibility": "re"}
BLEND_WEIGHTS = (0.0, 0.25, 0.5, 0.75, 1.0)
QUESTION_CS = (0.1, 0.3, 1.0)
TERM_CS = (0.01, 0.03, 0.1, 0.3)
RESULTS = ROOT / "benchmarks" / "results"


class Material(NamedTuple):
    """Everything the methods read: articles, labels, the dictionary's features, the NFC votes."""
    articles: pd.DataFrame
    labels: pd.DataFrame
    feats: dict            # frame -> train_frames.question_features table
    votes: dict            # frame -> {question key: (n articles, annotators) array: 1 yes, 0 no, nan none}
    majority: dict         # frame -> (n articles, questions) array of majority answers: 1, 0, nan
    terms: dict            # frame -> (n articles, terms) binary matrix of the frame's lexicon terms
    all_terms: np.ndarray  # (n articles, terms) binary matrix of every generic frame's lexicon terms
    all_term_names: list   # its columns: "<frame>:<lexicon term>"
    every_term: np.ndarray  # (n articles, terms) the same over all frames of the lexicon
    rule: dict             # frame -> distinct terms per article


def _votes(rows: list[dict], n: int, frame: str) -> tuple[dict, np.ndarray]:
    """Per NFC question of `frame`, every annotator's answer on each of the first len(rows) of n articles."""
    keys = sorted(k for k in rows[0]["gold_questions"] if k.startswith(NFC_PREFIX[frame]))
    code = {"yes": 1.0, "no": 0.0}
    votes = {k: np.full((n, 4), np.nan) for k in keys}
    majority = np.full((n, len(keys)), np.nan)
    for i, r in enumerate(rows):
        for j, k in enumerate(keys):
            votes[k][i, :] = [code.get(v, np.nan) for v in r["annotator_votes"][k]]
            majority[i, j] = code.get(r["gold_questions"][k], np.nan)
    return votes, majority


def _term_matrix(articles: pd.DataFrame, frames, names_too=False, coding: str = "nfc"):
    m = framing.frame_matches(articles, coding=coding)
    m = m[m["frame"].isin(frames)]
    m = m.assign(lexicon_term=m["frame"] + ":" + m["lexicon_term"])
    names = sorted(m["lexicon_term"].unique())
    col = {t: j for j, t in enumerate(names)}
    row = {a: i for i, a in enumerate(articles["article_id"])}
    out = np.zeros((len(articles), len(names)))
    for aid, term in zip(m["article_id"], m["lexicon_term"]):
        out[row[aid], col[term]] = 1.0
    return (out, names) if names_too else out


def material() -> Material:
    """The development codings with every article read as `coding="nfc"` reads it (frames.csv rows whose
    `codings` is empty or `nfc`): the NFC coding's models are fitted and measured on its own lexicon."""
    articles, labels = tf.training_data()
    rows = tf.nfc_rows()
    assert list(articles["article_id"][: len(rows)]) == ["nfc-" + r["id"] for r in rows]
    feats = tf.question_features(articles, coding="nfc")
    votes, majority, terms, rule = {}, {}, {}, {}
    for frame in tf.FRAMES:
        votes[frame], majority[frame] = _votes(rows, len(articles), frame)
        terms[frame] = _term_matrix(articles, [frame])
        rule[frame] = np.expm1(feats[frame]["log1p_distinct_terms"].to_numpy())
    return Material(articles, labels, feats, votes, majority, terms, *_term_matrix(articles, tf.FRAMES, True),
                    _term_matrix(articles, framing.compile_lexicon().frames), rule)


# --------------------------------------------------------------------------- the coding scheme
def scheme_k(majority: np.ndarray, y: np.ndarray) -> int:
    """The k of "coded when at least k questions are answered yes" that best reproduces the labels `y`
    from the majority answers (rows of NFC articles; unanswered questions count as no)."""
    yes = np.nan_to_num(majority, nan=0.0).sum(axis=1)
    agree = [((yes >= k) == y).mean() for k in range(1, majority.shape[1] + 1)]
    return int(np.argmax(agree)) + 1


def annotator_share(votes: dict, rows: np.ndarray, k: int) -> np.ndarray:
    """Share of the annotators (with an answer to any of the frame's questions) whose own answers give
    at least k yes: each annotator's frame decision under the scheme."""
    stack = np.stack([votes[q][rows] for q in votes], axis=2)   # articles x annotators x questions
    answered = ~np.isnan(stack).all(axis=2)
    coded = np.nansum(stack, axis=2) >= k
    with np.errstate(invalid="ignore"):
        share = (coded & answered).sum(axis=1) / answered.sum(axis=1)
    return np.nan_to_num(share, nan=0.0)


class SchemeRule(NamedTuple):
    """A coding scheme read from the data: the frame is coded when at least `k` of `questions` (column
    indices of the frame's NFC questions, as in Material.majority) are answered yes."""
    questions: tuple
    k: int


def scheme_rule(majority: np.ndarray, y: np.ndarray) -> SchemeRule:
    """The rule that best reproduces the labels `y` from the majority answers (unanswered: no): "at least k
    of all the frame's questions" (k = 1 ...) or "both of a pair of questions"; ties go to the first listed
    (the at-least-k rules, fewest k first)."""
    yes = np.nan_to_num(majority, nan=0.0) > 0
    n = majority.shape[1]
    rules = [SchemeRule(tuple(range(n)), k) for k in range(1, n + 1)]
    rules += [SchemeRule((i, j), 2) for i in range(n) for j in range(i + 1, n)]
    agree = [((yes[:, list(r.questions)].sum(axis=1) >= r.k) == y).mean() for r in rules]
    return rules[int(np.argmax(agree))]


def rule_share(votes: dict, rows: np.ndarray, rule: SchemeRule) -> np.ndarray:
    """Share of the annotators (with an answer to any of the rule's questions) whose own answers satisfy
    `rule`: each annotator's frame decision under the scheme (0 where nobody answered)."""
    keys = list(votes)
    stack = np.stack([votes[keys[q]][rows] for q in rule.questions], axis=2)
    answered = ~np.isnan(stack).all(axis=2)
    coded = np.nansum(stack, axis=2) >= rule.k
    with np.errstate(invalid="ignore"):
        share = (coded & answered).sum(axis=1) / answered.sum(axis=1)
    return np.nan_to_num(share, nan=0.0)


def at_least(p: np.ndarray, k: int) -> np.ndarray:
    """P(at least k of independent events with probabilities p[:, j]) per row (Poisson-binomial tail)."""
    dist = np.zeros((len(p), p.shape[1] + 1))
    dist[:, 0] = 1.0
    for j in range(p.shape[1]):
        q = p[:, j:j + 1]
        dist[:, 1:] = dist[:, 1:] * (1 - q) + dist[:, :-1] * q
        dist[:, 0] = dist[:, 0] * (1 - q[:, 0])
    return dist[:, k:].sum(axis=1)


# --------------------------------------------------------------------------- fitting helpers
def _weighted_fit(X, target: np.ndarray, C: float):
    """Logistic regression on soft targets in [0, 1]: each row twice, as yes (weight target) and no."""
    Xd = np.vstack([X, X])
    yd = np.r_[np.ones(len(X)), np.zeros(len(X))]
    w = np.r_[target, 1 - target]
    if target.min() == target.max():   # one class only
        return None
    return tf._logistic(C).fit(Xd, yd, sample_weight=w + 1e-9)


def _soft_loss(target: np.ndarray, prob: np.ndarray) -> float:
    prob = np.clip(prob, 1e-9, 1 - 1e-9)
    return float(-np.mean(target * np.log(prob) + (1 - target) * np.log(1 - prob)))


def _decision(model, X) -> np.ndarray:
    return np.zeros(len(X)) if model is None else model.decision_function(X)


def soft_model_oof(X, target, folds, cs):
    """(C, inner out-of-fold scores) of the soft-target logistic regression, C by inner soft log loss."""
    best = None
    for C in cs:
        oof = np.zeros(len(target))
        for itr, ite in folds:
            oof[ite] = _decision(_weighted_fit(X[itr], target[itr], C), X[ite])
        loss = _soft_loss(target, 1 / (1 + np.exp(-oof)))
        if best is None or loss < best[0] - 1e-12:
            best = (loss, C, oof)
    return best[1], best[2]


class Scored(NamedTuple):
    """A method's scores on one outer split: inner out-of-fold scores of the (NFC) training articles, the
    test articles' scores, with the labels they are calibrated and thresholded against."""
    inner: np.ndarray
    test: np.ndarray
    y_inner: np.ndarray


def _platt_prob(s: Scored) -> tuple[np.ndarray, np.ndarray]:
    a, b = tf._platt(s.inner, s.y_inner)
    return 1 / (1 + np.exp(-(a + b * s.inner))), 1 / (1 + np.exp(-(a + b * s.test)))


def recall_threshold(y: np.ndarray, p: np.ndarray, recall: float = 0.7) -> float:
    """The highest cut-off of the grid whose recall on (y, p) reaches `recall` (best precision there)."""
    grid = np.round(np.arange(0.05, 0.951, 0.01), 2)
    ok = [t for t in grid if (y & (p >= t)).sum() >= recall * y.sum()]
    return float(max(ok)) if ok else 0.05


# --------------------------------------------------------------------------- methods, one outer split
def _nfc(mat: Material, idx: np.ndarray) -> np.ndarray:
    return idx[mat.articles["dataset"].to_numpy()[idx] == "nfc"]


def fitted_scores(mat, X, y, tr, te) -> Scored:
    """The shipped fitting (all codings of tr, C by inner CV) on inputs X: its inner out-of-fold scores on
    tr's NFC articles and its scores on te's NFC articles."""
    strata = mat.articles["dataset"].to_numpy()
    fitted = tf.fit(X[tr], y[tr], strata[tr])
    oof = np.zeros(len(tr))
    for itr, ite in tf._folds(y[tr], strata[tr], seed=1):
        oof[ite] = tf._logistic(fitted.C).fit(X[tr][itr], y[tr][itr]).decision_function(X[tr][ite])
    keep = strata[tr] == "nfc"
    return Scored(oof[keep], fitted.model.decision_function(X[_nfc(mat, te)]), y[tr][keep])


def shipped_scores(mat, frame, y, tr, te, inputs=None) -> Scored:
    """The shipped model (all codings of tr), its inner out-of-fold scores on tr's NFC articles."""
    X = tf.model_inputs(mat.feats[frame], inputs).to_numpy()
    return fitted_scores(mat, X, y, tr, te)


def soft_scores(mat, frame, y, tr, te) -> Scored:
    """Shipped inputs, soft NFC targets (the annotators' shares under the scheme), hard kit labels."""
    X = tf.model_inputs(mat.feats[frame]).to_numpy()
    strata = mat.articles["dataset"].to_numpy()
    nfc_tr = strata[tr] == "nfc"
    k = scheme_k(mat.majority[frame][tr[nfc_tr]], y[tr[nfc_tr]])
    target = y[tr].astype(float)
    target[nfc_tr] = annotator_share(mat.votes[frame], tr[nfc_tr], k)
    folds = tf._folds(y[tr], strata[tr], seed=1)
    C, oof = soft_model_oof(X[tr], target, folds, tf.CS)
    model = _weighted_fit(X[tr], target, C)
    return Scored(oof[nfc_tr], _decision(model, X[_nfc(mat, te)]), y[tr][nfc_tr])


def _ecdf(reference: np.ndarray, values: np.ndarray) -> np.ndarray:
    ref = np.sort(reference)
    return (np.searchsorted(ref, values, "left") + np.searchsorted(ref, values, "right")) / (2 * len(ref))


def blend_scores(mat, frame, y, tr, te, base: Scored) -> tuple[Scored, float]:
    """Rank average of the shipped model's score and the dictionary's count, weight by inner AUC."""
    nfc_tr, nfc_te = _nfc(mat, tr), _nfc(mat, te)
    rule_tr, rule_te = mat.rule[frame][nfc_tr], mat.rule[frame][nfc_te]
    best = None
    for w in BLEND_WEIGHTS:
        inner = w * _ecdf(base.inner, base.inner) + (1 - w) * _ecdf(rule_tr, rule_tr)
        value = tf.auc(base.y_inner, inner)
        if best is None or value > best[0] + 1e-12:
            best = (value, w)
    w = best[1]
    inner = w * _ecdf(base.inner, base.inner) + (1 - w) * _ecdf(rule_tr, rule_tr)
    test = w * _ecdf(base.inner, base.test) + (1 - w) * _ecdf(rule_tr, rule_te)
    # a logit of the blended rank, so that Platt scaling has a score on the real line
    logit = lambda r: np.log(np.clip(r, 0.01, 0.99) / (1 - np.clip(r, 0.01, 0.99)))  # noqa: E731
    return Scored(logit(inner), logit(test), base.y_inner), w


def _question_inputs(mat, frame) -> np.ndarray:
    """Per-question log1p distinct terms of the frame, its log1p distinct terms and the article's shape."""
    table = mat.feats[frame]
    questions = [c for c in table.columns if c[:1].isupper() and c[1:].isdigit()]
    return table[questions + ["log1p_distinct_terms", *framing.SHAPE_FEATURES]].to_numpy()


def question_scores(mat, frame, y, tr, te) -> Scored:
    """Per NFC question a soft-target logistic model; the frame score = logit P(at least k yes)."""
    nfc_tr, nfc_te = _nfc(mat, tr), _nfc(mat, te)
    X = _question_inputs(mat, frame)
    k = scheme_k(mat.majority[frame][nfc_tr], y[nfc_tr])
    strata = mat.articles["dataset"].to_numpy()
    folds = tf._folds(y[nfc_tr], strata[nfc_tr], seed=1)
    p_inner = np.zeros((len(nfc_tr), len(mat.votes[frame])))
    p_test = np.zeros((len(nfc_te), len(mat.votes[frame])))
    for j, q in enumerate(mat.votes[frame]):
        v = mat.votes[frame][q]
        answered = (~np.isnan(v)).sum(axis=1)
        share = np.where(answered > 0, np.nansum(v, axis=1) / np.maximum(answered, 1), 0.0)
        C, oof = soft_model_oof(X[nfc_tr], share[nfc_tr], folds, QUESTION_CS)
        p_inner[:, j] = 1 / (1 + np.exp(-oof))
        p_test[:, j] = 1 / (1 + np.exp(-_decision(_weighted_fit(X[nfc_tr], share[nfc_tr], C), X[nfc_te])))
    logit = lambda p: np.log(np.clip(p, 1e-6, 1 - 1e-6) / (1 - np.clip(p, 1e-6, 1 - 1e-6)))  # noqa: E731
    return Scored(logit(at_least(p_inner, k)), logit(at_least(p_test, k)), y[nfc_tr])


def term_scores(mat, frame, y, tr, te, terms=None, dense_scale=1.0, nfc_only=False) -> Scored:
    """Binary lexicon terms (`terms`: a matrix of Material; default the frame's own) seen in 2+ training
    articles + the shipped inputs (multiplied by `dense_scale`: above 1 they are penalised less than a
    term), L2 chosen by inner CV, fitted on all codings of tr (`nfc_only`: on its NFC articles)."""
    strata = mat.articles["dataset"].to_numpy()
    if nfc_only:
        tr = _nfc(mat, tr)
    T = mat.terms[frame] if terms is None else terms
    seen = T[tr].sum(axis=0) >= 2
    X = np.column_stack([T[:, seen], dense_scale * tf.model_inputs(mat.feats[frame]).to_numpy()])
    folds = tf._folds(y[tr], strata[tr], seed=1)
    C, oof = soft_model_oof(X[tr], y[tr].astype(float), folds, TERM_CS)
    model = _weighted_fit(X[tr], y[tr].astype(float), C)
    keep = strata[tr] == "nfc"
    return Scored(oof[keep], _decision(model, X[_nfc(mat, te)]), y[tr][keep])


COMBINE_C = 1.0   # the regularisation of the question-to-frame combination (a few inputs: fixed)


def question_targets(mat: Material, frame: str) -> dict:
    """{NFC question key: (vote share of yes among the annotators who answered, answered: bool)} per article
    of the frame's questions (articles of the kit's codings: no answers)."""
    out = {}
    for q, v in mat.votes[frame].items():
        answered = (~np.isnan(v)).sum(axis=1)
        share = np.where(answered > 0, np.nansum(v, axis=1) / np.maximum(answered, 1), 0.0)
        out[q] = (share, answered > 0)
    return out


def question_term_scores(mat, frame, y, tr, te, with_frame=False) -> Scored:
    """Per NFC question of `frame` a term model (the five generic frames' lexicon terms seen in 2+ training
    articles + the shipped inputs; soft target: the share of the annotators answering yes; L2 by inner CV),
    then the frame = a logistic regression over the questions' scores (inner out-of-fold scores of the
    training articles), as the coding scheme derives the frame from its questions but with the scheme's
    rule learned. `with_frame`: the frame's own term model (hard labels) is one more input. Linear in the
    terms, so it is written as one term model (`combined_term_weights`)."""
    nfc_tr, nfc_te = _nfc(mat, tr), _nfc(mat, te)
    strata = mat.articles["dataset"].to_numpy()
    seen = mat.all_terms[nfc_tr].sum(axis=0) >= 2
    X = np.column_stack([mat.all_terms[:, seen], tf.model_inputs(mat.feats[frame]).to_numpy()])
    folds = tf._folds(y[nfc_tr], strata[nfc_tr], seed=1)
    inner, test = [], []
    targets = question_targets(mat, frame)
    if with_frame:
        targets["frame"] = (y.astype(float), np.ones(len(y), bool))
    for q, (share, answered) in targets.items():
        keep = answered[nfc_tr]
        if share[nfc_tr][keep].min() == share[nfc_tr][keep].max():
            continue
        oof = np.zeros(len(nfc_tr))
        best = None
        for C in TERM_CS:
            for itr, ite in folds:
                itr = itr[keep[itr]]
                oof[ite] = _decision(_weighted_fit(X[nfc_tr][itr], share[nfc_tr][itr], C), X[nfc_tr][ite])
            loss = _soft_loss(share[nfc_tr][keep], 1 / (1 + np.exp(-oof[keep])))
            if best is None or loss < best[0] - 1e-12:
                best = (loss, C, oof.copy())
        model = _weighted_fit(X[nfc_tr][keep], share[nfc_tr][keep], best[1])
        inner.append(best[2])
        test.append(_decision(model, X[nfc_te]))
    Q, Qt = np.column_stack(inner), np.column_stack(test)
    combine = tf._logistic(COMBINE_C).fit(Q, y[nfc_tr])
    oof = np.zeros(len(nfc_tr))
    for itr, ite in tf._folds(y[nfc_tr], strata[nfc_tr], seed=3):
        oof[ite] = tf._logistic(COMBINE_C).fit(Q[itr], y[nfc_tr][itr]).decision_function(Q[ite])
    return Scored(oof, combine.decision_function(Qt), y[nfc_tr])


def soft_term_scores(mat, frame, y, tr, te, terms=None) -> Scored:
    """The generic-term model (`term_scores` with the five generic frames' terms) fitted on soft NFC
    targets: the share of the annotators whose own answers code the frame under the scheme read from the
    training part's majority answers (`scheme_rule`; NFC's resolution = both re2 and re6 yes); kit codings
    keep their 0/1 labels."""
    strata = mat.articles["dataset"].to_numpy()
    T = mat.all_terms if terms is None else terms
    seen = T[tr].sum(axis=0) >= 2
    X = np.column_stack([T[:, seen], tf.model_inputs(mat.feats[frame]).to_numpy()])
    nfc_tr = strata[tr] == "nfc"
    rule = scheme_rule(mat.majority[frame][tr[nfc_tr]], y[tr[nfc_tr]])
    target = y[tr].astype(float)
    target[nfc_tr] = rule_share(mat.votes[frame], tr[nfc_tr], rule)
    folds = tf._folds(y[tr], strata[tr], seed=1)
    C, oof = soft_model_oof(X[tr], target, folds, TERM_CS)
    model = _weighted_fit(X[tr], target, C)
    return Scored(oof[nfc_tr], _decision(model, X[_nfc(mat, te)]), y[tr][nfc_tr])


WORD_TERM_CS = (0.003, 0.01, 0.03, 0.1)


def word_term_scores(mat, frame, y, tr, te, with_terms=True) -> Scored:
    """Binary word unigrams and bigrams seen in 3+ training articles (train_frames._binary_words) besides the
    generic-term model's inputs (`with_terms`) or the shipped inputs alone, L2 by inner CV."""
    strata = mat.articles["dataset"].to_numpy()
    W = tf._binary_words(mat.articles["text"], tr).toarray()
    seen = mat.all_terms[tr].sum(axis=0) >= 2
    parts = [W] + ([mat.all_terms[:, seen]] if with_terms else []) + [tf.model_inputs(mat.feats[frame]).to_numpy()]
    X = np.column_stack(parts)
    folds = tf._folds(y[tr], strata[tr], seed=1)
    C, oof = soft_model_oof(X[tr], y[tr].astype(float), folds, WORD_TERM_CS)
    model = _weighted_fit(X[tr], y[tr].astype(float), C)
    keep = strata[tr] == "nfc"
    return Scored(oof[keep], _decision(model, X[_nfc(mat, te)]), y[tr][keep])


def mean_of(parts: list) -> Scored:
    """The mean of several methods' Platt-calibrated scores (logits), inner and test: an ensemble with fixed,
    equal weights (nothing chosen; linear models stay one linear model, so it can be written as term weights)."""
    calibrated = []
    for s in parts:
        a, b = tf._platt(s.inner, s.y_inner)
        calibrated.append((a + b * s.inner, a + b * s.test))
    return Scored(np.mean([c[0] for c in calibrated], axis=0), np.mean([c[1] for c in calibrated], axis=0),
                  parts[0].y_inner)


def _calibrated_loss(s: Scored) -> float:
    return tf._log_loss(s.y_inner.astype(bool), _platt_prob(s)[0])


def select_by_inner_loss(scored: dict, among) -> tuple[Scored, str]:
    """Among `among`, the method whose Platt-calibrated inner out-of-fold probabilities have the lowest
    log loss on the training part's NFC articles (a choice made inside the training part)."""
    name = min(among, key=lambda m: _calibrated_loss(scored[m][0]))
    return scored[name][0], name


def select_by_inner_auc(scored: dict) -> tuple[Scored, str]:
    """The method whose inner out-of-fold scores rank the training articles best (AUC): a choice made
    inside the training part, so the outer test articles stay unseen."""
    name = max(scored, key=lambda m: tf.auc(scored[m][0].y_inner.astype(bool), scored[m][0].inner))
    return scored[name][0], name


# --------------------------------------------------------------------------- fourth round: resolution cues
CUE_METHODS = ("cues", "cues merged", "cues merged nfc only", "shipped or generic or cues", "nfc cues")
_CUE_CACHE: dict = {}


def frame_cues(mat: Material, frame: str = "responsibility", path=framing.NFC_CUES_PATH) -> pd.DataFrame:
    """Per article (rows of mat.articles) the distinct terms of the NFC cue lexicon (analysis/data/
    frames_nfc_cues.csv) feeding `frame` that answer each of its NFC questions (responsibility: re2, re6;
    human_interest: hi1-hi3); written from the questions' wording, nothing fitted."""
    key = (id(mat), frame, str(path))
    if key not in _CUE_CACHE:
        q = framing.frame_questions(mat.articles, lexicon=path)
        table = q[q["frame"] == frame].pivot(index="article_id", columns="question", values="distinct_terms")
        _CUE_CACHE[key] = table.reindex(mat.articles["article_id"]).fillna(0).astype(float)
    return _CUE_CACHE[key]


def with_cue_count(mat: Material, frame: str) -> Material:
    """`mat` with `frame`'s distinct-term input counting its cues too, on the NFC articles only (the kit's
    codings' articles keep their own count): the input `log1p_distinct_with_cues|nfc` reads."""
    table = mat.feats[frame].copy()
    cues = frame_cues(mat, frame).sum(axis=1).to_numpy() * (mat.articles["dataset"] == "nfc").to_numpy(float)
    table["log1p_distinct_terms"] = np.log1p(np.expm1(table["log1p_distinct_terms"].to_numpy()) + cues)
    return mat._replace(feats={**mat.feats, frame: table})


def cue_inputs(mat, frame, merged=False, nfc_only=False) -> pd.DataFrame:
    """The shipped inputs of `frame` with the resolution cues (see `cue_scores`): columns `cue:<question>`
    (as frame_model.csv names the feature) or the merged distinct count."""
    table = tf.model_inputs(mat.feats[frame]).copy()
    cues = frame_cues(mat, frame)
    if nfc_only:
        cues = cues.mul((mat.articles["dataset"] == "nfc").to_numpy(float), axis=0)
    if merged:
        table["log1p_distinct_terms"] = np.log1p(np.expm1(table["log1p_distinct_terms"]) + cues.sum(axis=1).to_numpy())
    else:
        for q in cues.columns:
            table[f"cue:{q}"] = np.log1p(cues[q].to_numpy())
    return table


def cue_scores(mat, frame, y, tr, te, merged=False, nfc_only=False) -> Scored:
    """The shipped model with the resolution cues: log(1 + distinct cue terms) per cue question as more
    inputs, or (`merged`) the cue terms counted among the frame's distinct terms, as if they were lexicon
    terms of the frame (the kit's codings' articles get them too: one model for both codings; `nfc_only`:
    counted on the NFC articles only, so that the kit's codings read what they read before)."""
    X = cue_inputs(mat, frame, merged, nfc_only).to_numpy()
    return fitted_scores(mat, X, y, tr, te)


def resolution_cue_methods(mat, frame, y, tr, te, scored: dict, methods) -> dict:
    """The fourth round's methods (CUE_METHODS) on one outer split. They change the responsibility (NFC
    resolution) frame and read the second round's NFC method's scores (`TERMS_NFC`) for the other frames, so
    their macro figures differ from that method's by resolution alone; `nfc cues` (SHIPPED_NFC) also changes
    human interest: the generic-term model with the frame's distinct-term input counting its cues on the NFC
    articles (`with_cue_count`). `shipped or generic or cues`: per split the shipped model, the generic-term
    model or the cue model (`cues`), by inner calibrated log loss."""
    wanted = [m for m in CUE_METHODS if m in methods]
    if frame == "human_interest" and "nfc cues" in wanted:
        hi = (term_scores(with_cue_count(mat, frame), frame, y, tr, te, mat.all_terms), None)
        return {m: hi if m == "nfc cues" else scored[TERMS_NFC] for m in wanted}
    if frame != "responsibility" or not wanted:
        return {m: scored[TERMS_NFC] for m in wanted}
    out = {}
    if {"cues", "shipped or generic or cues"} & set(wanted):
        out["cues"] = (cue_scores(mat, frame, y, tr, te), None)
        out["shipped or generic or cues"] = select_by_inner_loss(
            {**scored, **out}, ("shipped", "all generic terms", "cues"))
    if "cues merged" in wanted:
        out["cues merged"] = (cue_scores(mat, frame, y, tr, te, merged=True), None)
    if {"cues merged nfc only", "nfc cues"} & set(wanted):
        out["cues merged nfc only"] = out["nfc cues"] = (cue_scores(mat, frame, y, tr, te, merged=True, nfc_only=True), None)
    return {m: out[m] for m in wanted}


TERMS_NFC = "shipped or generic terms"   # what coding="nfc" read from the second round to the fourth
SHIPPED_NFC = "nfc cues"   # what coding="nfc" reads (train_frames.py --write; fourth round)
METHODS = ("shipped", "soft labels", "blend", "questions -> scheme", "lexicon terms", "all generic terms",
           "selected")
TERM_VARIANTS = ("generic terms + inputs x3", "generic terms NFC only", "all frames' terms", "question terms",
                 "question + frame terms", "soft generic terms", "shipped or soft terms", "shipped or any terms", "words + terms", "words",
                 "mean shipped+generic", "mean shipped+generic+question", "shipped or generic or mean")
EVERY_METHOD = METHODS + TERM_VARIANTS + (TERMS_NFC,) + CUE_METHODS


BAGS = 100


def bagged_threshold(y: np.ndarray, p: np.ndarray, bags: int = BAGS, seed: int = 0) -> float:
    """The cut-off of the grid with the best mean Cohen's kappa over `bags` bootstrap resamples of (y, p)
    (Breiman's bagging applied to the threshold: less tied to a few articles near the cut-off than the best
    kappa on the sample itself; ties: the middle of the best run)."""
    grid = np.round(np.arange(0.05, 0.951, 0.01), 2)
    rng = np.random.default_rng(seed)
    pred = p[:, None] >= grid[None, :]                      # articles x cut-offs
    total = np.zeros(len(grid))
    for _ in range(bags):
        idx = rng.integers(0, len(y), len(y))
        yy, pp = y[idx][:, None], pred[idx]
        n = len(idx)
        tp = (yy & pp).sum(axis=0); fp = (~yy & pp).sum(axis=0)
        fn = (yy & ~pp).sum(axis=0); tn = n - tp - fp - fn
        po = (tp + tn) / n
        pe = ((tp + fp) * (tp + fn) + (fn + tn) * (fp + tn)) / n ** 2
        with np.errstate(invalid="ignore", divide="ignore"):
            total += np.nan_to_num(np.where(pe < 1, (po - pe) / (1 - pe), 0.0), nan=0.0)
    best = np.flatnonzero(total >= total.max() - 1e-9)
    return float(grid[best[len(best) // 2]])


def _split_rows(mat, frame, y, te, method, s: Scored, extra=None) -> list[dict]:
    nfc_te = _nfc(mat, te)
    p_inner, p_test = _platt_prob(s)
    y_inner = s.y_inner.astype(bool)
    rows = []
    cut = tf.best_threshold(y_inner, p_inner)
    rows.append(("kappa", cut))
    rows.append(("kappa bagged", bagged_threshold(y_inner, p_inner)))
    if frame == "economic":
        rows.append(("R0.7", recall_threshold(y_inner, p_inner)))
    evidence = mat.rule[frame][nfc_te] >= 1
    return [{"article_id": mat.articles["article_id"].iloc[i], "method": method, "threshold": how,
             "gold": bool(y[i]), "score": p, "present": bool(p >= c and e), "blend_weight": extra}
            for how, c in rows for i, p, e in zip(nfc_te, p_test, evidence)]


def run(mat: Material, repeats: int, methods=METHODS, by_outlet: bool = False) -> pd.DataFrame:
    """Out-of-fold rows of every method: `repeats` x stratified 5-fold, or (`by_outlet`) leave one outlet
    out once (train_frames.py --by-outlet's outer folds: 45 NFC outlets, each kit coding one outlet)."""
    strata = mat.articles["dataset"].to_numpy()
    outlets = mat.articles["outlet"].to_numpy()
    out = []
    for repeat in range(1 if by_outlet else repeats):
        for frame in tf.FRAMES:
            y = tf._labels(mat.labels, mat.articles, frame)
            for fold, (tr, te) in enumerate(tf._outer_folds(y, strata, outlets, by_outlet, repeat)):
                if not len(_nfc(mat, te)):   # a kit coding left out: no NFC article to score
                    continue
                base = shipped_scores(mat, frame, y, tr, te)
                scored = {"shipped": (base, None)}
                if "soft labels" in methods:
                    scored["soft labels"] = (soft_scores(mat, frame, y, tr, te), None)
                if "blend" in methods:
                    scored["blend"] = blend_scores(mat, frame, y, tr, te, base)
                if "questions -> scheme" in methods:
                    scored["questions -> scheme"] = (question_scores(mat, frame, y, tr, te), None)
                if "lexicon terms" in methods:
                    scored["lexicon terms"] = (term_scores(mat, frame, y, tr, te), None)
                if "all generic terms" in methods:
                    scored["all generic terms"] = (term_scores(mat, frame, y, tr, te, mat.all_terms), None)
                if "generic terms + inputs x3" in methods:
                    scored["generic terms + inputs x3"] = (term_scores(mat, frame, y, tr, te, mat.all_terms, 3.0), None)
                if "generic terms NFC only" in methods:
                    scored["generic terms NFC only"] = (term_scores(mat, frame, y, tr, te, mat.all_terms,
                                                                     nfc_only=True), None)
                if "all frames' terms" in methods:
                    scored["all frames' terms"] = (term_scores(mat, frame, y, tr, te, mat.every_term), None)
                if "question terms" in methods:
                    scored["question terms"] = (question_term_scores(mat, frame, y, tr, te), None)
                if "question + frame terms" in methods:
                    scored["question + frame terms"] = (question_term_scores(mat, frame, y, tr, te, True), None)
                if "words + terms" in methods:
                    scored["words + terms"] = (word_term_scores(mat, frame, y, tr, te), None)
                if "words" in methods:
                    scored["words"] = (word_term_scores(mat, frame, y, tr, te, False), None)
                if "soft generic terms" in methods:
                    scored["soft generic terms"] = (soft_term_scores(mat, frame, y, tr, te), None)
                if "shipped or soft terms" in methods:
                    scored["shipped or soft terms"] = select_by_inner_loss(scored, ("shipped", "soft generic terms"))
                if "shipped or any terms" in methods:
                    scored["shipped or any terms"] = select_by_inner_loss(
                        scored, ("shipped", "all generic terms", "soft generic terms"))
                if "mean shipped+generic" in methods:
                    scored["mean shipped+generic"] = (mean_of([scored["shipped"][0],
                                                                        scored["all generic terms"][0]]), None)
                if "mean shipped+generic+question" in methods:
                    scored["mean shipped+generic+question"] = (mean_of(
                        [scored[m][0] for m in ("shipped", "all generic terms", "question + frame terms")]), None)
                if "shipped or generic or mean" in methods:
                    scored["shipped or generic or mean"] = select_by_inner_loss(
                        scored, ("shipped", "all generic terms", "mean shipped+generic"))
                if "shipped or generic terms" in methods:
                    scored["shipped or generic terms"] = select_by_inner_loss(scored, ("shipped", "all generic terms"))
                if "selected" in methods:
                    scored["selected"] = select_by_inner_auc(scored)
                scored.update(resolution_cue_methods(mat, frame, y, tr, te, scored, methods))
                for method, (s, extra) in scored.items():
                    for row in _split_rows(mat, frame, y, te, method, s, extra):
                        out.append({"repeat": repeat, "frame": frame, "fold": fold, **row})
            print(f"repeat {repeat} {frame} done", file=sys.stderr, flush=True)
    return pd.DataFrame(out)


def summarise(cv: pd.DataFrame) -> pd.DataFrame:
    """Per method, threshold rule and frame: AUC pooled and within folds, kappa, precision, recall, P@R0.7,
    averaged over repeats; macro rows with the spread (sd over repeats) of AUC and kappa."""
    per = []
    for (method, how, repeat, frame), g in cv.groupby(["method", "threshold", "repeat", "frame"], sort=False):
        yv, pv, sv = g["gold"].to_numpy(bool), g["present"].to_numpy(bool), g["score"].to_numpy()
        per.append({"method": method, "threshold": how, "repeat": repeat, "frame": frame,
                    **tf._scores(yv, pv, sv), "auc_within_folds": tf.auc_within_folds(g)})
    per = pd.DataFrame(per)
    kappa_rows = per[per["threshold"] != "R0.7"]
    macro = kappa_rows.groupby(["method", "threshold", "repeat"], sort=False).mean(numeric_only=True).reset_index()
    macro["frame"] = "macro mean"
    # as shipped: economic's threshold at recall 0.7, the others' at the best kappa
    mixed = per[(per["threshold"] == "R0.7") | ((per["threshold"] == "kappa") & (per["frame"] != "economic"))]
    mixed = mixed.groupby(["method", "repeat"], sort=False).mean(numeric_only=True).reset_index()
    mixed["frame"], mixed["threshold"] = "macro mean", "kappa; economic R0.7"
    macro = pd.concat([macro, mixed])
    both = pd.concat([per, macro])
    table = both.groupby(["method", "threshold", "frame"], sort=False).mean(numeric_only=True).drop(columns="repeat")
    spread = macro.groupby(["method", "threshold"], sort=False)[["auc", "auc_within_folds", "kappa"]].std(ddof=0)
    table = table.reset_index()
    for col in ("auc", "auc_within_folds", "kappa"):
        table[f"{col}_sd"] = [spread.loc[(m, h), col] if f == "macro mean" else np.nan
                              for m, h, f in zip(table["method"], table["threshold"], table["frame"])]
    cols = ["method", "threshold", "frame", "auc", "auc_within_folds", "kappa", "precision", "recall",
            "precision_at_recall_0.7", "coded", "found", "auc_sd", "auc_within_folds_sd", "kappa_sd"]
    return table[cols]


# --------------------------------------------------------------------------- the shipped NFC term model
class TermModel(NamedTuple):
    """The NFC coding's term model of one frame, fitted on all development articles."""
    weights: dict        # feature (as frame_model.csv names it, without the |nfc suffix) -> weight
    C: float
    calibration: tuple   # Platt (a, b) on the NFC articles' inner out-of-fold scores
    threshold: float     # presence cut-off for the NFC coding
    chosen: bool         # its inner calibrated log loss beat the shipped inputs' model
    loss: float = float("nan")          # its calibrated inner out-of-fold log loss (NFC articles)
    shipped_loss: float = float("nan")  # the same of the shipped inputs' model


def fit_term_model(mat: Material, frame: str) -> TermModel:
    """The `shipped or generic terms` method fitted on every development article: the term model over the
    five generic frames' lexicon terms (seen in 2+ articles) and the shipped inputs, C by inner CV, Platt
    scaling and the threshold (best kappa; economic: best precision at recall 0.7) on the NFC articles'
    inner out-of-fold probabilities; `chosen` when its calibrated inner log loss is below the shipped
    model's (then `coding="nfc"` reads it)."""
    strata = mat.articles["dataset"].to_numpy()
    y = tf._labels(mat.labels, mat.articles, frame)
    nfc = strata == "nfc"
    table = tf.model_inputs(mat.feats[frame])
    X = table.to_numpy()
    folds = tf._folds(y, strata, seed=1)
    shipped = tf.fit(X, y, strata)
    oof = np.zeros(len(y))
    for itr, ite in folds:
        oof[ite] = tf._logistic(shipped.C).fit(X[itr], y[itr]).decision_function(X[ite])
    base = Scored(oof[nfc], np.zeros(0), y[nfc])
    seen = mat.all_terms.sum(axis=0) >= 2
    Xt = np.column_stack([mat.all_terms[:, seen], X])
    C, oof_t = soft_model_oof(Xt, y.astype(float), folds, TERM_CS)
    model = _weighted_fit(Xt, y.astype(float), C)
    terms = Scored(oof_t[nfc], np.zeros(0), y[nfc])
    a, b = tf._platt(terms.inner, terms.y_inner)
    p_inner = _platt_prob(terms)[0]
    cut = recall_threshold(y[nfc], p_inner) if frame == "economic" else tf.best_threshold(y[nfc], p_inner)
    names = [f"{framing.TERM_FEATURE}{n}" for n in np.asarray(mat.all_term_names)[seen]]
    names += [c.partition("|")[0] for c in table.columns]
    weights = {"intercept": float(model.intercept_[0]), **dict(zip(names, map(float, model.coef_[0])))}
    return TermModel(weights, C, (a, b), cut, _calibrated_loss(terms) < _calibrated_loss(base),
                     _calibrated_loss(terms), _calibrated_loss(base))


def fit_cue_term_model(mat: Material, frame: str = "human_interest") -> TermModel:
    """SHIPPED_NFC's human interest fitted on every development article: the generic-term model
    (`fit_term_model`) whose distinct-term input counts the frame's cues too on the NFC articles
    (`with_cue_count`), written as `log1p_distinct_with_cues` (and `log1p_distinct_terms` = 0, so that `nfc_rows`
    cancels the kit's weight of it for the NFC coding)."""
    fitted = fit_term_model(with_cue_count(mat, frame), frame)
    weights = {("log1p_distinct_with_cues" if f == "log1p_distinct_terms" else f): w for f, w in fitted.weights.items()}
    return fitted._replace(weights={**weights, "log1p_distinct_terms": 0.0}, chosen=True)


def fit_cue_model(mat: Material, frame: str = "responsibility") -> TermModel:
    """The `cues merged nfc only` method (SHIPPED_NFC's resolution) fitted on every development article: the
    shipped inputs with the resolution cue lexicon's distinct terms counted among the frame's on the NFC
    articles (`log1p_distinct_with_cues`; the kit's articles: the frame's own), C, Platt scaling and the
    threshold (best kappa) for the NFC coding chosen on inner out-of-fold scores (train_frames.fit), as
    `cue_scores` does inside each outer training part. Its weights carry `log1p_distinct_terms` = 0, so that
    `nfc_rows` cancels the kit's weight of it for the NFC coding. `loss`: calibrated inner log loss (NFC)."""
    strata = mat.articles["dataset"].to_numpy()
    y = tf._labels(mat.labels, mat.articles, frame)
    table = cue_inputs(mat, frame, merged=True, nfc_only=True).rename(
        columns={"log1p_distinct_terms": "log1p_distinct_with_cues"})
    X = table.to_numpy()
    fitted = tf.fit(X, y, strata)
    oof = np.zeros(len(y))
    for itr, ite in tf._folds(y, strata, seed=1):
        oof[ite] = tf._logistic(fitted.C).fit(X[itr], y[itr]).decision_function(X[ite])
    nfc = strata == "nfc"
    loss = _calibrated_loss(Scored(oof[nfc], np.zeros(0), y[nfc]))
    names = ["intercept"] + [c.partition("|")[0] for c in table.columns]
    weights = dict(zip(names, map(float, [fitted.model.intercept_[0], *fitted.model.coef_[0]])))
    return TermModel({**weights, "log1p_distinct_terms": 0.0}, fitted.C, fitted.calibration["nfc"],
                     fitted.thresholds["nfc"], True, loss)


NFC_CUE_FITS = {"responsibility": fit_cue_model, "human_interest": fit_cue_term_model}   # SHIPPED_NFC's cue frames


def nfc_rows(kit_weights: dict, frame: str, fitted: TermModel) -> list[tuple]:
    """frame_model.csv rows that make `coding="nfc"` read the term model while the kit's rows stay: each
    weight as `<feature>|nfc`, minus the kit's weight of the same feature (nfc adds its rows to them)."""
    kind = ("term model with cues" if any(f.startswith(framing.TERM_FEATURE) for f in fitted.weights) else "cue model") \
        if "log1p_distinct_with_cues" in fitted.weights else "term model"
    rows = [(frame, f"{feature}|nfc", round(weight - kit_weights.get(feature, 0.0), 4),
             f"C={fitted.C}, {kind} for the nfc coding" if feature == "intercept" else "")
            for feature, weight in fitted.weights.items() if round(weight - kit_weights.get(feature, 0.0), 4)]
    a, b = fitted.calibration
    how = "best precision at recall 0.7" if frame == "economic" else "best kappa"
    return rows + [(frame, "calibration_intercept_nfc", round(a, 4), f"Platt scaling, nfc codings ({kind})"),
                   (frame, "calibration_slope_nfc", round(b, 4), ""),
                   (frame, "threshold_nfc", fitted.threshold, f"{how} on out-of-fold probabilities, nfc codings")]


def scheme_report(mat: Material) -> pd.DataFrame:
    """Per frame, on all NFC development articles (nothing fitted: a description of the coding): the scheme
    rule that reproduces the frame labels from the majority answers (`scheme_rule`), how often it agrees,
    and Cohen's kappa between the first two annotators' own frame decisions under it (the coders' agreement
    with each other: context for a model's kappa against their majority label)."""
    nfc = np.flatnonzero(mat.articles["dataset"].to_numpy() == "nfc")
    out = []
    for frame in tf.FRAMES:
        y = tf._labels(mat.labels, mat.articles, frame)[nfc]
        majority = mat.majority[frame][nfc]
        rule = scheme_rule(majority, y)
        yes = np.nan_to_num(majority, nan=0.0)[:, list(rule.questions)].sum(axis=1) >= rule.k
        keys = list(mat.votes[frame])
        stack = np.stack([mat.votes[frame][keys[q]][nfc] for q in rule.questions], axis=2)
        answered = ~np.isnan(stack).all(axis=2)
        coded = np.nansum(stack, axis=2) >= rule.k
        pairs = [(c[a][0], c[a][1]) for c, a in zip(coded, answered) if a.sum() >= 2]
        first, second = (np.array(v) for v in zip(*pairs))
        out.append({"frame": frame, "rule": f"{rule.k} of {', '.join(keys[q] for q in rule.questions)}",
                    "agreement": float((yes == y).mean()), "coded": int(y.sum()), "articles": len(y),
                    "annotator_kappa": tf.binary_kappa(first, second), "pairs": len(pairs)})
    return pd.DataFrame(out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--methods", default=",".join(EVERY_METHOD),
                    help="comma-separated, of: " + ", ".join(EVERY_METHOD) + " (default: all, about 25 CPU minutes; "
                    f"{TERMS_NFC!r} needs 'shipped' and 'all generic terms'; the cue methods also {TERMS_NFC!r}; "
                    f"{SHIPPED_NFC!r} is what coding='nfc' reads)")
    ap.add_argument("--save", action="store_true", help="write benchmarks/results/frames_ideas.csv and "
                                                         "frames_ideas_reliability.csv (notebook 05 shows them)")
    ap.add_argument("--scheme", action="store_true", help="only the coding scheme per frame and the annotators' "
                                                           "agreement with each other (fast)")
    ap.add_argument("--by-outlet", action="store_true", help="leave one outlet out instead of the repeated 5-fold")
    ap.add_argument("--raw", help="also write the out-of-fold rows (every split, method, article) to this CSV")
    ap.add_argument("--from-raw", help="summarise (and --save) the rows of a --raw CSV instead of running")
    args = ap.parse_args(argv)
    warnings.filterwarnings("ignore", message="The least populated class")
    mat = material()
    if args.scheme:
        print(_md(scheme_report(mat)))
        return 0
    if args.from_raw:
        cv = pd.read_csv(args.from_raw)
    else:
        cv = run(mat, args.repeats, tuple(args.methods.split(",")), args.by_outlet)
    if args.raw:
        cv.to_csv(args.raw, index=False)
    table = summarise(cv)
    print(_md(table))
    blend = cv[cv["method"] == "blend"].drop_duplicates(["repeat", "frame", "fold"])
    if len(blend):
        print("\nblend weight on the model (mean over splits):",
              blend.assign(w=blend["blend_weight"].astype(float)).groupby("frame")["w"].mean().round(2).to_dict())
    chosen = cv[cv["method"].isin(["selected", "shipped or generic terms", "shipped or generic or cues"])].drop_duplicates(
        ["method", "repeat", "frame", "fold"])
    if len(chosen):
        print("\nmethod chosen by inner AUC (splits):",
              chosen.groupby(["method", "frame"])["blend_weight"].value_counts().to_dict())
    if args.save:
        RESULTS.mkdir(exist_ok=True)
        table.to_csv(RESULTS / "frames_ideas.csv", index=False, float_format="%.3f")
        shipped = cv[(cv["threshold"] == "kappa") & (cv["method"] == SHIPPED_NFC)].assign(dataset="nfc")
        tf.reliability(shipped, "nfc", SHIPPED_NFC).to_csv(RESULTS / "frames_ideas_reliability.csv", index=False,
                                                          float_format="%.3f")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
