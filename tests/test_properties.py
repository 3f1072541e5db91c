"""Property tests (hypothesis) of the public functions: any text or table of strings in, no exception
out, one row per article where the table promises it, every span inside its text.

Texts are drawn two ways: any Unicode string, and news-like strings built from the pieces the rules
react to (quotation marks of every kind, speech verbs, "according to", titles, names, paragraph
breaks, emoji, invisible characters). Derandomized, so a run is reproducible; a failure prints the
smallest text that breaks the property.
"""
from __future__ import annotations

import warnings

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import framing, quotes, readability, sourcing, text
from analysis.load import paragraphs
from analysis.pipeline import analyze

PIECES = ["The", "the", "mayor", "Mayor", "Jane", "Smith", "said", "says", "told", "reporters", "according to",
          "a spokesman", "officials", "he", "she", "they", "added", "Mr.", "Dr.", "U.S.", "No.", "budget",
          "\u201c", "\u201d", '"', "'", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e", ".", ",", ":", ";", "?",
          "!", "\u2026", "\u2014", "-", "(", ")", " ", " ", " ", "\n", "\n\n", "\n\n", "\t", "\u00a0", "\u200b",
          "\U0001F600", "42", "3.5", "Yes", "A", "I"]
NEWS_LIKE = st.lists(st.sampled_from(PIECES), max_size=80).map("".join)
ANY_TEXT = st.one_of(st.text(max_size=200), NEWS_LIKE)
TEXTS = st.lists(ANY_TEXT, min_size=1, max_size=4)
PROPERTY = settings(max_examples=120, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow])
N_FRAMES = len(framing.frame_info())


def _articles(texts: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"article_id": [f"a{i}" for i in range(len(texts))], "text": texts})


def _paragraph_lengths(articles: pd.DataFrame) -> dict[tuple[str, int], int]:
    return {(aid, i): len(p) for aid, t in zip(articles["article_id"], articles["text"])
            for i, p in enumerate(t.split("\n\n"))}


def _spans_inside(table: pd.DataFrame, lengths: dict) -> bool:
    return all(0 <= s <= e <= lengths[(aid, p)]
               for aid, p, s, e in zip(table["article_id"], table["paragraph"], table["start"], table["end"]))


@PROPERTY
@given(ANY_TEXT)
def test_text_functions_take_any_string(body):
    spans = text.sentence_spans(body)
    assert all(0 <= s < e <= len(body) for s, e in spans)
    assert spans == sorted(spans) and all(e1 <= s2 for (_, e1), (s2, _) in zip(spans, spans[1:]))
    assert text.split_sentences(body) == [body[s:e] for s, e in spans]
    assert all(w.strip() == w and w for w in text.words(body))


@PROPERTY
@given(TEXTS)
def test_quotes_and_sources_take_any_table_of_strings(texts):
    articles = _articles(texts)
    lengths = _paragraph_lengths(articles)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = quotes.find_quotes(articles)
        share = quotes.quote_share(articles)
        att = sourcing.attributions(articles)
        shares = sourcing.source_share(att)
    assert share["article_id"].tolist() == articles["article_id"].tolist()   # one row per article
    assert (share["quoted_words"] <= share["words"]).all() and (share["reported_words"] <= share["words"]).all()
    assert _spans_inside(found, lengths) and _spans_inside(att, lengths)
    assert set(shares["article_id"]) <= set(articles["article_id"])
    for aid, p, s, e, quoted in zip(found["article_id"], found["paragraph"], found["start"], found["end"],
                                    found["text"]):
        assert texts[int(aid[1:])].split("\n\n")[p][s:e] == quoted


@PROPERTY
@given(TEXTS)
def test_measures_take_any_table_of_strings(texts):
    articles = _articles(texts)
    lengths = _paragraph_lengths(articles)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        scores = readability.scores(articles)
        tone = framing.tone(articles)
        frames = framing.frame_scores(articles)
        matches = framing.frame_matches(articles)
        paras = paragraphs(articles)
    ids = articles["article_id"].tolist()
    assert scores["article_id"].tolist() == ids and tone["article_id"].tolist() == ids
    assert len(frames) == N_FRAMES * len(ids) and frames["article_id"].unique().tolist() == ids
    assert _spans_inside(matches, lengths)
    assert ((tone["compound"].between(-1, 1)) | tone["compound"].isna()).all()
    for aid, body in zip(ids, texts):   # the paragraphs table gives the body back
        assert "\n\n".join(paras.loc[paras["article_id"] == aid, "text"]) == (body if body else "")


@settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_analyze_never_fails_an_article(texts):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tables = analyze(_articles(texts), jobs=1)
    assert tables["failures"].empty
    assert len(tables["quote_share"]) == len(tables["readability"]) == len(tables["tone"]) == len(texts)
