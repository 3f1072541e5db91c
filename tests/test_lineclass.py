"""The line classifier (analysis.lineclass): features, tree evaluation, weights file, the pass."""
from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest

from analysis import lineclass
from analysis.clean import clean_dump
from analysis.lineclass import FEATURES, LineInput, Model

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_aa55596a56c29464.txt"


def _stump(feature: str, threshold: float, left: float, right: float, intercept: float = 0.0,
           drop_below: float = 0.5, add_from: float = 0.9) -> Model:
    """A one-tree, one-split model: x[feature] > threshold -> right leaf, else left."""
    return Model(FEATURES, 1, np.array([[FEATURES.index(feature)]]), np.array([[threshold]]),
                 np.array([[left, right]]), intercept, 1.0, drop_below, add_from)


PAGE = [
    LineInput("Home", True, True, "navigation"),
    LineInput("The council approved the new bus routes on Tuesday after a long debate.", True, True, None),
    LineInput("Share", True, True, "share_buttons"),
]


def test_features_hand_checked():
    x = lineclass.features(PAGE)
    assert x.shape == (3, len(FEATURES))
    col = {name: x[:, i] for i, name in enumerate(FEATURES)}
    assert list(col["kept"]) == [0, 1, 0]
    assert list(col["reason_chrome"]) == [1, 0, 1]
    assert col["n_words_log"][1] == pytest.approx(math.log1p(13))
    assert list(col["sentence_end"]) == [0, 1, 0]
    assert col["kept_-1"][2] == 1 and col["kept_+1"][0] == 1 and col["kept_-1"][0] == 0
    assert list(col["distance_to_kept_log"]) == pytest.approx([math.log(2), 0, math.log(2)])
    assert list(col["kept_window5"]) == pytest.approx([0.5, 0.0, 0.5])   # neighbours only
    assert col["page_kept_share"][0] == pytest.approx(1 / 3)
    assert lineclass.features([]).shape == (0, len(FEATURES))


def test_predict_walks_the_tree():
    model = _stump("kept", 0.5, left=-2.0, right=3.0, intercept=0.5)
    p = lineclass.predict(model, lineclass.features(PAGE))
    expected_out, expected_in = 1 / (1 + math.exp(1.5)), 1 / (1 + math.exp(-3.5))
    assert p == pytest.approx([expected_out, expected_in, expected_out])


def test_second_opinion_records_its_reason_and_keeps_sure_body():
    # a model that believes long lines are body: it drops nothing long, and adds back a long removed line
    model = _stump("n_chars_log", math.log1p(20), left=-5.0, right=5.0, drop_below=0.5, add_from=0.9)
    lines = PAGE + [LineInput("Officials said the plan would cost about 12 million dollars.", True, True,
                              "after_end_marker")]
    reasons = [ln.reason for ln in lines]
    records = [type("R", (), {"text": ln.text, "block": k})() for k, ln in enumerate(lines)]
    assert lineclass.second_opinion(records, reasons, model) == ["navigation", None, "share_buttons", None]
    # the opposite model drops the body line and says how sure it was
    flipped = _stump("n_chars_log", math.log1p(20), left=5.0, right=-5.0, drop_below=0.5, add_from=0.9)
    assert lineclass.second_opinion(records, reasons, flipped)[1] == "classifier p=0.01"


def test_shipped_weights_load_and_are_reviewed():
    doc = json.loads(lineclass.MODEL_FILE.read_text(encoding="utf-8"))
    assert "train_line_classifier.py" in doc["provenance"]["trained_by"]
    model = lineclass.load_model()
    assert model.feature.shape[1] == 2 ** model.depth - 1 and model.leaf.shape[1] == 2 ** model.depth
    assert 0 < model.drop_below < model.add_from < 1
    assert {f for f, _ in doc["features_by_importance"]} <= set(FEATURES)


def test_load_model_rejects_unknown_features(tmp_path):
    doc = json.loads(lineclass.MODEL_FILE.read_text(encoding="utf-8"))
    doc["trees"][0]["nodes"][0][0] = "no_such_feature"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ValueError, match="no_such_feature"):
        lineclass.load_model(bad)


def test_clean_dump_with_the_classifier_pass_on_the_seed():
    """The seed's 9 body paragraphs survive the pass; every line is accounted for once."""
    raw = SEED.read_text(encoding="utf-8")
    plain = clean_dump(raw)
    revised = clean_dump(raw, revise=lineclass.second_opinion)
    assert revised["paragraphs"] == plain["paragraphs"] and len(revised["paragraphs"]) == 9
    numbers = [n for n, _t, _r in revised["removed"]]
    assert len(numbers) == len(set(numbers))
    assert len(numbers) + len(revised["paragraphs"]) == sum(1 for ln in raw.split("\n") if ln.strip())
