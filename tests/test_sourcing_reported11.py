"""analysis.sourcing.cues, session 9 (issue 13, reported speech): layouts added by branch s9-reported11.
Every expected row is checked by hand on short written texts (not PolNeAR's)."""
from analysis.sourcing import article_attributions


def rows(text, kind=None):
    return [(r.speaker, r.cue, r.kind, r.text) for r in article_attributions(text)
            if kind is None or r.kind == kind]


def test_noun_claim_that_before_a_capitalised_subject():
    # `Trump's claim that President Obama …`: a `that` clause may open with a capitalised word (before:
    # only a lower-case one, so no row); `to` still needs a lower-case verb (`his call to Congress`)
    text = ("Head\n\nDonald Trump spoke in Ohio. Jane Roe dismissed Trump's claim that Obama founded the group. "
            "Roe rejected his call to Congress.")
    assert ("Donald Trump", "claim", "reported", "that Obama founded the group") in rows(text)
    assert not [r for r in rows(text) if r[1] == "call"]


def test_quotation_in_a_possessives_claim_is_the_possessors():
    # the known wrong case of session 8: a quotation inside `X's claim that …`, followed by `, saying`,
    # went to the sentence's subject (Pence); the quoted words are Trump's
    text = ("Head\n\nGov. Mike Pence on Thursday blamed the media for making an issue out of Donald Trump's claim "
            "that President Barack Obama \u201cfounded ISIS,\u201d saying they were nitpicking at his wording.")
    assert [r for r in rows(text) if r[2] == "direct"] == [("Donald Trump", "claim", "direct", "founded ISIS,")]
    # without a possessive's speech noun the participle still takes the sentence's subject
    text = "Head\n\nDonald Trump has hailed the vote as \"fantastic,\" telling reporters it was great."
    assert [r for r in rows(text) if r[2] == "direct"] == [("Donald Trump", "telling", "direct", "fantastic,")]


def test_session9_reporting_and_thought_verbs():
    # rows added to stance_verbs.csv in session 9 (Levin 1993 classes 33, 37.1, 37.9; COBUILD Reporting
    # verbs that report thoughts): before 2026-12-04 none of these sentences gave a row
    text = ("Head\n\nDonald Trump spoke in Iowa on Monday. Trump thanked his supporters for the win. "
            "Jane Roe voiced concern over the ruling. The Associated Press quoted a witness as saying the "
            "truck stopped. Mark Doe wondered whether the plan would pass. Ann Poe suspects that the count "
            "was wrong.")
    assert [r for r in rows(text) if r[2] != "direct"] == [
        ("Donald Trump", "thanked", "reported", "his supporters for the win"),
        ("Jane Roe", "voiced", "reported", "concern over the ruling"),
        ("Associated Press", "quoted", "reported", "a witness as saying the truck stopped"),
        ("Mark Doe", "wondered", "stance", "whether the plan would pass"),
        ("Ann Poe", "suspects", "stance", "that the count was wrong")]


def test_session9_say_complain_advise_verbs():
    # the second set of session 9 rows (Levin 1993 37.7, 37.8, 37.9; COBUILD reporting verbs)
    text = ("Head\n\nJohn Kasich spoke in Concord. Kasich brags that he has held more than 100 town halls. "
            "Jane Roe confided to reporters that the vote was close. Mark Doe reassured donors that the plan "
            "would work.")
    assert [r for r in rows(text) if r[2] != "direct"] == [
        ("John Kasich", "brags", "reported", "that he has held more than 100 town halls"),
        ("Jane Roe", "confided", "reported", "to reporters that the vote was close"),
        ("Mark Doe", "reassured", "reported", "donors that the plan would work")]


def test_session9_request_judgment_admire_verbs():
    # the third set of session 9 rows (COBUILD reporting verbs; Levin 1993 33 and 31.2)
    text = ("Head\n\nTed Cruz spoke in Iowa. Cruz apologized for the mailer. Jane Roe encouraged voters to "
            "stay home. Mark Doe admires the senator's grit.")
    assert [r for r in rows(text) if r[2] != "direct"] == [
        ("Ted Cruz", "apologized", "reported", "for the mailer"),
        ("Jane Roe", "encouraged", "reported", "voters to stay home"),
        ("Mark Doe", "admires", "stance", "the senator's grit")]


def test_stance_adjective_after_a_copula():
    # `X are concerned that …`, `X remain reluctant to …`, `X wasn't happy about …`: a stance adjective
    # (Biber et al. 1999) after a copula and adverbs, with its complement (before 2026-12-04: no row); not
    # an attributive adjective (`a hopeful sign`), an expletive subject (`It is certain that`), `to` before
    # a noun phrase or gerund (`critical to the campaign`), nor raising `sure to` (`is sure to spur`)
    text = ("Head\n\nSome Clinton backers are concerned that momentum could carry him. Some of his supporters "
            "remain reluctant to get behind Mrs. Clinton. WikiLeaks wasn't happy about the criticism. "
            "Jane Roe saw a hopeful sign in the vote. It is certain that the bill will pass. Data is critical "
            "to the campaign. The cut is sure to spur a fight.")
    assert [r for r in rows(text) if r[2] != "direct"] == [
        ("some Clinton backers", "concerned", "stance", "that momentum could carry him"),
        ("some of his supporters", "reluctant", "stance", "to get behind Mrs. Clinton"),
        ("WikiLeaks", "happy", "stance", "about the criticism")]


def test_make_it_clear_reports_speech():
    # `made clear that`, `made it clear to House Democrats that`: a reporting phrase (before: no row)
    text = ("Head\n\nHillary Clinton spoke on Wednesday. Clinton made it clear to House Democrats that she has "
            "their backs. Rahm Emanuel made clear that he has not considered resigning.")
    assert [r for r in rows(text) if r[2] != "direct"] == [
        ("Hillary Clinton", "made it clear", "reported", "to House Democrats that she has their backs"),
        ("Rahm Emanuel", "made clear", "reported", "that he has not considered resigning")]
