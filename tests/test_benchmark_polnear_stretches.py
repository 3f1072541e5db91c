"""benchmarks/validate_polnear.py: the gold quoted stretches read from PolNeAR's content spans."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import validate_polnear  # noqa: E402

# PolNeAR dev (politico, 2016-06-22): one attribution, one content span per sentence of the quotation
TEXT = "Yue agreed.\n\n“I believe it’s empty talk. I don’t think they have the numbers,” said Solomon Yue."
FIRST = TEXT.index("“I believe")
SECOND = TEXT.index("I don’t")
CLOSE = TEXT.index("”")


def span(start, end):
    return {"start": start, "end": end, "text": TEXT[start:end]}


def test_a_quotation_cut_into_one_span_per_sentence_is_one_stretch():
    spans = [span(FIRST, SECOND - 1), span(SECOND, CLOSE + 1)]
    assert validate_polnear.joined_spans(TEXT, spans) == [(FIRST, CLOSE + 1)]
    assert validate_polnear.quoted_stretches(TEXT, spans) == [(FIRST + 1, CLOSE)]
    # (before 2026-12-04 the stretch ended at the first span's end: "I believe it’s empty talk.")


def test_spans_with_words_between_stay_apart():
    text = "“First part,” she said, “second part.”"
    a, b = text.index("“First"), text.index("“second")
    spans = [{"start": a, "end": text.index(" she")}, {"start": b, "end": len(text)}]
    assert validate_polnear.joined_spans(text, spans) == [(a, text.index(" she")), (b, len(text))]
    assert [text[s:e] for s, e in validate_polnear.quoted_stretches(text, spans)] == ["First part,", "second part."]


def test_a_stretch_still_ends_at_a_paragraph_break():
    text = "“One.\n\nTwo.”"
    spans = [{"start": 0, "end": 5}, {"start": 7, "end": len(text)}]
    assert validate_polnear.joined_spans(text, spans) == [(0, len(text))]
    assert [text[s:e] for s, e in validate_polnear.quoted_stretches(text, spans)] == ["One."]


def stretch_texts(text, spans):
    return [text[s:e] for s, e in validate_polnear.quoted_stretches(text, spans)]


def from_to(text, first, last):
    """A content span from the first character of `first` to the last of `last` (hand-placed)."""
    start = text.index(first)
    return {"start": start, "end": text.index(last, start) + len(last)}


# A span that begins on the first quoted word, one character after its opening mark (PolNeAR dev:
# breitbart 2015-12-20 Adelson, usa-today 2016-07-26 "Bernie flag," and NYT's ''…'' quotes). Before
# 2026-12-04 the first had no stretch, the second read its closing mark as an opening one (no
# stretch), the third likewise.
def test_a_span_that_begins_just_after_its_curly_opening_mark_is_read_from_the_mark():
    text = "Adelson said, telling Reuters, “Sheldon and I have been friends for a long time.”\n\nOn the subject"
    assert stretch_texts(text, [from_to(text, "Sheldon", "time.”")]) == ["Sheldon and I have been friends for a long time."]
    assert validate_polnear.content_start(text, text.index("Sheldon")) == text.index("“")


def test_a_span_that_begins_just_after_a_straight_opening_mark_is_read_from_the_mark():
    text = 'He marched on Friday, carrying his "Bernie flag," eager to lend support.'
    assert stretch_texts(text, [from_to(text, "Bernie", 'flag,"')]) == ["Bernie flag,"]


def test_a_span_that_begins_between_the_nyt_apostrophes_is_read_from_the_first():
    text = "It was a compromise with moderates. ''We have to awaken the body of Christ,'' he said."
    second = text.index("''") + 1
    assert stretch_texts(text, [{"start": second, "end": text.index(" he said")}]) == ["We have to awaken the body of Christ,"]


def test_a_span_that_begins_after_a_closing_mark_gets_no_stretch():
    # the mark before the span closes a quotation (a word before it, white space after): not moved
    text = "“We won,” he said, and they cheered."
    assert validate_polnear.content_start(text, text.index(" he")) == text.index(" he")
    assert stretch_texts(text, [from_to(text, " he", "cheered.")]) == []
    text = '"We won," she said.'
    assert stretch_texts(text, [from_to(text, " she", "said.")]) == []


# Backwards curly marks (PolNeAR dev: huff-post 2016-02-29 `“abhorrent“`, 2016-01-19 `“expedited
# review“`, politico 2016-07-02 `Doing so ”appeared …”`). Before 2026-12-04: no stretch for the first,
# " of Flint’s water infrastructure" for the second, no stretch for the third.
def test_a_quotation_closed_by_a_backwards_mark():
    text = "Trump called the KKK “abhorrent“ in a tweet Sunday."
    assert stretch_texts(text, [from_to(text, "called", "tweet")]) == ["abhorrent"]
    text = "It asked the agency to conduct an “expedited review“ of Flint’s water infrastructure and said"
    assert stretch_texts(text, [from_to(text, "to conduct", "infrastructure")]) == ["expedited review"]
    text = "“It's unusual,“ said Larry Noble."
    assert stretch_texts(text, [from_to(text, "“It's", ",“")]) == ["It's unusual,"]


def test_a_quotation_opened_by_a_backwards_mark():
    text = "She said the media erred. Doing so ”appeared to be an attempt at poisoning the election.” She thinks"
    assert stretch_texts(text, [from_to(text, "the media", "election.”")]) == ["appeared to be an attempt at poisoning the election."]


def test_opening_marks_in_opening_places_still_open():
    # a new paragraph of a quotation opens again (no closing mark before the break), and a quotation
    # inside a quotation opens after white space: neither is read as a backwards closing mark
    text = "“One.\n\n“Two,” he said, “and “three” too.”"
    assert stretch_texts(text, [{"start": 0, "end": len(text)}]) == ["One.", "Two,", "three"]
    # a closing mark that ends a quotation is not read as a backwards opening one
    text = "“Done.”\n\nJapan’s constitution was written in 1947."
    assert stretch_texts(text, [from_to(text, "”", "1947.")]) == []
