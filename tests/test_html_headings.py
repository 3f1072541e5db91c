"""Headings known from the page's markup (issue 15): the loader's `heading_lines` column, the
splitter's `unit_table(text, headings=...)` and readability. Expected values counted by hand."""
from __future__ import annotations

import math
import warnings

import pandas as pd

import analysis
from analysis import readability
from analysis.html_headings import heading_lines
from analysis.pipeline import run_corpus
from analysis.text import HEADING, SENTENCE, known_headings, unit_table

HEADING_SENTENCE = "Our hiking survival kit is really very simple."
BODY = [
    "The trail was longer than we expected when we set out from the car park at dawn. We walked for "
    "nine hours before we saw the hut on the far side of the ridge.",
    HEADING_SENTENCE,
    "Bring more water than you think you will need, and a paper map that does not depend on a "
    "battery. Everything else is a luxury that you will carry for nothing.",
    "The weather on the ridge changes quickly in the afternoon, so we always leave before seven in "
    "the morning and plan to be down by three.",
]
PAGE = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Nine hours on the ridge trail | Trail Notes</title></head>
<body>
<nav><a href="/">Home</a> <a href="/gear">Gear</a></nav>
<article>
<h1>Nine hours on the ridge trail</h1>
<p>{BODY[0]}</p>
<h2>{HEADING_SENTENCE}</h2>
<p>{BODY[2]}</p>
<p>{BODY[3]}</p>
</article>
<footer>Copyright Trail Notes</footer>
</body></html>
"""
# by hand: 2 + 2 + 1 sentences and the heading; 99 words, 8 of them in the heading
WORDS, HEADING_WORDS = 99, 8


def _load(path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return analysis.load_articles(path)


def test_an_h2_written_as_a_sentence_is_a_heading_of_an_html_page(tmp_path):
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    articles = _load(tmp_path / "page.html")
    text = articles["text"].iat[0]
    assert text == "\n\n".join(BODY)
    assert articles["heading_lines"].iat[0] == HEADING_SENTENCE
    kinds = [u.kind for u in unit_table(text, articles["heading_lines"].iat[0])]
    assert kinds == [SENTENCE, SENTENCE, HEADING, SENTENCE, SENTENCE, SENTENCE]
    row = readability.scores(articles).iloc[0]
    assert (row["sentences"], row["headings"], row["words"]) == (5, 1, WORDS - HEADING_WORDS)
    lengths = readability.sentence_lengths(articles)
    assert len(lengths) == 5 and HEADING_SENTENCE not in [text[s:e] for s, e in zip(lengths.start, lengths.end)]
    # without the markup's headings (heading_column=None) the line is a sentence, as in a dump
    row = readability.scores(articles, heading_column=None).iloc[0]
    assert (row["sentences"], row["headings"], row["words"]) == (6, 0, WORDS)
    # the voice split reads the same units
    voices = readability.scores(articles, by="voice")
    assert voices["headings"].sum() == 1 and voices["sentences"].sum() == 5


def test_the_same_text_as_a_dump_counts_the_line_as_a_sentence(tmp_path):
    (tmp_path / "dump.txt").write_text("\n\n".join(BODY) + "\n", encoding="utf-8")
    articles = _load(tmp_path / "dump.txt")
    assert articles["text"].iat[0] == "\n\n".join(BODY)
    assert articles["heading_lines"].iat[0] == ""   # a dump has no markup
    assert [u.kind for u in unit_table(articles["text"].iat[0])][2] == SENTENCE
    row = readability.scores(articles).iloc[0]
    assert (row["sentences"], row["headings"], row["words"]) == (6, 0, WORDS)


def test_a_standfirst_heading_repeating_a_paragraph_stays_a_sentence():
    # Sky News sets the first paragraph's sentence again as an <h2> standfirst: the body line is the <p>
    line = "The Portuguese boss had been out of work since being sacked in December 2018."
    html = f"<html><body><h2>{line}</h2><article><p>He agreed a deal.</p><p>{line}</p></article></body></html>"
    assert heading_lines(html, f"He agreed a deal.\n\n{line}") == []
    assert heading_lines(html.replace(f"<p>{line}</p>", ""), f"He agreed a deal.\n\n{line}") == [line]


def test_heading_lines_match_body_lines_with_white_space_and_br():
    html = ("<html><body><h3>  Why   the ridge? </h3><h2>Day one<br>The climb</h2><h2>Not in the body.</h2>"
            "<p>x</p></body></html>")
    body = "Intro text here.\n\nWhy the ridge?\n\nMore text.\n\nDay one\nThe climb\n\nEnd."
    assert heading_lines(html, body) == ["Why the ridge?", "Day one", "The climb"]
    assert heading_lines("<html><body><p>No headings at all.</p></body></html>", "No headings at all.") == []
    assert heading_lines("", "text") == [] and heading_lines(None, "text") == []


def test_a_heading_line_punkt_cuts_in_two_is_one_heading():
    text = "Mix it all.\n\nStep 1. Mix the flour.\nThen stir well.\n\nServe warm."
    assert [text[u.start:u.end] for u in unit_table(text)][1:3] == ["Step 1.", "Mix the flour."]
    units = unit_table(text, headings=["Step  1. Mix the flour."])
    assert [(text[u.start:u.end], u.kind) for u in units] == [
        ("Mix it all.", SENTENCE), ("Step 1. Mix the flour.", HEADING), ("Then stir well.", SENTENCE),
        ("Serve warm.", SENTENCE)]
    assert units[1].paragraph == 1


def test_known_headings_reads_the_column_and_nothing():
    assert known_headings(None) == known_headings(math.nan) == known_headings(pd.NA) == frozenset()
    assert known_headings("") == frozenset()
    assert known_headings("A  heading\nAnother one ") == {"A heading", "Another one"}
    text = "One sentence here.\n\nA heading.\n\nAnother sentence."
    assert unit_table(text, "") == unit_table(text) == unit_table(text, None)


def test_a_run_writes_and_reads_the_column(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "page.html").write_text(PAGE, encoding="utf-8")
    (corpus / "dump.txt").write_text("The lake walk was short. It rained all day.\n\nWe kept to the shore "
                                     "path the whole time.\n\nNobody complained about the rain.\n",
                                     encoding="utf-8")
    out = tmp_path / "tables"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        run_corpus(corpus, out, jobs=1, progress=False)
    articles = pd.read_parquet(out / "articles.parquet")
    by_format = dict(zip(articles["format"], articles["heading_lines"]))
    assert by_format == {"html": HEADING_SENTENCE, "txt": ""}
    csv = pd.read_csv(out / "articles.csv", keep_default_na=False)
    assert dict(zip(csv["format"], csv["heading_lines"])) == by_format
    scores = pd.read_parquet(out / "readability.parquet").merge(articles[["article_id", "format"]])
    assert dict(zip(scores["format"], scores["headings"])) == {"html": 1, "txt": 0}
    assert dict(zip(scores["format"], scores["sentences"])) == {"html": 5, "txt": 4}
    # the lazy tables compute the same from the articles when nothing was written
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        lazy = analysis.tables(corpus)["readability"].merge(articles[["article_id", "format"]])
    assert dict(zip(lazy["format"], lazy["headings"])) == {"html": 1, "txt": 0}


def test_count_takes_the_heading_lines_of_one_text():
    text = "\n\n".join(BODY)
    with_markup = readability.count(text, headings=[HEADING_SENTENCE])
    alone = readability.count(text)
    assert (with_markup["sentences"], with_markup["headings"], with_markup["words"]) == (5, 1, WORDS - HEADING_WORDS)
    assert (alone["sentences"], alone["headings"], alone["words"]) == (6, 0, WORDS)
    # textstat's method counts every unit a sentence: the markup's headings change nothing
    assert readability.count(text, method="textstat", headings=[HEADING_SENTENCE]) == \
        readability.count(text, method="textstat")
