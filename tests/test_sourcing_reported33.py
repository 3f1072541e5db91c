"""analysis.sourcing (issue 13, reported speech), session 11, branch s11-reported33: the content of a speech verb inside
a non-restrictive relative clause ends where the clause closes (Quirk et al. 1985, 17.22-17.23). Every expected row
is checked by hand on short texts written for these tests (not PolNeAR's)."""
from analysis.sourcing import article_attributions


def rows(text, cue=None):
    return [(r.speaker, r.cue, r.kind, r.text) for r in article_attributions(text)
            if r.kind != "direct" and (cue is None or r.cue == cue)]


def test_relative_clause_content_ends_at_its_closing_comma():
    assert rows("The mayor, who said the budget would be balanced by June, opened the new library on Friday.",
                "said") == [("the mayor", "said", "reported", "the budget would be balanced by June")]


def test_relative_pronoun_as_the_reported_subject():
    # `which she has said was a mistake`: the relative pronoun is the reported clause's subject
    assert rows("Mrs. Roe's vote on the tax bill, which she has said was a mistake, was a major factor in her defeat.",
                "said") == [("Roe", "said", "reported", "was a mistake")]


def test_comma_inside_the_reported_clause_does_not_close_it():
    # a comma before the reported clause's own predicate, or one not followed by a predicate, is inside it
    assert rows("The union leader, who said that the mayor, a former teacher, would lose the vote, walked out of the hall.",
                "said") == [("the union leader", "said", "reported", "that the mayor, a former teacher, would lose the vote")]
    assert rows("The mayor, who said the budget was tight, and getting tighter, opened the library on Friday.",
                "said") == [("the mayor", "said", "reported", "the budget was tight, and getting tighter")]


def test_subject_gap_relative_after_a_speech_verb():
    # Quirk et al. 1985, 17.62: `a rule which critics said was discriminatory`: the relative pronoun is the subject of
    # the reported clause, whose predicate follows the speech verb
    assert rows("The board passed a rule on parking, which critics said was unfair to night workers.") == [
        ("critics", "said", "reported", "was unfair to night workers")]
    assert rows("Roe took a trip to Paris in 2013 that ethics investigators concluded was improperly financed by a "
                "foreign firm.") == [("ethics investigators", "concluded", "reported",
                                      "was improperly financed by a foreign firm")]
    assert rows("The council cut what residents say is the only bus line to the hospital.") == [
        ("residents", "say", "reported", "is the only bus line to the hospital")]



def test_object_gap_relative_stance_takes_its_antecedent():
    # Quirk et al. 1985, 17.10-17.12: `the policy she had long championed`: the verb's object is the antecedent
    assert rows("Jane Roe dropped the parking policy she had long championed.") == [
        ("Jane Roe", "championed", "stance", "the parking policy")]
    assert rows("Senator Jane Roe voted for the pipeline, something she opposed as a candidate.", "opposed") == [
        ("Jane Roe", "opposed", "stance", "something")]

    # the gap is an infinitive's object after the stance verb: `an office she's long wanted to hold`
    assert rows("Jane Roe is running for an office she's long wanted to hold.") == [
        ("Jane Roe", "wanted", "stance", "an office")]


def test_object_gap_not_read_in_a_noun_phrase():
    # `the hit CW show`, `a war against Western thought`: a noun after a name, not a relative clause
    assert rows("The network cancelled the hit CW show last spring.") == []
    assert rows("The cleric called for a war against Western thought.", "thought") == []
