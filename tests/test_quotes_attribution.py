"""Short quotations a sentence attributes are speech; labels stay scare (issue 13, 2026-12-04).

Sentences modelled on PolNeAR dev mistakes (benchmarks/polnear_quotes.py --classes), each kind checked
by hand against tests/gold/QUOTES_ANNOTATION.md: a quoted word or phrase is `partial` when the sentence
attributes it as someone's words (`called Omar a "terrorist"`), `scare` when it is a label or term.
Every `partial` below was `scare`, and every label `partial`, before the rules of 2026-12-04."""
import pytest

from analysis import quotes


def _kinds(text):
    return [(q.text, q.kind) for q in quotes.article_quotes(text)]


@pytest.mark.parametrize("text,expected", [
    # reporting verbs and nouns added to quote_words.csv (attribution_word)
    ("Cruz blamed the anti-fracking law on “knuckleheaded Democratic politicians.”",
     [("knuckleheaded Democratic politicians.", "partial")]),
    ("They argue that Clinton should “lead by example.”", [("lead by example.", "partial")]),
    ("He implied a federal judge was biased and “hostile” because of his heritage.", [("hostile", "partial")]),
    ("The bar association deemed him “well qualified,” its highest rating.", [("well qualified,", "partial")]),
    ("A campaign memo was released stating that the loss was “long anticipated.”",
     [("long anticipated.", "partial")]),
    ("Gov. Jerry Brown endorsed her, citing her “long experience.”", [("long experience.", "partial")]),
    # base forms of speech verbs, `talks about`, `spoke`, `in the words of`
    ("The win led her to declare that the nomination was “in sight.”", [("in sight.", "partial")]),
    ("Mrs. Clinton was, in the words of a senior adviser, “the torchbearer” of his legacy.",
     [("the torchbearer", "partial")]),
    ("He talks about how his forces must be ready “to fight tonight.”", [("to fight tonight.", "partial")]),
    ("In 2011 she spoke out for “shotgun marriages” as the solution.", [("shotgun marriages", "partial")]),
    ("Trump defended his campaign manager as a “very decent man” on Tuesday.", [("very decent man", "partial")]),
    ("He brought up the suicide as “very fishy” in an interview.", [("very fishy", "partial")]),
])
def test_a_short_quotation_after_a_reporting_word_is_partial(text, expected):
    assert _kinds(text) == expected


@pytest.mark.parametrize("text,expected", [
    # coordinated short quotations whose clause holds the speech verb or attribution word
    ("Rep. Darrell Issa said Democratic presidential candidate Hillary Clinton’s “judgment” and “honesty” "
     "are in question.", [("judgment", "partial"), ("honesty", "partial")]),
    ("The candidate stated that Trump’s “divisive” and “mean-spirited” comments do not fit.",
     [("divisive", "partial"), ("mean-spirited", "partial")]),
    ("He referred to immigrants as “criminals” and “rapists” in his speech.",
     [("criminals", "partial"), ("rapists", "partial")]),
    ("Kasich says he has been known to be “brusk” and “tough” at home.", [("brusk", "partial"), ("tough", "partial")]),
])
def test_coordinated_short_quotations_in_an_attributed_clause_are_partial(text, expected):
    assert _kinds(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a quoted name before `level` or `phrase` (label nouns of quote_words.csv) is a label
    ("Officials said none of the emails reached the “top secret” level.", [("top secret", "scare")]),
    ("Grassley said the “wise Latina” phrase has appeared in ads.", [("wise Latina", "scare")]),
    # labels stay scare: the cue in another clause, the last label before a label noun, no cue
    ("As Herbert notes, being able to “taste” and “smell” traces of pathogens helps.",
     [("taste", "scare"), ("smell", "scare")]),
    ("Forecasters warned that air pollution is likely to reach “severe” or “emergency” levels.",
     [("severe", "scare"), ("emergency", "scare")]),
    # `state`, `respond`, `explain` are no attribution words (`the hibernating state`, `the body to respond to`)
    ("A drug would induce “torpor” in the hibernating state.", [("torpor", "scare")]),
    ("Cells that “taste” the air help the body to respond to threats.", [("taste", "scare")]),
    # `according to` attributes the sentence's content, not a term in it (kit gold set 1, guide: scare)
    ("He was diagnosed with “feather-duvet lung,” according to a new case report.",
     [("feather-duvet lung,", "scare")]),
])
def test_labels_stay_scare(text, expected):
    assert _kinds(text) == expected
