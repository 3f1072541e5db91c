"""Source types from what the article says (issue 13, session 7, 2026-12-04): definite role
descriptions as anaphors (`The Vermont senator told supporters`), ages as descriptions, writing in a
publication, plural possessive outlets, appositions opened by modified roles, friends, party
committees and clergy. Short texts modelled on PolNeAR dev; each expected type was checked by reading
the text against tests/gold/QUOTES_ANNOTATION.md. On main before this session (5ef2446) 18 of the 22
cases fail (the texts' people were typed `other`, the executives and party chairs `business`, and
Debbie Wasserman Schultz's speaker was `National Committee Chair Debbie Wasserman Schultz`); the four
that pass there are the controls (`John Smith`, `a writer`, `a wealthy industrialist`, `chief
executive of Novo Nordisk`)."""
from __future__ import annotations

import pytest

from analysis import sourcing
from analysis.sourcing.lexicon import type_of


def direct_types(text):
    return [(r.speaker, r.source_type) for r in sourcing.article_attributions(text) if r.kind == "direct"]


@pytest.mark.parametrize("text, expected", [
    # a definite role description refers to the person named in the sentence before
    ("Bernie Sanders won Michigan on Tuesday.\n\nThe Vermont senator told supporters in Ohio that the race "
     "was not over.\n\n\"We are going all the way,\" Sanders said.", [("Bernie Sanders", "politician")]),
    # ... never to a person named in its own sentence (`The ... candidate blasted Trump's call` is not Trump)
    ("Hillary Clinton has a word for Donald Trump's plan to deport 11 million people: No.\n\nThe Democratic "
     "presidential candidate blasted Trump's call on Wednesday.\n\n\"It is absurd,\" Clinton said.\n\n"
     "\"We will build it,\" Trump said.", [("Hillary Clinton", "politician"), ("Donald Trump", "other")]),
    # a description in apposition after a name describes that name, nobody else
    ("Mark Penn, the Democratic pollster, worked for both Clintons.\n\n\"It will be close,\" said John Smith "
     "on Monday.", [("John Smith", "other")]),
    # an age as the description: an ordinary person
    ("\"I never really trusted her,\" said Robert Stone, a 59-year-old from Hilton Head, South Carolina.",
     [("Robert Stone", "citizen_eyewitness")]),
    ("In St. Clairsville, Ohio, 62-year-old Brenda Johnson railed against immigrants.\n\n\"It upsets me,\" "
     "Johnson said.", [("Brenda Johnson", "citizen_eyewitness")]),
    # writing in a publication: media
    ("Nate Cohn, writing in The New York Times, noticed a shift among white voters.\n\n\"The assumption is "
     "wrong,\" Cohn wrote.", [("Nate Cohn", "media_news_agency")]),
    # the plural possessive of an outlet
    ("Fox News' Bret Baier noticed that none of the networks cut away.\n\n\"We stayed with it,\" Baier said.",
     [("Bret Baier", "media_news_agency")]),
    # a friend: an ordinary person
    ("\"She used to give lectures,\" another friend, Mariam Emara, told CNN.", [("Mariam Emara", "citizen_eyewitness")]),
    # an apposition opened by a modified role: the firm decides
    ("\"Nobody will pay for it,\" said Dan Alpert, managing partner of the investment bank Westwood Capital.",
     [("Dan Alpert", "business")]),
    # a party committee: its chair is a politician (party official), and the name is parsed apart
    ("Democratic National Committee Chair Debbie Wasserman Schultz dismissed the accusations.\n\n\"We followed "
     "the rules,\" Wasserman Schultz said.", [("Debbie Wasserman Schultz", "politician")]),
    # clergy: a religious body
    ("Vatican spokesman the Rev. Federico Lombardi told reporters the pope had no plans to meet Sanders. "
     "Lombardi said: \"I'm not expecting anything.\"", [("Federico Lombardi", "civil_society_ngo")]),
    # `who served as` + a two-word possessive name: the campaign decides for its strategist
    ("Stuart Stevens, who served as Mitt Romney's chief strategist during the 2012 campaign, called it "
     "shameful.\n\n\"He is unqualified,\" Stevens said.", [("Stuart Stevens", "politician")]),
])
def test_types_from_the_article(text, expected):
    assert direct_types(text) == expected


@pytest.mark.parametrize("phrase, expected", [
    ("Washington Post writer", "media_news_agency"),   # writer* is weak: the publication decides
    ("a writer", "other"),                            # alone a writer is an author (other)
    ("former astronaut", "expert_academic"),
    ("Indiana national committeeman", "politician"),
    ("GOP chairman", "politician"),
    ("a wealthy industrialist", None),                # kind `described`: not read in a registry role
    # an executive's office goes with the organisation named (rule 1), a company's when none is
    ("executive director of Amnesty International", "civil_society_ngo"),
    ("executive director of the House Majority PAC", "politician"),
    ("chief executive of Novo Nordisk", "business"),
    ("deputy national security adviser", "government_official"),   # a White House office
])
def test_taxonomy_rows(phrase, expected):
    assert type_of(phrase, True) == expected
