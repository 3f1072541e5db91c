"""Ranking articles by a frame: distinct terms, ties broken by the share of the frame's questions that weak cues
answer (`frame_ranks`, `analysis/data/frames_sv_cues.csv`)."""
from __future__ import annotations

import pandas as pd

from analysis.framing.lexicon import CODING, SV_CUES_PATH
from analysis.framing.matching import compile_lexicon
from analysis.framing.questions import nfc_cue_counts
from analysis.framing.scoring import frame_scores
from analysis.inputs import ARTICLES, takes


@takes(ARTICLES)
def frame_ranks(articles: pd.DataFrame, lexicon=None, coding: str = CODING) -> pd.DataFrame:
    """`frame_scores` with `cue_questions` (how many of the frame's questions the weak cues of `SV_CUES_PATH`
    answer) and `rank_score` = distinct_terms + cue_questions / 100: ranks by distinct terms, ties (a frame told
    without its strong words) by the share of its questions answered, as Semetko & Valkenburg (2000) score a
    frame. Presence is `frame_scores`'s. Cue evidence: `frame_questions(articles, lexicon=SV_CUES_PATH)`."""
    out = frame_scores(articles, lexicon=lexicon, coding=coding)
    cue_lex, frames = compile_lexicon(SV_CUES_PATH), compile_lexicon(lexicon, coding).frames
    per_article = [nfc_cue_counts(text, cue_lex) for text in articles["text"]]   # rows: article by article, frame
    out["cue_questions"] = pd.Series([len(c.get(f, ())) for c in per_article for f in frames], index=out.index,
                                     dtype="int64")
    out["rank_score"] = out["distinct_terms"] + out["cue_questions"] / 100.0
    return out
