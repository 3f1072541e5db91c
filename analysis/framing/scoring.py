"""Frame strength per article, paragraph or sentence (`frame_scores`): matches, distinct terms, questions
answered, the calibrated probability (`analysis.framing.model`) and presence; the strongest frames
(`top_frames`)."""
from __future__ import annotations

import pandas as pd

from analysis.framing.lexicon import CODING, NFC_CUES_PATH
from analysis.framing.matching import article_matches, compile_lexicon, matches_of
from analysis.framing.model import Scorer, coding_weights, model_for, text_shape
from analysis.framing.questions import cue_counts
from analysis.inputs import ARTICLES, FRAME_SCORES, takes
from analysis.resources import typed_frame
from analysis.text import sentence_table

MIN_TERMS = 2        # a frame is `present` when at least this many different terms of it occur


def _units(text: str, by: str) -> list[tuple[int, int, int]]:
    """(unit index, paragraph, words) for each paragraph or sentence of a body."""
    if not isinstance(text, str) or not text:
        return []
    if by == "paragraph":
        return [(p, p, len(par.split())) for p, par in enumerate(text.split("\n\n"))]
    return [(i, p, len(text[s:e].split())) for i, (p, s, e) in enumerate(sentence_table(text))]


@takes(ARTICLES)
def frame_scores(articles: pd.DataFrame, lexicon=None, by: str = "article",
                 min_terms: int | None = None, model=None, coding: str = CODING) -> pd.DataFrame:
    """Frame strength per article (or per paragraph / sentence with `by=`), every frame on every row set.

    Columns: article_id, [paragraph | paragraph, sentence], frame, words (white-space words of the
    unit), matches, distinct_terms (different lexicon terms matched), per_1000_words (matches per
    1,000 words; NaN for a unit without words), questions (how many of the frame's coding questions
    have at least one term), probability, present.

    `probability` (articles only; NaN for finer units and frames the model does not cover): the
    calibrated chance that a coder codes the frame present, from a logistic model over the distinct
    terms answering each of the frame's questions, the article's shape and (for `coding="nfc"`'s
    human interest and economic) a weight per lexicon term found, (for its responsibility, the NFC coders'
    resolution, and human interest) the frame's distinct terms counted with its cues in
    `analysis/data/frames_nfc_cues.csv` (`nfc_cue_counts`) (`analysis/data/frame_model.csv`,
    fitted by `benchmarks/train_frames.py`; used with the kit's lexicon, or pass `model=`). `present`: for
    frames of the model, probability >= the model's threshold for `coding` and at least one term,
    so that every present frame has evidence in `frame_matches`; for other frames (and units finer
    than articles) distinct_terms >= 2 (`MIN_TERMS`). `coding` names whose decisions the threshold
    was chosen to match by cross-validation: "kit" (default: the kit's coding guide, Semetko &
    Valkenburg's questions on general news) or "nfc" (the Narrative Frames Corpus coders, who code a
    frame only when it is developed, e.g. economic from about five distinct terms). Pass
    `min_terms=N` to use the plain rule distinct_terms >= N for every frame, `model=False` to skip
    the model. The lexicon rows read are those of `coding` (`compile_lexicon(coding=...)`).
    """
    if by not in ("article", "paragraph", "sentence"):
        raise ValueError('by must be "article", "paragraph" or "sentence"')
    lex = compile_lexicon(lexicon, coding)
    fitted = model_for(lexicon, model) if by == "article" else None
    if fitted is not None and coding not in fitted.threshold:
        raise ValueError(f"coding {coding!r}: the model {fitted.source} has thresholds for "
                         f"{sorted(fitted.threshold)}")
    thresholds = fitted.threshold[coding] if fitted is not None else {}
    scorers = {f: Scorer(f, coding_weights(w, coding), lex.question_of,
                          fitted.calibration.get(coding, {}).get(f, (0.0, 1.0)))
               for f, w in fitted.weights.items()} if fitted else {}
    reads_shape = any(sc.reads_shape for sc in scorers.values())
    reads_terms = any(sc.terms for sc in scorers.values())   # by article only: scorers need by="article"
    cue_lex = compile_lexicon(NFC_CUES_PATH) if any(sc.with_cues for sc in scorers.values()) else None
    rule_terms = MIN_TERMS if min_terms is None else min_terms
    question_of = lex.question_of
    frames = lex.frames
    nan = float("nan")
    rows: list[tuple] = []
    for aid, text in zip(articles["article_id"], articles["text"]):
        counts: dict = {}
        terms: dict = {}
        found_cues = ()
        if cue_lex is not None:   # both lexicons found in one scan
            found_lex, found_cues = matches_of(text, (lex, cue_lex))
        else:
            found_lex = article_matches(text, lex)
        for p, s, _, _, frame, _, lterm in found_lex:
            key = (p if by == "paragraph" else s if by == "sentence" else 0, frame)
            counts[key] = counts.get(key, 0) + 1
            terms.setdefault(key, set()).add(lterm)
        shape = text_shape(text) if reads_shape else None
        article_terms = {f: found for (_, f), found in terms.items()} if reads_terms else None
        cues = cue_counts(found_cues, cue_lex) if cue_lex is not None else {}
        if by == "article":
            units = [(0, None, shape.words if shape else len(text.split()) if isinstance(text, str) else 0)]
        else:
            units = _units(text, by)
        for u, p, n_words in units:
            for frame in frames:
                found = terms.get((u, frame))
                if found:
                    n, d = counts[(u, frame)], len(found)
                    answered = len({question_of.get((frame, t), "") for t in found} - {""})
                else:
                    n = d = answered = 0
                scorer = scorers.get(frame)
                prob = scorer(n_words, found or (), d, shape, article_terms, cues.get(frame)) if scorer else nan
                if scorer and min_terms is None:
                    present = d >= 1 and prob >= thresholds[frame]
                else:
                    present = d >= rule_terms
                rows.append((aid, p, u, frame, n_words, n, d,
                             1000.0 * n / n_words if n_words else nan, answered, prob, present))
    cols = ["article_id", "paragraph", "sentence", "frame", "words", "matches", "distinct_terms",
            "per_1000_words", "questions", "probability", "present"]
    dropped = {"article": ["paragraph", "sentence"], "paragraph": ["sentence"]}.get(by, [])
    dtypes = dict.fromkeys(("paragraph", "sentence", "words", "matches", "distinct_terms", "questions"), "int64")
    dtypes.update({"per_1000_words": "float64", "probability": "float64", "present": bool})
    out = typed_frame(rows, cols, {c: t for c, t in dtypes.items() if c not in dropped})
    return out.drop(columns=dropped) if dropped else out


@takes(FRAME_SCORES)
def top_frames(scores: pd.DataFrame, n: int = 3) -> pd.DataFrame:
    """The n strongest frames of each article (by matches per 1,000 words, ties by frame order)."""
    s = scores[scores["matches"] > 0].copy()
    s["_order"] = s.groupby("article_id").cumcount()
    s = s.sort_values(["article_id", "per_1000_words", "_order"], ascending=[True, False, True])
    s["rank"] = s.groupby("article_id").cumcount() + 1
    return s[s["rank"] <= n].drop(columns="_order").reset_index(drop=True)
