"""analysis.sourcing (issue 13, reported speech), session 12, branch s12-reported12b: a poll named in an `in` phrase
is the source of its clause (`analysis.sourcing.survey_sources`). Every expected row is checked by hand on short
texts written for these tests (not PolNeAR's)."""
from analysis.sourcing import article_attributions
from analysis.sourcing.survey_sources import survey_rows


def rows(text, cue=None):
    return [(r.speaker, r.cue, r.kind, r.text) for r in article_attributions(text)
            if r.kind != "direct" and (cue is None or r.cue == cue)]


def test_fronted_poll_phrase_sources_the_rest_of_its_sentence():
    assert rows("In a Gazette Research poll, the mayor had a 12-point lead over his rival.", "in") == [
        ("a Gazette Research poll", "in", "according_to", "the mayor had a 12-point lead over his rival")]


def test_fronted_poll_phrase_skips_its_participle_tail():
    # `conducted May 2-4,` still describes the poll: the clause starts after its comma
    assert rows("In the new Harbor Institute survey, conducted May 2-4, 40 percent of voters back the levy.", "in") == [
        ("the new Harbor Institute survey", "in", "according_to", "40 percent of voters back the levy")]


def test_closing_poll_phrase_with_a_figure():
    assert rows("Roe was at 31 percent support in the latest Gazette poll released Sunday.", "in") == [
        ("the latest Gazette poll", "in", "according_to", "Roe was at 31 percent support")]


def test_closing_poll_phrase_without_a_standing_is_no_finding():
    # no digit and no word of standing: `borne out in the poll` reports no result of the poll
    assert rows("The damage to the mayor from the strike is borne out in the new Gazette poll.", "in") == []


def test_plural_polls_are_no_particular_source():
    # `in the polls` names no poll (`he has been leading in the polls`)
    assert survey_rows("The mayor has led by 10 points in the polls.") == []
    assert survey_rows("In recent polls, the mayor has led by 10 points.") == []


def test_a_row_already_covering_the_clause_is_kept_alone():
    # `according to` already sources the clause: no second row for the same content
    assert [r[1] for r in rows("According to the Gazette, the mayor was at 31 percent support in a new poll.")] == [
        "according to"]


def test_claims_as_a_verb_after_a_name_or_pronoun():
    # stance_verbs.csv `claims`, class noun_or_verb: a verb after a name, pronoun or role word, with a clause after it
    assert rows("Roe claims he is worth $10 billion.", "claims") == [("Roe", "claims", "reported", "he is worth $10 billion")]
    assert rows("The ministry claims Doe runs a network of shell firms.", "claims") == [
        ("the ministry", "claims", "reported", "Doe runs a network of shell firms")]


def test_claims_as_a_noun_is_no_verb():
    # after an adjective, or with no clause after it, `claims` is a noun
    assert rows("Here are some interesting claims culled from a longer list of statements.", "claims") == []
    assert rows("A strong jobs report could blunt Republican claims.", "claims") == []


def test_noun_clause_after_a_time_phrase_or_not():
    # `X's assertion Monday that …`, `X's statement earlier this year that …`, `X's decision not to …`
    assert rows("Roe's assertion Monday that the budget is balanced drew rebukes.", "assertion") == [
        ("Roe", "assertion", "reported", "that the budget is balanced drew rebukes")]
    assert rows("It was a dig at Roe's statement earlier this year that the mayor should resign.", "statement") == [
        ("Roe", "statement", "reported", "that the mayor should resign")]
    assert rows("Then came Mr. Roe's decision not to run for a third term.", "decision") == [
        ("Roe", "decision", "stance", "not to run for a third term")]


def test_noun_with_its_agent_after_by():
    assert rows("She pushed back against claims by county auditors that the fund was misused.", "claims") == [
        ("county auditors", "claims", "reported", "that the fund was misused")]
    assert rows("The shift followed a decision by council leader Jane Roe to cut the parks budget.", "decision") == [
        ("Jane Roe", "decision", "stance", "to cut the parks budget")]


def test_by_phrase_that_is_no_agent():
    # a relative clause inside the `by` phrase, a means (`by tying it to`), a time (`by the fall`)
    assert rows("He railed against plans by the firm that owns the mill to move jobs abroad.", "plans") == []
    assert rows("Officials scrambled to write a cost-cutting plan by the fall, to avert a state takeover.", "plan") == []


def test_poll_as_subject_of_has_with_a_finding():
    assert rows("The latest Gazette poll has Roe leading Doe by six points.", "has") == [
        ("the latest Gazette poll", "has", "according_to", "Roe leading Doe by six points")]
    assert rows("A Harbor Institute survey released Friday had him at 4 percent.", "had") == [
        ("a Harbor Institute survey", "had", "according_to", "him at 4 percent")]


def test_poll_as_subject_of_has_without_a_finding():
    # `has` + a noun phrase is no finding (`The poll has a margin of error …`)
    assert rows("The Gazette poll has a margin of error of four points.", "has") == []
