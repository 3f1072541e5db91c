"""Train the line classifier of analysis/lineclass.py on the development pages, and measure it
leave-one-outlet-out (LOOO): each outlet's pages are scored by a model fitted without them.

Usage (from the repo root):
    .venv/bin/python benchmarks/train_line_classifier.py            # LOOO figures only
    .venv/bin/python benchmarks/train_line_classifier.py --write    # ... and write the weights

Data: the 111 pages of ../shared/corpus and the 91 Readability pages of ../shared/external
(benchmarks/devpages.py). A dump line is labelled body when at least half of its 4-token
shingles are in the reference body (lines of fewer than 4 tokens: the shingles that hold one of
its tokens, read with the 3 tokens either side from the neighbouring lines). Deterministic:
gradient-boosted trees with fixed settings, no sampling, pages in file order.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
import warnings
from pathlib import Path
from typing import NamedTuple

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")   # small matrices: BLAS threads only contend on a shared machine
import numpy as np  # noqa: E402

_ROOT = Path(__file__).resolve().parent.parent
for _p in (str(_ROOT), str(_ROOT / "benchmarks")):
    if _p not in sys.path:
        sys.path.insert(0, _p)

import devpages  # noqa: E402
from analysis import lineclass  # noqa: E402

_TOKEN = re.compile(r"\w+", re.UNICODE)
ITERATIONS, DEPTH, RATE = 100, 3, 0.1      # trees, their depth, learning rate
NEVER = 1e30                               # threshold of a split no feature value takes
DROP_BELOW, ADD_FROM = 0.05, 0.8           # how sure the classifier must be to overrule the rules


class PageLines(NamedTuple):
    """One development page prepared for the classifier."""
    page: devpages.DevPage
    lines: list            # lineclass.LineInput, non-blank lines in page order
    x: np.ndarray          # features
    y: np.ndarray          # labels (1 = body)


def labels(lines: list, reference: str) -> np.ndarray:
    """1 for the lines that are reference body text, by 4-token shingles (see the module doc)."""
    ref = _TOKEN.findall(reference)
    ref_shingles = {tuple(ref[i:i + 4]) for i in range(len(ref) - 3)}
    toks = [_TOKEN.findall(ln.text) for ln in lines]
    out = np.zeros(len(lines))
    for k, ts in enumerate(toks):
        if not ts:
            continue
        if len(ts) >= 4:
            sh = [tuple(ts[i:i + 4]) for i in range(len(ts) - 3)]
        else:
            before = toks[k - 1][-3:] if k > 0 else []
            after = toks[k + 1][:3] if k + 1 < len(toks) else []
            ctx = before + ts + after
            first, last = len(before), len(before) + len(ts) - 1
            sh = [tuple(ctx[i:i + 4]) for i in range(len(ctx) - 3) if i <= last and i + 3 >= first]
            if not sh:
                continue
        out[k] = sum(s in ref_shingles for s in sh) >= 0.5 * len(sh)
    return out


def rule_lines(raw: str) -> list:
    """The dump's non-blank lines with the rule cleaner's verdicts, as the loader runs it
    (metadata lines passed as `skip`, the outlet's site hints)."""
    from analysis import clean, metadata

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        meta = metadata.from_dump(raw)
        captured: list = []

        def record(records, reasons):      # clean_dump's `revise` hook: read, change nothing
            captured.extend(lineclass.line_inputs(records, reasons))
            return reasons

        clean.clean_dump(raw, skip=meta.get("lines") or {}, site=meta.get("outlet"), revise=record)
    return captured


def prepare(pages) -> list[PageLines]:
    out = []
    for page in pages:
        raw = page.txt.read_text(encoding="utf-8")
        lines = rule_lines(raw)
        out.append(PageLines(page, lines, lineclass.features(lines), labels(lines, page.reference)))
    return out


def body(lines: list, keep) -> str:
    return "\n\n".join(ln.text for ln, k in zip(lines, keep) if k)


def page_weights(p: PageLines) -> np.ndarray:
    """Line weights: every page counts the same in total (the score averages over pages)."""
    return np.full(len(p.y), 1.0 / max(1, len(p.y)))


def fit(prepared: list[PageLines], iterations: int = ITERATIONS) -> lineclass.Model:
    """Gradient-boosted trees (scikit-learn's HistGradientBoostingClassifier, fixed settings, no
    early stopping, no sampling: deterministic) on the given pages, as a lineclass.Model."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    x = np.vstack([p.x for p in prepared])
    y = np.concatenate([p.y for p in prepared])
    w = np.concatenate([page_weights(p) for p in prepared])
    gb = HistGradientBoostingClassifier(max_iter=iterations, max_depth=DEPTH, learning_rate=RATE,
                                        max_leaf_nodes=2 ** DEPTH, early_stopping=False, random_state=0)
    gb.fit(x, y, sample_weight=w)
    model = to_model(gb)
    check = x[:: max(1, len(x) // 2000)]
    if not np.allclose(lineclass.predict(model, check), gb.predict_proba(check)[:, 1], atol=1e-6):
        raise AssertionError("exported trees do not reproduce scikit-learn's probabilities")
    return model


def to_model(gb) -> lineclass.Model:
    """A fitted HistGradientBoostingClassifier as complete trees of depth DEPTH in heap order
    (a leaf above the last level is copied down behind never-taken splits)."""
    n_int = 2 ** DEPTH - 1
    feats, thrs, leaves = [], [], []
    for (predictor,) in gb._predictors:          # scikit-learn's tree arrays (see pyproject pin)
        nodes = predictor.nodes
        feat, thr, leaf = np.zeros(n_int, dtype=np.intp), np.full(n_int, NEVER), np.zeros(n_int + 1)

        def walk(node: int, pos: int, level: int) -> None:
            if level == DEPTH:
                leaf[pos - n_int] = nodes["value"][node]
                return
            if nodes["is_leaf"][node]:
                walk(node, 2 * pos + 1, level + 1)
                walk(node, 2 * pos + 2, level + 1)
                return
            feat[pos] = nodes["feature_idx"][node]
            thr[pos] = nodes["num_threshold"][node]
            walk(int(nodes["left"][node]), 2 * pos + 1, level + 1)
            walk(int(nodes["right"][node]), 2 * pos + 2, level + 1)

        walk(0, 0, 0)
        feats.append(feat)
        thrs.append(thr)
        leaves.append(leaf)
    return lineclass.Model(lineclass.FEATURES, DEPTH, np.array(feats), np.array(thrs), np.array(leaves),
                           float(np.ravel(gb._baseline_prediction)[0]), 1.0, DROP_BELOW, ADD_FROM)


def heldout_predictions(prepared: list[PageLines], folds: int = 0) -> list[np.ndarray]:
    """Per page, the probabilities from a model fitted without the page's outlet: `folds` 0 =
    leave one outlet out; K > 0 = K folds of whole outlets (outlets in sorted order, dealt round)."""
    outlets = sorted({p.page.outlet for p in prepared})
    fold_of = {o: (i % folds if folds else i) for i, o in enumerate(outlets)}
    probs: list[np.ndarray | None] = [None] * len(prepared)
    for fold in sorted(set(fold_of.values())):
        model = fit([p for p in prepared if fold_of[p.page.outlet] != fold])
        for i, p in enumerate(prepared):
            if fold_of[p.page.outlet] == fold:
                probs[i] = lineclass.predict(model, p.x)
    return probs


def combined(lines: list, probs: np.ndarray) -> list[bool]:
    """The kept lines: the rules' body lines unless the classifier is sure they are not body
    (p < DROP_BELOW), plus removed lines it is sure are body (p >= ADD_FROM)."""
    return [bool(p >= DROP_BELOW) if ln.reason is None else bool(p >= ADD_FROM) for ln, p in zip(lines, probs)]


def main(argv=None) -> int:
    from cleaning_f1 import score_pages

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--write", action="store_true", help="fit on all pages and write the weights file")
    ap.add_argument("--folds", type=int, default=0,
                    help="0 (default): leave one outlet out; K: K folds of whole outlets; -1: no evaluation")
    args = ap.parse_args(argv)
    prepared = prepare(devpages.load())
    probs = heldout_predictions(prepared, args.folds) if args.folds >= 0 else None
    if probs is not None:
        print(f"| set | pages | rules F1 | rules + classifier F1 ({'LOOO' if not args.folds else f'{args.folds} outlet folds'}) "
              "| P | R |")
        print("|---|---|---|---|---|---|")
    for dataset in ("corpus", "readability", None) if probs is not None else ():
        sel = [i for i, p in enumerate(prepared) if dataset is None or p.page.dataset == dataset]
        ref = {i: prepared[i].page.reference for i in sel}
        before = score_pages({i: body(prepared[i].lines, [ln.reason is None for ln in prepared[i].lines])
                              for i in sel}, ref)
        after = score_pages({i: body(prepared[i].lines, combined(prepared[i].lines, probs[i])) for i in sel}, ref)
        print(f"| {dataset or 'both'} | {len(sel)} | {before['f1']:.3f} | {after['f1']:.3f} | "
              f"{after['precision']:.3f} | {after['recall']:.3f} |")
    if args.write:
        from sklearn.ensemble import HistGradientBoostingClassifier  # noqa: F401 - fail early

        model = fit(prepared)
        y = np.concatenate([p.y for p in prepared])
        lineclass.save_model(model, lineclass.MODEL_FILE, {
            "trained_by": "benchmarks/train_line_classifier.py --write",
            "pages": f"{len(prepared)} development pages: ../shared/corpus (111) and "
                     "../shared/external/readability-pages (91), text dumps",
            "lines": int(len(y)), "body_lines": int(y.sum()),
            "method": f"HistGradientBoostingClassifier(max_iter={ITERATIONS}, max_depth={DEPTH}, "
                      f"learning_rate={RATE}), each page weighing the same",
            "labels": "a line is body when >= half of its 4-token shingles are in the reference body",
        }, importance(model))
        print(f"wrote {lineclass.MODEL_FILE}")
    return 0


def importance(model: lineclass.Model) -> dict[str, float]:
    """Share of splits per feature (how often the trees test it), for the reviewer."""
    counts = np.bincount(model.feature[model.threshold < NEVER].ravel(), minlength=len(model.features))
    return {f: c / max(1, counts.sum()) for f, c in zip(model.features, counts) if c}


if __name__ == "__main__":
    raise SystemExit(main())
