"""Quotes and speakers on the held-out gold set: 14 articles nobody tuned the rules on.

The dev gold (test_validation_quotes.py) was used while writing the rules; this set was annotated
by a second annotator and never shown to the rules' engineer, so it estimates how the kit does on
new articles. Floors are the acceptance bar for unseen articles: quote precision and recall
>= 0.90 (F1 >= 0.93), speaker accuracy >= 0.88 on correctly found quotes, source types >= 0.68 (just
under the figures measured on 2026-12-03: 0.950 / 0.944, 0.908, 0.712). Figures: README, "Quotes and
speakers".
"""
from __future__ import annotations

from pathlib import Path

import pytest

from analysis import evaluation

HELDOUT = Path(__file__).resolve().parent / "gold" / "quotes_heldout.jsonl"


@pytest.fixture(scope="module")
def result():
    articles, gold = evaluation.load_gold(HELDOUT)
    assert len(articles) == 14 and (gold["kind"] != "scare").sum() == 162
    return evaluation.evaluate(evaluation.quotes_with_speakers(articles), gold)


def test_heldout_quote_precision_and_recall(result):
    assert result["precision"] >= 0.90
    assert result["recall"] >= 0.90
    assert result["f1"] >= 0.93


def test_heldout_speaker_accuracy(result):
    assert result["speaker_accuracy"] >= 0.88


def test_heldout_source_type_accuracy_does_not_fall(result):
    assert result["source_type_accuracy"] >= 0.68
