"""Source types (issue 13): a person named without a typed role takes the type the article's own
descriptions give (`lexicon.article_person_types`), and the taxonomy's cue words. Short texts modelled
on PolNeAR dev and the development gold files; each expected type was checked by reading the text
against the definitions in tests/gold/QUOTES_ANNOTATION.md. Before these rules every person below
whose expected type is not `other` was typed `other`."""
from __future__ import annotations

import pytest

from analysis import sourcing
from analysis.sourcing.lexicon import article_person_types, type_of
from analysis.sourcing.records import Person


def direct_types(text):
    return [(r.speaker, r.source_type) for r in sourcing.article_attributions(text) if r.kind == "direct"]


@pytest.mark.parametrize("text, expected", [
    # an age at the first mention: an ordinary person
    ("Dewayne Smithy, 33, of Baldwin, Miss., dismisses the idea that voting is pointless.\n\n"
     "\"I vote every time,\" Smithy said.", ("Dewayne Smithy", "citizen_eyewitness")),
    ("Patrick Carlineo Jr., 55, could face up to 10 years in prison.\n\n\"I'm sorry,\" Carlineo said.",
     ("Patrick Carlineo Jr.", "citizen_eyewitness")),
    # an age given only later (an athlete's) is no evidence: nothing else is said, so `other`
    ("Zach Parise scored twice on Tuesday.\n\nBarely a week ago, Parise, 35, had scored just once.\n\n"
     "\"It feels good,\" Parise said.", ("Zach Parise", "other")),
    # a party-and-state tag after a mention
    ("The measure was backed by Joe Manchin (D-W.Va.) and others.\n\n\"We need this now,\" Manchin said.",
     ("Joe Manchin", "politician")),
    # a description in apposition after a mention
    ("The crowd cheered attacks on Trump, the presumptive Republican nominee.\n\n\"We will win big,\" Trump said.",
     ("Trump", "politician")),
    # a campaign noun right after the name (kind after_name)
    ("Thousands attended a Sanders rally in Iowa on Monday.\n\n\"This is our moment,\" Sanders said.",
     ("Sanders", "politician")),
    # a title right before a mention: the title's type (a former office keeps its type)
    ("The bill was attacked by former secretary of state Hillary Clinton on Monday.\n\n\"It is wrong,\" "
     "Clinton said.", ("Hillary Clinton", "government_official")),
    # is / was a ... after a mention
    ("Eric Woolson has worked in Iowa for years. Woolson is a veteran Republican strategist.\n\n"
     "\"They will come,\" Woolson said.", ("Eric Woolson", "politician")),
    # a description with a head role word and a comma right before the name
    ("Mark Tilden ran the shop. A longtime customer, Jo Pruitt, saw it close.\n\n\"It was sad,\" Pruitt said.",
     ("Jo Pruitt", "citizen_eyewitness")),
])
def test_type_from_the_article_s_descriptions(text, expected):
    assert expected in direct_types(text)


def test_another_person_s_title_is_not_evidence():
    # `President Bill Clinton` titles Bill, not Hillary; `Clinton and Sanders` gives Sanders nothing;
    # `Through a spokeswoman, Trump declined` is no apposition (a weak role word before the comma)
    hillary, sanders, trump = Person("Hillary Clinton"), Person("Bernie Sanders"), Person("Ivanka Trump")
    article_person_types("Hillary Clinton spoke after President Bill Clinton arrived. Hillary "
                         "Clinton and Sanders spoke. Through a spokeswoman, Trump declined to comment.",
                         [hillary, sanders, trump])
    assert (hillary.type, sanders.type, trump.type) == (None, None, None)
    senator = Person("Manchin")          # known by one word: its first name is skipped
    article_person_types("Tester was joined by Sen. Joe Manchin on Monday.", [senator])
    assert senator.type == "politician"


@pytest.mark.parametrize("phrase, person, expected", [
    ("Clinton campaign manager", True, "politician"),      # campaign staff, not a business manager
    ("a delegate from Michigan", True, "politician"),
    ("Former House speaker", True, "politician"),
    ("FBI general counsel", True, "government_official"),  # the organisation decides for a counsel
    ("his personal counsel", True, "other"),               # lawyers speak for clients
    ("the radio host", False, "media_news_agency"),
    ("a debate moderator", True, "media_news_agency"),
    ("a rallygoer", True, "citizen_eyewitness"),
    ("Syrian refugees", False, "citizen_eyewitness"),
    ("HBO comedian", True, "other"),
    # a common noun before a common-noun head modifies it (the compound's head is its last noun);
    # capitalised words name and keep the earliest cue; a weak head leaves the modifier in charge
    ("a refugee expert", True, "expert_academic"),
    ("an immigrant advocate", True, "civil_society_ngo"),
    ("a migrant worker", True, "citizen_eyewitness"),
    ("Republican strategist", True, "politician"),
    ("Danish Broadcasting Corporation", False, "media_news_agency"),
    ("Clinton campaign spokeswoman", True, "politician"),
])
def test_taxonomy_cues(phrase, person, expected):
    assert type_of(phrase, person) == expected


def test_after_name_nouns_are_not_role_cues():
    # `rally`, `supporters`, `voters` type a person only right after the name, never a phrase
    assert type_of("a rally in Iowa") is None
    assert type_of("supporters") is None


@pytest.mark.parametrize("text, expected", [
    ("Kander, who is running against Roy Blunt, spoke on Monday.", "politician"),
    ("Cruz won the Iowa caucuses last week.", "politician"),
    ("Cruz, who has led in the Iowa polls, spoke.", "politician"),
    ("Cruz won the race by two seconds.", None),          # `race` is no electoral noun (sports)
])
def test_electoral_race_after_the_name(text, expected):
    person = Person(text.split()[0].rstrip(","))
    article_person_types(text, [person])
    assert person.type == expected


def test_taxonomy_codes_are_checked_when_loaded(monkeypatch):
    from analysis import resources
    from analysis.sourcing import lexicon
    rows = [{"cue": "mayor*", "source_type": "goverment_official", "strength": "head", "kind": "role"}]
    monkeypatch.setattr(lexicon, "read_csv", lambda name: rows)
    lexicon.taxonomy.cache_clear()
    try:
        with pytest.raises(resources.DataFileError, match="goverment_official"):
            lexicon.taxonomy()
    finally:
        monkeypatch.undo()
        lexicon.taxonomy.cache_clear()
    assert lexicon.taxonomy()


@pytest.mark.parametrize("text, expected", [
    # a long apposition is read from its start (before: more than 12 words, no type)
    ("Christian Estrosi, a former mayor of Nice and currently president of the Regional Council of "
     "Provence-Alpes-Cote d'Azur, spoke.\n\n\"It is a tragedy,\" Estrosi said.",
     ("Christian Estrosi", "government_official")),
    # a name followed by `of` and an organisation name the taxonomy types
    ("Stephen Vladeck of the University of Texas School of Law disagreed.\n\n\"It is not a crime,\" "
     "Vladeck said.", ("Stephen Vladeck", "expert_academic")),
    # `who served as` + a possessive description
    ("John Tefft, who served as Obama's ambassador to Ukraine, was there.\n\n\"It was hard,\" "
     "Tefft said.", ("John Tefft", "government_official")),
    # a state in brackets after a name: a member of Congress
    ("Sens. Rand Paul (Ky.) and others debated.\n\n\"It is a welfare payment,\" Paul said.",
     ("Rand Paul", "politician")),
    # kind `described`: words read only in an article's descriptions (business people, relatives)
    ("Bill Millis, a North Carolina businessman who backed the campaign, left.\n\n\"I left,\" Millis said.",
     ("Bill Millis", "business")),
    ("Erica Smegielski, the 30-year-old daughter of the school's principal, spoke.\n\n\"I was angry,\" "
     "Smegielski said.", ("Erica Smegielski", "citizen_eyewitness")),
    # an apposition that is a clause (a finite or speech verb) is no description
    ("In a statement defending Corey Lewandowski, Trump's campaign said he will be represented by "
     "lawyers.\n\n\"I never touched her,\" Lewandowski said.", ("Corey Lewandowski", "other")),
])
def test_descriptions_read_since_session_6(text, expected):
    # hand-checked against QUOTES_ANNOTATION.md: each was `other` before (2026-12-04)
    assert expected in direct_types(text)


def test_adviser_takes_the_type_of_the_person_served():
    text = ("Sen. Ted Cruz won the Iowa caucuses.\n\n\"This is a catastrophic outcome,\" said Jason Miller, "
            "a senior adviser to Cruz.")
    assert ("Jason Miller", "politician") in direct_types(text)


def test_a_shared_surname_alone_is_nobody_s_evidence():
    # `Trump's advisers` may be Donald's: Melania is typed only from mentions with her first name
    melania = Person("Melania Trump")
    article_person_types("Donald Trump's advisers were thrilled with Melania Trump's debut. Trump's "
                         "advisers cheered.", [melania], frozenset({"Trump"}))
    assert melania.type is None


def test_described_words_never_type_a_registry_role():
    # `husband President` keeps the office; `businessman` alone types nothing outside descriptions
    assert type_of("husband President", True) == "government_official"
    assert type_of("a businessman", True) is None
    assert type_of("a businessman", True, described=True) == "business"
