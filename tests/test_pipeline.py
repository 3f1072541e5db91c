"""analyze() and run_corpus(): every table, same rows whatever the pool, chunks and resumes."""
from __future__ import annotations

import hashlib
import json
import shutil
import warnings
from pathlib import Path

import pandas as pd
import pytest

import analysis
from analysis import corpus_run, pipeline
from analysis.load import load_articles
from analysis.pipeline import PRODUCERS, TABLE_NAMES, analyze, plan_chunks, run_corpus

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED = SEEDS / "000_aa55596a56c29464.txt"
PAGES = ROOT.parent / "shared" / "corpus" / "pages"
REFERENCE = ROOT.parent / "shared" / "corpus" / "reference.jsonl"
SEED_BODY = (ROOT / "tests" / "data" / "seed_body.txt").read_text(encoding="utf-8").strip()
SEED_ID = hashlib.sha1(SEED.read_bytes()).hexdigest()[:16]  # docs/columns.md: SHA-1 of the raw bytes
PAGE_IDS = ["04a6711caa7c6875", "076f4f33bf75059d", "08f793762792bd25", "098bb3e96c0acdf3",
            "0d46122928b6f468"]


def roundtrip(frame: pd.DataFrame, tmp_path: Path, name: str) -> pd.DataFrame:
    """The frame as a run's Parquet file gives it back (types as stored)."""
    path = tmp_path / f"_rt_{name}.parquet"
    frame.to_parquet(path, index=False)
    return pd.read_parquet(path)


def assert_same_tables(written_dir: Path, expected: dict, tmp_path: Path) -> None:
    for name in TABLE_NAMES:
        got = pd.read_parquet(written_dir / f"{name}.parquet")
        pd.testing.assert_frame_equal(got, roundtrip(expected[name], tmp_path, name), obj=name)


@pytest.fixture()
def small_corpus(tmp_path):
    """Seed + 5 real page dumps in two folders: a/ (seed and 3 pages), b/ (2 pages)."""
    corpus = tmp_path / "corpus"
    (corpus / "a").mkdir(parents=True)
    (corpus / "b").mkdir()
    shutil.copy(SEED, corpus / "a" / SEED.name)
    for i, pid in enumerate(PAGE_IDS):
        shutil.copy(PAGES / f"{pid}.txt", corpus / ("a" if i < 3 else "b") / f"{pid}.txt")
    return corpus


# ---------------------------------------------------------------- planning chunks
def test_plan_chunks_balanced_never_mixing_folders():
    files = [Path(f"a/{i:03d}.txt") for i in range(251)] + [Path("b/x.txt"), Path("b/y.txt")]
    chunks = plan_chunks(files, 250)
    assert [len(c) for c in chunks] == [126, 125, 2]
    assert chunks[0][0] == Path("a/000.txt") and chunks[1][0] == Path("a/126.txt")
    assert [p for c in chunks for p in c] == files  # order kept
    small = plan_chunks([Path("a/1.txt"), Path("a/2.txt"), Path("a/3.txt"), Path("b/1.txt")], 2)
    assert small == [[Path("a/1.txt"), Path("a/2.txt")], [Path("a/3.txt")], [Path("b/1.txt")]]
    assert plan_chunks([], 10) == []


# ---------------------------------------------------------------- analyze()
def test_analyze_seed_every_table():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tables = analyze(load_articles(SEEDS), jobs=1)
    assert list(tables) == list(TABLE_NAMES)
    assert len(tables["articles"]) == 1
    paras = tables["paragraphs"]
    assert len(paras) == 9 and paras["n_words"].sum() == 307
    assert paras["paragraph"].tolist() == list(range(9))
    assert "\n\n".join(paras["text"]) == SEED_BODY
    assert tables["readability"]["article_id"].tolist() == [SEED_ID]
    for name in PRODUCERS:  # every table joins back to the article
        if len(tables[name]):
            assert set(tables[name]["article_id"]) == {SEED_ID}, name


def _reference_articles(n: int) -> pd.DataFrame:
    bodies, ids = [], []
    with open(REFERENCE, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            bodies.append(rec["body"])
            ids.append(rec["id"])
            if len(ids) == n:
                break
    return analysis.load.articles_from_texts(bodies + [SEED_BODY], ids + ["seed"])


def test_analyze_pool_and_chunks_give_the_serial_result():
    articles = _reference_articles(11)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        serial = analyze(articles, jobs=1, chunk_size=1000)
        pooled = analyze(articles, jobs=2, chunk_size=3)  # 4 chunks over 2 processes
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(pooled[name], serial[name], obj=name)
    assert serial["articles"]["article_id"].tolist()[-1] == "seed"
    assert len(serial["readability"]) == 12
    seed_paras = serial["paragraphs"][serial["paragraphs"]["article_id"] == "seed"]
    assert len(seed_paras) == 9 and seed_paras["n_words"].sum() == 307


def _fragile_words(articles: pd.DataFrame) -> pd.DataFrame:
    """Test producer: words per article, raising on a text that contains BOOM."""
    rows = []
    for aid, text in zip(articles["article_id"], articles["text"]):
        if "BOOM" in (text or ""):
            raise RuntimeError("cannot measure this")
        rows.append({"article_id": aid, "words": len((text or "").split())})
    return pd.DataFrame(rows, columns=["article_id", "words"])


def test_a_failing_producer_leaves_out_only_that_article(monkeypatch):
    monkeypatch.setitem(PRODUCERS, "tone", "test_pipeline:_fragile_words")
    articles = pd.DataFrame({"article_id": ["a", "b", "c", "d"],
                             "text": ["one two three", "BOOM goes the test", "", "four five"]})
    with pytest.warns(pipeline.PipelineWarning, match=r"article b: tone failed \(RuntimeError: cannot measure this\)"):
        tables = analyze(articles, jobs=1)
    assert tables["tone"].to_dict("list") == {"article_id": ["a", "c", "d"], "words": [3, 0, 2]}
    assert len(tables["paragraphs"]) == 3  # the other tables are untouched (c has no paragraph)


def test_analyze_bad_input_never_raises():
    texts = ["", "   ", "\u201cAn unbalanced quote that never closes, said nobody.",
             "Ein kurzer deutscher Text ohne Anführungszeichen, der nicht englisch ist.",
             ("A sentence repeated to make a very long text. " * 20000).strip()]
    articles = pd.DataFrame({"article_id": list("vwxyz"), "text": texts})
    articles.loc[len(articles)] = ["n", None]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tables = analyze(articles, jobs=1)
    assert tables["articles"]["article_id"].tolist() == ["v", "w", "x", "y", "z", "n"]
    assert tables["paragraphs"]["article_id"].tolist() == ["w", "x", "y", "z"]
    assert tables["paragraphs"]["n_words"].tolist()[:3] == [0, 8, 10]
    assert tables["paragraphs"].loc[tables["paragraphs"]["article_id"] == "z", "n_words"].tolist() == [180000]


def test_analyze_empty_frame_gives_empty_tables():
    empty = pd.DataFrame({"article_id": pd.Series([], dtype=str), "text": pd.Series([], dtype=str)})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tables = analyze(empty, jobs=2)
    assert list(tables) == list(TABLE_NAMES)
    assert all(len(t) == 0 for t in tables.values())
    assert list(tables["paragraphs"].columns) == ["article_id", "paragraph", "text", "n_words", "start"]


# ---------------------------------------------------------------- run_corpus(): streamed, resumable
def test_run_corpus_seed_writes_parquet_and_csv(tmp_path):
    summary = run_corpus(SEEDS, tmp_path / "tables", jobs=1, progress=False)
    assert (summary["files"], summary["articles"], summary["words"], summary["chunks"]) == (1, 1, 307, 1)
    paras = pd.read_parquet(tmp_path / "tables" / "paragraphs.parquet")
    assert len(paras) == 9 and paras["n_words"].sum() == 307
    csv = pd.read_csv(tmp_path / "tables" / "paragraphs.csv")
    assert csv["n_words"].tolist() == paras["n_words"].tolist()
    assert (tmp_path / "tables" / "warnings.txt").read_text() == ""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        expected = analyze(load_articles(SEEDS), jobs=1)
    assert_same_tables(tmp_path / "tables", expected, tmp_path)
    # notebooks read what the run wrote
    t = analysis.tables(SEEDS, tmp_path / "tables")
    assert len(t["paragraphs"]) == 9 and t["articles"]["title"].tolist() == [
        "Denmark potentially open to sending peacekeeping troops to Ukraine"]


def test_run_corpus_chunks_match_loading_everything(small_corpus, tmp_path):
    summary = run_corpus(small_corpus, tmp_path / "t", jobs=2, chunk_size=250, progress=False)
    assert (summary["files"], summary["chunks"], summary["articles"]) == (6, 2, 6)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        expected = analyze(load_articles(small_corpus, jobs=1), jobs=1)
    assert_same_tables(tmp_path / "t", expected, tmp_path)


def test_run_tables_carry_no_attrs(small_corpus, tmp_path):
    """A run's Parquet tables hold no per-chunk state: empty `attributes` in their pandas metadata (the
    loader's 250 page keys with body sketches used to reach articles.parquet), so read back, every
    table's attrs are empty; the chunk files too."""
    import pyarrow.parquet as pq

    run_corpus(small_corpus, tmp_path / "t", jobs=1, chunk_size=2, progress=False)
    written = [tmp_path / "t" / f"{name}.parquet" for name in TABLE_NAMES]
    written += sorted((tmp_path / "t" / "_chunks").rglob("*.parquet"))
    assert len(written) == len(TABLE_NAMES) * 4 + 3    # 3 chunks of every table and of page keys
    for path in written:
        assert pd.read_parquet(path).attrs == {}, path
        assert json.loads(pq.read_schema(path).metadata[b"pandas"])["attributes"] == {}, path


def test_interrupted_run_resumes_without_redoing_finished_chunks(small_corpus, tmp_path, monkeypatch):
    out = tmp_path / "t"
    real = corpus_run._run_chunk
    calls = []

    def interrupted(task):
        calls.append(task["id"])
        if len(calls) == 2:
            raise KeyboardInterrupt  # the user pressed Ctrl-C during the second chunk
        return real(task)

    monkeypatch.setattr(corpus_run, "_run_chunk", interrupted)
    with pytest.raises(KeyboardInterrupt):
        run_corpus(small_corpus, out, jobs=1, chunk_size=2, progress=False)
    assert len(list((out / "_chunks" / "_done").glob("*.json"))) == 1
    monkeypatch.setattr(corpus_run, "_run_chunk", real)
    resumed = run_corpus(small_corpus, out, jobs=1, chunk_size=2, progress=False)
    # a/ has 4 files -> 2 + 2, b/ has 2 -> 1 chunk: 3 chunks, 1 was done
    assert (resumed["chunks"], resumed["chunks_computed"], resumed["articles"]) == (3, 2, 6)
    again = run_corpus(small_corpus, out, jobs=1, chunk_size=2, progress=False)
    assert again["chunks_computed"] == 0
    fresh = run_corpus(small_corpus, tmp_path / "fresh", jobs=1, chunk_size=2, progress=False)
    assert fresh["chunks_computed"] == 3
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(pd.read_parquet(out / f"{name}.parquet"),
                                      pd.read_parquet(tmp_path / "fresh" / f"{name}.parquet"), obj=name)
    # a new version of the code redoes everything; --restart too
    monkeypatch.setattr(corpus_run, "code_fingerprint", lambda: "another version")
    assert run_corpus(small_corpus, out, jobs=1, chunk_size=2, progress=False)["chunks_computed"] == 3
    assert run_corpus(small_corpus, out, jobs=1, chunk_size=2, progress=False,
                      restart=True)["chunks_computed"] == 3
    assert len(list((out / "_chunks" / "paragraphs").glob("*.parquet"))) == 3  # stale chunks removed


def test_identical_pages_in_different_chunks_get_distinct_ids(tmp_path):
    corpus = tmp_path / "corpus"
    for folder in ("a", "b", "c"):
        (corpus / folder).mkdir(parents=True)
        shutil.copy(SEED, corpus / folder / "copy.txt")
    messages = []
    run_corpus(corpus, tmp_path / "once", jobs=1, progress=False, echo=messages.append)
    once = pd.read_parquet(tmp_path / "once" / "articles.parquet")
    assert once["path"].tolist() == [str(corpus / "a" / "copy.txt")]     # one page, loaded once
    assert [m for m in messages if "the same page" in m] == [
        f"warning: {corpus / x / 'copy.txt'}: the same page as {corpus / 'a' / 'copy.txt'} (the same bytes); "
        f"loaded once, from {corpus / 'a' / 'copy.txt'} (keep both: keep_duplicates=True)" for x in "bc"]
    assert len(pd.read_parquet(tmp_path / "once" / "paragraphs.parquet")) == 9
    run_corpus(corpus, tmp_path / "t", jobs=1, progress=False, keep_duplicates=True)
    ids = pd.read_parquet(tmp_path / "t" / "articles.parquet")["article_id"].tolist()
    assert ids == [SEED_ID, f"{SEED_ID}-2", f"{SEED_ID}-3"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert load_articles(corpus, keep_duplicates=True)["article_id"].tolist() == ids
    paras = pd.read_parquet(tmp_path / "t" / "paragraphs.parquet")
    assert paras.groupby("article_id").size().to_dict() == dict.fromkeys(ids, 9)


def test_run_pairs_text_dumps_with_their_html_pages_across_chunks(tmp_path):
    """Five development pages as HTML (folder html/) and as text dumps (folder txt/): other chunks,
    other file names, so only their bodies match. The run keeps each page once, from the HTML copy,
    as loading everything at once does; it sketches bodies only when both formats are there."""
    corpus = tmp_path / "corpus"
    (corpus / "html").mkdir(parents=True)
    (corpus / "txt").mkdir()
    for pid in PAGE_IDS:
        shutil.copy(PAGES / f"{pid}.html.gz", corpus / "html" / f"{pid}.html.gz")
        shutil.copy(PAGES / f"{pid}.txt", corpus / "txt" / f"{pid}.txt")
    messages = []
    run_corpus(corpus, tmp_path / "t", jobs=1, progress=False, echo=messages.append)
    got = pd.read_parquet(tmp_path / "t" / "articles.parquet")
    assert got["path"].tolist() == [str(corpus / "html" / f"{pid}.html.gz") for pid in PAGE_IDS]
    assert sorted(m for m in messages if "the same page" in m) == [
        f"warning: {corpus / 'txt' / pid}.txt: the same page as {corpus / 'html' / pid}.html.gz (the same body); "
        f"loaded once, from {corpus / 'html' / pid}.html.gz (keep both: keep_duplicates=True)" for pid in PAGE_IDS]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        expected = analyze(load_articles(corpus, jobs=1), jobs=1)
    assert_same_tables(tmp_path / "t", expected, tmp_path)
    keys = pd.concat(pd.read_parquet(p) for p in sorted((tmp_path / "t" / "_chunks" / "_keys").glob("*")))
    assert (keys["sketch"].str.split().str.len() == 16).all()
    # text dumps only: no page of the corpus can match another by body, so no sketch is made
    shutil.rmtree(corpus / "html")
    run_corpus(corpus, tmp_path / "t2", jobs=1, progress=False)
    assert pd.read_parquet(next((tmp_path / "t2" / "_chunks" / "_keys").glob("*")))["sketch"].tolist() == [""] * 5


def test_bad_files_never_stop_a_run(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / "good.txt")
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 200)
    (corpus / "quotes.txt").write_text("\u201cThis quote never closes, the minister said.\n\n" * 3,
                                       encoding="utf-8")
    messages = []
    summary = run_corpus(corpus, tmp_path / "t", jobs=1, progress=False, echo=messages.append)
    assert summary["files"] == 4
    articles = pd.read_parquet(tmp_path / "t" / "articles.parquet")
    assert sorted(Path(p).name for p in articles["path"]) == ["empty.txt", "good.txt", "quotes.txt"]
    listed = (tmp_path / "t" / "warnings.txt").read_text(encoding="utf-8")
    assert f"{corpus / 'empty.txt'}: empty file" in listed
    assert f"{corpus / 'binary.txt'}: skipped" in listed
    assert "good.txt" not in listed


def test_run_corpus_of_nothing_writes_empty_tables(tmp_path):
    (tmp_path / "corpus").mkdir()
    messages = []
    summary = run_corpus(tmp_path / "corpus", tmp_path / "t", progress=False, echo=messages.append)
    assert summary["articles"] == 0 and messages == [f"warning: no article files found in {tmp_path / 'corpus'}"]
    assert len(pd.read_parquet(tmp_path / "t" / "articles.parquet")) == 0
    assert list(pd.read_parquet(tmp_path / "t" / "paragraphs.parquet").columns) == [
        "article_id", "paragraph", "text", "n_words", "start"]
