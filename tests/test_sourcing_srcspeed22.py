"""Speed rework of analysis/sourcing (session 10, srcspeed22): the faster paths give exactly what
the regular expressions they replace give."""
from __future__ import annotations

import random
import re

from analysis.sourcing.literal_scans import first_names_before, indefinite_spans, pattern_spans, settlement_named


def _by_regex(head: str, text: str) -> list[tuple[int, int, str]]:
    """The per-head pattern `indefinite_spans` replaces (compiled per head word before)."""
    return pattern_spans(re.compile(r"\b(?:[Aa]n?|[Oo]ne)\s+(?:[\w\u2019'-]+\s+){0,3}?"
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


def _first_names_by_regex(surname: str, text: str) -> list[str]:
    """The per-surname pattern `first_names_before` replaces (compiled per surname before)."""
    pattern = re.compile(r"\b([A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?" + re.escape(surname) + r"\b")
    return [m.group(1) for m in pattern.finditer(text)]


def test_first_names_before_hand_checked():
    text = "Paul D. Ryan met Joe Ryan, McRyan, Ryanair and ANN Ryan; said Ryan."
    assert first_names_before("Ryan", text) == ["Paul", "Joe"]
    assert first_names_before("Lee", "Ann Lee Lee") == ["Ann"]      # matches do not overlap


def test_first_names_before_equal_the_per_surname_regex():
    words = ["Ann", "Lee", "LeeLee", "B.", "b.", "JR.", "McLee", "ann", "Ann's", "O'Ann", "Jo", "D.", "Lee.",
             "Lees", "\u00c9mile", "Lee,", "-Lee", "Ann-Lee", "Zo\u00eb", "\x00"]
    rng = random.Random(11)
    for _ in range(5000):
        text = "".join(rng.choice(words) + rng.choice([" ", " ", "  ", "\n", "", "\xa0", ".\n"])
                       for _ in range(rng.randint(1, 10)))
        surname = rng.choice(["Lee", "Ann", "Jo", "LeeLee", "Zo\u00eb"])
        assert first_names_before(surname, text) == _first_names_by_regex(surname, text), (surname, text)


def test_settlement_named_equals_the_per_name_regex():
    assert settlement_named("the city of Nice urged", "Nice")
    assert not settlement_named("the downtown of Nice", "Nice") and not settlement_named("city of Nicer", "Nice")
    words = ["city", "town", "village", "suburb", "downtown", "cityof", "of", "Nice", "Nicer", "St.", "the",
             "xcity", "city_", "of Nice", "\x00"]
    rng = random.Random(13)
    for _ in range(5000):
        text = "".join(rng.choice(words) + rng.choice([" ", " ", "", ",", "_"]) for _ in range(rng.randint(1, 9)))
        name = rng.choice(["Nice", "St.", "Nic"])
        pattern = r"\b(?:city|town|village|suburb) of " + re.escape(name) + r"\b"
        assert settlement_named(text, name) == bool(re.search(pattern, text)), (name, text)
