"""Consistency checks of the hand-annotated quote gold standard (tests/gold/quotes_gold.jsonl).

These tests check the gold file itself (offsets, codes, coverage of quotation marks, counts), not
the quote detector. Rules: tests/gold/QUOTES_ANNOTATION.md.
"""
import collections
import re
from pathlib import Path

import pytest

import quotes_gold_checks as checks

GOLD = Path(__file__).resolve().parent / "gold" / "quotes_gold.jsonl"
SEED = Path(__file__).resolve().parent / "data" / "seed_body.txt"

# Spans in the source text with a missing closing mark (decided by the coder, see the rules).
UNBALANCED = {("c90731f051d033e4", 7, "there was no linkage like that")}


@pytest.fixture(scope="module")
def gold():
    return checks.load(GOLD)


@pytest.mark.parametrize("check", checks.GENERIC, ids=lambda c: c.__name__)
def test_gold_file_is_consistent(gold, check):
    check(gold)


def test_articles_and_counts(gold):
    ids = [a["article_id"] for a in gold]
    assert len(ids) == len(set(ids))
    sources = collections.Counter(a["source"] for a in gold)
    assert sources == {"corpus": 27, "seed": 1}
    assert sum(len(a["quotes"]) for a in gold) == 257
    kinds = collections.Counter(q["kind"] for _, _, q in checks.quotes_of(gold))
    assert kinds == {"full": 170, "partial": 49, "scare": 38}   # 2026-12-03: one repeated cross-heading recoded scare (guide revision)
    types = collections.Counter(q["source_type"] for _, _, q in checks.quotes_of(gold) if q["source_type"])
    assert types == {
        "government_official": 78, "other": 39, "business": 33, "expert_academic": 24,
        "citizen_eyewitness": 18, "civil_society_ngo": 13, "politician": 5, "military_security": 4,
        "anonymous_unnamed": 4, "media_news_agency": 1,
    }
    assert len({(a["article_id"], q["quote_id"]) for a in gold for q in a["quotes"]}) == 208
    outlets = {re.sub(r"^www\.", "", a["url"].split("/")[2]) for a in gold if a["source"] == "corpus"}
    assert len(outlets) >= 20  # varied outlets


def test_spans_sit_between_quotation_marks(gold):
    # a quotation left open at the end of a paragraph continues in a later one
    checks.spans_sit_between_marks(gold, unclosed=UNBALANCED, continued_quotes=True)


def test_seed_annotation(gold):
    seed = [a for a in gold if a["article_id"] == "seed"]
    assert len(seed) == 1
    seed = seed[0]
    assert seed["source"] == "seed"
    assert seed["text"] == checks.normalise(SEED.read_text(encoding="utf-8"))
    got = [(q["quote_id"], q["paragraph"], q["kind"], q["speaker"], q["role"], q["source_type"])
           for q in seed["quotes"]]
    assert got == [
        (1, 2, "full", "Lars Lokke Rasmussen", "Foreign Minister", "government_official"),
        (2, 5, "full", "Troels Lund Poulsen", "Defense Minister", "government_official"),
        (3, 7, "full", "Troels Lund Poulsen", "Defense Minister", "government_official"),
    ]
    assert [(q["start"], q["end"]) for q in seed["quotes"]] == [(1, 292), (1, 142), (1, 123)]


def test_hand_checked_records(gold):
    arts = {a["article_id"]: a for a in gold}
    # multi-paragraph quote: two records, same id, same speaker (BBC, Assange)
    persson = [q for q in arts["c7e39ac49fa1235f"]["quotes"] if q["quote_id"] == 3]
    assert [(q["paragraph"], q["speaker"]) for q in persson] == [
        (10, "Eva-Marie Persson"), (11, "Eva-Marie Persson")]
    # club statement across an embedded tweet: paragraphs 6, 7 and 10
    spurs = [q["paragraph"] for q in arts["921019755f4a96ac"]["quotes"] if q["quote_id"] == 2]
    assert spurs == [6, 7, 10]
    # single-quote scare quote
    oxy = arts["076f4f33bf75059d"]["quotes"][0]
    assert (oxy["paragraph"], oxy["text"], oxy["kind"], oxy["speaker"]) == (0, "oxygen bar", "scare", None)
    # nested quote of another speaker inside a full quote (AP, Holmes quoting Trump)
    nested = [(q["text"], q["kind"], q["speaker"]) for q in arts["82b6d780c792df78"]["quotes"]
              if q["paragraph"] == 8 and q["speaker"] != "David Holmes"]
    assert nested == [("So he’s going to do the investigation?", "full", "Donald Trump"),
                      ("He’s going to do it,", "partial", "Gordon Sondland"),
                      ("do anything you ask him to.", "partial", "Gordon Sondland")]


