"""People who share a surname (`Registry`: a person is a full name, a surname alone links to the
most salient compatible one), and words that are no part of a name. Short texts modelled on
PolNeAR dev articles (benchmarks/validate_polnear.py); every expected speaker was checked by reading
the text. All of these fail on the surname-keyed registry of commit 4546a63 (one `Clinton`)."""
from __future__ import annotations

from analysis.sourcing.names import PARTY_STATE

from sourcing_checks import people, speakers


def test_bill_and_hillary_clinton_are_two_people_for_he_and_she():
    text = ("Hillary Clinton spoke in Ohio on Monday.\n\n"
            "Her husband, Bill Clinton, campaigned in Iowa.\n\n"
            "\u201cWe will win,\u201d she said.\n\n"
            "\u201cShe is ready,\u201d he said.")
    # one `Clinton` took both names' pronouns, so `he` found nobody
    assert speakers(text) == [("Hillary Clinton", "female"), ("Bill Clinton", "male")]


def test_a_courtesy_title_picks_the_clinton():
    text = ("Hillary Clinton and her husband, Bill Clinton, arrived in Ohio.\n\n"
            "''It is a great day,'' Mrs. Clinton said.\n\n''I agree,'' said Mr. Clinton.")
    assert speakers(text) == [("Hillary Clinton", "female"), ("Bill Clinton", "male")]


def test_melania_and_donald_trump_are_two_people():
    text = ("Melania Trump spoke on Monday night while Donald Trump watched from a box.\n\n"
            "\u201cI love this country,\u201d she said.\n\n"
            "Trump said he was proud. \u201cShe was great,\u201d he said.")
    # `Trump said he`: the surname alone followed by `he` is Donald Trump, and so is the next `he`
    assert speakers(text) == [("Melania Trump", "female"), ("Donald Trump", "male")]


def test_first_names_joined_by_and_name_two_people():
    text = ("The parents, Khizr and Ghazala Khan, spoke. Their son, Humayun Khan, died in Iraq in 2004.\n\n"
            "''Vote for unity,'' Mr. Khan said.\n\n''I could not speak,'' Ms. Khan said.")
    # Mr. Khan is the father, not the son (whose first name the list knows as male)
    assert speakers(text) == [("Khizr Khan", "male"), ("Ghazala Khan", "female")]
    assert people("Khizr and Ghazala Khan spoke. Mr. Khan wept. Bill and Melinda Gates gave. Gates said so. "
                  "Trump and Hillary Clinton debated. Trump won. Clinton lost.") == \
        ["Bill Gates", "Ghazala Khan", "Hillary Clinton", "Khizr Khan", "Melinda Gates"]


def test_she_in_an_article_about_a_woman_is_no_evidence_against_a_male_first_name():
    text = ("David Axelrod, a former adviser, praised Hillary Clinton. Axelrod said she was ready. "
            "Axelrod said she had won. Axelrod said she was strong.\n\n"
            "\u201cShe has nothing to prove,\u201d he said.")
    assert speakers(text) == [("David Axelrod", "male")]


def test_a_weekday_or_a_one_letter_state_is_no_part_of_a_name():
    assert people("Marco Rubio spoke to voters in New Hampshire Monday. On Monday, Rubio met a new crowd.") == \
        ["Marco Rubio"]
    assert PARTY_STATE.match("(D-S")          # `(D-S.C.)` cut at its first full stop (Jim Clyburn D-S)
    assert PARTY_STATE.match("(R-Texas),")
    assert not PARTY_STATE.match("Smith")
