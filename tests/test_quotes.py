"""analysis.quotes: quotation finding, kinds, multi-paragraph quotes, quote share, bad input.

Expected values were checked by hand against the texts below.
"""
from __future__ import annotations

import math
import warnings
from pathlib import Path

import pandas as pd
import pytest

from analysis import evaluation, quotes, sourcing

SEED = (Path(__file__).parent / "data" / "seed_body.txt").read_text(encoding="utf-8")


def frame(*texts):
    return pd.DataFrame({"article_id": [f"a{i}" for i in range(len(texts))], "text": list(texts)})


def rows(text):
    q = quotes.find_quotes(frame(text))
    return list(zip(q["paragraph"], q["start"], q["end"], q["text"], q["n_words"], q["kind"], q["quote_id"]))


def test_seed_has_three_full_quotes_with_exact_spans():
    q = quotes.find_quotes(frame(SEED))
    assert list(q.columns) == ["article_id", "paragraph", "start", "end", "text", "n_words", "kind",
                               "quote_id", "nested"]
    assert q["paragraph"].tolist() == [2, 5, 7]
    assert q["start"].tolist() == [1, 1, 1]
    assert q["end"].tolist() == [292, 142, 123]
    assert q["n_words"].tolist() == [55, 26, 22]
    assert q["kind"].tolist() == ["full", "full", "full"]
    assert q["quote_id"].tolist() == [0, 1, 2]
    assert q["text"].iloc[1] == ("We have not made a decision to make a concrete effort. It must depend on how "
                                 "things develop. Therefore, this is an expression of timely care,")
    paras = SEED.split("\n\n")
    for r in q.itertuples():
        assert paras[r.paragraph][r.start:r.end] == r.text


def test_seed_quote_share_is_103_of_307():
    s = sourcing.quote_share(frame(SEED))
    assert list(s.columns) == ["article_id", "words", "quoted_words", "quote_share", "reported_words",
                               "reported_share"]
    r = s.iloc[0]
    assert (r["words"], r["quoted_words"]) == (307, 103)
    assert r["quote_share"] == pytest.approx(103 / 307)
    # reported speech: 14 + 13 + 8 + 11 + 17 words, and since 2026-12-04 Poulsen's participles after
    # his quotations' cues, `highlighting that …` (11) and `noting …` (9) (see test_sourcing)
    assert r["reported_words"] == 83
    assert r["reported_share"] == pytest.approx(83 / 307)


def test_apostrophes_are_not_quote_marks():
    text = "Denmark’s minister said we’re ready. The ’90s were different, and the ministers’ plan too. It's rock 'n' roll."
    assert rows(text) == []


def test_single_quotation_marks_british_style():
    text = "‘We’re not going anywhere,’ the coach said. Fans called it ‘shocking’."
    assert rows(text) == [
        (0, 1, 26, "We’re not going anywhere,", 4, "full", 0),
        (0, 60, 68, "shocking", 1, "partial", 1),
    ]


def test_straight_and_typographic_double_quotes_and_partial():
    text = ('"It is over," she said.\n\n'
            'The senator said the bill was “a disgrace to this chamber” and left.')
    assert rows(text) == [
        (0, 1, 12, "It is over,", 3, "full", 0),
        (1, 31, 57, "a disgrace to this chamber", 5, "partial", 1),
    ]


def test_scare_quotes_and_titles_are_not_speech():
    text = ('The so-called “peace plan” was unveiled in the “poor” category. '
            'The band played “Listen To The Music” last night.')
    q = quotes.find_quotes(frame(text))
    assert q["text"].tolist() == ["peace plan", "poor", "Listen To The Music"]
    assert q["kind"].tolist() == ["scare", "scare", "scare"]
    assert sourcing.quote_share(frame(text))["quoted_words"].tolist() == [0]


def test_short_standalone_utterance_is_speech():
    text = "“You gotta give me a big win please,” he said later. “Please.”"
    assert [r[3:6] for r in rows(text)] == [("You gotta give me a big win please,", 8, "full"),
                                           ("Please.", 1, "full")]


def test_multi_paragraph_quote_shares_quote_id():
    text = ("“The first part of what I said runs on,\n\n"
            "“and the second paragraph keeps the quote open,\n\n"
            "“until it closes here,” she said.\n\n"
            "After that, narration.")
    assert rows(text) == [
        (0, 1, 39, "The first part of what I said runs on,", 9, "full", 0),
        (1, 1, 47, "and the second paragraph keeps the quote open,", 8, "full", 0),
        (2, 1, 22, "until it closes here,", 4, "full", 0),
    ]


def test_quote_interrupted_by_attribution_shares_quote_id():
    text = "“I had been somebody who really liked music,” she said, “but I had never been obsessed with it.”"
    r = rows(text)
    assert [x[6] for x in r] == [0, 0]
    assert [x[5] for x in r] == ["full", "full"]


def test_quote_within_a_quote_of_another_speaker():
    text = "“And I said, ‘I want more.’ They said no,” Trump recounted."
    q = quotes.find_quotes(frame(text))
    assert q["text"].tolist() == ["And I said, ‘I want more.’ They said no,", "I want more."]
    assert q["nested"].tolist() == [False, True]
    # the nested words are counted once, inside the outer quote
    assert sourcing.quote_share(frame(text))["quoted_words"].tolist() == [9]


def test_bad_input_gives_rows_not_errors():
    texts = ["", None, float("nan"), "No quotes at all in this text.",
             "“An unbalanced quote that never closes, said nobody.",
             "A stray closing mark” here and a lone \" there.",
             "“Only a quote.”", "Пресс-служба заявила: «Мы готовы».", "word " * 50_000]
    q = quotes.find_quotes(frame(*texts))
    assert q["article_id"].tolist() == ["a4", "a6", "a7"]
    assert q["text"].tolist() == ["An unbalanced quote that never closes, said nobody.", "Only a quote.",
                                  "Мы готовы"]
    s = sourcing.quote_share(frame(*texts))
    assert s["words"].tolist() == [0, 0, 0, 7, 8, 10, 3, 4, 50_000]
    assert s["quoted_words"].tolist() == [0, 0, 0, 0, 8, 0, 3, 2, 0]
    assert quotes.find_quotes(frame(texts[7]))["kind"].tolist() == ["full"]
    assert math.isnan(s["quote_share"].iloc[0])
    assert s["quote_share"].iloc[6] == 1.0


def test_empty_frame_keeps_columns():
    q = quotes.find_quotes(frame())
    assert q.empty and list(q.columns) == quotes.QUOTE_COLUMNS
    assert sourcing.quote_share(frame()).empty


def test_huge_text_is_cut_with_a_warning(monkeypatch):
    monkeypatch.setattr(quotes, "MAX_CHARS", 100)
    text = "“Short quote here,” he said. " + "x " * 200 + "“Late quote,” she said."
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        q = quotes.find_quotes(frame(text + " unique"))
    assert q["text"].tolist() == ["Short quote here,"]
    assert any("cut to 100" in str(w.message) for w in caught)


def test_evaluate_counts_overlap_matches():
    pred = pd.DataFrame({"article_id": ["a", "a", "a"], "paragraph": [0, 0, 1], "start": [0, 50, 0],
                         "end": [40, 60, 30], "kind": ["full", "partial", "scare"],
                         "speaker": ["Jane Doe", "X", None], "source_type": ["politician", "other", None]})
    gold = pd.DataFrame({"article_id": ["a", "a"], "paragraph": [0, 1], "start": [5, 0], "end": [40, 30],
                         "kind": ["full", "full"], "speaker": ["Doe", "Smith"],
                         "source_type": ["politician", "other"], "text": ["", ""]})
    r = evaluation.evaluate(pred, gold)
    # one of two predicted speech quotes matches (35/40 overlap); the scare one is not speech
    assert (r["predicted_quotes"], r["gold_quotes"], r["matched"]) == (2, 2, 1)
    assert r["precision"] == 0.5 and r["recall"] == 0.5 and r["f1"] == 0.5
    assert r["speaker_accuracy"] == 1.0 and r["source_type_accuracy"] == 1.0


def test_speaker_matching_rules():
    assert evaluation.speaker_matches("James P. Kennedy Jr.", "government_official", "Kennedy", "politician")
    assert not evaluation.speaker_matches("Kennedy", "other", "Smith", "other")
    assert evaluation.speaker_matches("a source", "anonymous_unnamed", "one official", "anonymous_unnamed")
    assert not evaluation.speaker_matches("an official", "government_official", "an official",
                                      "anonymous_unnamed")
    assert evaluation.speaker_matches(None, "other", None, "other")


def test_british_single_quotes_with_inner_double_quotes():
    text = "‘He called it “a disaster”, and I agree,’ she said. ‘She told me, “Go home,” and I did.’"
    q = quotes.find_quotes(frame(text))
    assert q["text"].tolist() == ["He called it “a disaster”, and I agree,", "She told me, “Go home,” and I did.",
                                  "Go home,"]
    assert q["nested"].tolist() == [False, False, True]
    assert sourcing.quote_share(frame(text))["quoted_words"].tolist() == [16]     # 8 + 8, inner once


def test_quote_share_reuses_given_quotes_and_attributions(monkeypatch):
    from analysis import sourcing

    df = frame(SEED, "", '"Yes," she said.')
    q, a = quotes.find_quotes(df), sourcing.attributions(df)

    def fail(*_):
        raise AssertionError("recomputed")
    # with both tables given, nothing is found again
    monkeypatch.setattr(quotes, "article_quotes", fail)
    monkeypatch.setattr(sourcing, "article_attributions", fail)
    s = sourcing.quote_share(df, quotes=q, attributions=a)
    assert s["words"].tolist() == [307, 0, 3]
    assert s["quoted_words"].tolist() == [103, 0, 1]
    assert s["reported_words"].tolist() == [83, 0, 0]


def test_masked_sentences_come_from_the_kit_splitter():
    p = '“It works. It is fine,” Rasmussen said. Poulsen agreed. He met Mr. Smith.'
    q = [x for x in quotes.article_quotes(p)]
    masked = quotes.mask_quotations(p, [(x[1], x[2]) for x in q])
    # the quotation's inner full stop ends no sentence; "Mr." ends none either
    assert [p[s:e] for s, e in quotes.sentence_bounds(masked)] == [
        '“It works. It is fine,” Rasmussen said.', "Poulsen agreed.", "He met Mr. Smith."]


def test_labels_and_titles_next_to_label_or_work_nouns_are_scare():
    """A quotation that premodifies a label noun, or a Title Case title after a work noun, names
    something; a Title Case utterance after `verb,` is speech (rules checked by hand)."""
    def kinds(t):
        return [(q[3], q[5]) for q in quotes.article_quotes(t)]
    assert kinds('South Dakota’s "Meth. We’re on it." awareness campaign drew mockery.') == [
        ("Meth. We’re on it.", "scare")]
    assert kinds('China said it is committed to the “one country, two systems” formula.') == [
        ("one country, two systems", "scare")]
    assert kinds('They explained it on their podcast "Beyond Finances." It is popular.') == [
        ("Beyond Finances.", "scare")]
    assert kinds('Some Indiana protesters chanted, "Red for Ed," in a hallway.') == [("Red for Ed,", "full")]
    assert kinds('Kejriwal turned to Twitter to describe his city as a "gas chamber."') == [
        ("gas chamber.", "partial")]
    assert kinds('A judge ruled that he must stay in jail because of his "history of absconding".') == [
        ("history of absconding", "partial")]


def test_title_case_inside_a_sentence_is_a_title_even_with_a_speech_verb():
    text = ('After hitting “Takin’ It To the Streets,” the singer told the audience, '
            '“That’s really good, maybe we should go on the road.”')
    assert [(q[3], q[5]) for q in quotes.article_quotes(text)] == [
        ("Takin’ It To the Streets,", "scare"), ("That’s really good, maybe we should go on the road.", "full")]


def test_hypothetical_speech_inside_a_quote_gets_no_row_of_its_own():
    # a modal or negated verb of saying: imagined words (annotation guide, nested quotes)
    text = "“I can’t say ‘I don’t know what to do, give me a day.’ I just do it,” she said."
    q = quotes.find_quotes(frame(text))
    assert q["text"].tolist() == ["I can’t say ‘I don’t know what to do, give me a day.’ I just do it,"]
    assert q["nested"].tolist() == [False]


def test_a_straight_opening_mark_followed_by_a_space_opens_a_quote():
    assert [(q[3], q[5]) for q in quotes.article_quotes('The coach said: " We played well today. " He left.')] \
        == [("We played well today.", "full")]
    # a long title after a work noun is still a title
    text = ('In his book " Financial Freedom: A Proven Path to All the Money You Will Ever Need," '
            'Sabatier shares the formula.')
    assert [(q[3], q[5]) for q in quotes.article_quotes(text)] == [
        ("Financial Freedom: A Proven Path to All the Money You Will Ever Need,", "scare")]


def test_short_quotations_coordinated_with_each_other_are_labels():
    text = ("Forecasters warned that air pollution is likely to reach “severe” or “emergency” levels. "
            "Premier Li said it was a “historic” move.")
    assert [(q[3], q[5]) for q in quotes.article_quotes(text)] == [
        ("severe", "scare"), ("emergency", "scare"), ("historic", "partial")]


def test_a_title_with_the_sentences_full_stop_inside_the_marks_is_a_title():
    text = ('You can also subscribe to this newsletter here — just tick "10 Things in Tech You Need to Know." '
            'The band closed by bringing out McDonald to perform “Takin’ It to the Streets.”')
    assert [(q[3], q[5]) for q in quotes.article_quotes(text)] == [
        ("10 Things in Tech You Need to Know.", "scare"), ("Takin’ It to the Streets.", "scare")]


def _kinds(text):
    return [(q[3], q[5]) for q in quotes.article_quotes(text)]


@pytest.mark.parametrize("text,expected", [
    # titles of shows and works in the slot of a name, even in a sentence with a speech verb
    ("He said Wednesday morning on MSNBC’s “Morning Joe.”", [("Morning Joe.", "scare")]),
    ("Mr. Trump appeared on “Fox News Sunday.” He was asked about taxes.", [("Fox News Sunday.", "scare")]),
    ("Clinton took the stage to “Eye of the Tiger.” The crowd cheered.", [("Eye of the Tiger.", "scare")]),
    ("She was a contestant on “DWTS.”", [("DWTS.", "scare")]),
    # nicknames after a determiner
    ("The three senators, the “Three Amigos,” toured the border.", [("Three Amigos,", "scare")]),
    # imagined speech: a generic `you` as the speaker, or a modal of possibility / negation
    ("Still, you’re terrified to say “yes.”", [("yes.", "scare")]),
    ("If you tell people, “We have to get these people out!” they listen.",
     [("We have to get these people out!", "scare")]),
])
def test_titles_nicknames_and_imagined_speech_quote_nobody(text, expected):
    """Issue 13's "not speech" kinds (rules in `quotes._not_speech`; checked by hand)."""
    assert _kinds(text) == expected


@pytest.mark.parametrize("text,expected", [
    # PolNeAR's annotators mark these as speech: they stay speech
    ("Ms. Friedan called Mrs. Schlafly an “Aunt Tom.”", [("Aunt Tom.", "partial")]),
    ("Obama said he expected that Americans will say “no” to Trump’s policies.", [("no", "partial")]),
    ("Comey cannot say that “from his perspective,” Lewandowski added.", [("from his perspective,", "partial")]),
    ("He told reporters, “We Will Win.”", [("We Will Win.", "full")]),
    ("Sanders said: “Not Me. Us.”", [("Not Me. Us.", "full")]),
    ("The crowd chanted “Marco! Marco!” at the rally.", [("Marco! Marco!", "partial")]),
])
def test_speech_next_to_the_not_speech_slots_stays_speech(text, expected):
    assert _kinds(text) == expected


def test_a_headline_with_its_byline_and_markup_values_quote_nobody():
    text = ('BROADWAY BEAT\u2014"Matthew Morrison is leaving \u2018Neverland,\u2019" by Times\' Michael Paulson: '
            '"Matthew Morrison will leave the show." <tweet author="@realDonaldTrump"> Mr. Cruz was '
            '"anointed" by God, he said.')
    assert _kinds(text) == [("Matthew Morrison is leaving \u2018Neverland,\u2019", "scare"),
                            ("Matthew Morrison will leave the show.", "full"),
                            ("@realDonaldTrump", "scare"), ("anointed", "partial")]


def test_a_sub_heading_that_repeats_a_quote_quotes_nobody():
    text = ("“We will not back down”\n\n"
            "“We will not back down, whatever they say,” the mayor said on Monday.\n\n"
            "“Yes.”\n\n“Yes,” she said.\n\n"            # too short to be a heading: an answer
            "“Well, thank you so much -.”\n\nPause.\n\n“Well, thank you so much - we will call again.”")
    assert _kinds(text) == [("We will not back down", "scare"),
                            ("We will not back down, whatever they say,", "full"),
                            ("Yes.", "full"), ("Yes,", "full"),
                            ("Well, thank you so much -.", "full"),
                            ("Well, thank you so much - we will call again.", "full")]


def test_a_quotation_of_marks_and_punctuation_only_quotes_no_words():
    assert _kinds('He wrote "?" and then "\'" on the wall.') == [("?", "scare"), ("'", "scare")]


def test_two_apostrophes_are_a_double_quotation_mark():
    """NYT archive style `''…''` (issue 13, PolNeAR): one double mark each, offsets of the text kept,
    no stray apostrophe in the quote; coordinated labels after `known as` stay scare."""
    text = ("Steven H. Warren, a military spokesman, said, ''I mean, a raid is a combat operation.'' "
            "Courses known as ''rabbit patches'' or ''goat farms'' closed.")
    got = quotes.article_quotes(text)
    assert [(q.text, q.kind) for q in got] == [("I mean, a raid is a combat operation.", "full"),
                                               ("rabbit patches", "scare"), ("goat farms", "scare")]
    assert all(text[q.start:q.end] == q.text and text[q.open_mark] == "'" for q in got)
    assert quotes.article_quotes("Don''t panic, it''s fine.") == ()


@pytest.mark.parametrize("text,expected", [
    # coordinated short quotations a speech verb governs are the speaker's words (guide: partial)
    ("He called anti-Trump protestors “illegals” and “thugs” without proof.",
     [("illegals", "partial"), ("thugs", "partial")]),
    ("Perez hammered Trump, calling him a \"train wreck\" and \"outsourcer in chief,\" and left.",
     [("train wreck", "partial"), ("outsourcer in chief,", "partial")]),
    # ... but not labels after a reported clause or an aside (guide: category labels, scare)
    ("Forecasters are warning that air pollution is likely to reach “severe” or “emergency” levels.",
     [("severe", "scare"), ("emergency", "scare")]),
    ("As Herbert notes, being able to “taste” and “smell” traces of pathogens helps.",
     [("taste", "scare"), ("smell", "scare")]),
    # a short quotation in a sentence with an attribution word (quote_words.csv) is someone's words
    ("Clinton also misjudged Assad, having referred to him as a \"reformer.\"", [("reformer.", "partial")]),
    ("It recalls the 1999 admission that he was \"very pro-choice,\" and more.", [("very pro-choice,", "partial")]),
    ("Trump is promising to \"bomb the hell\" out of Islamic State.", [("bomb the hell", "partial")]),
    ("The campaign is paying \"dozens\" of canvassers.", [("dozens", "scare")]),
    # an attribution by any direct speech verb right after the closing mark
    ("“Quiet,” he insisted, as Bush went on.", [("Quiet,", "full")]),
    ("Trump bragged. “GROWING PARTY,” he declared in a tweet.", [("GROWING PARTY,", "full")]),
    ("“Honestly,” he continued, “we may be on the brink.”", [("Honestly,", "full"), ("we may be on the brink.", "full")]),
])
def test_attributed_short_quotations_are_speech(text, expected):
    """PolNeAR dev classes fixed on 2026-12-04 (issue 13), each checked by hand against
    tests/gold/QUOTES_ANNOTATION.md (`called Omar a "terrorist"` is partial; labels are scare)."""
    assert _kinds(text) == expected
