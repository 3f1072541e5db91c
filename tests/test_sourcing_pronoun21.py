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


def _speakers(text):
    from analysis.sourcing import article_attributions
    return [(r.kind, r.speaker) for r in article_attributions(text)]


def test_name_in_prepositional_phrase_is_not_the_subject_of_he():
    # `like Trump` is a prepositional phrase: the sentence's subject is Rubio (Lappin & Leass 1994);
    # before this rule the first person named in the sentence, Trump, took the he
    text = ('Donald Trump and Marco Rubio campaigned in Iowa on Monday.\n\nBut like Trump, Rubio holds several '
            'positions that are outside the mainstream. "I will not change my views," he said.')
    assert _speakers(text) == [("direct", "Marco Rubio")]


def test_subject_after_a_prepositional_phrase_keeps_she():
    # `a gift to Clinton`: Clinton is a prepositional object; Lynch, the subject of the clause, stays
    text = ('Hillary Clinton and Loretta Lynch met on Monday.\n\nThe meeting was a gift to Clinton, and Lynch said '
            'she would accept the advice. "I will follow the recommendation," she said.')
    assert ("direct", "Loretta Lynch") in _speakers(text)
