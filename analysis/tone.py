"""Tone: VADER sentiment (Hutto & Gilbert 2014) per sentence and per article.

VADER (the lexicon and rules shipped by the `vaderSentiment` package, 3.3.2) reads ASCII marks only:
its negation list holds `didn't`, not `didn’t`, and it strips ASCII punctuation from a token's
edges, so `“kind` is not the word `kind`. Each sentence is therefore scored on its text with plain
apostrophes and quotation marks (`analysis.text.plain_marks`, one character for one, so offsets
still point into the article); the articles themselves keep their typographic marks.

- `tone(articles, by="sentence")`: one row per sentence of the kit's splitter: article_id,
  paragraph, sentence, start, end, neg, neu, pos, compound (VADER's four scores).
- `tone(articles)` (`by="article"`): one row per article: sentences, compound (mean of the
  sentence compounds), neg, neu, pos (means of the sentence proportions), positive_share and
  negative_share (share of sentences with compound >= 0.05 / <= -0.05), min_compound, max_compound.

Scoring sentence by sentence keeps long articles from saturating at +-1 (VADER's compound is
normalised by sqrt(sum^2 + 15)). `analyser()` gives the module's one analyser: vaderSentiment's
results, computed faster (`tests/test_tone.py` checks equality with the original).
"""
from __future__ import annotations

import pandas as pd
from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    C_INCR,
    N_SCALAR,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
    SentiText,
    negated,
    scalar_inc_dec,
)

from analysis.inputs import ARTICLES, takes
from analysis.resources import typed_frame
from analysis.text import plain_marks, sentence_table

TONE_POSITIVE, TONE_NEGATIVE = 0.05, -0.05   # VADER's usual cut-offs for a positive/negative sentence
TONE_MEMO_SIZE = 50_000   # sentences whose VADER scores are remembered (0: none; benchmarks use it)
SENTENCE_COLUMNS = ["article_id", "paragraph", "sentence", "start", "end", "neg", "neu", "pos", "compound"]
ARTICLE_COLUMNS = ["article_id", "sentences", "compound", "neg", "neu", "pos", "positive_share",
                   "negative_share", "min_compound", "max_compound"]

_ANALYSER = None
_strip = SentiText._strip_punc_if_word   # VADER's punctuation strip of one token
# the first two words of each of VADER's idioms and booster phrases of several words: a rated word
# without such a pair among its neighbours needs no idiom check (`_special_idioms_check`)
_IDIOM_PAIRS = frozenset(tuple(phrase.split(" ")[:2]) for phrase in [*SPECIAL_CASES, *BOOSTER_DICT]
                         if " " in phrase)


def least_scaled(valence: float, lowered: list[str], i: int, lexicon: dict) -> float:
    """vaderSentiment 3.3.2's `_least_check` on the sentence's lower-cased words: a rated word after
    "least" (not "at least", "very least") has its valence negated (Hutto & Gilbert 2014)."""
    if i > 1 and lowered[i - 1] not in lexicon and lowered[i - 1] == "least":
        if lowered[i - 2] != "at" and lowered[i - 2] != "very":
            valence = valence * N_SCALAR
    elif i > 0 and lowered[i - 1] not in lexicon and lowered[i - 1] == "least":
        valence = valence * N_SCALAR
    return valence


class FastSentimentIntensityAnalyzer(SentimentIntensityAnalyzer):
    """vaderSentiment's analyser with the same results and less work: a sentence without any rated
    word gets VADER's all-zero result at once, words outside the lexicon (valence 0 in every rule)
    skip the rule chain, a rated word's valence is computed once per window of neighbouring words,
    and emoji are described with one join. tests/test_tone.py checks equality with the original."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._emoji_chars = frozenset(self.emojis)
        self._stripped: dict[str, str] = {}   # token -> VADER's punctuation-stripped token
        self._rated: set[str] = set()         # tokens whose stripped lower case is in the lexicon
        self._memo: dict[str, dict] = {}      # sentence -> scores (news repeats boilerplate)
        self._neg: dict[str, bool] = {}

    def polarity_scores(self, text):
        hit = self._memo.get(text)
        if hit is None:
            hit = self._scores(text)
            if len(self._memo) >= TONE_MEMO_SIZE:
                self._memo.clear()
            if TONE_MEMO_SIZE:
                self._memo[text] = hit
        return dict(hit)

    def _scores(self, text):
        if text.isascii() or self._emoji_chars.isdisjoint(text):   # VADER's emoji are not ASCII
            text = text.strip()
        else:
            text = self._describe_emoji(text)

        lexicon = self.lexicon
        stripped = self._stripped
        tokens = text.split()
        if len(stripped) > 200_000:   # bounded memory (about 30 MB)
            stripped.clear()
            self._rated.clear()
        for w in tokens:
            if w not in stripped:
                v = stripped[w] = _strip(w)
                if v.lower() in lexicon:
                    self._rated.add(w)
        if self._rated.isdisjoint(tokens):
            # no rated word: every rule yields 0 -> VADER's result for all-zero sentiments
            return {"neg": 0.0, "neu": 1.0 if tokens else 0.0, "pos": 0.0, "compound": 0.0}
        # SentiText(text) without recomputing the token strip (same attributes)
        sentitext = SentiText.__new__(SentiText)
        sentitext.text = text
        words = sentitext.words_and_emoticons = [stripped[w] for w in tokens]
        # vaderSentiment's allcap_differential(words): some but not all words in capitals
        sentitext.is_cap_diff = 0 < len(words) - sum(map(str.isupper, words)) < len(words)
        rated = self._rated
        # VADER gives 0 to every word outside the lexicon, to boosters and to "kind" before "of";
        # only the other words run the rule chain (its result does not depend on the list so far)
        sentiments = [0] * len(words)
        last = len(words) - 1
        lower = list(map(str.lower, words))
        self._words, self._lower = words, lower
        # a word's valence depends only on the words from 3 before it to 2 after it (and the
        # sentence's all-caps flag): the same window gives the same valence (long runs of
        # emoji or repeated phrases are scored once per distinct window)
        windows: dict = {}
        for i, tok in enumerate(tokens):
            if tok not in rated:
                continue
            low = lower[i]
            if low in BOOSTER_DICT or (low == "kind" and i < last and lower[i + 1] == "of"):
                continue
            key = (min(i, 3), tuple(words[max(i - 3, 0):i + 3]))
            valence = windows.get(key)
            if valence is None:
                valence = windows[key] = self._rated_valence(words, lower, i, sentitext.is_cap_diff)
            sentiments[i] = valence
        if "but" in lower:
            sentiments = self._but_check(words, sentiments)
        return self.score_valence(sentiments, text)

    def _describe_emoji(self, text):
        """vaderSentiment 3.3.2's emoji loop (each emoji replaced by its description, a space
        before it unless one is there), built as a list and joined once: VADER's `+=` on a string
        is quadratic on a long run of emoji."""
        emojis = self.emojis
        out = []
        prev_space = True
        for ch in text:
            description = emojis.get(ch)
            if description is not None:
                if not prev_space:
                    out.append(" ")
                out.append(description)
                prev_space = False
            else:
                out.append(ch)
                prev_space = ch == " "
        return "".join(out).strip()

    @staticmethod
    def _sift_sentiment_scores(sentiments):
        """vaderSentiment 3.3.2's sums of positive and negative scores and count of neutral ones,
        summing the non-zero scores only, in the same order (a zero adds to neither sum)."""
        pos_sum = 0.0
        neg_sum = 0.0
        rated = [v for v in sentiments if v]
        for sentiment_score in rated:
            if sentiment_score > 0:
                pos_sum += (float(sentiment_score) + 1)
            if sentiment_score < 0:
                neg_sum += (float(sentiment_score) - 1)
        return pos_sum, neg_sum, len(sentiments) - len(rated)

    def _negated(self, low):
        """vaderSentiment's negated([word]) for one lower-cased word, remembered per word."""
        hit = self._neg.get(low)
        if hit is None:
            if len(self._neg) >= 100_000:
                self._neg.clear()
            hit = self._neg[low] = negated([low])
        return hit

    # vaderSentiment 3.3.2's sentiment_valence and _least_check with the sentence lower-cased once
    # (its code calls .lower() on the neighbouring words again for every rated word); `_scores`
    # calls `_rated_valence` with the lower-cased words directly
    def sentiment_valence(self, valence, sentitext, item, i, sentiments):
        words = sentitext.words_and_emoticons
        if item.lower() in self.lexicon:
            valence = self._rated_valence(words, self._lowered(words), i, sentitext.is_cap_diff)
        sentiments.append(valence)
        return sentiments

    def _rated_valence(self, words_and_emoticons, w, i, is_cap_diff):
        """vaderSentiment 3.3.2's valence of the rated word i (`w`: the words lower-cased), its
        negation checks (`_negation_check`) written out in the loop over the three words before it."""
        lexicon = self.lexicon
        item = words_and_emoticons[i]
        item_lowercase = w[i]
        valence = lexicon[item_lowercase]
        if item_lowercase == "no" and i != len(w) - 1 and w[i + 1] in lexicon:
            valence = 0.0
        if (i > 0 and w[i - 1] == "no") or (i > 1 and w[i - 2] == "no") \
                or (i > 2 and w[i - 3] == "no" and w[i - 1] in ["or", "nor"]):
            valence = lexicon[item_lowercase] * N_SCALAR
        if item.isupper() and is_cap_diff:
            if valence > 0:
                valence += C_INCR
            else:
                valence -= C_INCR
        negated_word = self._negated
        for start_i in range(3):
            if i > start_i and w[i - (start_i + 1)] not in lexicon:
                before = w[i - (start_i + 1)]
                # scalar_inc_dec gives 0.0 to a word that is no booster
                s = scalar_inc_dec(words_and_emoticons[i - (start_i + 1)], valence, is_cap_diff) \
                    if before in BOOSTER_DICT else 0.0
                if start_i == 1 and s != 0:
                    s = s * 0.95
                if start_i == 2 and s != 0:
                    s = s * 0.9
                valence = valence + s
                if start_i == 0:
                    if negated_word(before):
                        valence = valence * N_SCALAR
                elif start_i == 1:
                    if w[i - 2] == "never" and (w[i - 1] == "so" or w[i - 1] == "this"):
                        valence = valence * 1.25
                    elif w[i - 2] == "without" and w[i - 1] == "doubt":
                        pass
                    elif negated_word(before):
                        valence = valence * N_SCALAR
                else:
                    if w[i - 3] == "never" and (w[i - 2] == "so" or w[i - 2] == "this") or \
                            (w[i - 1] == "so" or w[i - 1] == "this"):
                        valence = valence * 1.25
                    elif w[i - 3] == "without" and (w[i - 2] == "doubt" or w[i - 1] == "doubt"):
                        pass
                    elif negated_word(before):
                        valence = valence * N_SCALAR
                    valence = self._special_idioms_check(valence, words_and_emoticons, i)
        return least_scaled(valence, w, i, lexicon)

    def _least_check(self, valence, words_and_emoticons, i):
        return least_scaled(valence, self._lowered(words_and_emoticons), i, self.lexicon)

    def _lowered(self, words):
        if words is getattr(self, "_words", None):
            return self._lower
        return [str(w).lower() for w in words]

    # VADER's two checks below lower-case the whole sentence on every call (three times per rated
    # word); these copies of vaderSentiment 3.3.2's code read the sentence lower-cased once.
    def _special_idioms_check(self, valence, words_and_emoticons, i):
        w = self._lowered(words_and_emoticons)
        window = w[max(i - 3, 0):i + 3]
        if _IDIOM_PAIRS.isdisjoint(zip(window, window[1:])):
            # every phrase looked up below is two or three neighbouring words of w[i-3:i+3], so it
            # holds a pair of neighbours that starts one of VADER's idioms or booster phrases
            return valence
        onezero = "{0} {1}".format(w[i - 1], w[i])
        twoonezero = "{0} {1} {2}".format(w[i - 2], w[i - 1], w[i])
        twoone = "{0} {1}".format(w[i - 2], w[i - 1])
        threetwoone = "{0} {1} {2}".format(w[i - 3], w[i - 2], w[i - 1])
        threetwo = "{0} {1}".format(w[i - 3], w[i - 2])
        for seq in [onezero, twoonezero, twoone, threetwoone, threetwo]:
            if seq in SPECIAL_CASES:
                valence = SPECIAL_CASES[seq]
                break
        if len(w) - 1 > i:
            zeroone = "{0} {1}".format(w[i], w[i + 1])
            if zeroone in SPECIAL_CASES:
                valence = SPECIAL_CASES[zeroone]
        if len(w) - 1 > i + 1:
            zeroonetwo = "{0} {1} {2}".format(w[i], w[i + 1], w[i + 2])
            if zeroonetwo in SPECIAL_CASES:
                valence = SPECIAL_CASES[zeroonetwo]
        for n_gram in [threetwoone, threetwo, twoone]:
            if n_gram in BOOSTER_DICT:
                valence = valence + BOOSTER_DICT[n_gram]
        return valence

    def _negation_check(self, valence, words_and_emoticons, start_i, i):
        w = self._lowered(words_and_emoticons)
        if start_i == 0:
            if self._negated(w[i - (start_i + 1)]):
                valence = valence * N_SCALAR
        if start_i == 1:
            if w[i - 2] == "never" and (w[i - 1] == "so" or w[i - 1] == "this"):
                valence = valence * 1.25
            elif w[i - 2] == "without" and w[i - 1] == "doubt":
                valence = valence
            elif self._negated(w[i - (start_i + 1)]):
                valence = valence * N_SCALAR
        if start_i == 2:
            if w[i - 3] == "never" and (w[i - 2] == "so" or w[i - 2] == "this") or \
                    (w[i - 1] == "so" or w[i - 1] == "this"):
                valence = valence * 1.25
            elif w[i - 3] == "without" and (w[i - 2] == "doubt" or w[i - 1] == "doubt"):
                valence = valence
            elif self._negated(w[i - (start_i + 1)]):
                valence = valence * N_SCALAR
        return valence


def _fast_vader_class():
    """The analyser class (tests build fresh instances from it)."""
    return FastSentimentIntensityAnalyzer


def analyser():
    """The module's one VADER analyser (lexicon shipped by the vaderSentiment package; built once)."""
    global _ANALYSER
    if _ANALYSER is None:
        _ANALYSER = _fast_vader_class()()
    return _ANALYSER


def _check(articles: pd.DataFrame) -> None:
    missing = {"article_id", "text"} - set(articles.columns)
    if missing:
        raise ValueError(f"articles needs columns {sorted(missing)} (see docs/columns.md)")


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else float("nan")


@takes(ARTICLES)
def tone(articles: pd.DataFrame, by: str = "article") -> pd.DataFrame:
    """VADER tone of each sentence, on its text with plain apostrophes and quotation marks.

    `by="sentence"`: article_id, paragraph, sentence, start, end, neg, neu, pos, compound (-1 most
    negative .. +1 most positive) per sentence of the kit's splitter. `by="article"`: article_id,
    sentences, compound (mean of sentence compounds), neg, neu, pos (means over sentences),
    positive_share and negative_share (share of sentences with compound >= 0.05 / <= -0.05),
    min_compound, max_compound; NaN for an article without sentences."""
    if by not in ("article", "sentence"):
        raise ValueError('by must be "article" or "sentence"')
    _check(articles)
    score = analyser().polarity_scores
    rows: list[tuple] = []
    for aid, text in zip(articles["article_id"], articles["text"]):
        if not isinstance(text, str):
            text = ""
        plain = plain_marks(text)
        sentence_scores = []
        for i, (p, s, e) in enumerate(sentence_table(text)):
            r = score(plain[s:e])
            sentence_scores.append(r)
            if by == "sentence":
                rows.append((aid, p, i, s, e, r["neg"], r["neu"], r["pos"], r["compound"]))
        if by == "article":
            compounds = [r["compound"] for r in sentence_scores]
            n = len(compounds)
            nan = float("nan")
            rows.append((aid, n, _mean(compounds),
                         _mean([r["neg"] for r in sentence_scores]),
                         _mean([r["neu"] for r in sentence_scores]),
                         _mean([r["pos"] for r in sentence_scores]),
                         sum(v >= TONE_POSITIVE for v in compounds) / n if n else nan,
                         sum(v <= TONE_NEGATIVE for v in compounds) / n if n else nan,
                         min(compounds) if n else nan, max(compounds) if n else nan))
    # columns built as lists, one frame at the end (pandas' row path converts every row)
    return typed_frame(rows, SENTENCE_COLUMNS if by == "sentence" else ARTICLE_COLUMNS)


__all__ = ["tone", "analyser", "TONE_POSITIVE", "TONE_NEGATIVE"]
