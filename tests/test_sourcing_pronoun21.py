"""Session 10, pronoun21 (issue 13): one majority rule for gender evidence, and the rules of
docs/sourcing.md "### pronoun21", each on hand-checked text."""
from analysis.sourcing.referents import majority_gender


def test_majority_gender_more_than_twice():
    # one side more than twice the other decides; a tie, two against one, or nothing does not
    assert majority_gender(3, 1) == "male"
    assert majority_gender(1, 0) == "male"
    assert majority_gender(0, 5) == "female"
    assert majority_gender(2, 1) is None
    assert majority_gender(4, 2) is None
    assert majority_gender(0, 0) is None
