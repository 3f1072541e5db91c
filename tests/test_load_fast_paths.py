"""The loader's speed paths (issue 16) give exactly what the plain code they stand for gives:
hand-checked values, and the plain regex or call beside them on tricky strings."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.cleaning.rules import WORD, words_of
from analysis.html_headings import heading_lines
from analysis.metadata.captions import TRAIL_PAREN_RE, split_credit, trail_paren
from analysis.metadata.dates import make_timestamp
from analysis.metadata.dump import anchor_strength
from analysis.metadata.html import from_html, parse_page

WORD_CASES = {
    "china’s ambassador “will not sit”": ["china", "s", "ambassador", "will", "not", "sit"],
    "café au lait – 3 cups_of tea…": ["café", "au", "lait", "3", "cups_of", "tea"],
    "e\u0301t\u00e9 ½ x²": ["e", "t\u00e9", "½", "x²"],   # a combining accent splits a word; ½ and ² are numeric
    "东京 2019年": ["东京", "2019年"],
    "": [],
    "—…": [],
}


@pytest.mark.parametrize("text, expected", list(WORD_CASES.items()))
def test_words_of_hand_checked(text, expected):
    assert words_of(text) == expected == WORD.findall(text)


def test_words_of_every_character_between_two_letters():
    for code in range(0x110000):
        if 0xD800 <= code < 0xE000:
            continue
        text = f"a{chr(code)}b"
        assert words_of(text) == WORD.findall(text), hex(code)


TRAIL_CASES = [
    ("A protester in Hong Kong. (Maria Lindqvist/Reuters)", "Maria Lindqvist/Reuters"),
    ("A protester in Hong Kong. [AFP]  ", "AFP"),
    ("A protester (in Hong Kong) walks.", None),
    ("(Reuters) A protester", None),
    ("", None),
]


@pytest.mark.parametrize("text, credit", TRAIL_CASES)
def test_trail_paren_hand_checked(text, credit):
    m = trail_paren(text)
    assert (m.group("cred") if m else None) == credit
    plain = TRAIL_PAREN_RE.match(text)
    assert (plain.group("cred") if plain else None) == credit


def test_split_credit_sentence_credit():
    # "… in New York. Kathrin Ziegler/Getty": the credit after the last sentence (_SENT_CREDIT_RE)
    assert split_credit("The road to retiring early isn't easy in New York. Kathrin Ziegler/Getty") == \
        ("The road to retiring early isn't easy in New York.", "Kathrin Ziegler/Getty")
    assert split_credit("A sentence that ends like one.") == ("A sentence that ends like one.", None)


def test_make_timestamp_same_as_from_fields():
    ts = make_timestamp(2019, 11, 19, 20, 51, 19)
    assert ts == pd.Timestamp(year=2019, month=11, day=19, hour=20, minute=51, second=19)
    assert ts.unit == pd.Timestamp(year=2019, month=11, day=19).unit and ts.tzinfo is None
    assert make_timestamp(2019, 2, 30) is None and make_timestamp(1985, 1, 1) is None


@pytest.mark.parametrize("line, strength", [
    ("By Amira Gupta May 6, 2024 6:35 AM", 2),
    ("Written BY Amira Gupta", 2),
    ("May 6, 2024 6:35 AM", 1),
    ("2 hours ago", 0.5),
    ("The bill was passed by the council after a long debate about its cost.", 0),
    ("Abyss and bypass roads", 0),
])
def test_anchor_strength_hand_checked(line, strength):
    assert anchor_strength.__wrapped__(line) == strength


PAGE = """<html><head><title>Flood defences fail - The Daily Ledger</title></head><body>
<h1>Flood defences fail</h1><p>By Amira Gupta</p>
<h2>What the engineers found</h2><p>The river rose faster than anyone expected and the walls gave way.</p>
</body></html>"""


def test_shared_tree_gives_the_same_results():
    root = parse_page(PAGE)
    body = "The river rose.\nWhat the engineers found\nThe walls gave way."
    assert heading_lines(PAGE, body, root) == heading_lines(PAGE, body) == ["What the engineers found"]
    assert from_html(PAGE, root=root) == from_html(PAGE)
    assert parse_page("") is None
