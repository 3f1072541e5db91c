"""Question coding: the coding questions of a lexicon answered article by article with their evidence
(`frame_questions`: Semetko & Valkenburg's in the kit's lexicon), and the questions a cue lexicon answers
(`nfc_cue_counts`: the NFC coding's cues, or the weak S&V cues of `frame_ranks`)."""
from __future__ import annotations

import re

import pandas as pd

from analysis.framing.lexicon import CODING, NFC_CUES_PATH
from analysis.framing.matching import Lexicon, article_matches, compile_lexicon
from analysis.inputs import ARTICLES, takes
from analysis.resources import typed_frame
from analysis.text import sentence_table

_RE_WS = re.compile(r"\s+")


def nfc_cue_counts(text, cue_lexicon=None) -> dict:
    """{frame: {question: distinct terms}} of the cue lexicon (`NFC_CUES_PATH`: Narrative Frames Corpus
    questions, Frermann et al. 2023) in one text, as the NFC coding's models read them; their evidence
    sentences: `frame_questions(articles, lexicon=NFC_CUES_PATH)`."""
    lex = cue_lexicon if isinstance(cue_lexicon, Lexicon) else compile_lexicon(cue_lexicon or NFC_CUES_PATH)
    return cue_counts(article_matches(text, lex), lex)


def cue_counts(matches: tuple, lex: Lexicon) -> dict:
    """`nfc_cue_counts` from the cue lexicon's matches in one text."""
    out: dict = {}
    for key in {(m[4], m[6]) for m in matches}:
        per, q = out.setdefault(key[0], {}), lex.question_of.get(key, "")
        per[q] = per.get(q, 0) + 1
    return out


@takes(ARTICLES)
def frame_questions(articles: pd.DataFrame, lexicon=None, coding: str = CODING) -> pd.DataFrame:
    """The coding questions, article by article, each with its own evidence: one row per article and
    question of the lexicon (Semetko & Valkenburg's C1-C4, H1-H5, E1-E3, M1-M3, R1-R5 in the kit's).

    Columns: article_id, frame, question, matches, distinct_terms, answered (at least one term: the
    dictionary's "yes"), sentences (the 0-based indices of the sentences holding its terms, as in
    `frame_matches`, `;`-separated), evidence (the first such sentence's text). `coding`: as `frame_scores`.
    """
    lex = compile_lexicon(lexicon, coding)
    question_of = lex.question_of
    pairs = [(f, q) for f in lex.frames for q in lex.questions[f]]
    rows = []
    for aid, text in zip(articles["article_id"], articles["text"]):
        found: dict = {}
        for _, s, _, _, frame, _, lterm in article_matches(text, lex):
            q = question_of.get((frame, lterm), "")
            if q:
                hit = found.setdefault((frame, q), [0, set(), []])
                hit[0] += 1
                hit[1].add(lterm)
                if s not in hit[2]:
                    hit[2].append(s)
        spans = sentence_table(text) if found else []
        for frame, q in pairs:
            n, distinct, sents = found.get((frame, q), (0, (), []))
            first = ""
            if sents and sents[0] < len(spans):
                _, a, b = spans[sents[0]]
                first = _RE_WS.sub(" ", text[a:b]).strip()
            rows.append((aid, frame, q, n, len(distinct), bool(distinct), ";".join(map(str, sents)), first))
    return typed_frame(rows, ["article_id", "frame", "question", "matches", "distinct_terms", "answered",
                              "sentences", "evidence"],
                       {"matches": "int64", "distinct_terms": "int64", "answered": bool})
