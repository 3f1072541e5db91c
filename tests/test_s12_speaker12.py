"""Session 12, speaker12: PolNeAR's guess behind a he / she source checked for agreement
(benchmarks/polnear_antecedent.py); hand-checked values."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from polnear_antecedent import guess_agreement  # noqa: E402


def test_groups_cannot_be_he_or_she():
    text = "Many Americans said so."
    assert guess_agreement("he", "many Americans", text) == "group"
    assert guess_agreement("he", "Both Palmer and Sherman", text) == "group"
    assert guess_agreement("he", "by thousands of Germans protesting", text) == "group"


def test_title_and_first_name_of_the_final_name():
    assert guess_agreement("she", "Mrs. Clinton", "") == "agrees"
    assert guess_agreement("he", "Mrs. Clinton", "") == "contradicts"
    assert guess_agreement("she", "Republican Donald Trump", "") == "contradicts"
    assert guess_agreement("she", "Rep. Steve Israel (D-N.Y)", "") == "contradicts"
    # the middle name is a first name too: the first one decides
    assert guess_agreement("she", "Republican Christine Todd Whitman, the former governor,", "") == "agrees"
    # `York` is no first name here: the name the guess ends on is `Police Department`
    assert guess_agreement("he", "the New York Police Department", "") == "unknown"


def test_surname_alone_read_from_the_article():
    text = "Donald Trump spoke. Later Trump said it again."
    assert guess_agreement("he", "Trump", text) == "agrees"
    assert guess_agreement("she", "Trump", text) == "contradicts"
    # two first names of both genders with the surname: not shown
    both = "Bill Clinton and Hillary Clinton spoke."
    assert guess_agreement("she", "Clinton", both) == "unknown"
    # a word the article writes in lower case is not a surname (`The New York Times`)
    assert guess_agreement("he", "The New York Times", "The New York Times wrote it three times.") == "unknown"


# --- a speech verb in the next coordinated clause is not the quotation's cue (sourcing/coordination.py)
from analysis.sourcing import article_attributions  # noqa: E402
from analysis.sourcing.coordination import cue_in_next_conjunct  # noqa: E402


def _direct(text):
    return [(r.speaker, r.text) for r in article_attributions(text) if r.kind == "direct"]


def test_quote_then_and_with_a_new_subject():
    # dev rows read by hand (politico 2016-07-05, usa-today 2015-12-14, politico 2016-05-12): before, the
    # second conjunct's subject took the quotation
    text = ("Donald Trump is running for president.\n\n"
            "Trump called the system \u201crigged\u201d in a tweet Tuesday, and a few Republican lawmakers "
            "have called for a special prosecutor.")
    assert ("Donald Trump", "rigged") in _direct(text)
    text2 = ("Ted Cruz and Donald Trump are rivals.\n\n"
             "Cruz said he'd make sand \"glow in the dark,\" for instance, and Trump vowed to \"bomb the hell\" "
             "out of the Islamic State.")
    assert ("Ted Cruz", "glow in the dark,") in _direct(text2)


def test_cue_in_next_conjunct_needs_a_subject():
    s = 'X called it "rigged" in a tweet, and a few lawmakers have called for more.'
    close = s.index('"', s.index('"') + 1) + 1
    assert cue_in_next_conjunct(s, close, s.index("have called"))
    s2 = '"It is rigged," and said so again, Trump added.'
    assert not cue_in_next_conjunct(s2, s2.index(",") + 2, s2.index("said"))


# --- names inside a participle phrase that opens the sentence before are not its he / she's referent
def test_participle_phrase_names_are_not_the_next_he():
    # the layout of a dev error read by hand (wash-post 2016-02-17, Wayne Borders); before: Bill Clinton
    text = ("Wayne Borders, a 33-year-old African American, left his restaurant job in November to become a "
            "full-time canvasser. Dismayed by his memory of Bill Clinton's years in office and inspired by "
            "Sanders's progressive agenda, he's committed to the Vermont senator.\n\n"
            "\"I'm knocking on doors all over town,\" he said.")
    assert ("Wayne Borders", "I'm knocking on doors all over town,") in _direct(text)


def test_adverbial_clause_with_its_own_subject_keeps_backward_anaphora():
    # `Though Bush's campaign …, he began`: he may be Bush, so the rule leaves such a sentence alone
    text = ("Jeb Bush and Ted Cruz spoke on Saturday. Though Bush's campaign has languished for months, he "
            "began to find his voice in the closing week.\n\n\"I feel good about this,\" he said.")
    assert ("Jeb Bush", "I feel good about this,") in _direct(text)
