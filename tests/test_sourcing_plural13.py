"""Plural `they` sources (issue 13, session 9, plural13): a reported-speech row whose `they` names
nobody keeps its row with the speaker missing (never a person, never a gender), and a `they` after
a plural source in its own sentence takes that source. Expected values checked by hand."""
from analysis.sourcing import article_attributions


def rows(text):
    return [(r.speaker, r.cue, r.kind, r.text, r.gender) for r in article_attributions(text)]


def test_they_without_an_earlier_group_keeps_its_row():
    # PolNeAR-style opening: nobody spoke before `They`; the row was dropped before session 9
    text = ("Critics have long argued with what Obama has gotten done. "
            "They acknowledge that his victories were partial and his legislation flawed.")
    found = [r for r in rows(text) if r[1] == "acknowledge"]
    assert found == [(None, "acknowledge", "reported", "that his victories were partial and his legislation flawed",
                      None)]


def test_they_takes_the_plural_source_of_its_sentence():
    text = "If Trump is the nominee, Democrats have already signaled that they plan to try to link him to every Republican."
    assert ("Democrats", "plan to", "stance", "try to link him to every Republican", None) in rows(text)


def test_they_in_a_later_sentence_stays_unresolved():
    # number agreement and recency stop at the sentence: the earlier group is not taken
    text = ("More than 6 in 10 Republicans described themselves as evangelical Christians. "
            "Almost half said they wanted a nominee from outside the political establishment.")
    assert [r for r in rows(text) if r[1] == "wanted"] == [
        (None, "wanted", "stance", "a nominee from outside the political establishment", None)]
