"""Speaker layouts and pronoun resolution found on PolNeAR's dev part (benchmarks/validate_polnear.py),
written here as short texts whose expected speakers were checked by reading them."""
from __future__ import annotations

from analysis import sourcing


def speakers(text, kind="direct"):
    return [r.speaker for r in sourcing.article_attributions(text) if r.kind == kind]


def test_party_and_state_tag_after_a_name():
    assert speakers("\u201cThere\u2019s tremendous energy,\u201d Rep. Earl Blumenauer (D-Ore.) said.") == \
        ["Earl Blumenauer"]
    assert speakers("At a rally, Sen. Marco Rubio (R-Fla.) said Trump is \u201cunelectable now.\u201d") == ["Marco Rubio"]
    assert speakers("Rep. Gwen Moore (D-Wis.) said the bill was bad.", "reported") == ["Gwen Moore"]
    assert speakers("Sen. Ted Cruz (R-Texas), also a GOP hopeful, called the KKK \u201cabhorrent\u201d in a tweet.") == \
        ["Ted Cruz"]


def test_nyt_two_apostrophes_then_said_mr():
    text = "Kelly Burman, a shop owner in Ohio, hired two people.\n\n''Sales are up,'' said Mr. Burman."
    assert speakers(text) == ["Kelly Burman"]


def test_he_is_the_source_who_just_spoke_not_the_first_name_of_its_sentence():
    # the sentence names Trump first (a possessive), but Biden is the one who spoke
    text = ("Donald Trump\u2019s accusation that Obama created the group had imperiled the troops, "
            "Joe Biden said.\n\n\u201cThe threat to their life has gone up,\u201d he said.")
    assert speakers(text) == ["Joe Biden"]
    # a person introduced after the last attribution is still the likelier `he`
    text = ("\u201cIt is over,\u201d Joe Biden said.\n\nRaynard Jackson, a consultant, is a Virginia resident. "
            "\u201cObama would not have won,\u201d he said.")
    assert speakers(text) == ["Joe Biden", "Raynard Jackson"]


def test_she_never_resolves_to_a_man_named_by_an_unambiguous_first_name():
    # Trump gets the `she` of the next sentence by position, but his first name is unambiguous
    text = ("Naureen Jahangir, a Sanders supporter from Hemet, says she will not back Donald Trump.\n\n"
            "\u201cIt is a false choice,\u201d she said.")
    assert speakers(text) == ["Naureen Jahangir"]


def test_headline_and_sentence_words_are_not_part_of_a_name():
    text = ("Rival Hillary Clinton Attacks Trump.\n\nHer rival and the candidate met. Hillary Clinton said the "
            "plan was bad. \u201cNo,\u201d said Wendy Nanney R. \u201cFine,\u201d said Bill de Blasio.")
    got = speakers(text)
    assert got == ["Wendy Nanney", "Bill de Blasio"]
    assert speakers(text, "reported") == ["Hillary Clinton"]
