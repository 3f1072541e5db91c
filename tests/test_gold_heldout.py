"""Consistency checks of the held-out quote gold set (tests/gold/quotes_heldout.jsonl).

These tests check the gold file itself (offsets, codes, coverage of quotation marks, counts,
independence from the development gold set), not the quote detector. Rules:
tests/gold/QUOTES_HELDOUT.md.
"""
import collections
import re
from pathlib import Path

import pytest

import quotes_gold_checks as checks

HERE = Path(__file__).resolve().parent
HELDOUT = HERE / "gold" / "quotes_heldout.jsonl"
DEV_GOLDS = [HERE / "gold" / name for name in ("quotes_gold.jsonl", "quotes_gold2.jsonl", "quotes_gold3.jsonl")]


@pytest.fixture(scope="module")
def gold():
    return checks.load(HELDOUT)


@pytest.mark.parametrize("check", checks.GENERIC, ids=lambda c: c.__name__)
def test_gold_file_is_consistent(gold, check):
    check(gold)


def test_articles_and_counts(gold):
    ids = [a["article_id"] for a in gold]
    assert len(ids) == len(set(ids)) == 14
    assert {a["source"] for a in gold} == {"corpus"}
    assert sum(len(a["quotes"]) for a in gold) == 188
    kinds = collections.Counter(q["kind"] for _, _, q in checks.quotes_of(gold))
    assert kinds == {"full": 115, "partial": 47, "scare": 26}
    types = collections.Counter(q["source_type"] for _, _, q in checks.quotes_of(gold) if q["source_type"])
    assert types == {
        "business": 60, "expert_academic": 39, "government_official": 27, "other": 22,
        "citizen_eyewitness": 5, "military_security": 5, "anonymous_unnamed": 3,
        "document_report": 1,
    }
    assert len({(a["article_id"], q["quote_id"]) for a in gold for q in a["quotes"]}) == 149
    per_article = {a["article_id"]: len(a["quotes"]) for a in gold}
    assert per_article == {
        "776a1c046798b474": 8, "359fee228518d55b": 6, "098bb3e96c0acdf3": 12,
        "291a8bf33ee49074": 18, "87bf60570e6e2e33": 10, "0d46122928b6f468": 12,
        "65408257dbe4b41f": 8, "ac1bfdd4c510f679": 8, "ef4e67b66d63b5fa": 10,
        "1ee91d1fce65e09b": 21, "8267acacb9e4a109": 26, "8634d1211c3f2b73": 19,
        "702d1da63b8e064c": 17, "a078b3656adc0295": 13,
    }
    outlets = {re.sub(r"^www\.", "", a["url"].split("/")[2]) for a in gold}
    assert len(outlets) == 13  # two Los Angeles Times articles


def test_disjoint_from_development_gold(gold):
    """Held-out articles must not be among the articles the detector was developed on (any of the
    three development sets)."""
    for dev in DEV_GOLDS:
        dev_ids = {a["article_id"] for a in checks.load(dev)}
        assert not dev_ids & {a["article_id"] for a in gold}, dev.name


def test_spans_sit_between_quotation_marks(gold):
    checks.spans_sit_between_marks(gold)


def test_single_straight_and_curly_quotes_are_annotated(gold):
    """Single marks used as quotation marks (not apostrophes) are records too."""
    arts = {a["article_id"]: a for a in gold}
    singles = sorted((a["article_id"], q["paragraph"], q["text"]) for a in gold for q in a["quotes"]
                     if a["text"].split("\n\n")[q["paragraph"]][q["start"] - 1] in "'\u2018")
    assert singles == [
        ("1ee91d1fce65e09b", 16, "control"),
        ("702d1da63b8e064c", 1, "The farmers can’t handle it."),
        ("776a1c046798b474", 5, "Meth. We're On It."),
        ("8267acacb9e4a109", 6, "free"),
        ("87bf60570e6e2e33", 7, "Full Stop"),
    ]
    assert arts["776a1c046798b474"]["quotes"][3]["kind"] == "scare"


def test_hand_checked_records(gold):
    arts = {a["article_id"]: a for a in gold}
    # quotation interrupted by its attribution: two records, one id (Reuters, Lopes)
    lopes = [(q["paragraph"], q["quote_id"], q["kind"], q["speaker"])
             for q in arts["359fee228518d55b"]["quotes"] if q["paragraph"] == 12]
    assert lopes == [(12, 5, "full", "Rosaly Lopes"), (12, 5, "full", "Rosaly Lopes")]
    # retold dialogue: the advisers' words get their own record, Trump's own retold words none
    nyt = [(q["quote_id"], q["kind"], q["speaker"], q["source_type"])
           for q in arts["702d1da63b8e064c"]["quotes"] if q["paragraph"] == 1]
    assert nyt == [(1, "full", "Trump", "government_official"),
                   (1, "full", "Trump", "government_official"),
                   (2, "full", "President Trump’s advisers", "government_official")]
    # a closing mark preceded by a space: span stops before the space (LA Times, Mayer)
    mayer = arts["098bb3e96c0acdf3"]["quotes"][5]
    assert (mayer["paragraph"], mayer["start"], mayer["end"], mayer["kind"]) == (6, 1, 65, "full")
    # anonymous refugee and a military spokesman (Polygraph)
    poly = {q["paragraph"]: q for q in arts["1ee91d1fce65e09b"]["quotes"]}
    assert (poly[18]["kind"], poly[18]["source_type"]) == ("partial", "anonymous_unnamed")
    assert (poly[26]["speaker"], poly[26]["source_type"]) == ("Sean Robertson", "military_security")
    # quoted cross-headings taken from the accusers' statement are partial
    assert (poly[12]["text"], poly[12]["kind"]) == ("U.S.-controlled bandit formations", "partial")
    # a quote that starts inside the reporter's sentence and runs on is full (Forbes, patient)
    forbes = next(q for q in arts["a078b3656adc0295"]["quotes"] if q["paragraph"] == 10)
    assert (forbes["kind"], forbes["speaker"], forbes["source_type"]) == (
        "full", "a 43-year-old man", "citizen_eyewitness")
    # a brokerage report speaking vs the brokerage speaking (Moneycontrol)
    kotak = [(q["paragraph"], q["source_type"]) for q in arts["65408257dbe4b41f"]["quotes"]
             if q["speaker"] == "Kotak Institutional Equities"]
    assert kotak == [(4, "document_report"), (16, "expert_academic"), (23, "expert_academic")]


