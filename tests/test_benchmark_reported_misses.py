"""benchmarks/validate_polnear.py --miss-kinds: the kind of a missed indirect attribution (hand-made
PolNeAR-style records; each expected kind checked by hand against MISS_KINDS' order)."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import validate_polnear as vp  # noqa: E402

TEXT = ("Headline\n\nThe senator's claim that taxes will rise was false. Taxes will rise, the senator warned. "
        "I think taxes will rise.")
LISTED = frozenset(("warned", "think"))


def attr(text, source, cue, content):
    def span(piece):
        start = text.index(piece)
        return [{"start": start, "end": start + len(piece), "text": piece}] if piece else []
    return {"source": span(source), "cue": span(cue), "content": span(content)}


def kind(a, rows=()):
    return vp.miss_kind(TEXT, a, list(rows), LISTED)


def test_nominal_cue():
    assert kind(attr(TEXT, "The senator's", "claim", "that taxes will rise")) == vp.MISS_KINDS[7]


def test_content_before_its_cue():
    assert kind(attr(TEXT, "the senator", "warned", "Taxes will rise")) == vp.MISS_KINDS[8]


def test_first_person_and_matching_come_first():
    a = attr(TEXT, "I", "think", "taxes will rise.")
    assert kind(a) == vp.MISS_KINDS[3]
    start = TEXT.index("I think")
    # a kit span over `I think t` overlaps the content by 1 character: under half of the shorter
    assert kind(a, [(start, start + 9, "stance")]) == vp.MISS_KINDS[0]
