"""Dictionary-based news frames, with every match kept as evidence (tone: `analysis.tone`).

Frames: the five generic news frames of Semetko & Valkenburg (2000) (conflict, human_interest,
economic, morality, responsibility), three frames for conflict reporting (military_security,
diplomacy, humanitarian) and four language indicators of war/peace journalism after Lee & Maslog
(2005). The lexicon is `analysis/data/frames.csv` (one term a row: frame, term, source; frame
descriptions in `framing_frames.csv`); pass `lexicon=` (a CSV/YAML path or a DataFrame) to use your
own. The whole lexicon is matched with one compiled regular expression (a trie of the terms, whole
words, case-insensitive, the longest term wins at each position).

- `frame_matches(articles)`: one row per match (article_id, paragraph, sentence, start, end, frame,
  term as it stands in the text, lexicon_term).
- `frame_scores(articles)`: one row per article and frame (matches, distinct terms, per 1,000 words,
  present); `by="paragraph"` or `"sentence"` for finer units.
- `tone`: re-exported from `analysis.tone` (kept importable as `framing.tone`).
- `kwic(matches, articles)`: keyword-in-context view of matches; `agreement(pred, gold)`: validation.

The package, in the order the data flows (docs/architecture.md is the map):

- `lexicon`: where the lexicons are, the frames and codings, loading and checking a lexicon (`load_lexicon`);
- `matching`: the compiled lexicon (`Lexicon`, `compile_lexicon`) and its matches (`frame_matches`, `kwic`);
- `model`: the calibrated probability models (`FrameModel`, `load_model`, `text_shape`);
- `questions`: question coding (`frame_questions`, `nfc_cue_counts`);
- `scoring`: `frame_scores` and `top_frames`;
- `ranks`: `frame_ranks` (distinct terms, ties by the questions weak cues answer);
- `validation`: `agreement`, `cohen_kappa`.
"""
from __future__ import annotations

# ruff: noqa: F401  (every name importable from `analysis.framing` as before the split into modules; `__all__` as before)
from analysis.framing.lexicon import (CODING, CODINGS, DATA, FRAMES_PATH, GENERIC_FRAMES, IGNORE, LEXICON_PATH,
                                      MODEL_PATH, NFC_CUES_PATH, QUESTIONS_PATH, SV_CUES_PATH, VALIDATED_FRAMES,
                                      frame_info, load_lexicon, question_info)
from analysis.framing.matching import MATCH_COLUMNS, Lexicon, compile_lexicon, frame_matches, kwic
from analysis.framing.model import (MODEL_FEATURES, SHAPE_FEATURES, TERM_FEATURE, FrameModel, TextShape, load_model,
                                    text_shape)
from analysis.framing.questions import frame_questions, nfc_cue_counts
from analysis.framing.ranks import frame_ranks
from analysis.framing.scoring import MIN_TERMS, frame_scores, top_frames
from analysis.framing.validation import agreement, cohen_kappa
from analysis.tone import analyser, tone  # (tone moved to analysis.tone; re-exported)

__all__ = ["frame_matches", "frame_scores", "frame_ranks", "frame_questions", "tone", "kwic", "top_frames",
           "agreement", "load_lexicon", "compile_lexicon", "load_model", "frame_info", "question_info", "Lexicon",
           "FrameModel", "TextShape", "text_shape", "analyser"]
