"""analysis.sourcing.cues, session 9 round 2 (issue 13, reported speech): layouts added by branch
s9-reported12. Every expected row is checked by hand on short written texts (not PolNeAR's)."""
from analysis.sourcing import article_attributions


def rows(text):
    return [(r.speaker, r.cue, r.kind, r.text) for r in article_attributions(text) if r.kind != "direct"]


def test_characterize_verbs_with_an_as_complement():
    # Levin (1993) 29.2 characterize verbs (see, view, regard, perceive) read with `as`: the source's view
    # of the object; before 2026-12-04 none of these gave a row (`sees` took only a clause)
    text = ("Head\n\nJane Roe spoke in Ohio. Many voters see Mark Doe as a threat. Roe sees him as a real "
            "threat. Party leaders viewed the plan as a failure.")
    assert rows(text) == [
        ("many voters", "see", "stance", "Mark Doe as a threat"),
        ("Jane Roe", "sees", "stance", "him as a real threat"),
        ("Party leaders", "viewed", "stance", "the plan as a failure")]


def test_characterize_verbs_without_as_are_perception():
    # without `as` the verb is one of perception (`saw the incident`), and a clause of time after `as`
    # is no complement (`saw the truck hit people as they left`); `sees that …` stays a stance
    text = ("Head\n\nJane Roe spoke in Ohio. Roe saw the incident. Mark Doe saw the truck hit people as they "
            "left. Roe sees that the count was wrong.")
    assert rows(text) == [("Jane Roe", "sees", "stance", "that the count was wrong")]


def test_quantifier_pronoun_subjects():
    # a quantifier alone as the subject at its clause's start (Quirk et al. 1985, quantifier pronouns): read
    # as a determiner before 2026-12-04, so no row; before a preposition the form is a noun (no row)
    text = ("Head\n\nJane Roe won the vote. But few believe that the plan will work. Both want the plan to "
            "fail. Many speculated that Roe would lose. Some support for the plan has emerged.")
    assert rows(text) == [
        ("few", "believe", "stance", "that the plan will work"),
        ("both", "want", "stance", "the plan to fail"),
        ("many", "speculated", "reported", "that Roe would lose")]


def test_base_verb_after_coordinated_names():
    # names joined by `and` are a plural subject, so a base form may follow (`Foner and Alba suggest`);
    # not names after a preposition (`the results in Iowa and Ohio show`: the results are the source)
    text = ("Head\n\nNancy Foner and Richard Alba wrote a book. Professors Foner and Alba suggest that the law "
            "will fail. The results in Iowa and Ohio show that the race is close.")
    got = rows(text)
    assert ("Nancy Foner and Richard Alba", "suggest", "stance", "that the law will fail") in got
    assert not [r for r in got if r[1] == "show"]


def test_cue_after_an_aspectual_verb():
    # an aspectual verb between the subject and the cue (Biber et al. 1999, aspectual verbs): `to` before a
    # base form, none before an -ing form; before 2026-12-04 `to` and `began` hid the subject (no row)
    text = ("Head\n\nBernie Sanders continues to insist that he will fight on. Donald Trump went on to endorse "
            "Kelly Ayotte. Trump began dismissing the notion that it mattered.")
    assert rows(text) == [
        ("Bernie Sanders", "insist", "reported", "that he will fight on"),
        ("Donald Trump", "endorse", "stance", "Kelly Ayotte"),
        ("Donald Trump", "dismissing", "stance", "the notion that it mattered")]


def test_session9_round2_verbs_with_particles():
    # rows added to stance_verbs.csv (Levin 1993 37.8 complain verbs and 37.9 advise verbs with their
    # prepositions, COBUILD `write about`, `call on`): before 2026-12-04 no row, or `called` with `on …`
    text = ("Head\n\nJane Roe spoke in Ohio. Roe warned of the risk of an outbreak. Roe wrote about the event. "
            "Roe joked about moving to New Zealand. Mark Doe called on Congress to act.")
    assert rows(text) == [
        ("Jane Roe", "warned of", "reported", "the risk of an outbreak"),
        ("Jane Roe", "wrote about", "reported", "the event"),
        ("Jane Roe", "joked about", "reported", "moving to New Zealand"),
        ("Mark Doe", "called on", "reported", "Congress to act")]


def test_long_and_since_after_an_auxiliary():
    # `long` and `since` after `has` / `have` / `had` are adverbs between the subject and its verb; before
    # 2026-12-04 they hid the subject (no row)
    text = ("Head\n\nBernie Sanders spoke in Iowa. Sanders supporters have long called for her ouster. Sanders has "
            "since endorsed Hillary Clinton.")
    assert rows(text) == [
        ("Sanders supporters", "called for", "reported", "her ouster"),
        ("Bernie Sanders", "endorsed", "stance", "Hillary Clinton")]


def test_base_verb_after_a_plural_head_and_its_phrase():
    # a plural head and a short prepositional phrase before a base form: the head's phrase is the source
    # (before 2026-12-04: no row, the singular `Hampshire` before `show`); not an object after a verb
    text = ("Head\n\nPolls in New Hampshire show the top two candidates are the same. Lobbyists in general prefer "
            "not to register. Mr. Trump has repudiated decades of Republican support for free trade.")
    assert rows(text) == [
        ("Polls in New Hampshire", "show", "stance", "the top two candidates are the same"),
        ("Lobbyists in general", "prefer", "stance", "not to register")]


def test_missing_inflections_of_listed_lemmas():
    # forms of lemmas the lists already held (same kind, object and class): before 2026-12-04 no row
    text = ("Head\n\nMark Doe spoke in Ohio. Republicans are building a defense, fearing that the party could "
            "lose. David Autor and Gordon Hanson emphasize that trade is one factor. Advocates estimate there could be 18,000 "
            "adoptees.")
    assert rows(text) == [
        ("Republicans", "fearing", "stance", "that the party could lose"),
        ("David Autor and Gordon Hanson", "emphasize", "reported", "that trade is one factor"),
        ("Advocates", "estimate", "reported", "there could be 18,000 adoptees")]


def test_cue_after_a_verb_of_causing_and_its_object():
    # `led X to worry`, `prompted X to accuse` (object control): X is the cue's subject; before 2026-12-04
    # `to` hid it (no row)
    text = ("Head\n\nThe decline in Iowa has led some allies to worry whether she could lose. The shift prompted "
            "Anderson Cooper to accuse Pam Bondi of hypocrisy.")
    assert rows(text) == [
        ("some allies", "worry", "stance", "whether she could lose"),
        ("Anderson Cooper", "accuse", "reported", "Pam Bondi of hypocrisy")]
