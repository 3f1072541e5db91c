"""benchmarks/validate_polnear.py: when the kit's speaker counts as PolNeAR's named source (session 7).
Expected values checked by hand: the pairs are PolNeAR dev layouts (family name written first)."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import validate_polnear  # noqa: E402

TEXT = ("Ban looks back.\n\nU.N. Secretary-General Ban Ki-moon said he would go. Xi Jinping spoke. "
        "Sanders Turns Up The Heat. ROLL TIDE Alabama")


def test_family_name_first_matches():
    assert validate_polnear.name_starts_speaker("Ban", "Ban Ki-moon", TEXT)
    assert validate_polnear.name_starts_speaker("Xi", "Xi Jinping", TEXT)


def test_headline_and_heading_fragments_do_not_match():
    # `Sanders Turns Up` is a headline's words ("turns up" aside, it is written only in the headline
    # here because the text's first line is the headline); capitals are a heading
    assert not validate_polnear.name_starts_speaker("Sanders", "Sanders Turns Up", "Sanders Turns Up The Heat.\n\nx")
    assert not validate_polnear.name_starts_speaker("ROLL TIDE", "ROLL TIDE Alabama", TEXT)
    # a further word the article writes in lower case is no name word (`Trump Train`, `train`)
    assert not validate_polnear.name_starts_speaker("Trump", "Trump Train", "x\n\nthe Trump Train left the train")
    assert not validate_polnear.name_starts_speaker("Ban", None, TEXT)
