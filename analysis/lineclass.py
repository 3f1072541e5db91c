"""A line classifier for page bodies: is this line of a page part of the article?

The rule-based cleaner (`analysis.clean`) decides first; this module gives a second opinion per
line from the rules' decision and reason, the line's own shape (length, sentence ending, stop-word
density, ...) and its neighbourhood (the lines around it, the distance to the rules' body), with a
logistic regression whose weights are a reviewed data file (`analysis/data/line_classifier.json`,
written by `benchmarks/train_line_classifier.py`, deterministic). Only numpy is needed at run time.

Features are computed over the non-blank lines of a page, in page order, from `LineInput`
records: the line's text, whether a blank line comes before / after it, and the rules' verdict
(None = kept as body, else the removal reason).
"""
from __future__ import annotations

import json
import math
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import numpy as np

_DATA = Path(__file__).parent / "data"
MODEL_FILE = _DATA / "line_classifier.json"

_WORD = re.compile(r"\w+", re.UNICODE)
_TERM = frozenset(".!?…:;。！？\"”’»」』")
_CLOSERS = ")]"

# Removal reasons of the rule cleaner, grouped (reasons not listed fall in "other")
REASON_GROUPS = {
    "chrome": ("navigation", "share_buttons", "subscription", "advertisement", "cookie_notice",
               "audio_notice", "invisible", "site_rule", "repeated_across_pages", "code"),
    "meta": ("byline", "timestamp", "caption", "title", "dateline", "read_time", "footer"),
    "teaser": ("teaser",),
    "after_end": ("after_end_marker", "comments"),
    "bio": ("author_bio",),
    "duplicate": ("duplicate",),
    "before_start": ("before_start",),
    "outside_body": ("outside_body",),
    "short_line": ("short_line",),
}
_GROUP_OF = {r: g for g, rs in REASON_GROUPS.items() for r in rs}
_GROUPS = tuple(REASON_GROUPS) + ("other",)

_OWN = ("n_chars_log", "n_words_log", "stop_share", "frequent_share", "sentence_end", "ellipsis_end",
        "colon_end", "question_end", "lower_start", "digit_share", "capitalised_share", "pipe_or_bullet",
        "blank_before", "blank_after", "position")
_NEIGHBOUR = ("kept", "n_chars_log", "sentence_end", "stop_share")
FEATURES: tuple[str, ...] = (
    ("kept",) + tuple(f"reason_{g}" for g in _GROUPS) + _OWN
    + tuple(f"{name}_{off:+d}" for off in (-2, -1, 1, 2) for name in _NEIGHBOUR)
    + ("kept_window5", "kept_window15", "prose_window5", "prose_window15",
       "inside_kept_span", "distance_to_kept_log", "kept_x_stop_share", "kept_x_n_chars_log",
       "removed_x_prose", "page_kept_share")
)


class LineInput(NamedTuple):
    """One non-blank line of a page as the classifier sees it."""
    text: str                 # the line, stripped
    blank_before: bool        # a blank line (or the page start) comes before it
    blank_after: bool         # a blank line (or the page end) comes after it
    reason: str | None        # the rules' verdict: None = body, else the removal reason


@lru_cache(maxsize=1)
def _english_stopwords() -> frozenset[str]:
    """jusText's English stop list (shipped with jusText, a trafilatura dependency; no download)."""
    try:
        import justext

        return frozenset(w.lower() for w in justext.get_stoplist("English"))
    except Exception:  # pragma: no cover - justext comes with trafilatura
        return frozenset()


def features(lines: list[LineInput]) -> np.ndarray:
    """Feature matrix (len(lines) x len(FEATURES)) of a page's non-blank lines, in page order."""
    n = len(lines)
    if n == 0:
        return np.zeros((0, len(FEATURES)))
    stop = _english_stopwords()
    toks = [_WORD.findall(ln.text) for ln in lines]
    low = [[t.lower() for t in ts] for ts in toks]
    # the page's most frequent words are mostly its function words, in any language
    counts = Counter(w for ws in low for w in ws)
    frequent = {w for w, _ in counts.most_common(30)}
    own = np.zeros((n, len(_OWN)))
    for k, (ln, ts, ws) in enumerate(zip(lines, toks, low)):
        s = ln.text
        nw = len(ts)
        t = s.rstrip(_CLOSERS)
        last = t[-1:] if t else ""
        own[k] = (
            math.log1p(len(s)), math.log1p(nw),
            (sum(w in stop for w in ws) / nw) if nw else 0.0,
            (sum(w in frequent for w in ws) / nw) if nw else 0.0,
            last in _TERM and not s.endswith(("…", "...")),
            s.endswith(("…", "...")),
            last == ":", last == "?",
            s[:1].islower(),
            (sum(c.isdigit() for c in s) / len(s)),
            (sum(x[:1].isupper() for x in ts) / nw) if nw else 0.0,
            ("|" in s) or ("•" in s) or ("·" in s),
            ln.blank_before, ln.blank_after,
            k / n,
        )
    kept = np.array([ln.reason is None for ln in lines], dtype=float)
    groups = np.zeros((n, len(_GROUPS)))
    for k, ln in enumerate(lines):
        if ln.reason is not None:
            groups[k, _GROUPS.index(_GROUP_OF.get(ln.reason, "other"))] = 1.0
    col = {name: own[:, i] for i, name in enumerate(_OWN)}
    col["kept"] = kept
    neigh = []
    for off in (-2, -1, 1, 2):
        for name in _NEIGHBOUR:
            v = col[name]
            shifted = np.zeros(n)
            if off < 0:
                shifted[-off:] = v[:off]
            else:
                shifted[:-off] = v[off:]
            neigh.append(shifted)
    prose = ((own[:, _OWN.index("sentence_end")] > 0) & (own[:, _OWN.index("n_words_log")] >= math.log1p(8))
             ).astype(float)
    kept_idx = np.flatnonzero(kept)
    if kept_idx.size:
        inside = ((np.arange(n) >= kept_idx[0]) & (np.arange(n) <= kept_idx[-1])).astype(float)
        pos = np.searchsorted(kept_idx, np.arange(n))
        left = kept_idx[np.clip(pos - 1, 0, kept_idx.size - 1)]
        right = kept_idx[np.clip(pos, 0, kept_idx.size - 1)]
        dist = np.minimum(np.abs(np.arange(n) - left), np.abs(right - np.arange(n)))
    else:
        inside = np.zeros(n)
        dist = np.full(n, n)
    extra = np.column_stack([
        _window_mean(kept, 5), _window_mean(kept, 15), _window_mean(prose, 5), _window_mean(prose, 15),
        inside, np.log1p(dist),
        kept * col["stop_share"], kept * col["n_chars_log"], (1 - kept) * prose,
        np.full(n, kept.mean()),
    ])
    return np.column_stack([kept[:, None], groups, own, np.column_stack(neigh), extra])


def line_inputs(records: list, reasons: list[str | None]) -> list[LineInput]:
    """LineInput records from the cleaner's per-line records (anything with `text` and `block`,
    the id of the line's group between blank lines) and the rules' verdicts."""
    n = len(records)
    return [LineInput(line.text, k == 0 or records[k - 1].block != line.block,
                      k + 1 >= n or records[k + 1].block != line.block, reason)
            for k, (line, reason) in enumerate(zip(records, reasons))]


def second_opinion(records: list, reasons: list[str | None], model: Model | None = None) -> list[str | None]:
    """The classifier's pass over the rules' verdicts: a body line it is sure is not body
    (probability below the model's `drop_below`) is removed as "classifier p=0.03"; a removed line
    it is sure is body (at least `add_from`) is kept (None)."""
    model = model or load_model()
    probs = predict(model, features(line_inputs(records, reasons)))
    revised = list(reasons)
    for k, (reason, p) in enumerate(zip(reasons, probs)):
        if reason is None and p < model.drop_below:
            revised[k] = f"classifier p={p:.2f}"
        elif reason is not None and p >= model.add_from:
            revised[k] = None
    return revised


def _window_mean(v: np.ndarray, half: int) -> np.ndarray:
    """Mean of v over the lines within `half` lines either side (the line itself excluded)."""
    c = np.concatenate([[0.0], np.cumsum(v)])
    n = v.size
    lo = np.clip(np.arange(n) - half, 0, n)
    hi = np.clip(np.arange(n) + half + 1, 0, n)
    width = hi - lo - 1
    return np.where(width > 0, (c[hi] - c[lo] - v) / np.maximum(width, 1), 0.0)


# --------------------------------------------------------------------------- the model

class Model(NamedTuple):
    """Gradient-boosted regression trees of one depth (Friedman 2001, "Greedy function
    approximation: a gradient boosting machine", Annals of Statistics 29(5)), each stored as a
    complete binary tree in heap order: internal node i tests x[feature] > threshold and goes to
    2i+1 (no) or 2i+2 (yes); the log-odds of body text are
    `intercept + learning_rate * sum of the leaves reached`."""
    features: tuple[str, ...]
    depth: int
    feature: np.ndarray      # (trees, 2**depth - 1) column of FEATURES tested at each node
    threshold: np.ndarray    # (trees, 2**depth - 1)
    leaf: np.ndarray         # (trees, 2**depth) leaf values
    intercept: float
    learning_rate: float
    drop_below: float        # a line the rules keep is dropped when its probability is below this
    add_from: float          # a line the rules removed is kept when its probability is at least this


def predict(model: Model, x: np.ndarray) -> np.ndarray:
    """Probability that each line (row of `x`) is body text: all trees walked at once."""
    n = len(x)
    if n == 0:
        return np.zeros(0)
    trees = np.arange(model.feature.shape[0])[:, None]
    rows = np.arange(n)[None, :]
    node = np.zeros((model.feature.shape[0], n), dtype=np.intp)
    for _ in range(model.depth):
        go_right = x[rows, model.feature[trees, node]] > model.threshold[trees, node]
        node = 2 * node + 1 + go_right
    raw = model.intercept + model.learning_rate * model.leaf[trees, node - (2 ** model.depth - 1)].sum(axis=0)
    return 1.0 / (1.0 + np.exp(-np.clip(raw, -30, 30)))


def save_model(model: Model, path: Path, provenance: dict, importance: dict[str, float]) -> None:
    """Write the model as JSON a reviewer can read: provenance, the features by importance (the
    share of the trees' splits that test them, largest first), then the trees (node: [feature name, threshold])."""
    names = model.features
    doc = {
        "provenance": provenance,
        "features_by_importance": [[f, round(float(v), 4)] for f, v in
                                   sorted(importance.items(), key=lambda kv: (-kv[1], kv[0]))],
        "depth": model.depth, "learning_rate": model.learning_rate, "intercept": model.intercept,
        "drop_below": model.drop_below, "add_from": model.add_from,
        "trees": [{"nodes": [[names[f], float(t)] for f, t in zip(fs, ts)], "leaves": [float(v) for v in ls]}
                  for fs, ts, ls in zip(model.feature, model.threshold, model.leaf)],
    }
    path.write_text(json.dumps(doc, indent=None, ensure_ascii=False).replace(', {"nodes"', ',\n {"nodes"')
                    + "\n", encoding="utf-8")


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_FILE) -> Model:
    """The model in `path`, checked: every feature it tests is one the code computes, and every
    tree is a complete tree of the stated depth."""
    doc = json.loads(Path(path).read_text(encoding="utf-8"))
    depth = int(doc["depth"])
    index = {f: i for i, f in enumerate(FEATURES)}
    feature, threshold, leaf = [], [], []
    for k, tree in enumerate(doc["trees"]):
        if len(tree["nodes"]) != 2 ** depth - 1 or len(tree["leaves"]) != 2 ** depth:
            raise ValueError(f"{path}: tree {k} is not a complete tree of depth {depth}")
        unknown = [f for f, _ in tree["nodes"] if f not in index]
        if unknown:
            raise ValueError(f"{path}: tree {k} tests features the code does not compute: {unknown}")
        feature.append([index[f] for f, _ in tree["nodes"]])
        threshold.append([float(t) for _, t in tree["nodes"]])
        leaf.append([float(v) for v in tree["leaves"]])
    return Model(FEATURES, depth, np.array(feature, dtype=np.intp), np.array(threshold), np.array(leaf),
                 float(doc["intercept"]), float(doc["learning_rate"]), float(doc["drop_below"]),
                 float(doc["add_from"]))
