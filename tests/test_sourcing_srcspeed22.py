"""Speed rework of analysis/sourcing (session 10, srcspeed22): the faster paths give exactly what
the regular expressions they replace give."""
from __future__ import annotations

import random
import re

from analysis.sourcing.registry import _INDEFINITE_START, indefinite_spans, pattern_spans


def _by_regex(head: str, text: str) -> list[tuple[int, int, str]]:
    """The per-head pattern `indefinite_spans` replaces (compiled per head word before)."""
    return pattern_spans(re.compile(_INDEFINITE_START + r"\s+(?:[\w\u2019'-]+\s+){0,3}?"
                                    + re.escape(head) + r"\b"), text)


def test_indefinite_spans_hand_checked():
    text = "An official said. Then a senior campaign official, and one U.S. official, and an officials' aide."
    # `U.S.` is no word of the gap (a full stop), `officials` does not end at the head's end
    assert indefinite_spans("official", text) == [(0, 11, "An official"), (23, 49, "a senior campaign official")]
    # four words between: too far; `and` is no article; the head must end at a word boundary
    assert indefinite_spans("official", "a very very senior campaign official") == []
    assert indefinite_spans("official", "band official") == []
    assert indefinite_spans("U.S", "a U.S.-led force") == [(0, 5, "a U.S")]
    assert indefinite_spans("U.S.", "a U.S.-led force") == []        # no word boundary after `.`


def test_indefinite_spans_equal_the_per_head_regex():
    words = ["a", "an", "A", "An", "one", "One", "oneself", "and", "official", "officials", "senior",
             "official.", "x-official", "-", "U.S.", "U.S.official", "\u2019", "'s", "an\n", "official\u2019s",
             "aofficial", "Anofficial", ",", ".", "\u2014", "a-"]
    heads = ["official", "officials", "U.S.", "U.S", "-", "\u2019s", "official.", "Official", "a", "one", ".", ""]
    rng = random.Random(7)
    for _ in range(5000):
        text = "".join(rng.choice(words) + rng.choice([" ", " ", "  ", "\n", "", ","])
                       for _ in range(rng.randint(1, 14)))
        head = rng.choice(heads)
        assert indefinite_spans(head, text) == _by_regex(head, text), (head, text)
