"""All producers over every text in ../shared/ (1,591 articles): zero failures (issue 11).

benchmarks/shared_texts.py does the work (and prints the failures table when run by hand).
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import shared_texts  # noqa: E402


@pytest.mark.skipif(not shared_texts.SHARED.exists(), reason="../shared/ is not there")
def test_every_shared_text_through_every_producer_without_a_failure():
    articles, tables, _ = shared_texts.run(jobs=2)
    assert articles.groupby("source", sort=False).size().to_dict() == {
        "development text dumps": 111, "development HTML pages": 111, "development reference bodies": 111,
        "PolNeAR train": 840, "Narrative Frames dev": 145, "Readability text dumps": 91,
        "Readability HTML pages": 91, "Readability reference bodies": 91}
    assert tables["failures"].to_dict("records") == []
    assert len(tables["quote_share"]) == len(tables["readability"]) == len(tables["tone"]) == len(articles)
