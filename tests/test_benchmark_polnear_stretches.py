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
