"""Train and measure the syllable fallback for words outside the CMU dictionary (issue 15).

The model (`analysis.syllables.guess`): a word's syllables = the sum of learned weights of its vowel
groups, each group described by its letters and neighbours (`analysis.syllables.features`), rounded.
The weights are fitted by least squares (full-batch Adagrad) on CMU Pronouncing Dictionary words,
with 10% of the words held out (a word goes to the held-out set by a hash of its spelling, so the
split is the same on every machine). Target: syllables of the shortest pronunciation (Flesch's rule;
the dictionary look-up uses the same). Also scored, for comparison, on the same held-out words:
a plain vowel-group rule and Pyphen's hyphenation + 1 (textstat 0.7.13's fallback).

    .venv/bin/python benchmarks/train_syllables.py            # measure (10% held out) and print
    .venv/bin/python benchmarks/train_syllables.py --write    # then refit on all words, write the CSV
"""
from __future__ import annotations

import re
import sys
import zlib
from collections import Counter

import numpy as np

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1]))
from analysis import syllables as S  # noqa: E402

MIN_COUNT = 10       # features seen in fewer training words are dropped (a smaller file, same accuracy)
ITERATIONS = 400
RATE = 0.5


def dictionary_words() -> dict[str, int]:
    table = S.pronunciations()
    return {w: min(counts) for w, counts in table.items() if re.fullmatch(r"[a-z]+", w) and len(w) > 1}


def names_in_corpus() -> set[str]:
    import json
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "reference.jsonl"
    out = set()
    for line in open(path, encoding="utf-8"):
        body = json.loads(line)["body"]
        out.update(m.group(1).lower() for m in re.finditer(r"[a-z,] ([A-Z][a-z]+)\b", body))
    return out


def held_out(word: str) -> bool:
    return zlib.crc32(word.encode()) % 10 == 0


def fit(words: list[str], targets: np.ndarray) -> dict[str, float]:
    counts = Counter(f for w in words for f in set(S.features(w)))
    vocab = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= MIN_COUNT))}
    rows, cols = [], []
    for r, w in enumerate(words):
        for f in S.features(w):
            j = vocab.get(f)
            if j is not None:
                rows.append(r)
                cols.append(j)
    rows, cols = np.array(rows), np.array(cols)
    weights = np.zeros(len(vocab))
    grad_sq = np.full(len(vocab), 1e-8)
    for _ in range(ITERATIONS):
        pred = np.bincount(rows, weights=weights[cols], minlength=len(words))
        resid = pred - targets
        grad = np.bincount(cols, weights=resid[rows], minlength=len(vocab)) / len(words) * 100
        grad_sq += grad * grad
        weights -= RATE * grad / np.sqrt(grad_sq)
    return {f: float(weights[j]) for f, j in vocab.items() if abs(weights[j]) > 1e-4}


def vowel_groups(word: str) -> int:
    """The plain rule: vowel groups, a final silent e dropped, at least one."""
    n = len(re.findall(r"[aeiouy]+", word))
    if word.endswith("e") and not word.endswith("le") and n > 1:
        n -= 1
    return max(n, 1)


def score(name: str, guess, words: list[str], truth: list[int]) -> None:
    errors = [guess(w) - t for w, t in zip(words, truth)]
    right = sum(e == 0 for e in errors) / len(errors)
    print(f"| {name} | {len(words):,} | {right:.3f} | {np.mean(errors):+.3f} | {np.mean(np.abs(errors)):.3f} |")


def main(write: bool) -> None:
    table = dictionary_words()
    train = sorted(w for w in table if not held_out(w))
    test = sorted(w for w in table if held_out(w))
    weights = fit(train, np.array([table[w] for w in train], dtype=float))
    model = S.Model(weights)
    import pyphen

    hyph = pyphen.Pyphen(lang="en_US")
    truth = [table[w] for w in test]
    print(f"trained on {len(train):,} CMU words, {len(weights):,} features\n")
    print("| method | held-out words | share right | mean error | mean absolute error |")
    print("|---|---|---|---|---|")
    score("learned vowel-group weights (the kit)", model.guess, test, truth)
    score("vowel groups, silent final e", vowel_groups, test, truth)
    score("Pyphen hyphenation + 1 (textstat 0.7.13)", lambda w: len(hyph.positions(w)) + 1, test, truth)
    # names: held-out words that stand capitalised inside a sentence of the development bodies
    names = sorted(names_in_corpus() & set(test))
    name_truth = [table[w] for w in names]
    print("\nnames (held-out words written capitalised mid-sentence in the 111 development bodies):\n")
    print("| method | held-out names | share right | mean error | mean absolute error |")
    print("|---|---|---|---|---|")
    score("learned vowel-group weights (the kit)", model.guess, names, name_truth)
    score("vowel groups, silent final e", vowel_groups, names, name_truth)
    score("Pyphen hyphenation + 1 (textstat 0.7.13)", lambda w: len(hyph.positions(w)) + 1, names, name_truth)
    if write:
        weights = fit(sorted(table), np.array([table[w] for w in sorted(table)], dtype=float))
        S.write_model(weights)
        print(f"\nwrote {S.MODEL_PATH} ({len(weights):,} features, all {len(table):,} words)")


if __name__ == "__main__":
    main("--write" in sys.argv)
