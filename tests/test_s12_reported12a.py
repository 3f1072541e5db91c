"""Session 12, reported12a: verb-led layouts of reported speech (hand-checked sentences written for these tests)."""
import re

from analysis.sourcing import article_attributions
from analysis.sourcing.cues import prepositional_gerund_at


def _rows(sentence: str):
    text = "A headline of the story\n\n" + sentence
    return [(r.kind, r.speaker, r.cue, sentence[r.start:r.end]) for r in article_attributions(text)
            if r.paragraph == 1 and r.kind != "direct"]


def test_pronoun_subject_after_place_or_time_adverbial():
    rows = _rows("United Gun Group said in a statement Thursday night they pulled the listing from the site.")
    assert ("reported", "United Gun Group", "said", "they pulled the listing from the site") in rows


def test_pronoun_subject_after_place_adverbial_named_source():
    rows = _rows("Mike Pence said in politics it takes time to develop those relationships.")
    assert ("reported", "Mike Pence", "said", "it takes time to develop those relationships") in rows


def test_hearer_then_time_then_pronoun_subject():
    rows = _rows("Christine Todd Whitman told The Star-Ledger of Newark last week she would rather vote for Hillary "
                 "Clinton than Trump.")
    assert ("reported", "Christine Todd Whitman", "told",
            "she would rather vote for Hillary Clinton than Trump") in rows


def test_no_pronoun_inside_a_relative_adverbial():
    rows = _rows("Donald Trump said at the rally where he spoke the crowd was big.")
    assert not any(c == "said" for _, _, c, _ in rows)


def test_gerund_after_preposition_takes_main_subject():
    rows = _rows("Ted Cruz pivoted to arguing that the epidemic was one more reason to secure the border.")
    assert ("reported", "Ted Cruz", "arguing", "that the epidemic was one more reason to secure the border") in rows


def test_gerund_after_preposition_with_pronoun_clause():
    rows = _rows("Jake Sullivan responded by explaining it was impossible to send her the information.")
    assert ("reported", "Jake Sullivan", "explaining", "it was impossible to send her the information") in rows


def test_gerund_after_preposition_needs_a_clause():
    text = "Hillary Clinton quit giving paid speeches before announcing her run."
    m = re.search("announcing", text)
    assert prepositional_gerund_at(text, 0, len(text), m, {"lemma": "announce"}) is None
    text = "Hillary Clinton quit giving paid speeches before announcing she would run."
    m = re.search("announcing", text)
    sp, start, end = prepositional_gerund_at(text, 0, len(text), m, {"lemma": "announce"})
    assert sp.text == "Hillary Clinton" and text[start:end] == "she would run"


def test_talk_verb_topic_after_place_and_time_phrases():
    rows = _rows("Barack Obama spoke at the White House on Tuesday about rights that had been denied to victims.")
    assert ("reported", "Barack Obama", "spoke", "rights that had been denied to victims") in rows


def test_talk_verb_manner_adverb_before_of():
    rows = _rows("Kenneth Starr spoke highly of the former president's personal attributes.")
    assert ("reported", "Kenneth Starr", "spoke", "the former president's personal attributes") in rows


def test_talk_verb_participle_takes_the_name_before_it():
    rows = _rows("The networks stuck with footage of Donald Trump talking at length about his financial successes.")
    assert ("reported", "Donald Trump", "talking", "his financial successes") in rows


def test_talk_verb_not_a_noun_complement_or_a_number():
    rows = _rows("Janet Yellen speaks to the Economic Club of Washington on Wednesday.")
    assert not any(c == "speaks" for _, _, c, _ in rows)
    rows = _rows("Hillary Clinton spoke for about 30 minutes and took questions.")
    assert not any(c == "spoke" for _, _, c, _ in rows)
    rows = _rows("Two officials, speaking on condition of anonymity, confirmed the plan.")
    assert not any(c == "speaking" for _, _, c, _ in rows)


def test_participle_of_asking_with_its_hearer_after_a_comma():
    rows = _rows("Donald Trump's representatives reached out weeks ago to two speechwriters, asking them to draft a "
                 "speech for Melania Trump.")
    assert any(c == "asking" and t == "to draft a speech for Melania Trump" for _, _, c, t in rows)


def test_participle_of_a_message_noun():
    rows = _rows("Senator Ted Cruz wrote an op-ed urging Congress to fast track the trade pact.")
    assert ("reported", "Ted Cruz", "urging", "to fast track the trade pact") in rows


def test_participle_after_a_time_phrase_takes_the_subject_after_it():
    rows = _rows("But a few days later, Donald Trump reversed himself, telling CBS that the laws are set.")
    assert ("reported", "Donald Trump", "telling", "that the laws are set") in rows


def test_passive_agent_before_whether_clause():
    rows = _rows("When asked by a reporter whether this differed from earlier policy, Donald Trump said no.")
    assert any(k == "reported" and c == "asked" and sp == "a reporter" and t.startswith("whether this differed")
               for k, sp, c, t in rows)


def test_yes_no_question_after_ask_and_conditional_after_say():
    rows = _rows("Hillary Clinton caused a stir when an Iowa voter asked if she might consider appointing Obama.")
    assert any(c == "asked" and t == "if she might consider appointing Obama" for _, _, c, t in rows)
    rows = _rows("Ted Cruz said if elected president he could work effectively with GOP leadership.")
    assert ("reported", "Ted Cruz", "said", "if elected president he could work effectively with GOP leadership") \
        in rows


def test_sentence_initial_asked_by_agent():
    rows = _rows("Asked by Todd Starnes if he believed the situation was as grave, Ben Carson said that he did not.")
    assert ("reported", "Todd Starnes", "Asked", "if he believed the situation was as grave") in rows
