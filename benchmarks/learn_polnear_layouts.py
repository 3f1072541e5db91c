"""Could a small learned model find the reported speech that no word list cues? A measurement on
the PolNeAR dev part of benchmarks/validate_polnear.py (never the test part), 5-fold
cross-validation by article; the kit does not use it (2026-12-04: it does not reach the precision
floor, see docs/sourcing_history.md, "Reported speech, round 3").

    .venv/bin/python benchmarks/learn_polnear_layouts.py

Candidates: in each sentence (not the headline) with no quotation and no non-direct row of the kit,
the first verb-shaped word (after a modal, after has/had, a progressive, a past in -ed, a present
in -s; or any form of speech_verbs.csv / stance_verbs.csv the rules did not take) whose subject
stands before it, read as `stance.stance_at` reads a verb of stance_verbs.csv (`The outlet glosses
over the fact that …`, `Kasich has taken to urging …`); up to three verb-shaped words are tried.
Features: the verb form and its last three letters, its shape, the subject's kind and last word
(names as one class), the class of the next word (that / to / determiner / pronoun / preposition /
clause word / capitalised / lower case / digit / punctuation / before: the content precedes the
verb), auxiliaries and negation, whether the subject opens the sentence, the content's length, and
which try found it. Label: real when the candidate's content overlaps an annotated content span by
validate_polnear.py's rule (>= 50% of the shorter); `finds`: the gold indirect attributions it
finds that the kit's rows do not. (Candidates are not resolved: the kit would drop those whose
source it cannot name, so the figures are an upper bound on recall.)

Model: L2-regularised logistic regression (Hastie, Tibshirani & Friedman 2009, sec. 4.4.4), fitted
by deterministic full-batch gradient descent in numpy, over the features seen in at least three
training articles. Printed: the out-of-fold ranking (each fold scored by a model learned on the other
four) cut at several sizes, with the kit's pooled dev recall and precision if those candidates were
added; and the nested figure: per held-out fold, the threshold chosen on the out-of-fold scores of
the four training folds as the lowest at which TARGET_PRECISION of the kept candidates are real.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import NamedTuple

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import validate_polnear as vp  # noqa: E402
from learn_polnear_cues import fold_of  # noqa: E402

from analysis import quotes as _q  # noqa: E402
from analysis.sourcing import article_attributions, stance  # noqa: E402
from analysis.sourcing.lexicon import NUL, clean_word, kind_words, verb_rows  # noqa: E402

TARGET_PRECISION = 0.93
L2 = 20.0                     # on the summed log loss (the bias is not penalised)
MIN_FEATURE_ARTICLES = 3
STEPS, RATE = 3000, 0.5
FOLDS = 5
CUTS = (25, 50, 100, 200, 400, 800, 1600)

_WORD = re.compile(r"(?<![\w\-'\u2019.])[a-z][a-z\-]{2,}(?![\w\-'\u2019])")
_MODALS = frozenset("do does did can could may might must should would will shall".split())
_PERFECT = frozenset("has have had".split())
_BE = frozenset("is are was were am be been being".split())
_AUX = _MODALS | _PERFECT | frozenset("not never".split())
_PREPS = frozenset("the a an this these those in on at by for from with without to of despite during".split())
_SKIP = (_AUX | _BE | _PREPS | kind_words("adverb") | kind_words("determiner") | kind_words("possessive")
         | kind_words("pronoun") | frozenset(w.lower() for w in kind_words("function"))
         | frozenset("and or but nor that as than so yet also who which".split()))
_NEXT = (("that", frozenset(("that",))), ("to", frozenset(("to",))), ("det", kind_words("determiner")),
         ("pronoun", kind_words("pronoun")), ("prep", _PREPS),
         ("clause", frozenset("how why what whether if who where when".split())))
_LEARNED = stance.AttributionVerb("", "", "stance", False, False, "learned_layout")


class Example(NamedTuple):
    article: str
    fold: int
    features: tuple
    real: bool
    finds: frozenset


class ArticleFigures(NamedTuple):
    fold: int
    gold_indirect: int
    found: int
    spans: int
    real: int


def _shape(word: str, prev: str, listed: bool) -> str | None:
    if listed:
        return "listed"
    if prev in _MODALS:
        return "base"
    if prev in _PERFECT:
        return "perfect"
    if prev in _BE and word.endswith("ing"):
        return "progressive"
    if word.endswith("ed"):
        return "ed"
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "ics")):
        return "s"
    return None


def _next_class(masked: str, pos: int, e: int) -> str:
    rest = masked[pos:min(e, pos + 40)].lstrip()
    if not rest:
        return "end"
    if not rest[0].isalnum():
        return "punct"
    word = rest.split(None, 1)[0].strip(",.;:").lower()
    for name, words in _NEXT:
        if word in words:
            return name
    return "cap" if rest[0].isupper() else ("digit" if rest[0].isdigit() else "lower")


def candidate(masked: str, s: int, e: int, listed: frozenset) -> tuple | None:
    """((start, end), features) of the sentence's first verb-shaped word with a subject, else None."""
    tries = 0
    for m in _WORD.finditer(masked, s, e):
        word = m.group()
        if word in _SKIP:
            continue
        before = masked[max(s, m.start() - 30):m.start()].split()
        shape = _shape(word, before[-1].lower() if before else "", word in listed)
        if shape is None:
            continue
        found = stance.stance_at(masked, s, e, m, _LEARNED)
        if found is not None:
            return (found[1], found[2]), _features(masked, s, e, m, shape, found, tries)
        tries += 1
        if tries >= 3:
            return None
    return None


def _features(masked: str, s: int, e: int, m, shape: str, found, tries: int) -> tuple:
    sp, start, end = found
    word = m.group()
    between = masked[sp.start:m.start()].lower().split()
    n_words = len(masked[start:end].split())
    last = clean_word(sp.words[-1]) if sp.words else ""
    last = last.lower() if last.islower() or sp.kind == "pronoun" else "(capitalised)"
    feats = ["bias", "form:" + word, "suffix:" + word[-3:], "shape:" + shape, "subject:" + sp.kind,
             "subject_word:" + last, "next:" + ("before" if end <= m.start() else _next_class(masked, m.end(), e)),
             "start:" + ("yes" if not masked[s:sp.start].strip() else "no"),
             "length:" + ("short" if n_words < 4 else "medium" if n_words < 12 else "long"), f"order:{tries}"]
    if any(w in _AUX for w in between):
        feats.append("aux:" + ("negated" if any(w in ("not", "never") or w.endswith(("n't", "n\u2019t"))
                                                for w in between) else "yes"))
    return tuple(feats)


def _gold(art: dict) -> tuple[list, list]:
    text = art["text"]
    quoted = {a["id"] for a in art["attributions"] if vp.quoted_stretches(text, a["content"])}
    indirect = [(a["id"], min(s["start"] for s in a["content"]), max(s["end"] for s in a["content"]))
                for a in art["attributions"] if a["type"] == "indirect" and a["id"] not in quoted]
    return indirect, [(sp["start"], sp["end"]) for a in art["attributions"] for sp in a["content"]]


def collect(arts: list[dict]) -> tuple[list[Example], list[ArticleFigures]]:
    listed = frozenset(stance.attribution_verbs()) | frozenset(verb_rows())
    examples, figures = [], []
    for art in arts:
        body = _q.clean_body(art["text"])
        offs = vp._para_offsets(body)
        masked = _q.masked_paragraphs(body)[0]
        indirect, contents = _gold(art)
        rows = [r for r in article_attributions(body) if r.kind != "direct"]
        rules = [(offs[r.paragraph] + r.start, offs[r.paragraph] + r.end) for r in rows]
        found = {i for i, c, d in indirect if any(vp._overlaps_half_shorter(a, b, c, d) for a, b in rules)}
        real = sum(any(vp._overlaps_half_shorter(a, b, c, d) for c, d in contents) for a, b in rules)
        fold = fold_of(art["id"])
        figures.append(ArticleFigures(fold, len(indirect), len(found), len(rules), real))
        for pi, para in enumerate(masked[1:], 1):
            taken = [r.start for r in rows if r.paragraph == pi]
            for s, e in _q.sentence_bounds(para):
                if NUL in para[s:e] or any(s <= t < e for t in taken):
                    continue
                cand = candidate(para, s, e, listed)
                if cand is None:
                    continue
                a, b = offs[pi] + cand[0][0], offs[pi] + cand[0][1]
                finds = frozenset(i for i, c, d in indirect if i not in found and vp._overlaps_half_shorter(a, b, c, d))
                is_real = any(vp._overlaps_half_shorter(a, b, c, d) for c, d in contents)
                examples.append(Example(art["id"], fold, cand[1], is_real, finds))
    return examples, figures


def fit(examples: list[Example]) -> dict:
    """feature -> weight of an L2-regularised logistic regression (full-batch gradient descent)."""
    seen: dict[str, set] = {}
    for ex in examples:
        for f in ex.features:
            seen.setdefault(f, set()).add(ex.article)
    vocab = sorted(f for f, arts in seen.items() if len(arts) >= MIN_FEATURE_ARTICLES or f == "bias")
    index = {f: i for i, f in enumerate(vocab)}
    pairs = [(r, index[f]) for r, ex in enumerate(examples) for f in ex.features if f in index]
    rows, cols = np.array([p[0] for p in pairs]), np.array([p[1] for p in pairs])
    y = np.array([ex.real for ex in examples], dtype=float)
    n, d = len(examples), len(vocab)
    w, penal = np.zeros(d), np.ones(d)
    penal[index["bias"]] = 0.0
    for _ in range(STEPS):
        p = 1.0 / (1.0 + np.exp(-np.bincount(rows, weights=w[cols], minlength=n)))
        w -= RATE * (np.bincount(cols, weights=(p - y)[rows], minlength=d) + L2 * penal * w) / n
    return {f: float(w[i]) for f, i in index.items()}


def score(weights: dict, ex: Example) -> float:
    return sum(weights.get(f, 0.0) for f in ex.features)


def out_of_fold(examples: list[Example], folds: list[int]) -> list[tuple[float, Example]]:
    out = []
    for k in folds:
        weights = fit([ex for ex in examples if ex.fold in folds and ex.fold != k])
        out += [(score(weights, ex), ex) for ex in examples if ex.fold == k]
    return out


def threshold_for(scored: list[tuple[float, Example]]) -> float:
    best, kept, real = float("inf"), 0, 0
    for s, ex in sorted(scored, key=lambda x: -x[0]):
        kept += 1
        real += ex.real
        if real / kept >= TARGET_PRECISION:
            best = s
    return best


def kit_figures(figures: list[ArticleFigures], added: list[Example]) -> tuple[float, float]:
    gold = sum(f.gold_indirect for f in figures)
    finds = {(ex.article, i) for ex in added for i in ex.finds}
    recall = (sum(f.found for f in figures) + len(finds)) / gold
    precision = (sum(f.real for f in figures) + sum(ex.real for ex in added)) / (sum(f.spans for f in figures) + len(added))
    return recall, precision


def main(argv=None) -> int:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args(argv)
    arts = [a for a in vp.read_articles(str(vp.DATA)) if vp.part_of(a["id"]) == "dev"]
    examples, figures = collect(arts)
    r0, p0 = kit_figures(figures, [])
    print(f"{len(examples)} candidates on {len(arts)} dev articles, {np.mean([ex.real for ex in examples]):.3f} real; "
          f"kit alone: recall {r0:.3f}, precision {p0:.3f}")
    ranked = sorted(out_of_fold(examples, list(range(FOLDS))), key=lambda x: -x[0])
    print("out-of-fold ranking: top k | real share | kit recall | kit precision (pooled dev)")
    for k in CUTS:
        top = [ex for _, ex in ranked[:k]]
        r, p = kit_figures(figures, top)
        print(f"  {k:5d} | {np.mean([ex.real for ex in top]):.3f} | {r:.3f} | {p:.3f}")
    kept = []
    for k in range(FOLDS):
        train = [j for j in range(FOLDS) if j != k]
        cut = threshold_for(out_of_fold(examples, train))
        weights = fit([ex for ex in examples if ex.fold in train])
        kept += [ex for ex in examples if ex.fold == k and score(weights, ex) >= cut]
    r, p = kit_figures(figures, kept)
    print(f"nested 5-fold CV, threshold at {TARGET_PRECISION} out-of-fold precision on the training folds: "
          f"{len(kept)} kept, {np.mean([ex.real for ex in kept]) if kept else float('nan'):.3f} real; "
          f"kit recall {r0:.3f} -> {r:.3f}, precision {p0:.3f} -> {p:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
