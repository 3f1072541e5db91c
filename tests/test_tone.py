"""VADER tone (analysis.tone): hand values, plain marks, equality with vaderSentiment, speed shape."""
import math
from pathlib import Path

import pandas as pd
import pytest

from analysis import tone as T
from analysis.text import plain_marks, split_sentences

SEED = (Path(__file__).parent / "data" / "seed_body.txt").read_text(encoding="utf-8")


def frame(*texts):
    return pd.DataFrame({"article_id": [f"a{i}" for i in range(len(texts))], "text": list(texts)})


@pytest.fixture(scope="module")
def original():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def test_tone_hand_values():
    # VADER: compound = v / sqrt(v^2 + 15); "great" = 3.1 -> 0.6249, "terrible" = -2.1 -> -0.4767
    arts = frame("It was great. It was terrible.\n\nIt was a Tuesday.")
    sent = T.tone(arts, by="sentence")
    assert sent["compound"].tolist() == [0.6249, -0.4767, 0.0]
    assert sent["paragraph"].tolist() == [0, 0, 1]
    art = T.tone(arts).iloc[0]
    assert art["compound"] == pytest.approx((0.6249 - 0.4767) / 3)
    assert (art["positive_share"], art["negative_share"]) == (pytest.approx(1 / 3), pytest.approx(1 / 3))


def test_fast_vader_equals_original():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    original = SentimentIntensityAnalyzer()
    from analysis.text import split_sentences

    texts = split_sentences(SEED) + [
        "I kind of like it 😀 but NOT really!!!", "No good at all.", "At least it is not bad",
        "", "  ", "a b", ":) :(", "The food is kind of GREAT but the service was not so bad :-)",
        "He was never so happy, nor sad.", "Not the best, not the worst?",
        "It was never so good, without doubt the best.", "This is the shit, yeah right.",
        "He is not very happy, but never this sad.", "Kiss of death for the bad ass!",
        "It isn't that bad; the least bad option, at least.",
        # idioms and booster phrases near and beyond a rated word's window (the idiom shortcut)
        "The bus stop was a great beating heart, just enough to die for.", "Good, the bomb!",
        "The party was the bomb and sort of great", "That was kind of a good sort of day yeah right",
        "Yeah right, a great idea to die for?", "A lovely kiss of death", "a bad ass good movie",
        "the shit was good good", "just enough good", "HAPPY people are GOOD, kind of happy!!"]
    for t in texts:
        assert T.analyser().polarity_scores(t) == original.polarity_scores(t), t


def _many_sentences():
    import json

    gold = Path(__file__).parent / "gold"
    from analysis.text import split_sentences

    sents = []
    for name in ("frames_texts.jsonl", "quotes_gold.jsonl", "quotes_heldout.jsonl"):
        for line in (gold / name).read_text(encoding="utf-8").splitlines():
            t = json.loads(line).get("text") if line.strip() else None
            if isinstance(t, str):
                sents += split_sentences(t)
    sents = list(dict.fromkeys(sents))
    # variants that exercise VADER's rules: all caps, contrast ("but"), negation, booster, "no", "least"
    return sents + [s.upper() for s in sents[:300]] + ["But " + s for s in sents[:300]] \
        + [s.replace(" is ", " is not ").replace(" was ", " was very ") for s in sents[:300]] \
        + [s.replace(" the ", " no ").replace(" a ", " the least ") for s in sents[:300]]


def test_fast_vader_equals_original_on_thousands_of_sentences():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    original = SentimentIntensityAnalyzer()
    fast = T._fast_vader_class()()   # fresh analyser: no memo from other tests
    sents = _many_sentences()
    assert len(sents) > 2000
    for t in sents + sents[:200]:   # the second pass reads the sentence memo
        assert fast.polarity_scores(t) == original.polarity_scores(t), t
    r = fast.polarity_scores("It was great.")
    r["compound"] = 99   # the memo hands out copies
    assert fast.polarity_scores("It was great.")["compound"] == 0.6249




def test_typographic_apostrophe_negation_reads_negative(original):
    # issue 15: VADER's negation list holds "didn't"; with "didn’t" the sentence scored +0.65
    text = "The manager didn\u2019t care."
    assert original.polarity_scores(text)["compound"] > 0          # the raw text: negation missed
    row = T.tone(frame(text), by="sentence").iloc[0]
    assert row["compound"] < 0
    assert row["compound"] == original.polarity_scores("The manager didn't care.")["compound"]
    # an opening typographic quote no longer hides the word after it ("“kind" is not "kind")
    quoted = "\u201cGreat,\u201d she said."
    assert T.tone(frame(quoted), by="sentence")["compound"].item() == \
        original.polarity_scores('"Great," she said.')["compound"] > 0


def test_tone_equals_vader_on_plain_mark_text(original):
    sents = split_sentences(SEED)
    got = T.tone(frame(SEED), by="sentence")
    assert len(got) == len(sents) == 14
    for (_, row), s in zip(got.iterrows(), sents):
        ref = original.polarity_scores(plain_marks(s))
        assert (row["neg"], row["neu"], row["pos"], row["compound"]) == \
            (ref["neg"], ref["neu"], ref["pos"], ref["compound"]), s
    # offsets still point into the article (typographic marks kept there)
    assert SEED[got.loc[9, "start"]:got.loc[9, "end"]] == sents[9]


def test_article_means_of_neg_neu_pos():
    sent = T.tone(frame("It was great. It was terrible.\n\nIt was a Tuesday."), by="sentence")
    art = T.tone(frame("It was great. It was terrible.\n\nIt was a Tuesday.")).iloc[0]
    for col in ("neg", "neu", "pos", "compound"):
        assert art[col] == pytest.approx(sent[col].mean())
    assert list(T.tone(frame("x")).columns) == T.ARTICLE_COLUMNS


def test_bad_input_gives_nan_rows():
    t = T.tone(frame(None, "", "   ", float("nan"), "«Paix» et négociations à Genève."))
    assert t["sentences"].tolist() == [0, 0, 0, 0, 1]
    assert math.isnan(t.loc[0, "compound"]) and math.isnan(t.loc[0, "neg"])


def test_framing_tone_is_the_same_function():
    from analysis import framing

    assert framing.tone is T.tone


def test_emoji_sentences_equal_vader(original):
    fast = T._fast_vader_class()()
    for s in ["I love it \U0001F600", "\U0001F600\U0001F622 sad", "no \U0001F44D at all", "\U0001F621" * 5,
              "ok\U0001F600ok", " \U0001F600 ", "Not \U0001F60D, but fine!"]:
        assert fast.polarity_scores(s) == original.polarity_scores(s), s


def test_long_emoji_run_is_linear():
    # issue 11: 200,000 emoji in one sentence timed out (VADER builds the text with += and lower-cases
    # the whole sentence once per rated word); the same text at 1x and 8x length, in one run, timed
    # as tests/linear_timing.py says (CPU time, 1x runs of at least 50 ms, interleaved, best of
    # three; the bound of 16 there separates linear, 8, from quadratic, 64)
    from linear_timing import MAX_RATIO, scaling

    fast = T._fast_vader_class()()

    def calls(n):
        def make():
            def call():
                fast._memo.clear()          # no memo answers: each call rates the whole run
                fast.polarity_scores("\U0001F600" * n)
            return call
        return make

    calls(500)()()                           # warm up
    got = scaling(calls(2_500), calls(20_000))
    assert got.ratio < MAX_RATIO, got.describe(2_500)
