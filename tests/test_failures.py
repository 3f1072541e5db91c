"""No article takes a table down: failures isolated and named, a time budget per article, inputs checked.

Injected producers (`_words_unless_*` below, swapped into PRODUCERS) fail or hang on one marked
article; the tests check the exact `failures` row, the warning naming the article, and that every
other article's rows are those of a run without the bad article.
"""
from __future__ import annotations

import re
import threading
import time
import warnings
from pathlib import Path

import pandas as pd
import pytest

import analysis
from analysis import framing, pipeline, quotes, readability, workers
from analysis.load import articles_from_texts, load_articles
from analysis.pipeline import FAILURE_COLUMNS, PRODUCERS, TABLE_NAMES, analyze, run_corpus
from analysis.timelimit import TimeBudgetExceeded, time_limit

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
NURSES = ("The nurses, members of the National Nurses Union, walked off the job on Monday.\n\n"
          "The nurses said they would return when the hospital agreed to hire more staff.")
GOOD = ["\u201cWe will reopen the bridge next week,\u201d the mayor said on Tuesday.",
        "The council voted to approve the budget, officials said.",
        NURSES]


def _words(articles: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({"article_id": list(articles["article_id"]),
                         "words": [len(t.split()) for t in articles["text"]]})


def _words_unless_bug(articles):
    """A producer with a bug on one article: a KeyError that is not a missing column."""
    if any("BUG" in t for t in articles["text"]):
        {}["text"]
    return _words(articles)


def _words_unless_hang(articles):
    """Loops forever on one article, swallowing every ordinary exception as careless code does."""
    while any("HANG" in t for t in articles["text"]):
        try:
            time.sleep(0.01)
        except Exception:  # noqa: BLE001 - the budget must get through this
            pass
    return _words(articles)


def _words_unless_backtrack(articles):
    """A catastrophically backtracking regular expression on one article (C code, one call)."""
    for t in articles["text"]:
        if "BACKTRACK" in t:
            re.match(r"(a+)+$", "a" * 60 + "b")
    return _words(articles)


NO_REMOVED = ("table 'removed' not computed: the articles have no 'raw', 'removed_lines' column; "
              "analysis.load_articles(path) (it keeps each file's raw text and removed lines) gives it")


def _quiet_analyze(articles, **kw):
    """analyze(), and its PipelineWarnings but the one every frame of `articles_from_texts` gets."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        tables = analyze(articles, **kw)
    lines = [str(w.message) for w in caught if issubclass(w.category, pipeline.PipelineWarning)]
    assert NO_REMOVED in lines
    return tables, [line for line in lines if line != NO_REMOVED]


@pytest.fixture(params=[1, 2], ids=["in-process", "pool"])
def jobs(request, monkeypatch):
    """1: in this process; 2: a pool whose workers are forked from this one (so that they see the
    test's producers swapped into PRODUCERS; the real pool starts them from a fork server)."""
    if request.param == 2:
        import multiprocessing

        monkeypatch.setattr(workers, "mp_context", lambda: multiprocessing.get_context("fork"))
    return request.param


def test_a_bug_on_one_article_is_a_named_failure_not_a_missing_column(monkeypatch, jobs):
    monkeypatch.setitem(PRODUCERS, "tone", "test_failures:_words_unless_bug")
    bad = articles_from_texts(GOOD[:2] + ["A BUG in the producer."] + GOOD[2:], ids=["a", "b", "bad", "c"])
    bad["path"] = ["a.txt", "b.txt", "bad.txt", "c.txt"]
    tables, lines = _quiet_analyze(bad, jobs=jobs, chunk_size=2)
    assert tables["tone"].to_dict("list") == {"article_id": ["a", "b", "c"], "words": [12, 9, 28]}
    assert tables["failures"].to_dict("records") == [
        {"article_id": "bad", "path": "bad.txt", "producer": "tone", "exception": "KeyError",
         "message": "'text'"}]
    assert lines == ["bad.txt (article bad): tone failed (KeyError: 'text'); left out of that table"]
    # every other table, and the other articles' rows, as without the bad article
    good, _ = _quiet_analyze(bad.drop(index=2), jobs=1)
    for name in PRODUCERS:
        if name != "tone":
            keep = tables[name][tables[name]["article_id"] != "bad"].reset_index(drop=True)
            pd.testing.assert_frame_equal(keep, good[name], obj=name)


def test_the_crash_text_gets_its_attribution_beside_other_articles():
    tables, lines = _quiet_analyze(articles_from_texts(GOOD, ids=["a", "b", "nurses"]), jobs=1)
    assert lines == [] and tables["failures"].empty
    att = tables["attributions"]
    assert att.loc[att["article_id"] == "nurses", ["speaker", "kind", "cue"]].values.tolist() == [
        ["National Nurses Union", "reported", "said"]]   # as tests/test_sourcing.py has it
    assert tables["quote_share"][["article_id", "words", "reported_words"]].values.tolist() == [
        ["a", 12, 0], ["b", 9, 7], ["nurses", 28, 11]]


def test_missing_column_is_said_only_when_the_column_is_missing():
    arts = articles_from_texts(GOOD, ids=["a", "b", "c"])  # no `raw` / `removed_lines`: no `removed` table
    tables, lines = _quiet_analyze(arts, jobs=1)   # checks the one line saying so
    assert lines == []
    assert list(tables["removed"].columns) == ["article_id", "line", "text", "reason"] and tables["removed"].empty
    assert tables["failures"].empty and list(tables["failures"].columns) == FAILURE_COLUMNS


@pytest.fixture(scope="module")
def warm():
    """Rules and lexicons loaded once, so that the short budget below times the articles only."""
    pipeline.warm()


@pytest.mark.parametrize("producer", ["_words_unless_hang", "_words_unless_backtrack"])
def test_an_article_over_the_time_budget_is_a_failure_and_the_run_goes_on(monkeypatch, producer, jobs, warm):
    monkeypatch.setitem(PRODUCERS, "tone", f"test_failures:{producer}")
    marker = "HANG" if "hang" in producer else "BACKTRACK"
    arts = articles_from_texts([GOOD[0], f"This one will {marker}.", GOOD[1]], ids=["a", "slow", "b"])
    started = time.monotonic()
    tables, lines = _quiet_analyze(arts, jobs=jobs, chunk_size=3, article_seconds=1.5)
    assert time.monotonic() - started < 60  # finishes (the exact time is not the point)
    assert tables["tone"].to_dict("list") == {"article_id": ["a", "b"], "words": [12, 9]}
    message = ("took longer than the time budget of 1.5 s per article (article_seconds=, or "
               "ANALYSIS_ARTICLE_SECONDS)")
    assert tables["failures"].to_dict("records") == [
        {"article_id": "slow", "path": None, "producer": "tone", "exception": "TimeBudgetExceeded",
         "message": message}]
    assert lines == [f"article slow: tone failed (TimeBudgetExceeded: {message}); left out of that table"]
    assert len(tables["quote_share"]) == 3


def test_time_limit_in_a_thread_and_nested():
    caught = []

    def work():
        try:
            with time_limit(0.3):
                while True:
                    pass
        except TimeBudgetExceeded:
            caught.append("thread")

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(30)
    assert caught == ["thread"]
    with time_limit(30):          # an outer budget survives an inner one that ran out
        with pytest.raises(TimeBudgetExceeded):
            with time_limit(0.2):
                while True:
                    pass
        with time_limit(5):
            pass
    with pytest.raises(TimeBudgetExceeded):
        with time_limit(0.2, cpu=True):   # CPU seconds of this process
            while True:
                pass
    time.sleep(1.2)               # nothing fires after the blocks ended
    assert time_limit(None) is not None


def test_run_corpus_writes_the_failures_table(monkeypatch, tmp_path):
    monkeypatch.setitem(PRODUCERS, "tone", "test_failures:_words_unless_bug")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    seed = (SEEDS / "000_aa55596a56c29464.txt").read_text(encoding="utf-8")
    (corpus / "a.txt").write_text(seed, encoding="utf-8")
    (corpus / "bad.txt").write_text(seed.replace("peacekeeping", "BUG"), encoding="utf-8")
    run_corpus(corpus, tmp_path / "t", jobs=1, progress=False, echo=lambda m: None)
    failures = pd.read_parquet(tmp_path / "t" / "failures.parquet")
    articles = pd.read_parquet(tmp_path / "t" / "articles.parquet").set_index("path")
    assert failures.to_dict("records") == [
        {"article_id": articles.loc[str(corpus / "bad.txt"), "article_id"], "path": str(corpus / "bad.txt"),
         "producer": "tone", "exception": "KeyError", "message": "'text'"}]
    assert pd.read_parquet(tmp_path / "t" / "tone.parquet")["words"].tolist() == [307]
    assert "bad.txt" in (tmp_path / "t" / "warnings.txt").read_text(encoding="utf-8")


def test_lazy_tables_isolate_failures_too(monkeypatch):
    monkeypatch.setitem(PRODUCERS, "tone", "test_failures:_words_unless_bug")
    arts = articles_from_texts([GOOD[0], "A BUG here."], ids=["a", "bad"])
    t = pipeline.Tables(articles=arts)
    with pytest.warns(pipeline.PipelineWarning, match=r"article bad: tone failed \(KeyError"):
        assert t["tone"]["article_id"].tolist() == ["a"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert t["failures"][["article_id", "producer"]].values.tolist() == [["bad", "tone"]]
    assert list(t) == list(TABLE_NAMES)


# ---------------------------------------------------------------- a mistaken call says what to pass
@pytest.mark.parametrize("call", [quotes.find_quotes, quotes.quote_share, readability.scores,
                                  framing.frame_scores, framing.tone, analysis.paragraphs, analyze])
@pytest.mark.parametrize("value", ["some/path", Path("corpus"), ["a text"], None])
def test_a_path_or_text_where_articles_belong_is_a_type_error(call, value):
    with pytest.raises(TypeError, match=r"must be an articles table \(columns article_id, text\), not .*; "
                                        r"pass analysis\.load_articles\(path\)"):
        call(value)


def test_the_type_error_names_function_argument_and_value():
    with pytest.raises(TypeError) as err:
        quotes.quote_share("some/path")
    assert str(err.value) == (
        "sourcing.quote_share(): `articles` must be an articles table (columns article_id, text), not the str "
        "'some/path'; pass analysis.load_articles(path) for files on disk, or "
        "analysis.load.articles_from_texts(texts) for strings in memory")


def test_a_table_without_the_needed_columns_is_a_value_error():
    with pytest.raises(ValueError) as err:
        readability.scores(pd.DataFrame({"article_id": ["a"], "body": ["Some text."]}))
    assert str(err.value) == (
        "readability.scores(): `articles` must be an articles table, but it has no column(s) text "
        "(it has: article_id, body); pass analysis.load_articles(path) for files on disk, or "
        "analysis.load.articles_from_texts(texts) for strings in memory (columns: docs/columns.md)")
    arts = articles_from_texts(GOOD[:1], ids=["a"])
    with pytest.raises(ValueError, match=r"removed_lines\(\): `articles` must be an articles table as loaded "
                                         r"from files, but it has no column\(s\) raw, removed_lines"):
        analysis.removed_lines(arts)
    with pytest.raises(ValueError, match=r"quote_share\(\): `quotes` must be a quotes table, but it has no "
                                         r"column\(s\) paragraph, start"):
        quotes.quote_share(arts, quotes=pd.DataFrame({"article_id": [], "end": [], "n_words": [], "kind": [],
                                                      "nested": []}))


def test_checked_functions_keep_their_names_and_docs():
    assert quotes.quote_share.__name__ == "quote_share" and "Per article" in quotes.quote_share.__doc__
    assert quotes.quote_share.needs.columns == ("article_id", "text")
    assert analysis.removed_lines.needs.columns == ("article_id", "raw", "removed_lines")


def test_seed_tables_have_no_failures():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tables = analyze(load_articles(SEEDS), jobs=1)
    assert tables["failures"].empty
