"""Source types, issue 13 session 9 round 2 (2026-12-04, branch s9-types12). Each expected type was checked
against tests/gold/QUOTES_ANNOTATION.md (candidates and campaign staff: politician); each case fails on the
merge of s9-types11 (9dfd837), the round's start.
- A surname two people of the article share (Bill and Hillary Clinton) counts for one of them where a
  courtesy title of a gender only one bears stands before it (`Mrs. Clinton`), and where nothing names anyone
  before it (`Clinton voters`) for the bearer named in full first.
- A noun read after a name (kind `after_name`: `the Clinton campaign`) is read before a sentence's full stop."""
from __future__ import annotations

from analysis import sourcing
from analysis.sourcing.lexicon import honorific_gender, names_bearer, titled_family_members
from analysis.sourcing.firstnames import first_name_gender
from analysis.sourcing.records import Person


def direct_types(text):
    return [(r.speaker, r.source_type) for r in sourcing.article_attributions(text) if r.kind == "direct"]


def test_honorific_gender():
    assert [honorific_gender(w) for w in ("Mr.", "Mrs.", "Ms", "Miss", "Dr.", "Sen.")] == \
        ["male", "female", "female", "female", None, None]


def test_titled_family_members():
    people = [Person("Hillary Clinton"), Person("Bill Clinton"), Person("Jane Doe")]
    text = "Hillary Clinton spoke. Her husband, former President Bill Clinton, listened."
    assert titled_family_members(people, first_name_gender, text) == {("Clinton", "female"): "Hillary", ("Clinton", "male"): "Bill",
                                                   ("Clinton", None): "Hillary"}
    # two women of the family: a courtesy title names neither
    people.append(Person("Chelsea Clinton"))
    assert titled_family_members(people, first_name_gender) == {("Clinton", "male"): "Bill"}


def test_names_bearer():
    titled = {("Clinton", "female"): "Hillary", ("Clinton", "male"): "Bill", ("Clinton", None): "Hillary"}
    hillary, bill = ("Hillary",), ("Bill",)
    assert names_bearer(["Mrs."], "Clinton", hillary, titled)
    assert not names_bearer(["Mrs."], "Clinton", bill, titled)
    assert names_bearer(["Mr."], "Clinton", bill, titled)
    assert names_bearer(["the"], "Clinton", hillary, titled)        # `the Clinton campaign`: the first named
    assert not names_bearer(["the"], "Clinton", bill, titled)
    assert not names_bearer(["Bill"], "Clinton", hillary, titled)    # another bearer's first name
    assert not names_bearer(["President"], "Clinton", hillary, titled)   # a title names nobody for sure
    assert names_bearer(["Bill"], "Clinton", bill, titled)


def test_courtesy_title_names_one_of_a_family():
    text = ("Hillary Clinton is shaping the role her husband, Bill Clinton, would play.\n\n"
            "Mrs. Clinton won the Kentucky primary on Tuesday.\n\n"
            "\"He knows how to do it,\" Mrs. Clinton said.")
    assert direct_types(text) == [("Hillary Clinton", "politician")]


def test_bare_shared_surname_is_the_first_named():
    text = ("Hillary Clinton and former President Bill Clinton have worried for months.\n\n"
            "Mark Mellman is a pollster who often speaks to Clinton voters in the state.\n\n"
            "\"We need to join together,\" Hillary Clinton said.")
    assert direct_types(text) == [("Hillary Clinton", "politician")]


def test_after_name_noun_before_full_stop():
    text = ("Jane Roe spoke on Tuesday. Jim Poe is one of the many Roe supporters.\n\n"
            "\"We will win,\" Roe said.")
    assert direct_types(text) == [("Jane Roe", "politician")]


def test_verb_in_ed_is_no_title():
    # `coached` is a verb, not the role `coach*` (sports: other) written before the name
    text = ("Jane Roe spoke first.\n\nAt one point, Cruz coached Roe to breathe. The fight goes on even as Roe "
            "wins more and more primaries.\n\n\"We will win,\" Roe said.")
    assert direct_types(text) == [("Jane Roe", "politician")]


def test_voted_for_is_a_candidate():
    text = ("Ann Lee spoke to Jane Roe.\n\nShe says she will not be voting for Ms. Roe in the fall.\n\n"
            "\"We will win,\" Roe said.")
    assert direct_types(text) == [("Jane Roe", "politician")]
    # a title the taxonomy types between `for` and the name is no candidacy
    text = ("Ann Lee spoke to Jane Roe.\n\nShe says she will vote for Chancellor Roe's plan.\n\n"
            "\"We will win,\" Roe said.")
    assert direct_types(text) == [("Jane Roe", "government_official")]


def test_description_fits_one_of_two_named_before_it():
    # the prime minister cannot be the front-runner: the description is Roe's, named in the same sentence
    text = ("JERUSALEM - Prime Minister Ben Cole will meet with Jane Roe when the Republican presidential "
            "front-runner arrives in Israel later this month.\n\n\"We will win,\" Roe said.")
    assert direct_types(text) == [("Jane Roe", "politician")]
    # two people the description can fit: neither
    text = ("Ben Cole will meet with Jane Roe when the Republican presidential front-runner arrives in Israel "
            "later this month.\n\n\"We will win,\" Roe said.")
    assert direct_types(text) == [("Jane Roe", "other")]


def test_own_campaign_of_the_first_named():
    # the person named first in the sentence, not only at its start, owns the campaign of a later `her`
    text = ("After Jane Roe announced her presidential candidacy with a speech, critics wrote letters.\n\n"
            "\"We will win,\" Roe said.")
    assert direct_types(text) == [("Jane Roe", "politician")]
    # someone else named first: no evidence for Roe
    text = ("After Tom Poe praised Jane Roe and her campaign, critics wrote letters.\n\n\"We will win,\" Roe said.")
    assert direct_types(text) == [("Jane Roe", "other")]


def test_campaigning_in_a_named_place():
    text = "Jane Roe spoke first.\n\nRoe campaigned in Ohio on Monday.\n\n\"We will win,\" Roe said."
    assert direct_types(text) == [("Jane Roe", "politician")]
    # campaigning for a cause is no candidacy
    text = "Jane Roe spoke first.\n\nRoe campaigned for clean water on Monday.\n\n\"We will win,\" Roe said."
    assert direct_types(text) == [("Jane Roe", "other")]
