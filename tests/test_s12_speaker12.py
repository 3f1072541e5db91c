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
