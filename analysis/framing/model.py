"""The calibrated probability models of frame presence: a logistic model per frame over its lexicon evidence
and the article's shape (`text_shape`), Platt-scaled per coding convention, with a presence cut-off per coding
(`analysis/data/frame_model.csv`, fitted by `benchmarks/train_frames.py`; `load_model` checks it)."""
from __future__ import annotations

import math
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from analysis.framing.lexicon import CODING, LEXICON_PATH, MODEL_PATH, read_table


class FrameModel(NamedTuple):
    """Per frame: a logistic model over the frame's lexicon evidence and the article's shape (weights by
    feature name), per coding convention a calibration of its score (Platt scaling) and the probability
    from which the frame counts as present; from `frame_model.csv`."""
    weights: dict      # frame -> {feature: weight}
    threshold: dict    # coding -> {frame: probability cut-off for `present`}
    source: str        # the file it came from
    calibration: dict = {}   # coding -> {frame: (intercept, slope)}: probability = logistic(a + b * score)


class TextShape(NamedTuple):
    """What a frame model may read of an article besides its lexicon terms (`text_shape`)."""
    words: int           # white-space words
    quote_marks: int     # straight and curly double quotation marks
    attributions: int    # " said", " says", " told ", "according to": reported speech, a sign of sides


_ATTRIBUTION_STRINGS = (" said", " says", " told ", "according to")


def text_shape(text) -> TextShape:
    """The article's shape for the frame model: words, quotation marks and attributions (counted as
    plain substrings, case-sensitive: cheap and the same at training and scoring time)."""
    if not isinstance(text, str) or not text:
        return TextShape(0, 0, 0)
    marks = text.count('"') + text.count("\u201c") + text.count("\u201d")
    return TextShape(len(text.split()), marks, sum(text.count(a) for a in _ATTRIBUTION_STRINGS))


SHAPE_FEATURES = ("log1p_words", "log1p_quote_marks", "log1p_attributions")   # log(1 + TextShape field)
MODEL_FEATURES = ("intercept", "log1p_distinct_terms", "log1p_distinct_with_cues") + SHAPE_FEATURES   # and C1, E2 ...


def load_model(model=None) -> FrameModel:
    """The calibrated frame model (`analysis/data/frame_model.csv`, or a path / DataFrame with
    columns frame, feature, weight). Feature `threshold_<coding>` is the presence cut-off for coding
    like `<coding>` (`kit`: the kit's guide, `nfc`: the Narrative Frames Corpus; plain `threshold`
    means `threshold_kit`); `calibration_intercept_<coding>` and `calibration_slope_<coding>` (optional,
    both or neither) map the model's score z to the probability logistic(a + b z) for that coding (Platt
    scaling; without them the probability is logistic(z)); the others are `intercept`,
    `log1p_distinct_terms`, `log1p_words`, `log1p_quote_marks`, `log1p_attributions` (`text_shape`) or
    a question id (then the feature is log(1 + distinct lexicon terms answering that question)) or
    `term:<frame>:<lexicon term>` (1 when the article holds that lexicon term of that frame; a frame's
    model may read other frames' terms) or `log1p_distinct_with_cues` (log(1 + distinct terms of the frame +
    distinct terms of its cues in `NFC_CUES_PATH`)); `<feature>|<coding>` is a feature read only when scoring for
    that coding (e.g. `log1p_words|nfc`; the coding follows the last `|`).
    Checked: every weight finite, every frame with an intercept and every coding's threshold strictly
    between 0 and 1, calibration rows in pairs for the codings that have thresholds."""
    table = model.copy() if isinstance(model, pd.DataFrame) else read_table(Path(model or MODEL_PATH))
    where = "the model table" if isinstance(model, pd.DataFrame) else str(model or MODEL_PATH)
    missing = {"frame", "feature", "weight"} - set(table.columns)
    if missing:
        raise ValueError(f"{where}: needs columns frame, feature, weight (missing {sorted(missing)})")
    weights: dict = {}
    threshold: dict = {}
    calibration: dict = {}
    for frame, feature, weight in zip(table["frame"], table["feature"], table["weight"]):
        try:
            value = float(weight)
        except (TypeError, ValueError):
            raise ValueError(f"{where}: weight {weight!r} of {frame}/{feature} is not a number") from None
        if not math.isfinite(value):
            raise ValueError(f"{where}: weight of {frame}/{feature} is not finite")
        if feature == "threshold" or str(feature).startswith("threshold_"):
            coding = CODING if feature == "threshold" else feature[len("threshold_"):]
            if not 0 < value < 1:
                raise ValueError(f"{where}: {feature} of {frame} must lie strictly between 0 and 1")
            threshold.setdefault(coding, {})[frame] = value
        elif str(feature).startswith("calibration_"):
            part, _, coding = feature[len("calibration_"):].partition("_")
            if part not in ("intercept", "slope") or not coding:
                raise ValueError(f"{where}: unknown feature {feature} of {frame}")
            calibration.setdefault(coding, {}).setdefault(frame, {})[part] = value
        else:
            weights.setdefault(frame, {})[feature] = value
    for frame in weights:
        if "intercept" not in weights[frame] or not threshold \
                or any(frame not in cuts for cuts in threshold.values()):
            raise ValueError(f"{where}: frame {frame} needs an intercept and a threshold row per coding")
        alien = [f for f in weights[frame] if feature_coding(f)[1] and feature_coding(f)[1] not in threshold]
        if alien:
            raise ValueError(f"{where}: {frame}/{alien[0]} names a coding without thresholds")
    return FrameModel(weights, threshold, where, _calibration_pairs(calibration, threshold, where))


def _calibration_pairs(calibration: dict, threshold: dict, where: str) -> dict:
    """{coding: {frame: (intercept, slope)}} from the parsed calibration rows, checked: both rows of a
    pair present, only for codings with thresholds."""
    out: dict = {}
    for coding, frames in calibration.items():
        if coding not in threshold:
            raise ValueError(f"{where}: calibration for coding {coding!r}, which has no thresholds")
        for frame, pair in frames.items():
            if set(pair) != {"intercept", "slope"}:
                raise ValueError(f"{where}: calibration of {frame} for {coding} needs an intercept and a slope row")
            out.setdefault(coding, {})[frame] = (pair["intercept"], pair["slope"])
    return out


_MODEL_CACHE: dict = {}


def _default_model() -> FrameModel:
    key = MODEL_PATH.stat().st_mtime
    if _MODEL_CACHE.get("key") != key:
        _MODEL_CACHE.update(key=key, model=load_model(MODEL_PATH))
    return _MODEL_CACHE["model"]


def model_for(lexicon, model):
    """The model to score with: the kit's with the kit's lexicon (its weights were fitted to those
    terms); none with another lexicon unless one is passed; `model=False`: none."""
    if model is False:
        return None
    if model is None:
        default_lexicon = lexicon is None or (isinstance(lexicon, (str, Path))
                                              and Path(lexicon).resolve() == LEXICON_PATH.resolve())
        return _default_model() if default_lexicon else None
    return model if isinstance(model, FrameModel) else load_model(model)


def feature_coding(feature: str) -> tuple[str, str]:
    """(feature, the coding it is read for or "" for every coding) of a model row's feature name: the
    coding follows the last `|` (so a `term:` feature whose lexicon term holds a `|` needs one)."""
    name, bar, only = feature.rpartition("|")
    return (name, only) if bar else (feature, "")


def coding_weights(weights: dict, coding: str) -> dict:
    """A frame's weights as coding `coding` reads them: `feature|<coding>` adds to `feature`, features
    of another coding are left out."""
    out: dict = {}
    for feature, weight in weights.items():
        name, only = feature_coding(feature)
        if not only or only == coding:
            out[name] = out.get(name, 0.0) + weight
    return out


TERM_FEATURE = "term:"   # `term:<frame>:<lexicon term>`: 1 when the article holds that term of that frame


def _term_weights(weights: dict) -> dict:
    """{frame: {lexicon term: weight}} of a frame's `term:<frame>:<lexicon term>` features."""
    out: dict = {}
    for feature, weight in weights.items():
        if feature.startswith(TERM_FEATURE):
            frame, _, term = feature[len(TERM_FEATURE):].partition(":")
            out.setdefault(frame, {})[term] = weight
    return out


class Scorer:
    """One frame's model compiled for scoring: the logistic of a + b (intercept + weighted log(1 + evidence)
    + weighted log(1 + shape) + the weights of the lexicon terms the article holds), with (a, b) the
    coding's calibration ((0, 1) without one)."""
    __slots__ = ("intercept", "distinct", "shape", "questions", "question_of", "frame", "calibration", "memo",
                 "terms", "with_cues")

    def __init__(self, frame: str, weights: dict, question_of: dict, calibration: tuple = (0.0, 1.0)):
        self.frame, self.question_of = frame, question_of
        self.intercept = weights.get("intercept", 0.0)
        self.distinct = weights.get("log1p_distinct_terms", 0.0)
        self.shape = tuple(weights.get(f, 0.0) for f in SHAPE_FEATURES)
        self.questions = {f: w for f, w in weights.items()
                          if f not in MODEL_FEATURES and not f.startswith(TERM_FEATURE)}
        self.terms = _term_weights(weights)
        self.with_cues = weights.get("log1p_distinct_with_cues", 0.0)
        self.calibration = calibration
        # a model of the distinct terms alone: its probability remembered per number of distinct terms
        self.memo = {} if not (any(self.shape) or self.questions or self.terms or self.with_cues) else None

    @property
    def reads_shape(self) -> bool:
        """True when the model reads more of the article's shape than its words."""
        return any(self.shape[1:])

    def __call__(self, n_words: int, found, distinct: int, shape: TextShape | None = None,
                 article_terms: dict | None = None, cue_counts: dict | None = None) -> float:
        """`article_terms` ({frame: terms found}), `cue_counts` (the frame's of `nfc_cue_counts`): read if needed."""
        memo = self.memo
        if memo is not None:
            hit = memo.get(distinct)
            if hit is None:
                hit = memo[distinct] = self._probability(n_words, found, distinct, shape)
            return hit
        return self._probability(n_words, found, distinct, shape, article_terms, cue_counts)

    def _probability(self, n_words: int, found, distinct: int, shape: TextShape | None,
                     article_terms: dict | None = None, cue_counts: dict | None = None) -> float:
        z = self.intercept + self.distinct * math.log1p(distinct)
        if self.with_cues:
            z += self.with_cues * math.log1p(distinct + sum((cue_counts or {}).values()))
        if self.terms and article_terms:
            # fsum: exactly rounded whatever the order of the set of terms (a set's order follows the
            # process's hash seed, and a plain sum in that order differed between runs in the last bit)
            z += math.fsum(weights.get(t, 0.0) for frame, weights in self.terms.items()
                           for t in article_terms.get(frame, ()))
        if shape is None:
            shape = TextShape(n_words, 0, 0)
        for weight, value in zip(self.shape, shape):
            if weight:
                z += weight * math.log1p(value)
        if self.questions:
            per_question: dict = {}
            for t in found:
                q = self.question_of.get((self.frame, t), "")
                per_question[q] = per_question.get(q, 0) + 1
            z += sum(w * math.log1p(per_question.get(q, 0)) for q, w in self.questions.items())
        z = self.calibration[0] + self.calibration[1] * z
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0
